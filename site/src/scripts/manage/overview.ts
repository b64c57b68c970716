// The overview of an organisation: first what needs attention (waiting lists not confirmed for over
// 30 days, oldest first, each with its one-tap "Klopt nog"; facts left unknown; no description; no
// photo of a location), then "Alles klopt nog" for every waiting list at once, then each location
// with its housing forms: the waiting list in words (never by colour alone), its age, "Klopt nog",
// a quick update of status, places and weeks, and links to edit and to the history. After each action the
// listing is read again, the result is announced and shown beside the button, and focus stays there.
import type { WaitingList } from '../../../../shared/domain/listing.ts';
import { el, fill, replaceChildren } from '../shortlist/dom.ts';
import { type Context, oneAtATime, type Place, required } from './context.ts';
import { fillForm, readForm, showErrors } from './form-data.ts';
import { staffApi, type Attention, type Confirmation, type HousingFormEntry, type LocationEntry } from './staff-api.ts';
import { count, dateInWords, daysSince } from './words.ts';

const keyOf = (locationId: string, housingFormId: string) => `${locationId}--${housingFormId}`;

export function setUpOverview(ctx: Context): { show(): void } {
  const view = required<HTMLElement>(document, '[data-view="overview"]');
  const template = required<HTMLTemplateElement>(document, 'template[data-quick-update]');
  const m = ctx.data.texts.overview;
  const statuses = ctx.data.codeLabels.waitingListStatuses;
  const organizationId = () => ctx.listing?.organization.id ?? '';
  const entries = () => (ctx.listing?.locations ?? []).flatMap((location) =>
    location.housingForms.map((entry) => ({ location, entry, key: keyOf(location.location.id, entry.housingForm.id) })));
  const displayName = (location: LocationEntry, entry: HousingFormEntry) =>
    fill(m.nameInContext, { housingForm: entry.housingForm.name, location: location.location.name });
  const placeOf = (location: LocationEntry, entry: HousingFormEntry, view?: Place['view']): Place =>
    ({ organizationId: organizationId(), locationId: location.location.id, housingFormId: entry.housingForm.id, view });
  const navLink = (place: Place, text: string, extra: Record<string, string> = {}) =>
    el('a', { href: ctx.href(place), 'data-nav': true, class: 'ww-manage__link', ...extra }, text);
  const confirmButton = (key: string, name: string) => el('button', {
    type: 'button', class: 'ww-button', 'data-action': 'confirm', 'data-key': key, 'aria-label': fill(m.stillCorrectLabel, { name }),
  }, m.stillCorrect);

  /** Facts left unknown, a missing description or photo, of a housing form or of a location itself. */
  function missing(found: Array<{ rank: number; item: HTMLElement }>, name: string, attention: Attention, edit: Place): void {
    if (attention.kind === 'unknown-fields' && attention.fields.length > 0) {
      found.push({ rank: 100_000 - attention.fields.length, item: el('li', { class: 'ww-manage__attention-item' }, el('strong', {}, name), ' ',
        count(ctx.data, m.unknown, attention.fields.length), ' ', navLink(edit, m.unknownLink)) });
    } else if (attention.kind === 'no-description') {
      found.push({ rank: 200_000, item: el('li', { class: 'ww-manage__attention-item' }, el('strong', {}, name), ' ', m.noDescription, ' ',
        navLink(edit, m.noDescriptionLink)) });
    } else if (attention.kind === 'no-photo') {
      found.push({ rank: 300_000, item: el('li', { class: 'ww-manage__attention-item' }, el('strong', {}, name), ' ', m.noPhoto, ' ',
        navLink(edit, m.noPhotoLink)) });
    }
  }

  function attentionItems(): HTMLElement[] {
    const found: Array<{ rank: number; item: HTMLElement }> = [];
    for (const location of ctx.listing?.locations ?? []) {
      for (const attention of location.attention) {
        missing(found, location.location.name, attention, { organizationId: organizationId(), locationId: location.location.id, view: 'edit' });
      }
    }
    for (const { location, entry, key } of entries()) {
      for (const attention of entry.attention) {
        if (attention.kind === 'waiting-list-stale') {
          found.push({ rank: -attention.days, item: el('li', { class: 'ww-manage__attention-item' }, el('strong', {}, displayName(location, entry)), ' ', count(ctx.data, m.stale, attention.days),
            el('span', { class: 'ww-manage__actions' }, confirmButton(key, displayName(location, entry)),
              el('a', { href: `#card-${key}`, class: 'ww-manage__link', 'data-open-update': key }, m.update))) });
        } else {
          missing(found, displayName(location, entry), attention, placeOf(location, entry, 'edit'));
        }
      }
    }
    return found.sort((a, b) => a.rank - b.rank).map(({ item }) => item);
  }

  function waitingListLine(waitingList: WaitingList): HTMLElement {
    return el('p', {}, el('strong', {}, `${m.waitingList}: `),
      el('span', { class: `ww-status ww-status--${waitingList.status}` }, statuses[waitingList.status]),
      waitingList.placesAvailable !== undefined && `, ${count(ctx.data, m.places, waitingList.placesAvailable)}`,
      waitingList.weeks !== undefined && `, ${count(ctx.data, m.weeks, waitingList.weeks)}`);
  }

  function quickForm(key: string, waitingList: WaitingList): HTMLFormElement {
    const fragment = template.content.cloneNode(true) as DocumentFragment;
    // The template's ids are one form's; each card's copy gets its own.
    for (const element of fragment.querySelectorAll('[id], [for], [aria-describedby]')) {
      for (const name of ['id', 'for', 'aria-describedby']) {
        const value = element.getAttribute(name);
        if (value) element.setAttribute(name, value.replace(/\bwl-/g, `wl-${key}-`));
      }
    }
    const form = fragment.querySelector('form') as HTMLFormElement;
    form.dataset.key = key;
    fillForm(form, { waitingList });
    return form;
  }

  function card(location: LocationEntry, entry: HousingFormEntry): HTMLElement {
    const { housingForm } = entry;
    const key = keyOf(location.location.id, housingForm.id);
    const stale = entry.attention.some((attention: Attention) => attention.kind === 'waiting-list-stale');
    const days = daysSince(housingForm.waitingList.updatedAt);
    return el('article', { class: 'ww-manage__housing-form', id: `card-${key}`, 'data-card': key },
      el('h4', {}, housingForm.name),
      el('p', { class: 'ww-muted' }, ctx.data.codeLabels.housingTypes[housingForm.type]),
      waitingListLine(housingForm.waitingList),
      el('p', {}, fill(m.confirmedOn, { date: dateInWords(ctx.data, housingForm.waitingList.updatedAt) }),
        ` (${days === 0 ? m.today : count(ctx.data, m.ageDays, days)})`,
        stale && el('strong', { class: 'ww-manage__stale' }, ` ${m.possiblyOutdated}`)),
      el('div', { class: 'ww-manage__actions' }, confirmButton(key, displayName(location, entry))),
      el('details', { class: 'ww-manage__update', 'data-update': key },
        el('summary', { 'data-summary': key }, m.update), quickForm(key, housingForm.waitingList)),
      el('p', { class: 'ww-manage__links' }, navLink(placeOf(location, entry, 'edit'), m.edit), ' ', navLink(placeOf(location, entry, 'history'), m.history)),
    );
  }

  function locationBlock(location: LocationEntry): HTMLElement {
    const { address } = location.location;
    const place: Place = { organizationId: organizationId(), locationId: location.location.id };
    return el('section', { class: 'ww-manage__location', 'aria-labelledby': `location-${location.location.id}` },
      el('h3', { id: `location-${location.location.id}` }, location.location.name),
      el('p', {}, `${address.street} ${address.houseNumber}, ${address.postcode} ${address.city}`),
      el('p', { class: 'ww-manage__links' }, navLink({ ...place, view: 'edit' }, m.editLocation), ' ', navLink({ ...place, view: 'create' }, m.addHousingForm)),
      ...location.housingForms.map((entry) => card(location, entry)),
    );
  }

  function render(): void {
    const listing = ctx.listing;
    if (!listing) return;
    const title = view.querySelector('[data-title]');
    if (title) title.textContent = listing.organization.name;
    const spreadsheet = view.querySelector<HTMLAnchorElement>('a[data-tool="spreadsheet"]');
    if (spreadsheet) spreadsheet.href = ctx.href({ organizationId: organizationId(), view: 'spreadsheet' });
    const colleagues = view.querySelector<HTMLAnchorElement>('a[data-tool="colleagues"]');
    if (colleagues) {
      colleagues.href = ctx.href({ organizationId: organizationId(), view: 'colleagues' });
      // Only an admin invites; an editor is not shown what the API would refuse.
      colleagues.closest('li')?.toggleAttribute('hidden', ctx.roleHere() !== 'provider-admin');
    }
    const items = attentionItems();
    const list = view.querySelector('[data-attention]');
    if (list) replaceChildren(list, ...items);
    const none = view.querySelector<HTMLElement>('[data-attention-none]');
    if (none) none.hidden = items.length > 0;
    const locations = view.querySelector('[data-locations]');
    if (locations) replaceChildren(locations, ...listing.locations.map(locationBlock));
  }

  /** A visible "done" line beside where the person acted (the status line says it to screen readers). */
  function note(container: Element | null | undefined, text: string): void {
    container?.querySelector('.ww-manage__done')?.remove();
    container?.append(el('p', { class: 'ww-manage__done' }, text));
  }

  const focusOn = (selector: string) => view.querySelector<HTMLElement>(selector)?.focus();

  /** The API confirms a limited number per request: more go in batches, one after the other. */
  async function confirmInBatches(items: Confirmation[]) {
    const size = ctx.data.limits.confirmations;
    let outcome = await staffApi.confirmWaitingLists(organizationId(), items.slice(0, size));
    for (let start = size; outcome.ok && start < items.length; start += size) {
      outcome = await staffApi.confirmWaitingLists(organizationId(), items.slice(start, start + size));
    }
    return outcome;
  }

  async function confirm(items: Confirmation[], done: () => void): Promise<void> {
    const outcome = await confirmInBatches(items);
    if (!outcome.ok && !(outcome.kind === 'refused' && outcome.status === 409)) return ctx.failed(outcome);
    if (!(await ctx.reload())) return;
    render();
    if (outcome.ok) done();
    else ctx.alert(items.length === 1 ? m.changedMeanwhile : m.changedMeanwhileAll);
  }

  async function updateWaitingList(form: HTMLFormElement): Promise<void> {
    const key = form.dataset.key ?? '';
    const found = entries().find((candidate) => candidate.key === key);
    if (!found) return;
    const typed = readForm(form);
    const waitingList = typed.waitingList as Omit<WaitingList, 'updatedAt'>;
    const outcome = await staffApi.updateWaitingList(organizationId(), found.location.location.id, found.entry.housingForm.id, found.entry.version, waitingList);
    if (!outcome.ok && outcome.kind === 'invalid') {
      return showErrors(form, outcome.fields, { messages: ctx.data.texts.fieldErrors, labels: ctx.data.fieldLabels }, '');
    }
    if (!outcome.ok && !(outcome.kind === 'refused' && outcome.status === 409)) return ctx.failed(outcome);
    if (!(await ctx.reload())) return;
    render();
    const cardElement = view.querySelector(`[data-card="${key}"]`);
    if (outcome.ok) {
      const text = fill(m.updated, { name: displayName(found.location, found.entry), status: statuses[outcome.value.housingForm.waitingList.status] });
      note(cardElement, text);
      focusOn(`[data-summary="${key}"]`);
      ctx.announce(text);
    } else {
      // What was chosen stays, on top of the new state, for a second press.
      const details = cardElement?.querySelector('details');
      if (details) details.open = true;
      const again = cardElement?.querySelector<HTMLFormElement>('form[data-key]');
      if (again) fillForm(again, typed);
      again?.querySelector<HTMLElement>('button[type="submit"]')?.focus();
      ctx.alert(m.changedMeanwhile);
    }
  }

  const once = oneAtATime(ctx);

  view.addEventListener('click', (event) => {
    const target = (event.target as Element).closest<HTMLElement>('[data-action], [data-open-update]');
    if (!target) return;
    const openKey = target.dataset.openUpdate;
    if (openKey) {
      event.preventDefault();
      const details = view.querySelector<HTMLDetailsElement>(`[data-update="${openKey}"]`);
      if (details) details.open = true;
      details?.querySelector<HTMLInputElement>('input:checked, input')?.focus();
      return;
    }
    if (target.dataset.action === 'confirm') {
      const key = target.dataset.key ?? '';
      const found = entries().find((candidate) => candidate.key === key);
      if (!found) return;
      const item = { locationId: found.location.location.id, housingFormId: found.entry.housingForm.id, version: found.entry.version };
      once(() => confirm([item], () => {
        const text = fill(m.confirmed, { name: displayName(found.location, found.entry) });
        note(view.querySelector(`[data-card="${key}"] .ww-manage__actions`), text);
        focusOn(`[data-card="${key}"] [data-action="confirm"]`);
        ctx.announce(text);
      }));
    } else if (target.dataset.action === 'confirm-all') {
      const items = entries().map(({ location, entry }) => ({ locationId: location.location.id, housingFormId: entry.housingForm.id, version: entry.version }));
      if (items.length === 0) return;
      once(() => confirm(items, () => {
        const text = count(ctx.data, m.confirmedAll, items.length);
        note(view.querySelector('.ww-manage__confirm-all'), text);
        focusOn('[data-action="confirm-all"]');
        ctx.announce(text);
      }));
    }
  });
  view.addEventListener('submit', (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || form.dataset.key === undefined) return;
    event.preventDefault();
    once(() => updateWaitingList(form));
  });

  return { show: render };
}
