// One result as a card: its number in the list, the housing form's name linking to its location
// page, where and by whom, the kind of housing, the distance, the waiting list as last confirmed
// (past 30 days "possibly outdated" and not counted, by the moment the API ranked at), and its reasons at
// a glance in three groups, each with a symbol and words: fits, does not fit, ask the provider.
// The wishes the person chose stay in sight, musts first; the facts of their situation that fit
// (care, distance, someone always nearby) are one folded line, "Past bij uw situatie (5)"; an
// unknown said once above the list is left off. A near miss is a compact card: name, where,
// waiting list, distance and the musts it fails, said once; all its reasons wait behind a disclosure.
import type { Importance } from '../../../../shared/domain/codes.ts';
import type { MatchResult, NearMiss, Reason } from '../../../../shared/domain/criteria.ts';
import type { WaitingList } from '../../../../shared/domain/listing.ts';
import { codeLabels } from '../../../../shared/i18n/code-labels.ts';
import { importanceText, OUTCOME_SYMBOL, outcomeText, wishText } from '../../../../shared/i18n/criterion-text.ts';
import { isWaitingListStale } from '../../../../shared/domain/waiting-list-age.ts';
import { parseDate } from '../../../../shared/i18n/dates.ts';
import { telHref } from '../../lib/tel-href.ts';
import { criterionKey } from '../lib/browser-store.ts';
import { el, fill, pluralForm } from '../shortlist/dom.ts';
import type { ResultsPageData } from './page-data.ts';
import { OPENED_PARAM } from './return-to.ts';

const IMPORTANCE_ORDER: Record<Importance, number> = { must: 0, important: 1, nice: 2 };

export interface CardOptions {
  data: ResultsPageData;
  /** The place searched from, as the person gave it. */
  postcode: string | undefined;
  /** The moment the answer holds for (its asOf): "possibly outdated" is judged by it, as the ranking was. */
  now: Date;
  /** The favourite toggle of this housing form. */
  favourite?: HTMLElement;
}

/** What a fitting card needs besides: which reasons are facts of the situation, and which unknowns are said above the list. */
export interface ResultCardOptions extends CardOptions {
  /** Keys (criterionKey) of the criteria that are facts of the person's situation (CurrentWishes). */
  situation: ReadonlySet<string>;
  /** Keys of the unknowns said once above the list (common-unknowns.ts). */
  commonUnknowns: ReadonlySet<string>;
}


export const cardId = (number: number): string => `result-${number}`;
export const nearMissId = (index: number): string => `near-miss-${index + 1}`;

export function resultCard(result: MatchResult, id: string, number: number | undefined, options: ResultCardOptions): HTMLLIElement {
  const { data } = options;
  const r = data.texts.results;
  const titleId = `${id}-title`;
  const href = hrefOf(data, result);
  const km = kmOf(result, options);
  return el('li', { class: 'ww-result', id },
    el('article', { class: 'ww-result__card', 'aria-labelledby': titleId },
      el('div', { class: 'ww-result__head' },
        number !== undefined && el('span', { class: 'ww-result__number', 'aria-hidden': 'true' }, String(number)),
        el('h3', { class: 'ww-result__title', id: titleId },
          number !== undefined && el('span', { class: 'ww-visually-hidden' }, `${fill(r.number, { number })}: `),
          el('a', { href, 'data-result-link': true, 'data-location-id': result.locationId }, result.name),
        ),
      ),
      el('dl', { class: 'ww-compact ww-result__facts' },
        el('dt', {}, r.location), el('dd', {}, fill(r.nearWhere, { location: result.locationName, city: result.city })),
        ...regionFact(data, result),
        el('dt', {}, r.organization), el('dd', {}, result.organizationName),
        // The location's number, else its organisation's: "vraag het de aanbieder" needs a way to ask.
        result.phone !== undefined && el('dt', {}, r.phone),
        result.phone !== undefined && el('dd', {}, el('a', { href: telHref(result.phone) }, result.phone)),
        el('dt', {}, r.type), el('dd', {}, codeLabels[data.locale].housingTypes[result.type]),
        km !== undefined && el('dt', {}, r.distance),
        km !== undefined && el('dd', {}, fill(r.distanceValue, { km, postcode: options.postcode ?? '' })),
      ),
      waitingListBlock(data, result.waitingList, options.now),
      reasonGroups(data, result.reasons, options),
      options.favourite,
    ),
  );
}

const hrefOf = (data: ResultsPageData, result: MatchResult): string =>
  // A query, not a fragment: the location page opens at its top (name and address in view), says
  // why this housing form fits, and marks it further down (issue 13, item 5).
  `${data.paths.location.replace('{locationId}', encodeURIComponent(result.locationId))}?${OPENED_PARAM}=${encodeURIComponent(result.housingFormId)}`;

/** "Regio: Noord-Limburg (een andere regio)" for a place outside the page's region; nothing inside it. */
function regionFact(data: ResultsPageData, result: Pick<MatchResult, 'regionId' | 'regionName'>): HTMLElement[] {
  if (result.regionId === data.regionId) return [];
  const r = data.texts.results;
  return [el('dt', {}, r.region), el('dd', {}, fill(r.otherRegion, { region: result.regionName ?? result.regionId }))];
}

const kmOf = (result: MatchResult, options: CardOptions): string | undefined =>
  result.distanceKm === undefined || options.postcode === undefined
    ? undefined
    : new Intl.NumberFormat(options.data.intlLocale, { maximumFractionDigits: 1 }).format(result.distanceKm);

/** "Een eigen badkamer en Hoogstens 10 km van mijn plaats". */
export function wishList(data: ResultsPageData, reasons: readonly Reason[]): string {
  return new Intl.ListFormat(data.intlLocale, { type: 'conjunction' }).format(reasons.map((reason) => wishText(data.locale, reason)));
}

/**
 * A near miss, compact: name, where, the waiting list's state, the distance, and the failed musts
 * said once. Everything else (provider, kind of housing, the waiting list in full, every reason)
 * is behind "Alle redenen bekijken".
 */
export function nearMissCard(miss: NearMiss, id: string, options: CardOptions): HTMLLIElement {
  const { data } = options;
  const r = data.texts.results;
  const titleId = `${id}-title`;
  const km = kmOf(miss, options);
  const status = miss.waitingList.status;
  return el('li', { class: 'ww-result ww-result--near', id },
    el('article', { class: 'ww-result__card', 'aria-labelledby': titleId },
      el('h3', { class: 'ww-result__title', id: titleId }, el('a', { href: hrefOf(data, miss), 'data-result-link': true, 'data-location-id': miss.locationId }, miss.name)),
      el('dl', { class: 'ww-compact ww-result__facts' },
        el('dt', {}, r.location), el('dd', {}, fill(r.nearWhere, { location: miss.locationName, city: miss.city })),
        ...regionFact(data, miss),
        el('dt', {}, r.waitingList), el('dd', {}, el('span', { class: `ww-status ww-status--${status}` }, codeLabels[data.locale].waitingListStatuses[status])),
        km !== undefined && el('dt', {}, r.distance),
        km !== undefined && el('dd', {}, fill(r.distanceValue, { km, postcode: options.postcode ?? '' })),
      ),
      el('p', { class: 'ww-result__failed' },
        el('strong', {}, el('span', { 'aria-hidden': 'true' }, `${OUTCOME_SYMBOL.mismatch} `), r.failedMusts), ' ', wishList(data, miss.failedMusts)),
      el('details', { class: 'ww-result__more' },
        el('summary', {}, r.nearAllReasons, el('span', { class: 'ww-visually-hidden' }, `: ${miss.name}`)),
        el('dl', { class: 'ww-compact ww-result__facts' },
          el('dt', {}, r.organization), el('dd', {}, miss.organizationName),
          el('dt', {}, r.type), el('dd', {}, codeLabels[data.locale].housingTypes[miss.type]),
        ),
        waitingListBlock(data, miss.waitingList, options.now),
        reasonGroups(data, miss.reasons),
      ),
      options.favourite,
    ),
  );
}

/** Whether the waiting list was last confirmed more than 30 days before `asOf` (the answer's moment). */
export function isStale(waitingList: WaitingList, asOf: Date): boolean {
  return isWaitingListStale(waitingList.updatedAt, asOf);
}

/** The state and, on one line, when it was confirmed; "possibly outdated" is explained once, after the list. */
function waitingListBlock(data: ResultsPageData, waitingList: WaitingList, now: Date): HTMLElement {
  const m = data.texts.location;
  const count = (forms: { one: string; other: string }, n: number) => fill(pluralForm(data.intlLocale, forms, n), { count: n });
  const confirmed = parseDate(waitingList.updatedAt);
  const stale = isStale(waitingList, now);
  const date = new Intl.DateTimeFormat(data.intlLocale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(confirmed);
  const details = [
    waitingList.placesAvailable !== undefined ? count(m.placesAvailable, waitingList.placesAvailable) : undefined,
    waitingList.weeks !== undefined ? count(m.waitingWeeks, waitingList.weeks) : undefined,
  ].filter((text): text is string => text !== undefined);
  return el('div', { class: 'ww-result__waiting' },
    el('p', {},
      el('span', { class: 'ww-result__label' }, `${data.texts.results.waitingList}: `),
      el('span', { class: `ww-status ww-status--${waitingList.status}` }, codeLabels[data.locale].waitingListStatuses[waitingList.status]),
      details.length > 0 && ` ${details.join('. ')}.`,
    ),
    stale
      ? el('p', { class: 'ww-result__stale' }, `${fill(data.texts.results.staleShort, { date })}. ${data.texts.results.staleNotCounted}`)
      : el('p', {}, fill(m.confirmedOn, { date })),
  );
}

/**
 * Whether a reason is a fact of the person's situation. The distance is not a criterion: it comes
 * from the place question, which is a fact of the situation like every question that does not ask
 * how much it matters (answersToCriteria).
 */
const isSituation = (reason: Reason, situation: ReadonlySet<string>): boolean =>
  reason.criterion === 'distance' || situation.has(criterionKey(reason));

/**
 * The reasons in groups by outcome, musts first. On a fitting card (`fitting` given) the facts of
 * the situation that fit are one line, "✓ Past bij uw situatie (5)", with their list behind it:
 * they are the same on every card and the person did not choose them. The wishes the person chose
 * stay in sight whatever their outcome, and so does a fact that does not fit or is unknown, unless
 * it is unknown almost everywhere and said once above the list.
 */
function reasonGroups(data: ResultsPageData, reasons: readonly Reason[], fitting?: Pick<ResultCardOptions, 'situation' | 'commonUnknowns'>): HTMLElement | undefined {
  if (reasons.length === 0) return undefined;
  const r = data.texts.results;
  const facts = fitting ? reasons.filter((reason) => isSituation(reason, fitting.situation)) : [];
  const factsFit = facts.filter((reason) => reason.outcome === 'match');
  const saidAbove = (reason: Reason) => reason.outcome === 'unknown' && fitting?.commonUnknowns.has(criterionKey(reason)) === true;
  const rest = reasons.filter((reason) => !factsFit.includes(reason) && !saidAbove(reason));
  const sorted = [...rest].sort((a, b) => IMPORTANCE_ORDER[a.importance] - IMPORTANCE_ORDER[b.importance]);
  const groups = (['match', 'mismatch', 'unknown'] as const)
    .map((outcome) => ({ outcome, reasons: sorted.filter((reason) => reason.outcome === outcome) }))
    .filter((group) => group.reasons.length > 0);
  if (groups.length === 0 && factsFit.length === 0) return undefined;
  return el('div', { class: 'ww-reasons', role: 'group', 'aria-label': r.reasonsLabel },
    ...groups.map((group) => el('div', { class: `ww-reasons__group ww-reasons__group--${group.outcome}` },
      el('p', { class: 'ww-reasons__title' },
        el('span', { class: 'ww-reasons__symbol', 'aria-hidden': 'true' }, OUTCOME_SYMBOL[group.outcome]),
        outcomeText(data.locale, group.outcome),
      ),
      el('ul', {}, ...group.reasons.map((reason) => el('li', {},
        wishText(data.locale, reason),
        el('span', { class: 'ww-reasons__importance' }, ` (${importanceText(data.locale, reason.importance)})`),
      ))),
    )),
    factsFit.length > 0 && el('details', { class: 'ww-reasons__situation' },
      el('summary', {},
        el('span', { class: 'ww-reasons__symbol', 'aria-hidden': 'true' }, OUTCOME_SYMBOL.match),
        factsFit.length === facts.length
          ? fill(r.situationAll, { count: facts.length })
          : fill(r.situationSome, { matched: factsFit.length, total: facts.length }),
      ),
      el('ul', {}, ...factsFit.map((reason) => el('li', {}, wishText(data.locale, reason)))),
    ),
  );
}
