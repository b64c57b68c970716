// The report page's script ("Verslag"): the title with the name the person typed under "Voor wie
// is dit verslag?" (kept only in this browser, per region, and never sent: "Verslag over {naam}"),
// today's date and who filled the questions in, the
// person's wishes in plain words grouped by importance, the place and maximum distance, the other
// choices ("Over de situatie") and the free-text answers ("In eigen woorden") under their
// questions, and the favourites with their reasons (fits / does not fit / the questions to ask the
// provider) and contact details (the location's phone, else the organisation's); a button that prints (or saves as PDF). Everything is read from this browser;
// the only request is the compare request for the favourites (and turning answers into wishes).
import type { ComparedItem } from '../../../shared/domain/compare.ts';
import type { Importance } from '../../../shared/domain/codes.ts';
import type { Outcome } from '../../../shared/domain/criteria.ts';
import { codeLabels } from '../../../shared/i18n/code-labels.ts';
import { questionsFor, wishText } from '../../../shared/i18n/criterion-text.ts';
import type { SavedAnswers } from '../../../shared/questionnaire/answers.ts';
import { answerText as answerInWords, lowerFirst, type ReportQuestion } from '../../../shared/report/report-content.ts';
import { loadAnswers, loadReportName, loadShortlist, sameHousingForm, saveReportName } from './lib/browser-store.ts';
import { loadCurrentWishes, type CurrentWishes } from './lib/current-wishes.ts';
import { unavailableNotice } from './lib/unavailable-notice.ts';
import { compareShortlist, outcomeOf, roundKm, wishRows, type WishRow } from './shortlist/compared.ts';
import { absoluteHref, el, fill, replaceChildren } from './shortlist/dom.ts';
import { readPageData, type ShortlistPageData } from './shortlist/page-data.ts';
import { telHref } from '../lib/tel-href.ts';
import { setUpHandover } from './report-handover.ts';
import { setUpSharing, takeSharedReport } from './report-share.ts';
import { dateInWords, staleNote, waitingListBlock } from './shortlist/waiting-list.ts';

const IMPORTANCE_ORDER: readonly Importance[] = ['must', 'important', 'nice'];

const data = readPageData();
const root = document.querySelector<HTMLElement>('[data-report]');
if (data && root) void setUp(data, root);

async function setUp(data: ShortlistPageData, root: HTMLElement): Promise<void> {
  const m = data.texts.shortlist;
  const mr = data.texts.report;
  const part = (name: string) => root.querySelector<HTMLElement>(`[data-part="${name}"]`);
  root.hidden = false;
  // A report opened from a share link: its content goes into this browser first, so everything below reads it.
  await takeSharedReport(data, document.querySelector<HTMLElement>('[data-shared-notice]'));
  setUpSharing(data, root.querySelector<HTMLElement>('[data-share]'));
  setUpHandover(data, root.querySelector<HTMLElement>('[data-handover]'));

  // Whom the report is about: only in this browser (localStorage), read and written here alone.
  const nameField = root.querySelector<HTMLInputElement>('[data-report-name]');
  const title = document.querySelector<HTMLElement>('[data-report-title]');
  const showName = (name: string) => {
    if (title) title.textContent = name.trim() === '' ? mr.title : fill(mr.titleFor, { name: name.trim() });
  };
  if (nameField) {
    nameField.value = loadReportName(data.regionId);
    showName(nameField.value);
    nameField.addEventListener('input', () => {
      saveReportName(data.regionId, nameField.value);
      showName(nameField.value);
    });
  }

  const date = part('date');
  if (date) date.textContent = fill(mr.madeOn, { date: dateInWords(data, new Date()) });
  const print = root.querySelector<HTMLButtonElement>('[data-action="print"]');
  if (print) {
    print.hidden = false;
    print.addEventListener('click', () => window.print());
  }

  const saved = loadAnswers(data.regionId);
  const filledBy = part('filled-by');
  renderFilledBy(data, filledBy, saved);
  renderAnswers(data, part('situation'), saved, (question) => question.options !== undefined && question.id !== filledBy?.dataset.question, data.texts.report.noSituation);
  renderAnswers(data, part('own-words'), saved, (question) => question.options === undefined, data.texts.report.noOwnWords);

  const wishesPart = part('wishes');
  const placePart = part('place');
  const shortlistPart = part('shortlist');

  async function load(): Promise<void> {
    for (const target of [wishesPart, shortlistPart]) if (target) replaceChildren(target, el('p', { class: 'ww-muted' }, m.loading));
    const current = await loadCurrentWishes(data.regionId);
    if (current && !current.ok && current.kind === 'unavailable') return showError();
    const wishes = current?.ok ? current.value : undefined;
    renderWishes(data, wishesPart, wishes, saved !== undefined);
    renderPlace(data, placePart, wishes);

    const entries = loadShortlist(data.regionId);
    if (entries.length === 0) {
      if (shortlistPart) replaceChildren(shortlistPart, el('p', {}, mr.noShortlist));
      return;
    }
    const compared = await compareShortlist(data.regionId, entries, wishes);
    if (!compared.ok) return showError();
    if (!shortlistPart) return;
    const { items, missing } = compared.value;
    // "Possibly outdated" at the moment the API judged the reasons, as on the compare page.
    const asOf = new Date(compared.value.asOf);
    const rows = wishRows(wishes);
    const gone = entries.filter((entry) => missing.some((ref) => sameHousingForm(ref, entry)));
    replaceChildren(shortlistPart,
      staleNote(data, items.map((item) => item.waitingList), asOf),
      ...items.map((item) => itemBlock(data, item, rows, asOf)),
      gone.length > 0 && el('div', { class: 'ww-report-item' },
        el('h3', {}, m.missingTitle),
        el('p', {}, m.missingText),
        el('ul', {}, ...gone.map((entry) => el('li', {}, `${entry.name}, ${entry.locationName}`))),
      ),
    );
  }

  function showError(): void {
    const message = unavailableNotice({ message: m.unavailable, retry: m.retry }, () => void load());
    if (shortlistPart) replaceChildren(shortlistPart, message);
    if (wishesPart) replaceChildren(wishesPart, el('p', { class: 'ww-muted' }, m.unavailable));
  }

  await load();
}

function renderWishes(data: ShortlistPageData, target: HTMLElement | null, wishes: CurrentWishes | undefined, answered: boolean): void {
  if (!target) return;
  const mr = data.texts.report;
  if (!answered) {
    replaceChildren(target, el('p', {}, mr.noAnswers, ' ', el('a', { href: absoluteHref(data.paths.questionnaire) }, data.texts.shortlist.answerQuestions)));
    return;
  }
  // The distance limit is shown with the place, not as a wish.
  const rows = wishRows(wishes).filter((row) => row.criterion !== 'distance');
  if (rows.length === 0) {
    replaceChildren(target, el('p', {}, mr.noWishes));
    return;
  }
  replaceChildren(target, ...IMPORTANCE_ORDER.map((importance) => {
    const group = rows.filter((row) => row.importance === importance);
    return group.length > 0 && el('div', { class: 'ww-report-group' },
      el('h3', {}, mr.wishGroups[importance]),
      el('ul', {}, ...group.map((row) => el('li', {}, wishText(data.locale, row)))),
    );
  }));
}

function renderPlace(data: ShortlistPageData, target: HTMLElement | null, wishes: CurrentWishes | undefined): void {
  if (!target) return;
  const mr = data.texts.report;
  if (wishes?.postcode === undefined) {
    replaceChildren(target, el('p', {}, mr.noPlace));
    return;
  }
  replaceChildren(target, el('ul', {},
    el('li', {}, fill(mr.place, { postcode: wishes.postcode })),
    el('li', {}, wishes.maxDistanceKm !== undefined ? fill(mr.maxDistance, { km: wishes.maxDistanceKm }) : mr.noMaxDistance),
  ));
}

/** "Ingevuld door: familie of mantelzorger", under the date; nothing when the question was skipped. */
function renderFilledBy(data: ShortlistPageData, target: HTMLElement | null, saved: SavedAnswers | undefined): void {
  const question = data.freeTextQuestions.find((q) => q.id === target?.dataset.question);
  const who = question ? answerInWords(question, saved?.answers, data.locale) : '';
  if (!target || who === '') return;
  replaceChildren(target, el('br'), fill(data.texts.report.filledBy, { who: lowerFirst(who, data.locale) }));
  target.hidden = false;
}

function renderAnswers(
  data: ShortlistPageData, target: HTMLElement | null, saved: SavedAnswers | undefined,
  include: (question: ReportQuestion) => boolean, none: string,
): void {
  if (!target) return;
  const written = data.freeTextQuestions
    .filter(include)
    .map((question) => ({ question, text: answerInWords(question, saved?.answers, data.locale) }))
    .filter(({ text }) => text !== '');
  if (written.length === 0) {
    replaceChildren(target, el('p', {}, none));
    return;
  }
  replaceChildren(target, ...written.map(({ question, text }) => el('div', { class: 'ww-report-group' },
    el('h3', {}, question.text),
    el('p', { class: 'ww-report-own-words' }, text),
  )));
}

function itemBlock(data: ShortlistPageData, item: ComparedItem, rows: WishRow[], asOf: Date): HTMLElement {
  const m = data.texts.shortlist;
  const mr = data.texts.report;
  const locale = data.locale;
  const withOutcome = (outcome: Outcome) => rows.filter((row) => outcomeOf(item, row) === outcome);
  const byOutcome = (outcome: Outcome) => withOutcome(outcome).map((row) => wishText(locale, row));
  const groups: Array<[string, string, string[]]> = [
    ['match', m.fits, byOutcome('match')],
    ['mismatch', m.doesNotFit, byOutcome('mismatch')],
    // What is unknown, as the questions to put to the provider (issue 13, item 4).
    ['unknown', m.askProvider, questionsFor(locale, withOutcome('unknown'))],
  ];
  const contact = data.organizations[item.organizationId];
  // The location's own number (the compare answer carries it), else its organisation's.
  const phone = item.phone ?? contact?.phone;
  const { address } = item.location;
  const locationHref = absoluteHref(fill(data.paths.location, { locationId: item.locationId }));
  return el('article', { class: 'ww-report-item' },
    el('h3', {}, item.name),
    el('p', {},
      el('strong', {}, `${item.locationName}, ${item.city}`), el('br'),
      `${codeLabels[locale].housingTypes[item.type]}`, el('br'),
      `${m.organization}: ${item.organizationName}`, el('br'),
      `${m.address}: ${address.street} ${address.houseNumber}, ${address.postcode} ${address.city}`,
      item.distanceKm !== undefined && el('br'),
      item.distanceKm !== undefined && `${m.distanceLabel}: ${fill(m.distanceValue, { km: roundKm(item.distanceKm) })}`,
    ),
    waitingListBlock(data, item.waitingList, asOf),
    ...groups.filter(([, , wishes]) => wishes.length > 0).map(([outcome, title, wishes]) => el('div', { class: `ww-report-reasons ww-report-reasons--${outcome}` },
      el('h4', {}, title),
      el('ul', {}, ...wishes.map((wish) => el('li', {}, wish))),
    )),
    el('h4', {}, mr.contact),
    phone || contact?.email || contact?.website
      ? el('ul', {},
        phone && el('li', {}, `${mr.phone}: `, el('a', { href: telHref(phone) }, phone)),
        contact?.email && el('li', {}, `${mr.email}: `, el('a', { href: `mailto:${contact.email}` }, contact.email)),
        contact?.website && el('li', {}, `${mr.website}: `, el('a', { class: 'ww-link--url', href: contact.website }, contact.website)),
      )
      : el('p', {}, mr.noContact),
    el('p', {}, el('a', { href: locationHref }, fill(m.moreAbout, { name: item.locationName }))),
  );
}
