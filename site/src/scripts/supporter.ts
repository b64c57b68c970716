// The supporter's pages' one client script (SupporterPage.astro; the dossier and its consent form
// live in ./supporter/): asks who is signed in (the portal's session; signing in is at /beheer/),
// offers the support organisations the person works for, and shows the view the address names:
// the dossiers (filtered by status, and a new one started, perhaps with a citizen's hand-over
// code), one dossier, or a consent's printable form. Back and Forward work; results are said in
// the status line, problems in the alert line, as in the portal.
import { clientLabelProblem } from '../../../shared/domain/dossier.ts';
import type { ApiOutcome } from './lib/api-fetch.ts';
import { el, fill, replaceChildren } from './shortlist/dom.ts';
import { clearErrors, showErrors } from './manage/form-data.ts';
import { staffApi } from './manage/staff-api.ts';
import { count, dateTimeInWords } from './manage/words.ts';
import { oneAtATime, required } from './manage/context.ts';
import { setUpConsentForm } from './supporter/consent-form.ts';
import { setUpDossierView } from './supporter/dossier-view.ts';
import { readPageData, type Place, type SupporterContext, type SupporterPageData } from './supporter/page-data.ts';
import { normaliseCode, redeemInto } from './supporter/redeem.ts';
import { supporterApi, type Dossier } from './supporter/supporter-api.ts';
import { sayIn } from './lib/live-region.ts';

const pageData = readPageData();
if (pageData) void start(pageData);

async function start(data: SupporterPageData): Promise<void> {
  const s = data.texts;
  const p = data.params;
  const statusLine = document.querySelector<HTMLElement>('[data-status]');
  const alertLine = document.querySelector<HTMLElement>('[data-alert]');
  const views = [...document.querySelectorAll<HTMLElement>('[data-view]')];
  const titleSuffix = document.title.split(' | ').pop() ?? '';

  const announce = (text: string) => sayIn(statusLine, text);
  const alert = (text: string) => {
    if (alertLine) alertLine.textContent = text;
  };
  function showView(name: string, focus: boolean): void {
    for (const view of views) view.hidden = view.dataset.view !== name;
    const heading = document.querySelector<HTMLElement>(`[data-view="${name}"] h1`);
    if (heading?.textContent) document.title = `${heading.textContent} | ${titleSuffix}`;
    if (!focus) return;
    window.scrollTo({ top: 0, behavior: 'instant' });
    heading?.focus({ preventScroll: true });
  }
  function readPlace(): Place {
    const query = new URLSearchParams(location.search);
    const get = (name: string) => query.get(name) || undefined;
    return { organizationId: get(p.organization), dossierId: get(p.dossier), consentId: get(p.consent), status: get(p.status) };
  }
  function href(place: Place): string {
    const query = new URLSearchParams();
    if (place.organizationId) query.set(p.organization, place.organizationId);
    if (place.dossierId) query.set(p.dossier, place.dossierId);
    if (place.consentId) query.set(p.consent, place.consentId);
    if (place.status) query.set(p.status, place.status);
    const search = query.toString();
    return `${location.pathname}${search ? `?${search}` : ''}`;
  }
  function failed(outcome: ApiOutcome<unknown> & { ok: false }): void {
    if (outcome.kind === 'refused' && outcome.status === 401) alert(s.signedOut);
    else if (outcome.kind === 'refused' && outcome.status === 403) alert(s.forbidden);
    else if (outcome.kind === 'not-found') alert(s.notFound);
    else alert(s.unavailable);
  }

  const me = await staffApi.me();
  const loading = document.querySelector<HTMLElement>('[data-loading]');
  if (loading) loading.hidden = true;
  if (!me.ok) {
    if (me.kind === 'refused' && me.status === 401) showView('sign-in-needed', false);
    else alert(s.unavailable);
    return;
  }
  const organizations = await supporterApi.organizations();
  if (!organizations.ok) return failed(organizations);
  const choices = organizations.value.organizations;
  const first = choices[0];
  if (!first) return showView('not-supporter', false);

  const ctx: SupporterContext = {
    data, me: me.value, organization: first, place: readPlace(), announce, alert, href, failed, showView,
    go(place, message) {
      history.pushState(null, '', href(place));
      void route(true, message);
    },
  };
  const dossierView = setUpDossierView(ctx);
  const consentForm = setUpConsentForm(ctx);
  const list = setUpList(ctx, choices);

  async function route(focus: boolean, message?: string): Promise<void> {
    ctx.place = readPlace();
    ctx.organization = choices.find((o) => o.id === ctx.place.organizationId) ?? first!;
    if (ctx.place.dossierId && ctx.place.consentId) await consentForm.show(focus);
    else if (ctx.place.dossierId) await dossierView.show(focus);
    else await list.show(focus);
    if (message) announce(message);
  }

  document.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-nav]');
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    alert('');
    history.pushState(null, '', link.href);
    void route(true);
  });
  window.addEventListener('popstate', () => {
    alert('');
    void route(true);
  });
  await route(false);
}

/** The organisation's dossiers, the status filter and the form that starts a dossier. */
function setUpList(ctx: SupporterContext, choices: SupporterContext['organization'][]) {
  const s = ctx.data.texts;
  const view = required<HTMLElement>(document, '[data-view="list"]');
  const organizationForm = required<HTMLFormElement>(view, 'form[data-form="organization"]');
  const organizationBox = required<HTMLSelectElement>(organizationForm, 'select');
  const filterForm = required<HTMLFormElement>(view, 'form[data-form="filter"]');
  const filterBox = required<HTMLSelectElement>(filterForm, 'select');
  const createForm = required<HTMLFormElement>(view, 'form[data-form="create"]');
  const labelBox = required<HTMLInputElement>(createForm, 'input[name="label"]');
  const regionBox = required<HTMLSelectElement>(createForm, 'select[name="regionId"]');
  const statusBox = required<HTMLSelectElement>(createForm, 'select[name="status"]');
  const codeBox = required<HTMLInputElement>(createForm, 'input[name="code"]');
  const listBox = required<HTMLElement>(view, '[data-dossiers]');
  const once = oneAtATime(ctx);

  replaceChildren(organizationBox, ...choices.map((o) => el('option', { value: o.id }, o.name)));
  organizationForm.hidden = choices.length < 2;
  organizationForm.addEventListener('submit', (event) => {
    event.preventDefault();
    ctx.go({ organizationId: organizationBox.value });
  });
  filterForm.addEventListener('submit', (event) => {
    event.preventDefault();
    ctx.go({ organizationId: ctx.organization.id, status: filterBox.value || undefined });
  });

  function card(dossier: Dossier): HTMLElement {
    const region = ctx.data.regions[dossier.regionId]?.name ?? dossier.regionId;
    const line = (label: string, value: string) => el('p', {}, el('span', { class: 'ww-supporter__key' }, `${label}: `), value);
    return el('li', { class: 'ww-card' },
      el('h3', { class: 'ww-card__title' }, el('a', { class: 'ww-card__link', href: ctx.href({ organizationId: ctx.organization.id, dossierId: dossier.id }), 'data-nav': true }, dossier.label)),
      line(s.region, region),
      line(s.status, s.statuses[dossier.status]),
      line(s.lastChange, dateTimeInWords(ctx.data, dossier.updatedAt)),
      line(s.assignedTo, dossier.assignedTo.name));
  }

  async function create(): Promise<void> {
    clearErrors(createForm);
    const label = labelBox.value.trim();
    const code = codeBox.value.trim();
    const problems = [];
    const labelProblem = clientLabelProblem(label);
    if (labelProblem) problems.push({ path: 'label', message: s.labelProblems[labelProblem] });
    if (code && !normaliseCode(code)) problems.push({ path: 'code', message: s.codeInvalid });
    if (problems.length > 0) return showErrors(createForm, problems, { messages: {}, labels: {} }, '');
    const outcome = await supporterApi.createDossier(ctx.organization.id, { label, regionId: regionBox.value, status: statusBox.value as Dossier['status'] });
    if (!outcome.ok) {
      if (outcome.kind === 'invalid') return showErrors(createForm, outcome.fields, { messages: {}, labels: {} }, '');
      return ctx.failed(outcome);
    }
    const dossier = outcome.value;
    createForm.reset();
    const place = { organizationId: ctx.organization.id, dossierId: dossier.id };
    const created = fill(s.created, { label: dossier.label });
    if (!code) return ctx.go(place, created);
    // The dossier is there either way; a code that fails is said at the dossier's own code box, still typed.
    const redeemed = await redeemInto(ctx, dossier.id, code);
    ctx.go(place, redeemed.ok ? `${created} ${redeemed.message}` : created);
  }
  createForm.addEventListener('submit', once.on(create));

  return {
    async show(focus: boolean): Promise<void> {
      const outcome = await supporterApi.dossiers(ctx.organization.id);
      if (!outcome.ok) return ctx.failed(outcome);
      organizationBox.value = ctx.organization.id;
      filterBox.value = ctx.place.status ?? '';
      replaceChildren(regionBox, ...ctx.organization.regionIds.map((id) => el('option', { value: id }, ctx.data.regions[id]?.name ?? id)));
      const all = outcome.value.dossiers;
      const shown = ctx.place.status ? all.filter((dossier) => dossier.status === ctx.place.status) : all;
      replaceChildren(listBox, ...shown.map(card));
      const countLine = view.querySelector<HTMLElement>('[data-count]');
      if (countLine) countLine.textContent = count(ctx.data, s.count, shown.length);
      const none = view.querySelector<HTMLElement>('[data-none]');
      if (none) {
        none.hidden = shown.length > 0;
        none.textContent = all.length === 0 ? s.none : s.noneWithStatus;
      }
      ctx.showView('list', focus);
    },
  };
}
