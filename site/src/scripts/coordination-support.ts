// The region's support organisations editor (SupportListPage.astro): asks who is signed in (the
// portal's session), reads the list of the region chosen, draws one group of fields per
// organisation (its order is the help page's) and saves the whole list with the version it was read
// at. A save someone else beat is said plainly and keeps what was typed: the coordinator may look at
// the list as it is now, save theirs over it, or take the saved one. The API's field errors are put
// at their fields by path (organizations.2.openingHours.periods.0.closes).
import type { Messages } from '../../../shared/i18n/nl.ts';
import type { Locale } from '../../../shared/i18n/locales.ts';
// Types only: region.ts's values would bring zod into the page (budget).
import type { SupportOrganization, Weekday } from '../../../shared/domain/region.ts';
import type { ApiOutcome } from './lib/api-fetch.ts';
import { el, fill, replaceChildren } from './shortlist/dom.ts';
import { showFieldErrors } from './manage/field-errors.ts';
import { call } from './manage/staff-api.ts';
import { coordinationData, openAsCoordinator, pageLines } from './manage/page-lines.ts';

export interface SupportPageData {
  locale: Locale;
  texts: Messages['coordination']['support'];
  refusals: Pick<Messages['coordination'], 'unavailable' | 'forbidden' | 'invalid'>;
  dayNames: Record<Weekday, string>;
  regions: Array<{ id: string; name: string }>;
}

interface SupportList { organizations: SupportOrganization[]; version: number; municipalities?: Array<{ code: string; name: string }> }
type Period = NonNullable<SupportOrganization['openingHours']>['periods'][number];

const data = coordinationData<SupportPageData>('support');
if (data) start(data);

/** A short name for the web address from the organisation's name, when none was typed. */
function slugOf(name: string): string {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

function start(data: SupportPageData): void {
  const s = data.texts;
  // The day names come in ISO order (Monday first), as the API names the days.
  const weekdays = Object.keys(data.dayNames) as Weekday[];
  const q = <T extends Element>(selector: string) => document.querySelector<T>(selector);
  const editor = q<HTMLElement>('[data-editor]');
  const form = q<HTMLFormElement>('form[data-form="support"]');
  const list = q<HTMLElement>('[data-organizations]');
  const regionBox = q<HTMLSelectElement>('#support-region');
  const conflictPanel = q<HTMLElement>('[data-conflict]');
  if (!editor || !form || !list || !regionBox || !conflictPanel) return;

  let regionId = '';
  let version = 0;
  let municipalities: Array<{ code: string; name: string }> = [];
  let organizations: SupportOrganization[] = [];
  /** The list as it is now, after a save someone else beat. */
  let current: SupportList | undefined;

  const { announce, alert, show } = pageLines();
  const path = () => `/api/coordinator/regions/${encodeURIComponent(regionId)}/support-list`;
  const nameOf = (o: SupportOrganization, i: number) => o.name.trim() || `${s.newOrganization} ${i + 1}`;

  /** Says a failed call in the page's words; false when it failed. */
  function handled<T>(outcome: ApiOutcome<T>): outcome is { ok: true; value: T } {
    if (outcome.ok) return true;
    if (outcome.kind === 'refused' && outcome.status === 401) signedOut();
    else if (outcome.kind === 'refused' && outcome.status === 403) alert(data.refusals.forbidden);
    else if (outcome.kind === 'invalid') alert(data.refusals.invalid);
    else alert(data.refusals.unavailable);
    return false;
  }

  // ---- drawing the form ---------------------------------------------------------------------

  /** One labelled box with room for its error; `name` is the API's path of the value. */
  function field(name: string, label: string, control: HTMLInputElement | HTMLTextAreaElement, hint?: string): HTMLElement {
    const id = `support-${name.replace(/\./g, '-')}`;
    control.id = id;
    control.name = name;
    control.setAttribute('aria-describedby', `${hint ? `${id}-hint ` : ''}${id}-error`);
    return el('div', { class: 'ww-field', 'data-path': name },
      el('label', { class: 'ww-label', for: id }, label),
      hint ? el('p', { class: 'ww-hint', id: `${id}-hint` }, hint) : undefined,
      el('p', { class: 'ww-field-error', id: `${id}-error`, 'data-error': true, hidden: true }),
      control);
  }
  const input = (value: string | undefined, type = 'text', autocomplete = 'off') => {
    const box = el('input', { class: 'ww-input', type, autocomplete });
    box.value = value ?? '';
    return box;
  };
  const textarea = (value: string) => {
    const box = el('textarea', { class: 'ww-textarea', rows: 3 });
    box.value = value;
    return box;
  };

  /** A group of checkboxes under one legend, named for the API's path. */
  function choices(name: string, legend: string, options: Array<[string, string]>, chosen: ReadonlySet<string>, hint?: string): HTMLElement {
    const id = `support-${name.replace(/\./g, '-')}`;
    return el('fieldset', { class: 'ww-field', 'data-path': name, 'aria-describedby': `${hint ? `${id}-hint ` : ''}${id}-error` },
      el('legend', { class: 'ww-label' }, legend),
      hint ? el('p', { class: 'ww-hint', id: `${id}-hint` }, hint) : undefined,
      el('p', { class: 'ww-field-error', id: `${id}-error`, 'data-error': true, hidden: true }),
      el('div', { class: 'ww-choices ww-choices--inline' }, ...options.map(([value, label]) => el('label', { class: 'ww-choice' },
        el('input', { type: 'checkbox', name, value, ...(chosen.has(value) ? { checked: true } : {}) }), el('span', {}, label)))));
  }

  function periodFields(i: number, j: number, period: Period): HTMLElement {
    const at = `organizations.${i}.openingHours.periods.${j}`;
    const number = j + 1;
    return el('fieldset', { class: 'ww-manage__group', 'data-path': at },
      el('legend', {}, fill(s.period, { number })),
      el('p', { class: 'ww-field-error', 'data-error': true, hidden: true }),
      choices(`${at}.days`, s.days, weekdays.map((day) => [day, data.dayNames[day]]), new Set(period.days)),
      field(`${at}.opens`, s.opens, input(period.opens, 'time')),
      field(`${at}.closes`, s.closes, input(period.closes, 'time')),
      el('button', { type: 'button', class: 'ww-button ww-button--secondary', 'data-remove-period': `${i}.${j}` }, fill(s.removePeriod, { number })));
  }

  function organizationFields(o: SupportOrganization, i: number): HTMLElement {
    const at = `organizations.${i}`;
    const name = nameOf(o, i);
    const hours = o.openingHours;
    const last = i === organizations.length - 1;
    return el('fieldset', { class: 'ww-manage__group', 'data-organization': i, 'data-path': at },
      el('legend', {}, fill(s.organization, { number: i + 1, name })),
      el('p', { class: 'ww-field-error', 'data-error': true, hidden: true }),
      field(`${at}.name`, s.name, input(o.name)),
      field(`${at}.id`, s.id, input(o.id), s.idHint),
      field(`${at}.description.nl`, s.descriptionNl, textarea(o.description.nl)),
      field(`${at}.description.en`, s.descriptionEn, textarea(o.description.en)),
      el('div', { class: 'ww-field', 'data-path': `${at}.free` }, el('label', { class: 'ww-choice' },
        el('input', { type: 'checkbox', name: `${at}.free`, ...(o.free ? { checked: true } : {}) }), el('span', {}, s.free))),
      field(`${at}.phone`, s.phone, input(o.phone, 'tel', 'off')),
      field(`${at}.email`, s.email, input(o.email, 'email')),
      field(`${at}.website`, s.website, input(o.website, 'url'), s.websiteHint),
      el('h3', {}, s.hoursTitle),
      ...(hours?.periods ?? []).map((period, j) => periodFields(i, j, period)),
      el('p', {}, el('button', { type: 'button', class: 'ww-button ww-button--secondary', 'data-add-period': i }, s.addPeriod)),
      field(`${at}.openingHours.note.nl`, s.noteNl, input(hours?.note?.nl), s.noteHint),
      field(`${at}.openingHours.note.en`, s.noteEn, input(hours?.note?.en)),
      choices(`${at}.municipalities`, s.municipalities, municipalities.map((m) => [m.code, m.name]), new Set(o.municipalities ?? []), s.municipalitiesHint),
      el('div', { class: 'ww-manage__actions' },
        i > 0 ? el('button', { type: 'button', class: 'ww-button ww-button--secondary', 'data-move': `${i}.-1` }, fill(s.moveUp, { name })) : undefined,
        last ? undefined : el('button', { type: 'button', class: 'ww-button ww-button--secondary', 'data-move': `${i}.1` }, fill(s.moveDown, { name })),
        el('button', { type: 'button', class: 'ww-button ww-button--secondary', 'data-remove': i }, fill(s.remove, { name }))));
  }

  function render(): void {
    replaceChildren(list!, ...organizations.map(organizationFields));
    show('[data-empty]', organizations.length === 0);
  }

  // ---- reading the form back ----------------------------------------------------------------

  const text = (name: string) => (form!.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement | null)?.value.trim() ?? '';
  const checked = (name: string) => [...form!.querySelectorAll<HTMLInputElement>(`input[name="${CSS.escape(name)}"]:checked`)].map((box) => box.value);

  /** The list as typed; empty optional fields are left out, as the API wants them. */
  function collect(): SupportOrganization[] {
    return organizations.map((_, i) => {
      const at = `organizations.${i}`;
      const periods = [...form!.querySelectorAll(`[data-path^="${at}.openingHours.periods."][data-path$=".days"]`)].map((_, j) => ({
        days: checked(`${at}.openingHours.periods.${j}.days`) as Weekday[],
        opens: text(`${at}.openingHours.periods.${j}.opens`),
        closes: text(`${at}.openingHours.periods.${j}.closes`),
      }));
      const note = { nl: text(`${at}.openingHours.note.nl`), en: text(`${at}.openingHours.note.en`) };
      const served = checked(`${at}.municipalities`);
      const optional = (key: 'phone' | 'email' | 'website') => (text(`${at}.${key}`) ? { [key]: text(`${at}.${key}`) } : {});
      return {
        id: text(`${at}.id`) || slugOf(text(`${at}.name`)),
        name: text(`${at}.name`),
        description: { nl: text(`${at}.description.nl`), en: text(`${at}.description.en`) },
        ...(checked(`${at}.free`).length > 0 ? { free: true } : {}),
        ...optional('phone'),
        ...optional('email'),
        ...optional('website'),
        ...(periods.length > 0 || note.nl || note.en ? { openingHours: { periods, ...(note.nl || note.en ? { note } : {}) } } : {}),
        ...(served.length > 0 ? { municipalities: served } : {}),
      };
    });
  }

  const fieldErrors = (fields: Array<{ path: string; message: string }>) => showFieldErrors(form!, fields);

  // ---- actions ------------------------------------------------------------------------------


  form.addEventListener('click', (event) => {
    const target = (event.target as Element).closest<HTMLElement>('[data-move], [data-remove], [data-add-period], [data-remove-period]');
    if (!target) return;
    organizations = collect();
    const { move, remove, addPeriod, removePeriod } = target.dataset;
    if (move) {
      const [from = 0, step = 0] = move.split('.').map(Number);
      const to = from + step;
      const [moved] = organizations.splice(from, 1);
      if (!moved) return;
      organizations.splice(to, 0, moved);
      render();
      const again = q<HTMLElement>(`[data-move="${to}.${step}"]`) ?? q<HTMLElement>(`[data-move="${to}.${-step}"]`);
      again?.focus();
      announce(fill(s.moved, { name: nameOf(moved, to), number: to + 1 }));
    } else if (remove) {
      const i = Number(remove);
      const [gone] = organizations.splice(i, 1);
      render();
      (q<HTMLElement>(`[data-organization="${Math.min(i, organizations.length - 1)}"] input`) ?? q<HTMLElement>('[data-action="add"]'))?.focus();
      if (gone) announce(fill(s.removed, { name: nameOf(gone, i) }));
    } else if (addPeriod) {
      const i = Number(addPeriod);
      const o = organizations[i];
      if (!o) return;
      const periods = [...(o.openingHours?.periods ?? []), { days: [], opens: '09:00', closes: '17:00' }];
      o.openingHours = { ...o.openingHours, periods };
      render();
      q<HTMLInputElement>(`input[name="organizations.${i}.openingHours.periods.${periods.length - 1}.days"]`)?.focus();
    } else if (removePeriod) {
      const [i = 0, j = 0] = removePeriod.split('.').map(Number);
      const o = organizations[i];
      if (!o?.openingHours) return;
      o.openingHours = { ...o.openingHours, periods: o.openingHours.periods.filter((_, k) => k !== j) };
      render();
      q<HTMLElement>(`[data-add-period="${i}"]`)?.focus();
    }
  });

  q('[data-action="add"]')?.addEventListener('click', () => {
    organizations = [...collect(), { id: '', name: '', description: { nl: '', en: '' } }];
    render();
    q<HTMLElement>(`input[name="organizations.${organizations.length - 1}.name"]`)?.focus();
  });

  async function save(): Promise<void> {
    // Both lines cleared: an earlier save's "saved" must not stand beside a refusal or a conflict.
    alert('');
    announce('');
    organizations = collect();
    const outcome = await call<SupportList>('PUT', path(), { organizations, version });
    if (!outcome.ok && outcome.kind === 'invalid') {
      alert(data.refusals.invalid);
      return fieldErrors(outcome.fields);
    }
    if (!outcome.ok && outcome.kind === 'refused' && outcome.status === 409) {
      current = (outcome.body.error as { current?: SupportList }).current;
      conflictPanel!.hidden = false;
      show('[data-current]', false);
      q('[data-action="show-current"]')?.setAttribute('aria-expanded', 'false');
      conflictPanel!.focus();
      return;
    }
    if (!handled(outcome)) return;
    fieldErrors([]);
    loaded(outcome.value);
    announce(s.saved);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void save();
  });

  q('[data-action="show-current"]')?.addEventListener('click', (event) => {
    const button = event.currentTarget as HTMLElement;
    const open = button.getAttribute('aria-expanded') !== 'true';
    const names = new Map(municipalities.map((m) => [m.code, m.name]));
    const days = (period: Period) => period.days.map((day) => data.dayNames[day]).join(', ');
    const currentList = q<HTMLElement>('[data-current-list]');
    if (currentList) {
      replaceChildren(currentList, ...(current?.organizations ?? []).map((o) => el('li', {},
        el('strong', {}, o.name),
        ...[o.phone, o.email, o.website].filter(Boolean).map((line) => el('span', { class: 'ww-hint' }, ` · ${line ?? ''}`)),
        el('ul', {}, ...(o.openingHours?.periods ?? []).map((period) => el('li', {}, `${days(period)}: ${period.opens}-${period.closes}`)),
          el('li', {}, `${s.municipalities}: ${(o.municipalities ?? []).map((code) => names.get(code) ?? code).join(', ') || s.wholeRegion}`)))));
    }
    show('[data-current]', open);
    button.setAttribute('aria-expanded', String(open));
  });
  q('[data-action="save-mine"]')?.addEventListener('click', () => {
    if (current) version = current.version;
    conflictPanel.hidden = true;
    void save();
  });
  q('[data-action="use-current"]')?.addEventListener('click', () => {
    if (current) loaded({ ...current, municipalities });
    q<HTMLElement>('h1')?.focus();
  });

  /** A list from the API, as it is now: the form starts from it again. */
  function loaded(value: SupportList): void {
    version = value.version;
    municipalities = value.municipalities ?? municipalities;
    organizations = value.organizations;
    current = undefined;
    conflictPanel!.hidden = true;
    render();
  }

  // ---- start --------------------------------------------------------------------------------

  function signedOut(): void {
    editor!.hidden = true;
    show('[data-sign-in-needed]', true);
  }

  async function loadRegion(): Promise<void> {
    regionId = regionBox!.value;
    const outcome = await call<SupportList>('GET', path());
    if (!handled(outcome)) return;
    loaded(outcome.value);
  }

  async function begin(): Promise<void> {
    const opened = await openAsCoordinator({ alert, show }, { regions: data.regions, regionBox: regionBox!, regionField: '[data-region-field]', signedOut, unavailable: data.refusals.unavailable });
    if (!opened) return;
    editor!.hidden = false;
    await loadRegion();
  }

  regionBox.addEventListener('change', () => void loadRegion());
  void begin();
}
