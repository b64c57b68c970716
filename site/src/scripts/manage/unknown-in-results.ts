// Beside a field of the edit forms, for an organisation's admins: "Dit veld was deze maand in N
// matchresultaten onbekend" (GET .../unknown-in-results, anonymous counts of the month; "<5" is
// said as "minder dan 5"). Nothing when the field has no count, for an editor (the route is the
// admins'), or when the counts cannot be read: they are an aid, never in the way of editing.
import { el } from '../shortlist/dom.ts';
import type { Context } from './context.ts';
import { call } from './staff-api.ts';
import { count } from './words.ts';

interface UnknownInResults {
  fields: Array<{ field: string; criterion: string; results: number | '<5' }>;
}

const NOTE = 'data-unknown-note';
/** One reading per organisation while the page is open: the counts change by the month. */
const read = new Map<string, Promise<UnknownInResults | undefined>>();

function counts(organizationId: string): Promise<UnknownInResults | undefined> {
  let answer = read.get(organizationId);
  if (!answer) {
    answer = call<UnknownInResults>('GET', `/api/provider/organizations/${encodeURIComponent(organizationId)}/unknown-in-results`)
      .then((outcome) => (outcome.ok ? outcome.value : undefined));
    read.set(organizationId, answer);
  }
  return answer;
}

/** What a note adds to a field's description, taken away again before the next notes. */
function describedBy(field: HTMLElement): HTMLElement | null {
  return field.matches('fieldset') ? field : field.querySelector<HTMLElement>('input, textarea, select');
}

export async function markUnknownInResults(ctx: Context, form: HTMLFormElement): Promise<void> {
  for (const note of form.querySelectorAll<HTMLElement>(`[${NOTE}]`)) {
    const target = note.parentElement && describedBy(note.parentElement);
    target?.setAttribute('aria-describedby', (target.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id !== note.id).join(' '));
    note.remove();
  }
  const organizationId = ctx.place.organizationId;
  if (!organizationId || ctx.roleHere() !== 'provider-admin') return;
  const answer = await counts(organizationId);
  if (!answer || ctx.place.organizationId !== organizationId) return;
  const m = ctx.data.texts.form;
  const marked = new Set<string>();
  // Most results first (the API's order): a field two criteria read gets the larger count.
  for (const { field, results } of answer.fields) {
    if (marked.has(field)) continue;
    const box = form.querySelector<HTMLElement>(`[data-field="${CSS.escape(field)}"]`);
    const title = box?.querySelector('legend, label');
    if (!box || !title) continue;
    marked.add(field);
    const id = `${form.dataset.form ?? 'form'}-${field}-unknown-in-results`;
    title.after(el('p', { class: 'ww-hint ww-manage__unknown-note', id, [NOTE]: true }, results === '<5' ? m.unknownInResultsFew : count(ctx.data, m.unknownInResults, results)));
    const target = describedBy(box);
    target?.setAttribute('aria-describedby', `${target.getAttribute('aria-describedby') ?? ''} ${id}`.trim());
  }
}
