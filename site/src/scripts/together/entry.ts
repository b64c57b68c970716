// Together mode's way in (/ondersteuner/samen/?dossier=…, /en/supporter/together/): asks who is
// signed in (not signed in: to the portal's sign-in, which sends the supporter back here), finds
// the dossier among the supporter's organisations, reads its newest answers and its shortlist (the
// names from the public API), and starts together mode in this tab (lib/browser-store). Then it
// links the region's questionnaire, results, compare and report pages. `?gestopt` and `?sessie`
// are where stopping and an ended session land: nothing of the client is kept, and it says so.
import type { SavedAnswers } from '../../../../shared/questionnaire/answers.ts';
import { api, apiFetch, type ApiOutcome } from '../lib/api-fetch.ts';
import { forgetTogether, pendingParts, startTogether, togetherSession, type ShortlistEntry, type TogetherSession } from '../lib/browser-store.ts';
import { staffApi } from '../manage/staff-api.ts';
import { el, fill, pluralForm, replaceChildren } from '../shortlist/dom.ts';
import { dossierApi, findDossier, type DossierFile } from './dossier-api.ts';
import { readPageJson } from '../lib/page-json.ts';

export interface TogetherPageData {
  locale: 'nl' | 'en';
  intlLocale: string;
  texts: {
    loading: string; signInNeeded: string; noDossier: string; notFound: string; forbidden: string; unavailable: string;
    readyTitle: string; readyIntro: string; region: string; answersVersion: string; noAnswers: string;
    shortlistCount: { one: string; other: string };
    open: { questionnaire: string; results: string; compare: string; report: string };
    stopped: string; sessionEnded: string;
  };
  /** Bar words and this page's address in both languages, kept in the together session. */
  session: Pick<TogetherSession, 'entry' | 'texts'>;
  /** Region pages with `{regionId}` to fill in. */
  paths: { questionnaire: string; results: string; compare: string; report: string };
  regions: Record<string, string>;
  /** The portal's sign-in. */
  portal: string;
}

const data = readPageJson<TogetherPageData>('script[data-together-page]');
if (data) void open(data);

async function open(d: TogetherPageData): Promise<void> {
  const m = d.texts;
  const message = document.querySelector<HTMLElement>('[data-together-message]');
  const ready = document.querySelector<HTMLElement>('[data-together-ready]');
  const say = (text: string) => {
    if (message) message.textContent = text;
  };
  const params = new URLSearchParams(location.search);
  if (params.has('gestopt') || params.has('sessie')) {
    forgetTogether();
    return say(params.has('sessie') ? m.sessionEnded : m.stopped);
  }
  const dossierId = params.get('dossier');
  if (!dossierId) return say(m.noDossier);

  const failed = (outcome: ApiOutcome<unknown> & { ok: false }) => {
    if (outcome.kind === 'refused' && outcome.status === 401) {
      // A session that ended leaves nothing of a client behind either.
      forgetTogether();
      say(m.signInNeeded);
      location.assign(`${d.portal}?terug=${encodeURIComponent(location.pathname + location.search)}`);
    } else if (outcome.kind === 'refused' && outcome.status === 403) say(m.forbidden);
    else if (outcome.kind === 'not-found') say(m.notFound);
    else say(m.unavailable);
  };

  const me = await staffApi.me();
  if (!me.ok) return failed(me);
  const found = await findDossier(dossierId);
  if (!found.ok) return failed(found);
  const { file, organization } = found.value;
  // Back here from the bar with changes not yet in the dossier: they stay, and the bar sends them.
  if (togetherSession()?.dossierId === dossierId && pendingParts().length > 0) {
    say('');
    if (ready) show(d, ready, file);
    return;
  }
  const answers = file.latestAnswers ? await dossierApi.answers(organization.id, dossierId, file.latestAnswers.answersVersion) : undefined;
  if (answers && !answers.ok) return failed(answers);
  const saved: SavedAnswers | undefined = answers?.ok
    ? { regionId: file.dossier.regionId, questionnaireId: answers.value.questionnaireId, version: answers.value.questionnaireVersion, savedAt: answers.value.savedAt, answers: answers.value.answers }
    : undefined;
  const notes: Record<string, string> = {};
  for (const entry of file.shortlist.entries) if (entry.note) notes[`${entry.locationId}/${entry.housingFormId}`] = entry.note;
  const started = startTogether({
    dossierId,
    supportOrganizationId: organization.id,
    organizationName: organization.name,
    label: file.dossier.label,
    regionId: file.dossier.regionId,
    answersVersion: file.latestAnswers?.answersVersion ?? 0,
    shortlistVersion: file.shortlist.version,
    notes,
    ...d.session,
  }, saved, await named(file));
  if (!started) return say(m.unavailable);
  // The bar for this dossier (in place of one an earlier together session of this tab showed).
  void import('./bar.ts').then((module) => module.showBar());
  say('');
  if (ready) show(d, ready, file);
}

/** The dossier's shortlist as the pages keep it: with the names the public API gives (a gone one keeps its ids). */
async function named(file: DossierFile): Promise<ShortlistEntry[]> {
  const locationIds = [...new Set(file.shortlist.entries.map((entry) => entry.locationId))];
  const details = await Promise.all(locationIds.map(async (locationId) =>
    [locationId, await apiFetch((options) => api.locations[':locationId'].$get({ param: { locationId: encodeURIComponent(locationId) } }, options))] as const));
  const byId = new Map(details.map(([id, outcome]) => [id, outcome.ok ? outcome.value : undefined]));
  const addedAt = new Date().toISOString();
  return file.shortlist.entries.map(({ locationId, housingFormId }) => {
    const detail = byId.get(locationId);
    return {
      locationId,
      housingFormId,
      name: detail?.housingForms.find((form) => form.id === housingFormId)?.name ?? housingFormId,
      locationName: detail?.location.name ?? locationId,
      addedAt,
    };
  });
}

function show(d: TogetherPageData, ready: HTMLElement, file: DossierFile): void {
  const m = d.texts;
  const { label, regionId } = file.dossier;
  const path = (template: string) => template.replace('{regionId}', encodeURIComponent(regionId));
  const latest = file.latestAnswers;
  const count = file.shortlist.entries.length;
  const heading = ready.querySelector<HTMLElement>('h2');
  if (heading) heading.textContent = fill(m.readyTitle, { label });
  const body = ready.querySelector('[data-together-summary]');
  if (body) {
    replaceChildren(body,
      el('p', {}, fill(m.readyIntro, { label })),
      el('ul', {},
        el('li', {}, fill(m.region, { region: d.regions[regionId] ?? regionId })),
        el('li', {}, latest
          ? fill(m.answersVersion, { version: latest.answersVersion, date: new Intl.DateTimeFormat(d.intlLocale, { dateStyle: 'long' }).format(new Date(latest.savedAt)) })
          : m.noAnswers),
        el('li', {}, fill(pluralForm(d.intlLocale, m.shortlistCount, count), { count }))),
      el('ul', { class: 'ww-together-open' },
        ...(['questionnaire', 'results', 'compare', 'report'] as const).map((page) =>
          el('li', {}, el('a', { class: 'ww-button ww-button--secondary', href: path(d.paths[page]), 'data-together-open': page }, m.open[page])))));
  }
  ready.hidden = false;
  heading?.focus();
}
