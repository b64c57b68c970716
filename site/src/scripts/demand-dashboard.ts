// The coordinator's demand dashboard (DemandPage.astro): asks who is signed in (the portal's
// session), offers the regions the person coordinates, and for the months and municipality chosen
// shows the coordinator API's report as bar charts (lib/bar-chart.ts) with the same figures in a
// table under each, and links its CSV. A figure below 5 arrives as "<5" and is shown as such.
import type { Messages } from '../../../shared/i18n/nl.ts';
import type { Locale } from '../../../shared/i18n/locales.ts';
import { barChart, type BarGroup } from './lib/bar-chart.ts';
import { el, fill, replaceChildren } from './shortlist/dom.ts';
import { call } from './manage/staff-api.ts';
import { coordinationData, openAsCoordinator, pageLines } from './manage/page-lines.ts';

export interface DemandPageData {
  locale: Locale;
  intlLocale: string;
  texts: Messages['demand'];
  /** `criterion|value` → the wish in the page's words. */
  wishes: Record<string, string>;
  /** The age wish with `{value}` for the age. */
  ageWish: string;
  regions: Array<{ id: string; name: string; municipalities: Array<{ code: string; name: string }> }>;
  /** The portal, where one signs in. */
  portal: string;
}

type Figure = number | '<5';
interface DemandReport {
  from: string;
  to: string;
  rows: Array<{ criterion: string; value?: string; must: Figure; important: Figure; asked: Figure; supply: { satisfying: number; placeWithin3Months: number }; gap: number }>;
  months: Array<{ month: string; asked: Figure }>;
  municipalities: Array<{ code: string; name?: string; asked: Figure }>;
}

const MONTH = /^[0-9]{4}-(0[1-9]|1[0-2])$/;
const UNKNOWN_MUNICIPALITY = 'unknown';

/** The month `back` months before `month` (YYYY-MM). */
function monthsBefore(month: string, back: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const date = new Date(Date.UTC(year, m - 1 - back, 1));
  return date.toISOString().slice(0, 7);
}

const data = coordinationData<DemandPageData>('demand');
if (data) start(data);

function start(data: DemandPageData): void {
  const d = data.texts;
  const q = <T extends Element>(selector: string) => document.querySelector<T>(selector);
  const dashboard = q<HTMLElement>('[data-dashboard]');
  const form = q<HTMLFormElement>('form[data-form="filters"]');
  const report = q<HTMLElement>('[data-report]');
  if (!dashboard || !form || !report) return;
  const regionBox = form.elements.namedItem('region') as HTMLSelectElement;
  const fromBox = form.elements.namedItem('from') as HTMLInputElement;
  const toBox = form.elements.namedItem('to') as HTMLInputElement;
  const municipalityBox = form.elements.namedItem('municipality') as HTMLSelectElement;
  const number = new Intl.NumberFormat(data.intlLocale);
  const monthName = new Intl.DateTimeFormat(data.intlLocale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const monthInWords = (month: string) => monthName.format(new Date(`${month}-01T00:00:00Z`));
  let last: DemandReport | undefined;

  const { announce, alert, show } = pageLines();

  const wishName = (criterion: string, value?: string) =>
    criterion === 'age' ? fill(data.ageWish, { value: value ?? '' }) : data.wishes[`${criterion}|${value ?? ''}`] ?? [criterion, value].filter(Boolean).join(': ');
  /** "<5" as it stands, with its meaning for a screen reader. */
  const figureCell = (tag: 'td' | 'th', figure: Figure | number) => figure === '<5'
    ? el(tag, {}, el('span', { 'aria-hidden': 'true' }, '<5'), el('span', { class: 'ww-visually-hidden' }, d.lessThanFive))
    : el(tag, {}, number.format(figure));

  function table(target: string, headers: string[], rows: Array<[string, ...Array<Figure | number>]>): void {
    const element = q<HTMLTableElement>(`[data-table="${target}"]`);
    if (!element) return;
    replaceChildren(element,
      el('thead', {}, el('tr', {}, ...headers.map((header) => el('th', { scope: 'col' }, header)))),
      el('tbody', {}, ...rows.map(([name, ...figures]) => el('tr', {}, el('th', { scope: 'row' }, name), ...figures.map((f) => figureCell('td', f))))));
  }

  function chart(target: string, title: string, description: string, series: string[], groups: BarGroup[]): void {
    const box = q<HTMLElement>(`[data-chart="${target}"]`);
    if (!box) return;
    replaceChildren(box, barChart({ id: `chart-${target}`, title, description, series, groups, width: box.clientWidth || 320, format: (n) => number.format(n) }));
  }

  function render(result: DemandReport): void {
    const c = d.columns;
    const wishes = result.rows.map((row) => ({ ...row, name: wishName(row.criterion, row.value) }));
    chart('wishes', d.wishesTitle, d.wishesChartDescription, [d.series.asked, d.series.satisfying, d.series.soon],
      wishes.map((row) => ({ label: row.name, values: [row.asked, row.supply.satisfying, row.supply.placeWithin3Months] })));
    table('wishes', [c.wish, c.must, c.important, c.asked, c.satisfying, c.soon, c.gap],
      wishes.map((row) => [row.name, row.must, row.important, row.asked, row.supply.satisfying, row.supply.placeWithin3Months, row.gap]));
    chart('months', d.monthsTitle, d.monthsChartDescription, [d.series.asked],
      result.months.map((month) => ({ label: monthInWords(month.month), values: [month.asked] })));
    table('months', [c.month, c.asked], result.months.map((month) => [monthInWords(month.month), month.asked]));
    table('municipalities', [c.municipality, c.asked], result.municipalities.map((m) => [m.name ?? (m.code === UNKNOWN_MUNICIPALITY ? d.unknownMunicipality : m.code), m.asked]));
    show('[data-none]', wishes.length === 0);
    show('[data-wishes]', wishes.length > 0);
    show('[data-municipalities]', result.municipalities.length > 0);
  }

  function query(): URLSearchParams {
    const search = new URLSearchParams({ from: fromBox.value, to: toBox.value });
    if (municipalityBox.value) search.set('municipality', municipalityBox.value);
    return search;
  }

  function fieldError(name: 'from' | 'to', message: string | undefined): void {
    const field = form?.querySelector<HTMLElement>(`[data-field="${name}"]`);
    const error = field?.querySelector<HTMLElement>('[data-error]');
    const box = name === 'from' ? fromBox : toBox;
    if (!error) return;
    error.textContent = message ?? '';
    error.hidden = !message;
    if (message) box.setAttribute('aria-invalid', 'true');
    else box.removeAttribute('aria-invalid');
  }

  async function load(focus: boolean): Promise<void> {
    alert('');
    const example = new Date().toISOString().slice(0, 7);
    const wrong = (['from', 'to'] as const).filter((name) => !MONTH.test((name === 'from' ? fromBox : toBox).value));
    for (const name of ['from', 'to'] as const) fieldError(name, wrong.includes(name) ? fill(d.monthInvalid, { example }) : undefined);
    if (wrong.length > 0) {
      (wrong[0] === 'from' ? fromBox : toBox).focus();
      return;
    }
    const regionId = regionBox.value;
    const path = `/api/coordinator/regions/${encodeURIComponent(regionId)}/demand`;
    const outcome = await call<DemandReport>('GET', `${path}?${query().toString()}`);
    if (!outcome.ok) {
      if (outcome.kind === 'invalid') alert(d.invalid);
      else if (outcome.kind === 'refused' && outcome.status === 401) return signedOut();
      else if (outcome.kind === 'refused' && outcome.status === 403) alert(d.forbidden);
      else alert(d.unavailable);
      return;
    }
    last = outcome.value;
    const csv = q<HTMLAnchorElement>('[data-csv]');
    if (csv) csv.href = `${path}/csv?${query().toString()}`;
    report!.hidden = false;
    render(last);
    announce(fill(d.loaded, { from: monthInWords(last.from), to: monthInWords(last.to) }));
    if (focus) report!.focus();
  }

  function fillMunicipalities(): void {
    const region = data.regions.find((r) => r.id === regionBox.value);
    replaceChildren(municipalityBox,
      el('option', { value: '' }, d.allMunicipalities),
      ...(region?.municipalities ?? []).map((m) => el('option', { value: m.code }, m.name)),
      el('option', { value: UNKNOWN_MUNICIPALITY }, d.unknownMunicipality));
  }

  function signedOut(): void {
    dashboard!.hidden = true;
    show('[data-sign-in-needed]', true);
  }

  async function begin(): Promise<void> {
    const opened = await openAsCoordinator({ alert, show }, { regions: data.regions, regionBox, regionField: '[data-field="region"]', signedOut, unavailable: d.unavailable });
    if (!opened) return;
    fillMunicipalities();
    const now = new Date().toISOString().slice(0, 7);
    toBox.value = now;
    fromBox.value = monthsBefore(now, 11);
    for (const hint of form!.querySelectorAll('[data-month-hint]')) hint.textContent = fill(d.monthHint, { example: now });
    dashboard!.hidden = false;
    await load(false);
  }

  regionBox.addEventListener('change', fillMunicipalities);
  let busy = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) return;
    busy = true;
    void load(true).finally(() => {
      busy = false;
    });
  });
  // The charts are drawn at their box's width: again when it changes (a phone turned, a window resized).
  let resizing: number | undefined;
  window.addEventListener('resize', () => {
    window.clearTimeout(resizing);
    resizing = window.setTimeout(() => last && render(last), 200);
  });
  void begin();
}
