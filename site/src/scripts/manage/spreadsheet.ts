// "Werken met een spreadsheet": a large provider downloads all housing forms as a CSV, edits it in
// Excel, and chooses the file here. The file is read in the browser (UTF-8; a file Excel saved in
// its older Windows encoding is read again as that), its size checked against the API's body
// limit before anything is sent, then the dry run is shown per row (each changed field in plain
// words, before and after) or every problem by line and column; "Wijzigingen doorvoeren" applies
// it all or nothing and the overview is read again. The chosen file stays chosen on any error.
import { el, fill, replaceChildren } from '../shortlist/dom.ts';
import { type Context, oneAtATime, required } from './context.ts';
import { problemInWords } from './csv-words.ts';
import { clearErrors, showErrors } from './form-data.ts';
import { differenceList } from './history.ts';
import { staffApi, type CsvChange, type CsvCounts, type CsvProblem } from './staff-api.ts';
import { count } from './words.ts';

/** What the file reader gives: the text, or why there is none. */
function readFile(file: File, encoding: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : undefined);
    reader.onerror = () => resolve(undefined);
    reader.readAsText(file, encoding);
  });
}

export function setUpSpreadsheet(ctx: Context): { show(): void } {
  const view = required<HTMLElement>(document, '[data-view="spreadsheet"]');
  const form = required<HTMLFormElement>(view, 'form[data-form="spreadsheet"]');
  const fileBox = required<HTMLInputElement>(form, 'input[type="file"]');
  const download = required<HTMLAnchorElement>(view, 'a[data-download]');
  const planPart = required<HTMLElement>(view, '[data-plan]');
  const problemsPart = required<HTMLElement>(view, '[data-problems]');
  const applyButton = required<HTMLButtonElement>(view, 'button[data-action="apply"]');
  const s = ctx.data.texts.spreadsheet;
  const words = { messages: {}, labels: {} };
  const organizationId = () => ctx.place.organizationId ?? '';
  /** The file the shown dry run is of: applying sends exactly that. */
  let planned: string | undefined;

  const sayAtFile = (message: string) => showErrors(form, [{ path: 'file', message }], words, '');

  function reset(): void {
    planned = undefined;
    planPart.hidden = true;
    problemsPart.hidden = true;
    clearErrors(form);
  }

  async function readChosen(): Promise<string | undefined> {
    const file = fileBox.files?.[0];
    if (!file) return void sayAtFile(s.noFile);
    if (file.size > ctx.data.limits.bodyBytes) return void sayAtFile(s.tooLarge);
    let text = await readFile(file, 'utf-8');
    // Dutch Excel's plain "CSV" is Windows-1252, where é or ë are not UTF-8: such a file is read as what it is.
    if (text?.includes('\uFFFD')) text = await readFile(file, 'windows-1252');
    if (text === undefined || text.includes('\u0000')) return void sayAtFile(s.unreadable);
    // The body is the file as JSON: quotes and line breaks take more room there than in the file.
    if (new Blob([JSON.stringify({ csv: text })]).size > ctx.data.limits.bodyBytes) return void sayAtFile(s.tooLarge);
    return text;
  }

  function nameOf(change: CsvChange): string {
    const location = ctx.listing?.locations.find((entry) => entry.location.id === change.locationId);
    const housingForm = location?.housingForms.find((entry) => entry.housingForm.id === change.housingFormId)?.housingForm;
    const name = housingForm?.name ?? change.housingFormId;
    return location ? fill(ctx.data.texts.overview.nameInContext, { housingForm: name, location: location.location.name }) : name;
  }

  function row(change: CsvChange): HTMLElement {
    const fields = change.fields ?? [];
    const before = Object.fromEntries(fields.map((f) => [f.field, f.before]));
    const after = Object.fromEntries(fields.map((f) => [f.field, f.after]));
    return el('li', { class: 'ww-manage__change', 'data-plan-line': String(change.line) },
      el('h3', {}, `${fill(s.line, { line: change.line })}: ${nameOf(change)}`),
      change.kind === 'created' && el('p', {}, s.createdRow),
      fields.length > 0 && differenceList(ctx.data, fields.map((f) => f.field), before, after, { before: s.before, after: s.after }),
    );
  }

  function showPlan(changes: CsvChange[], counts: CsvCounts): void {
    problemsPart.hidden = true;
    const lines = (['updated', 'created', 'unchanged'] as const).filter((kind) => counts[kind] > 0)
      .map((kind) => el('li', {}, count(ctx.data, s.counts[kind], counts[kind])));
    replaceChildren(required(planPart, '[data-counts]'), ...lines);
    replaceChildren(required(planPart, '[data-plan-rows]'), ...changes.filter((change) => change.kind !== 'unchanged').map(row));
    const nothing = counts.updated + counts.created === 0;
    required<HTMLElement>(planPart, '[data-nothing]').hidden = !nothing;
    required<HTMLElement>(planPart, '[data-apply]').hidden = nothing;
    planPart.hidden = false;
    planPart.focus();
  }

  function showProblems(problems: readonly CsvProblem[]): void {
    planned = undefined;
    planPart.hidden = true;
    const items = problems.map((problem) => {
      const said = problemInWords(ctx.data, problem);
      return el('li', { 'data-problem-line': String(problem.line) },
        el('strong', {}, said.where), said.field ? ` (${said.field})` : '', `: ${said.message}`);
    });
    replaceChildren(required(problemsPart, '[data-problem-list]'), ...items);
    problemsPart.hidden = false;
    problemsPart.focus();
  }

  async function check(): Promise<void> {
    reset();
    const text = await readChosen();
    if (text === undefined) return;
    ctx.announce(s.checking);
    const outcome = await staffApi.planCsv(organizationId(), text);
    if (!outcome.ok) {
      if (outcome.kind === 'invalid') return sayAtFile(s.tooLarge);
      return ctx.failed(outcome);
    }
    if (!outcome.value.ok) return showProblems(outcome.value.problems);
    planned = text;
    showPlan(outcome.value.changes, outcome.value.counts);
  }

  async function apply(): Promise<void> {
    if (planned === undefined) return;
    const outcome = await staffApi.applyCsv(organizationId(), planned);
    if (outcome.ok) {
      const { updated, created } = outcome.value.counts;
      reset();
      form.reset();
      if (!(await ctx.reload())) return;
      ctx.go({ organizationId: organizationId() }, count(ctx.data, s.applied, updated + created));
      return;
    }
    const problems = outcome.kind === 'invalid' ? (outcome.body?.error as { problems?: CsvProblem[] } | undefined)?.problems : undefined;
    if (problems) return showProblems(problems);
    if (outcome.kind === 'refused' && outcome.status === 409) {
      reset();
      return ctx.alert(s.changedMeanwhile);
    }
    ctx.failed(outcome);
  }

  const once = oneAtATime(ctx).on;
  form.addEventListener('submit', once(check));
  applyButton.addEventListener('click', once(apply));
  // A new file makes the shown dry run no longer the file's.
  fileBox.addEventListener('change', reset);

  return {
    show() {
      download.href = staffApi.csvUrl(organizationId());
    },
  };
}
