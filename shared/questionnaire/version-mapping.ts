// Answers saved against an older version of a region's questionnaire, read against the current one.
// A person's browser keeps their answers with the version they were given for (SavedAnswers); when
// the coordinator publishes a newer version, the answers are carried over by question id (ids are
// never reused, so the same id is the same question): an answer that still fits its question is
// kept, and what the new version no longer asks is named, so the site can say "niet meer gevraagd"
// instead of silently dropping it. Pure: the results page and the API read old answers the same way.
import { AnswerSchema, type Answer, type Answers } from './answers.ts';
import { allQuestions } from './questions.ts';
import type { Question, Questionnaire } from './schema.ts';

export interface NoLongerAsked {
  questionId: string;
  /** Set when the question is still there but these chosen options are not: only they are dropped. */
  optionIds?: string[];
}

export interface AnswersOnVersion {
  /** The version the answers were given for and the one they are now read against. */
  fromVersion: number;
  toVersion: number;
  /** The answers the current version can use, by question id. */
  answers: Answers;
  /** Answers given that the current version no longer asks (a question gone or changed kind, or options gone), in the order given. */
  noLongerAsked: NoLongerAsked[];
}

/** What each kind of question reads from an answer, with the importance beside it. */
const FIELDS: Record<Question['kind'], ReadonlyArray<keyof Answer>> = {
  'single-choice': ['choice'],
  'multi-choice': ['choices'],
  'yes-no-wish': ['yes'],
  number: ['number'],
  place: ['postcode', 'maxDistanceKm'],
  'free-text': ['text'],
};

const given = (value: unknown): boolean =>
  value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '') && !(Array.isArray(value) && value.length === 0);

/** Only the fields the question reads, and the importance where the question asks it. */
function fitted(question: Question, answer: Answer): Answer {
  const out: Record<string, unknown> = {};
  for (const field of FIELDS[question.kind]) if (answer[field] !== undefined) out[field] = answer[field];
  if ('asksImportance' in question && question.asksImportance && answer.importance !== undefined) out.importance = answer.importance;
  return out as Answer;
}

/**
 * `saved.answers` (given for `saved.version`) as `current` reads them. The same version gives the
 * answers back as they are. An answer that cannot be read at all is left to answersToCriteria,
 * which names it as malformed; an empty answer (a question skipped) is neither kept nor named.
 */
export function answersOnVersion(saved: { version: number; answers: Readonly<Record<string, unknown>> }, current: Questionnaire): AnswersOnVersion {
  const result: AnswersOnVersion = { fromVersion: saved.version, toVersion: current.version, answers: {}, noLongerAsked: [] };
  const questions = new Map(allQuestions(current).map((q) => [q.id, q]));
  for (const [questionId, raw] of Object.entries(saved.answers)) {
    const parsed = AnswerSchema.safeParse(raw);
    if (!parsed.success) {
      // Passed on as it is: answersToCriteria tells the person it could not be read.
      if (questions.has(questionId)) result.answers[questionId] = raw as Answer;
      else result.noLongerAsked.push({ questionId });
      continue;
    }
    const answer = parsed.data;
    const question = questions.get(questionId);
    const anyGiven = Object.entries(answer).some(([field, value]) => field !== 'importance' && given(value));
    if (!anyGiven) continue;
    if (!question || !FIELDS[question.kind].some((field) => given(answer[field]))) {
      result.noLongerAsked.push({ questionId });
      continue;
    }
    const kept = fitted(question, answer);
    if (question.kind === 'single-choice' || question.kind === 'multi-choice') {
      const offered = new Set(question.options.map((o) => o.id));
      const chosen = question.kind === 'single-choice' ? [kept.choice ?? ''] : (kept.choices ?? []);
      const gone = chosen.filter((id) => !offered.has(id));
      if (gone.length > 0) result.noLongerAsked.push({ questionId, optionIds: gone });
      const still = chosen.filter((id) => offered.has(id));
      if (still.length === 0) continue;
      if (question.kind === 'single-choice') kept.choice = still[0];
      else kept.choices = still;
    }
    result.answers[questionId] = kept;
  }
  return result;
}

/**
 * What a next version may not do to the one before, beyond the schema: it stays the same
 * questionnaire of the same region, and a question keeps its kind under its id, since answers in
 * people's browsers are keyed by it (a changed question gets a new id; the old one is then no longer asked).
 */
export function checkNextVersion(previous: Questionnaire, next: Questionnaire): Array<{ path: string; message: string }> {
  const problems: Array<{ path: string; message: string }> = [];
  if (next.id !== previous.id) problems.push({ path: 'id', message: `The questionnaire's id stays "${previous.id}".` });
  if (next.regionId !== previous.regionId) problems.push({ path: 'regionId', message: `The region stays "${previous.regionId}".` });
  const kinds = new Map(allQuestions(previous).map((q) => [q.id, q.kind]));
  next.themes.forEach((theme, t) => theme.questions.forEach((question, q) => {
    const before = kinds.get(question.id);
    if (before !== undefined && before !== question.kind) {
      problems.push({
        path: `themes.${t}.questions.${q}.id`,
        message: `Question "${question.id}" was a ${before} question in version ${previous.version}: give the changed question a new id, so answers given to the old one are not misread.`,
      });
    }
  }));
  return problems;
}
