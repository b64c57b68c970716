// The edit views' common part (a housing form, a location): the form filled from the version it
// starts from, a save that sends that version, a 400's messages at their fields with the error
// summary (every value typed stays), and a 409's explanation: what the colleague saved beside what
// this person typed, then either their own changes put on top of the new version (only the fields
// they changed, to check and save) or the new version taken as it is.
import type { ErrorResponse } from '../../../../shared/domain/views.ts';
import type { ApiOutcome } from '../lib/api-fetch.ts';
import { el, replaceChildren } from '../shortlist/dom.ts';
import { type Context, section } from './context.ts';
import { clearErrors, fillForm, keepNoneExclusive, linkSummary, readForm, setPath, showErrors } from './form-data.ts';
import { markUnknownInResults } from './unknown-in-results.ts';
import { differences, flatten, valueInWords } from './words.ts';

type Values = Record<string, unknown>;

export interface EditorOptions<T> {
  view: string;
  /** What the API puts before the form's field paths in a 400 (`housingForm.`). */
  prefix: string;
  /** The thing to send, from what is typed and the version it started from (none when creating). */
  build(values: Values, base: T | undefined): T;
  save(value: T, version: number | undefined): Promise<ApiOutcome<{ version: number }>>;
  /** The current version a 409 carries. */
  current(body: ErrorResponse): { value: T; version: number } | undefined;
  /** After a save: back to the overview, saying so. */
  saved(value: T, created: boolean): Promise<void>;
}

export interface Editor<T> {
  view: HTMLElement;
  form: HTMLFormElement;
  /** Starts editing `base` at `version` (or a new one), unless this same thing is being edited already. */
  open(key: string, title: string, base: T | undefined, version: number | undefined): void;
  /** Whether a save is under way or the last open is still being edited. */
  readonly base: T | undefined;
  readonly version: number | undefined;
  conflict(current: { value: T; version: number }, sent: T): void;
  buildFromForm(): T;
  /**
   * The thing moved on by a change this same view saved apart from the form (a location's photos),
   * from the version the form started at: saves now go from `next`; what is typed stays.
   */
  advance(from: number, next: { value: T; version: number }): void;
}

export function createEditor<T>(ctx: Context, options: EditorOptions<T>): Editor<T> | undefined {
  const view = section(options.view);
  const form = view?.querySelector<HTMLFormElement>('form[data-form]');
  const summary = view?.querySelector<HTMLElement>('[data-error-summary]');
  const conflictBox = view?.querySelector<HTMLElement>('[data-conflict]');
  if (!view || !form || !summary || !conflictBox) return undefined;
  const m = ctx.data.texts.form;
  const labels = ctx.data.fieldLabels;
  let base: T | undefined;
  let version: number | undefined;
  let openKey: string | undefined;
  let pending: { current: { value: T; version: number }; sent: T } | undefined;
  let busy = false;

  keepNoneExclusive(form);
  linkSummary(summary);

  const buildFromForm = () => options.build(readForm(form), base);

  function showConflict(current: { value: T; version: number }, sent: T): void {
    pending = { current, sent };
    clearErrors(form as HTMLFormElement, summary);
    const list = conflictBox?.querySelector('[data-conflict-list]');
    if (list) {
      replaceChildren(list, ...differences(labels, current.value, sent).map((path) => el('div', {},
        el('dt', {}, labels[path] ?? path),
        el('dd', {}, el('span', { class: 'ww-manage__which' }, `${m.conflictTheirs}: `), valueInWords(ctx.data, path, flatten(current.value)[path])),
        el('dd', {}, el('span', { class: 'ww-manage__which' }, `${m.conflictYours}: `), valueInWords(ctx.data, path, flatten(sent)[path])),
      )));
    }
    if (conflictBox) conflictBox.hidden = false;
    conflictBox?.focus();
  }

  function settle(next: { value: T; version: number }, values: unknown, message: string, focus: HTMLElement | null | undefined): void {
    base = next.value;
    version = next.version;
    pending = undefined;
    fillForm(form as HTMLFormElement, values);
    if (conflictBox) conflictBox.hidden = true;
    focus?.focus();
    ctx.announce(message);
  }

  conflictBox.querySelector('[data-action="apply-mine"]')?.addEventListener('click', () => {
    if (!pending) return;
    const mine = flatten(pending.sent);
    const before = flatten(base);
    const merged = structuredClone(pending.current.value) as Values;
    for (const path of Object.keys(labels)) {
      if (JSON.stringify(mine[path]) !== JSON.stringify(before[path])) setPath(merged, path, mine[path]);
    }
    settle(pending.current, merged, m.conflictApplied, form.querySelector<HTMLElement>('button[type="submit"]'));
  });
  conflictBox.querySelector('[data-action="take-theirs"]')?.addEventListener('click', () => {
    if (pending) settle(pending.current, pending.current.value, m.conflictTaken, view.querySelector<HTMLElement>('h1'));
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) return;
    busy = true;
    ctx.alert('');
    const sent = buildFromForm();
    const creating = base === undefined;
    void options.save(sent, version).then(async (outcome) => {
      if (outcome.ok) {
        openKey = undefined;
        await options.saved(sent, creating);
      } else if (outcome.kind === 'invalid') {
        if (conflictBox) conflictBox.hidden = true;
        showErrors(form, outcome.fields, { messages: ctx.data.texts.fieldErrors, labels }, options.prefix, summary);
      } else if (outcome.kind === 'refused' && outcome.status === 409 && options.current(outcome.body)) {
        showConflict(options.current(outcome.body) as { value: T; version: number }, sent);
      } else if (outcome.kind === 'refused' && outcome.status === 409 && creating) {
        showErrors(form, [{ path: `${options.prefix}id`, message: m.idTaken }], { messages: { id: m.idTaken }, labels }, options.prefix, summary);
      } else {
        ctx.failed(outcome);
      }
    }).finally(() => {
      busy = false;
    });
  });

  return {
    view,
    form,
    get base() { return base; },
    get version() { return version; },
    open(key, title, startFrom, startVersion) {
      const heading = view.querySelector('[data-title]');
      if (heading) heading.textContent = title;
      if (key === openKey) return; // the same thing again (Back, a new sign-in): what is typed stays
      openKey = key;
      base = startFrom;
      version = startVersion;
      pending = undefined;
      conflictBox.hidden = true;
      clearErrors(form, summary);
      form.reset();
      fillForm(form, startFrom ?? {});
      void markUnknownInResults(ctx, form);
    },
    conflict: showConflict,
    buildFromForm,
    advance(from, next) {
      // Only from the form's own version: a colleague's change in between must still meet the conflict.
      if (version !== from || pending) return;
      base = next.value;
      version = next.version;
    },
  };
}
