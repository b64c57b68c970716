// The content of "my report" as data: the questions it repeats, each answer in plain words, the
// wishes grouped by importance, the place, and the shortlist with its reasons. The report page
// (site/src/scripts/report.ts) reads the answers in words from here, and a supporter's share
// (functions/api/staff/supporter/shares.ts) stores what buildReportContent returns, so a provider
// reads exactly what was shared, fixed at that moment. Pure: no store, no clock, no DOM.
import type { ComparedItem } from '../domain/compare.ts';
import type { Criterion, Importance, Outcome, Reason } from '../domain/index.ts';
import { questionsFor, wishText } from '../i18n/criterion-text.ts';
import type { Locale } from '../i18n/locales.ts';
import type { Answers } from '../questionnaire/answers.ts';
import { allQuestions } from '../questionnaire/questions.ts';
import type { Questionnaire } from '../questionnaire/schema.ts';

/** The question "Wie vult deze vragen in?" (the same id in every region's questionnaire). */
export const FILLED_BY_QUESTION = 'wie-vult-in';

/** A question the report repeats: a free-text one, or a choice that is no wish (options by id, in words). */
export interface ReportQuestion {
  id: string;
  text: string;
  options?: Record<string, string>;
}

/**
 * What the report repeats besides the wishes: the choices that are not wishes ("Over de situatie")
 * and the free-text answers ("In eigen woorden"), which the wishes list cannot show.
 */
export function reportQuestions(questionnaire: Questionnaire, locale: Locale): ReportQuestion[] {
  return allQuestions(questionnaire).flatMap((question): ReportQuestion[] => {
    if (question.kind === 'free-text') return [{ id: question.id, text: question.text[locale] }];
    if ((question.kind === 'single-choice' || question.kind === 'multi-choice') && question.options.every((option) => !option.criteria?.length)) {
      return [{ id: question.id, text: question.text[locale], options: Object.fromEntries(question.options.map((option) => [option.id, option.text[locale]])) }];
    }
    return [];
  });
}

/** "Familie of mantelzorger" as it reads after "Ingevuld door:" or a comma; "LHBTI" stays as it is. */
export function lowerFirst(text: string, locale: string): string {
  return /^\p{Lu}(?!\p{Lu})/u.test(text) ? text.charAt(0).toLocaleLowerCase(locale) + text.slice(1) : text;
}

/** The answer in words: the free text, or the chosen options' texts ("Kinderen, de eigen buurt"). */
export function answerText(question: ReportQuestion, answers: Answers | undefined, locale: string): string {
  const answer = answers?.[question.id];
  if (!question.options) return answer?.text?.trim() ?? '';
  const chosen = [answer?.choice, ...(answer?.choices ?? [])].filter((id): id is string => id !== undefined);
  return chosen.map((id) => question.options?.[id]).filter((label) => label !== undefined)
    .map((label, i) => (i === 0 ? label : lowerFirst(label, locale))).join(', ');
}

/** A wish row of the comparison: a criterion, or the distance limit. */
export interface WishRow {
  criterion: Reason['criterion'];
  value?: string | number;
  importance: Criterion['importance'];
}

/** The wishes that count, with the distance limit last (the matcher treats a maximum distance as a must). */
export function wishRowsOf(criteria: readonly Criterion[], maxDistanceKm: number | undefined): WishRow[] {
  const rows: WishRow[] = criteria.map((c) => ({ criterion: c.criterion, importance: c.importance, ...('value' in c ? { value: c.value } : {}) }));
  if (maxDistanceKm !== undefined) rows.push({ criterion: 'distance', value: maxDistanceKm, importance: 'must' });
  return rows;
}

/** How one housing form answers one wish; a wish the answer does not mention is unknown. */
export function outcomeOf(item: ComparedItem, row: WishRow): Outcome {
  const reason = item.reasons.find((r) => r.criterion === row.criterion && (row.criterion === 'distance' || r.value === row.value));
  return reason?.outcome ?? 'unknown';
}

const IMPORTANCE_ORDER: readonly Importance[] = ['must', 'important', 'nice'];

export interface ReportAnswer {
  question: string;
  answer: string;
}

export interface ReportItem {
  locationId: string;
  housingFormId: string;
  name: string;
  locationName: string;
  city: string;
  organizationName: string;
  /** Whole kilometres from the place, when one was given. */
  distanceKm?: number;
  fits: string[];
  doesNotFit: string[];
  /** What is unknown, as the questions to put to the provider. */
  askProvider: string[];
}

/** The report as data, in one language. */
export interface ReportContent {
  locale: Locale;
  /** Who filled the questions in, in words ("familie of mantelzorger"); absent when skipped. */
  filledBy?: string;
  /** The wishes in words, by importance (must, important, nice); empty groups left out. */
  wishes: Array<{ importance: Importance; items: string[] }>;
  place?: { postcode: string; maxDistanceKm?: number };
  /** "Over de situatie": the choices that are not wishes. */
  situation: ReportAnswer[];
  /** "In eigen woorden": the free-text answers. */
  ownWords: ReportAnswer[];
  shortlist: ReportItem[];
}

export interface ReportInput {
  locale: Locale;
  /** The region's questionnaire; without one (none published) only the wishes and the shortlist show. */
  questionnaire: Questionnaire | undefined;
  answers: Answers;
  /** The answers as criteria (answersToCriteria). */
  criteria: readonly Criterion[];
  postcode?: string | undefined;
  maxDistanceKm?: number | undefined;
  /** The shortlist compared against those criteria, in shortlist order. */
  compared: readonly ComparedItem[];
}

/** The report's content from the answers and the compared shortlist. */
export function buildReportContent(input: ReportInput): ReportContent {
  const { locale } = input;
  const questions = input.questionnaire ? reportQuestions(input.questionnaire, locale) : [];
  const written = (include: (q: ReportQuestion) => boolean): ReportAnswer[] => questions
    .filter(include)
    .map((q) => ({ question: q.text, answer: answerText(q, input.answers, locale) }))
    .filter(({ answer }) => answer !== '');
  const filledByQuestion = questions.find((q) => q.id === FILLED_BY_QUESTION);
  const filledBy = filledByQuestion ? answerText(filledByQuestion, input.answers, locale) : '';
  const rows = wishRowsOf(input.criteria, input.maxDistanceKm);
  // The distance limit is shown with the place, not as a wish.
  const wishRows = rows.filter((row) => row.criterion !== 'distance');
  return {
    locale,
    ...(filledBy !== '' ? { filledBy: lowerFirst(filledBy, locale) } : {}),
    wishes: IMPORTANCE_ORDER
      .map((importance) => ({ importance, items: wishRows.filter((row) => row.importance === importance).map((row) => wishText(locale, row)) }))
      .filter((group) => group.items.length > 0),
    ...(input.postcode !== undefined ? { place: { postcode: input.postcode, ...(input.maxDistanceKm !== undefined ? { maxDistanceKm: input.maxDistanceKm } : {}) } } : {}),
    situation: written((q) => q.options !== undefined && q.id !== FILLED_BY_QUESTION),
    ownWords: written((q) => q.options === undefined),
    shortlist: input.compared.map((item) => {
      const withOutcome = (outcome: Outcome) => rows.filter((row) => outcomeOf(item, row) === outcome);
      return {
        locationId: item.locationId,
        housingFormId: item.housingFormId,
        name: item.name,
        locationName: item.locationName,
        city: item.city,
        organizationName: item.organizationName,
        ...(item.distanceKm !== undefined ? { distanceKm: Math.max(1, Math.round(item.distanceKm)) } : {}),
        fits: withOutcome('match').map((row) => wishText(locale, row)),
        doesNotFit: withOutcome('mismatch').map((row) => wishText(locale, row)),
        askProvider: questionsFor(locale, withOutcome('unknown')),
      };
    }),
  };
}
