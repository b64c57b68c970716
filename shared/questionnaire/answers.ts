// A person's answers to the questionnaire, and what they become: the criteria for the matcher plus
// the place to search from. Answers live in the person's browser and may come from an older
// version of the questionnaire, so nothing here throws on them: whatever cannot be used is listed
// in `ignored` with the reason, for the site to mention, and the rest still counts.
import * as z from 'zod';
import {
  CriterionSchema, IMPORTANCES, PlacePostcode, Slug,
  type Criterion, type Importance, type MatchRequestInput,
} from '../domain/index.ts';
import type { IGNORED_CODES } from './criteria-exchange.ts';
import { allQuestions } from './questions.ts';
import {
  type ChoiceQuestion, type MappedCriterion, type NumberQuestion, type PlaceQuestion, type Question, type QuestionKind,
  type Questionnaire, type YesNoWishQuestion,
} from './schema.ts';

/**
 * One answer. A single shape for every kind keeps the site's form state simple; the question's
 * kind decides which field counts. Unknown keys are dropped rather than refused, so answers saved
 * by a newer site still load.
 */
export const AnswerSchema = z.object({
  /** single-choice: the chosen option id. */
  choice: z.string().max(80).optional(),
  /** multi-choice: the chosen option ids. */
  choices: z.array(z.string().max(80)).max(50).optional(),
  /** yes-no-wish: true when the wish applies. */
  yes: z.boolean().optional(),
  /** number: a whole number within the question's min and max. */
  number: z.number().optional(),
  /** place: 4 digits, or 4 digits and 2 letters. */
  postcode: z.string().max(20).optional(),
  /** place: one of the question's distances, or a whole number of km of the person's own (OWN_DISTANCE_KM); null is "no limit". */
  maxDistanceKm: z.number().nullable().optional(),
  /** free-text: for the report only. */
  text: z.string().max(10_000).optional(),
  /** How much the wish matters; only used where the question asks it. */
  importance: z.enum(IMPORTANCES).optional(),
});
export type Answer = z.infer<typeof AnswerSchema>;

/**
 * The distances a person may type besides the offered ones: whole km, within what a match request
 * accepts (more than 0, at most 300; a test holds the two together).
 */
export const OWN_DISTANCE_KM = { min: 1, max: 300 } as const;

/** Answers keyed by question id; a question without an entry was skipped. */
export const AnswersSchema = z.record(z.string().max(80), AnswerSchema);
export type Answers = z.infer<typeof AnswersSchema>;

/** What the site keeps in the browser: the answers with the questionnaire version they were given for. */
export const SavedAnswersSchema = z.object({
  regionId: Slug,
  questionnaireId: Slug,
  version: z.number().int().min(1),
  savedAt: z.iso.datetime({ offset: true }),
  answers: AnswersSchema,
});
export type SavedAnswers = z.infer<typeof SavedAnswersSchema>;

/** Why an answer was not used; the list with comments is IGNORED_CODES in criteria-exchange.ts. */
export type IgnoredCode = (typeof IGNORED_CODES)[number];

export interface IgnoredAnswer {
  questionId: string;
  code: IgnoredCode;
  /** For people and logs, in English; the site words its own message from `code`. */
  reason: string;
}

export interface AnswersAsCriteria {
  /** De-duplicated, in questionnaire order; a criterion asked twice keeps its strongest importance. */
  criteria: Criterion[];
  /**
   * Which of `criteria` are facts of the person's situation (their care, their indication, who is
   * always nearby) rather than wishes they weighed themselves: the results fold these apart and keep
   * the chosen wishes in view. Named by criterion and value, in `criteria`'s order.
   */
  situation: CriterionRef[];
  postcode?: string;
  maxDistanceKm?: number;
  ignored: IgnoredAnswer[];
}

/** A criterion named without its importance. */
export interface CriterionRef {
  criterion: Criterion['criterion'];
  value?: string | number;
}

/**
 * Whether a question's answer is a fact of the situation: the person is not asked how much it
 * matters (sector, indication, age), or the questionnaire says it follows from the situation even
 * though it may be weighed (someone always nearby). Anything else answered is a wish of their own.
 */
export function describesSituation(question: Question): boolean {
  return !('asksImportance' in question) || !question.asksImportance || question.situation === true;
}

/** As many criteria as MatchRequestSchema accepts. */
export const MAX_CRITERIA = 60;

const STRENGTH: Record<Importance, number> = { must: 0, important: 1, nice: 2 };

type ValueField = Exclude<keyof Answer, 'importance'>;
const VALUE_FIELDS: readonly ValueField[] = ['choice', 'choices', 'yes', 'number', 'postcode', 'maxDistanceKm', 'text'];

/** The answer fields each kind of question reads. */
const FIELDS_OF_KIND: Record<QuestionKind, readonly ValueField[]> = {
  'single-choice': ['choice'],
  'multi-choice': ['choices'],
  'yes-no-wish': ['yes'],
  number: ['number'],
  place: ['postcode', 'maxDistanceKm'],
  'free-text': ['text'],
};

/** Empty strings, empty lists and "no limit" are what an untouched or cleared input leaves behind. */
function hasValue(answer: Answer, field: ValueField): boolean {
  const value = answer[field];
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** Collects criteria, keeping one per criterion and value with the strongest importance. */
class CriteriaCollector {
  private readonly byKey = new Map<string, { criterion: Criterion; questionId: string; chosen: boolean }>();

  constructor(private readonly ignore: (questionId: string, code: IgnoredCode, reason: string) => void) {}

  /** `chosen`: the person gave it as a wish of their own (not a fact of the situation). */
  add(questionId: string, mapped: MappedCriterion, importance: Importance, chosen: boolean): void {
    const candidate = mapped.value === undefined
      ? { criterion: mapped.criterion, importance }
      : { criterion: mapped.criterion, importance, value: mapped.value };
    // The questionnaire is validated when loaded, but checking here keeps a bad mapping from
    // turning the whole match request into a 400.
    const parsed = CriterionSchema.safeParse(candidate);
    if (!parsed.success) {
      this.ignore(questionId, 'invalid-criterion', `The questionnaire maps this answer to an invalid criterion (${JSON.stringify(mapped)}).`);
      return;
    }
    const key = `${mapped.criterion}=${mapped.value ?? ''}`;
    const existing = this.byKey.get(key);
    // Asked as a wish anywhere, it is one the person chose, whichever question gave the importance.
    const anyChosen = chosen || existing?.chosen === true;
    // Map.set on an existing key keeps its position, so the order stays that of first mention.
    if (!existing || STRENGTH[importance] < STRENGTH[existing.criterion.importance]) {
      this.byKey.set(key, { criterion: parsed.data, questionId: existing?.questionId ?? questionId, chosen: anyChosen });
    } else if (anyChosen !== existing.chosen) {
      existing.chosen = anyChosen;
    }
  }

  /** The facts of the situation among `kept` (the criteria `result` returned). */
  situation(kept: readonly Criterion[]): CriterionRef[] {
    return [...this.byKey.values()]
      .filter((entry) => !entry.chosen && kept.includes(entry.criterion))
      .map(({ criterion: c }) => ('value' in c ? { criterion: c.criterion, value: c.value } : { criterion: c.criterion }));
  }

  /** The criteria; past MAX_CRITERIA the weakest are dropped (and reported), musts last. */
  result(): Criterion[] {
    const all = [...this.byKey.values()];
    if (all.length <= MAX_CRITERIA) return all.map((entry) => entry.criterion);
    const kept = new Set(
      [...all].sort((a, b) => STRENGTH[a.criterion.importance] - STRENGTH[b.criterion.importance]).slice(0, MAX_CRITERIA),
    );
    for (const entry of all) {
      if (!kept.has(entry)) this.ignore(entry.questionId, 'too-many-criteria', `More than ${MAX_CRITERIA} wishes; "${entry.criterion.criterion}" was left out.`);
    }
    return all.filter((entry) => kept.has(entry)).map((entry) => entry.criterion);
  }
}

/**
 * Turns answers into criteria and a place. Pure and deterministic: questions are read in
 * questionnaire order (options in the question's order), so the same answers always give the
 * same request. Skipped questions, "no" to a wish, and options without criteria add nothing;
 * free text never reaches the matcher.
 *
 * `answers` is typed loosely on purpose: it comes from a browser, and each entry is checked here.
 */
export function answersToCriteria(questionnaire: Questionnaire, stored: Readonly<Record<string, unknown>>): AnswersAsCriteria {
  // Whatever else the browser handed over (null, a list) holds no answers.
  const answers: Readonly<Record<string, unknown>> =
    typeof stored === 'object' && stored !== null && !Array.isArray(stored) ? stored : {};
  const ignored: IgnoredAnswer[] = [];
  const ignore = (questionId: string, code: IgnoredCode, reason: string): void => {
    ignored.push({ questionId, code, reason });
  };
  const collector = new CriteriaCollector(ignore);
  const place: { postcode?: string; maxDistanceKm?: number } = {};
  const questions = allQuestions(questionnaire);

  /** The number given to a number question, when it is a usable answer (as `readAnswer` reads it). */
  const numberGiven = (questionId: string): number | undefined => {
    const source = questions.find((q) => q.id === questionId);
    if (source?.kind !== 'number' || !Object.hasOwn(answers, questionId)) return undefined;
    const parsed = AnswerSchema.safeParse(answers[questionId]);
    const n = parsed.success ? parsed.data.number : undefined;
    return n !== undefined && Number.isInteger(n) && n >= source.min && n <= source.max ? n : undefined;
  };
  /** A mapping with its value in place: one taken from another answer needs that answer. */
  const resolve: Resolve = (questionId, mapped) => {
    if (mapped.valueFrom === undefined) return mapped;
    const value = numberGiven(mapped.valueFrom);
    if (value === undefined) {
      ignore(questionId, 'needs-answer', `This answer uses the answer to "${mapped.valueFrom}", which is not given (or not usable).`);
      return undefined;
    }
    return { criterion: mapped.criterion, value };
  };

  for (const question of questions) {
    if (!Object.hasOwn(answers, question.id)) continue;
    const parsed = AnswerSchema.safeParse(answers[question.id]);
    if (!parsed.success) {
      ignore(question.id, 'malformed', `The saved answer cannot be read: ${parsed.error.issues[0]?.message ?? 'unknown problem'}.`);
      continue;
    }
    const answer = parsed.data;
    if (!VALUE_FIELDS.some((field) => hasValue(answer, field))) continue; // skipped
    if (!FIELDS_OF_KIND[question.kind].some((field) => hasValue(answer, field))) {
      ignore(question.id, 'wrong-kind', `The question is now a ${question.kind} question; the saved answer is of another kind.`);
      continue;
    }
    readAnswer(question, answer, collector, place, ignore, resolve);
  }

  for (const questionId of Object.keys(answers).sort()) {
    if (questions.some((q) => q.id === questionId)) continue;
    const parsed = AnswerSchema.safeParse(answers[questionId]);
    // An empty entry for a question that is gone is nothing the person would miss.
    if (parsed.success && !VALUE_FIELDS.some((field) => hasValue(parsed.data, field))) continue;
    ignore(questionId, 'unknown-question', 'This question is not in the questionnaire (any more).');
  }

  const criteria = collector.result();
  return { criteria, situation: collector.situation(criteria), ...place, ignored };
}

/** A mapping with its value in place (`valueFrom` read from the answer it names), or undefined when that answer is missing. */
type Resolve = (questionId: string, mapped: MappedCriterion) => MappedCriterion | undefined;

/** The person's importance where the question asks for it, else the question's default. */
function importanceOf(question: ChoiceQuestion | YesNoWishQuestion | NumberQuestion, answer: Answer): Importance {
  return question.asksImportance && answer.importance !== undefined ? answer.importance : question.defaultImportance;
}

function readAnswer(
  question: Question,
  answer: Answer,
  collector: CriteriaCollector,
  place: { postcode?: string; maxDistanceKm?: number },
  ignore: (questionId: string, code: IgnoredCode, reason: string) => void,
  resolve: Resolve,
): void {
  const ownWish = !describesSituation(question);
  const add = (mapped: MappedCriterion): void => {
    const resolved = resolve(question.id, mapped);
    if (resolved) collector.add(question.id, resolved, importanceOf(question as ChoiceQuestion, answer), ownWish);
  };
  switch (question.kind) {
    case 'single-choice': {
      const option = question.options.find((o) => o.id === answer.choice);
      if (!option) {
        ignore(question.id, 'unknown-option', `"${answer.choice ?? ''}" is not one of the options (any more).`);
        return;
      }
      for (const mapped of option.criteria ?? []) add(mapped);
      return;
    }
    case 'multi-choice': {
      const chosen = new Set(answer.choices ?? []);
      for (const id of chosen) {
        if (!question.options.some((o) => o.id === id)) ignore(question.id, 'unknown-option', `"${id}" is not one of the options (any more).`);
      }
      // The question's order, not the order of clicking, so the same choices give the same request.
      for (const option of question.options) {
        if (!chosen.has(option.id)) continue;
        for (const mapped of option.criteria ?? []) add(mapped);
      }
      return;
    }
    case 'yes-no-wish':
      if (answer.yes === true) collector.add(question.id, { criterion: question.criterion }, importanceOf(question, answer), ownWish);
      return;
    case 'number': {
      const n = answer.number ?? Number.NaN;
      if (!Number.isInteger(n) || n < question.min || n > question.max) {
        ignore(question.id, 'out-of-range', `${n} is not a whole number from ${question.min} to ${question.max}.`);
        return;
      }
      collector.add(question.id, { criterion: question.criterion, value: n }, importanceOf(question, answer), ownWish);
      return;
    }
    case 'place':
      readPlace(question, answer, place, ignore);
      return;
    case 'free-text':
      return; // for the report only
    default:
      unreachable(question);
  }
}

function readPlace(
  question: PlaceQuestion,
  answer: Answer,
  place: { postcode?: string; maxDistanceKm?: number },
  ignore: (questionId: string, code: IgnoredCode, reason: string) => void,
): void {
  let postcode: string | undefined;
  if (hasValue(answer, 'postcode')) {
    const parsed = PlacePostcode.safeParse(answer.postcode);
    if (parsed.success) postcode = parsed.data;
    else ignore(question.id, 'invalid-postcode', `"${answer.postcode ?? ''}" is not a postcode (4 digits, or 4 digits and 2 letters).`);
  }
  if (postcode !== undefined) place.postcode = postcode;

  const km = answer.maxDistanceKm;
  if (km === undefined || km === null) return; // no limit
  const offered = question.distanceOptions.some((o) => o.km === km);
  if (!offered && !(Number.isInteger(km) && km >= OWN_DISTANCE_KM.min && km <= OWN_DISTANCE_KM.max)) {
    ignore(question.id, 'out-of-range', `${km} km is neither one of the distances nor a whole number from ${OWN_DISTANCE_KM.min} to ${OWN_DISTANCE_KM.max}.`);
  } else if (postcode === undefined) {
    ignore(question.id, 'needs-postcode', 'A maximum distance needs a postcode to measure from.');
  } else {
    place.maxDistanceKm = km;
  }
}

function unreachable(question: never): never {
  throw new Error(`Unknown question kind: ${JSON.stringify(question)}`);
}

/** The match request the answers ask for, in the questionnaire's region. */
export function matchRequestFor(questionnaire: Questionnaire, result: AnswersAsCriteria): MatchRequestInput {
  return {
    regionId: questionnaire.regionId,
    criteria: result.criteria,
    ...(result.postcode !== undefined ? { postcode: result.postcode } : {}),
    ...(result.maxDistanceKm !== undefined ? { maxDistanceKm: result.maxDistanceKm } : {}),
  };
}
