// A housing form's history: each change, newest first, with who made it, when (date and time in
// the Netherlands), what kind of change it was, and each field that changed in plain words, before
// and after. Fields the portal has no name for (internal ones) are left out.
import { el, fill, replaceChildren } from '../shortlist/dom.ts';
import { type Context, findHousingForm, section } from './context.ts';
import type { ManagePageData } from './page-data.ts';
import { staffApi, type Change } from './staff-api.ts';
import { dateTimeInWords, differences, flatten, valueInWords } from './words.ts';

/** Each changed field by its plain name, before and after in words (the history, a spreadsheet's dry run). */
export function differenceList(
  data: ManagePageData,
  paths: readonly string[],
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  words: { before: string; after: string },
): HTMLElement {
  return el('dl', { class: 'ww-manage__differences' }, ...paths.map((path) => el('div', {},
    el('dt', {}, data.fieldLabels[path] ?? path),
    el('dd', {}, el('span', { class: 'ww-manage__which' }, `${words.before}: `), valueInWords(data, path, before[path])),
    el('dd', {}, el('span', { class: 'ww-manage__which' }, `${words.after}: `), valueInWords(data, path, after[path])),
  )));
}

export function setUpHistory(ctx: Context): { show(): Promise<void> } {
  const view = section('history');
  const m = ctx.data.texts.history;
  const labels = ctx.data.fieldLabels;

  function item(change: Change): HTMLElement {
    const paths = change.before && change.after ? differences(labels, change.before, change.after) : [];
    const before = flatten(change.before);
    const after = flatten(change.after);
    return el('li', { class: 'ww-manage__change' },
      el('h2', {}, m.actions[change.action]),
      el('p', {}, el('time', { datetime: change.at }, dateTimeInWords(ctx.data, change.at)), ' ', fill(m.by, { name: change.by.name })),
      paths.length > 0 && differenceList(ctx.data, paths, before, after, { before: m.before, after: m.after }),
    );
  }

  return {
    async show() {
      const { organizationId = '', locationId = '', housingFormId = '' } = ctx.place;
      const title = view?.querySelector('[data-title]');
      // A removed housing form is no longer in the listing; its history still is.
      const name = findHousingForm(ctx)?.housingForm.name;
      const list = view?.querySelector('[data-changes]');
      if (list) replaceChildren(list);
      if (title) title.textContent = fill(m.title, { name: name ?? housingFormId });
      const outcome = await staffApi.history(organizationId, locationId, housingFormId);
      if (!outcome.ok) return ctx.failed(outcome);
      const { changes } = outcome.value;
      const named = name ?? (changes.find((change) => change.before?.name)?.before?.name as string | undefined) ?? housingFormId;
      if (title) title.textContent = fill(m.title, { name: named });
      if (list) replaceChildren(list, ...changes.map(item));
      const empty = view?.querySelector<HTMLElement>('[data-history-empty]');
      if (empty) empty.hidden = changes.length > 0;
    },
  };
}
