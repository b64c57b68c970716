// `POST /api/regions/{regionId}/questionnaire/criteria`: the site sends the answers kept in the
// browser and gets back what they mean for the matcher. The conversion lives on the server so the
// site's pages need no zod (its size would break the page budget); it is the pure
// `answersToCriteria`, so the answer is the same wherever it runs.
import * as z from 'zod';
import { CRITERION_NAMES, CriterionSchema } from '../domain/index.ts';

export const CriteriaFromAnswersRequestSchema = z.strictObject({
  /** Answers keyed by question id, as saved (SavedAnswers.answers); checked one by one, never refused whole. */
  answers: z.record(z.string().max(80), z.unknown()).refine((answers) => Object.keys(answers).length <= 200, {
    message: 'At most 200 answers.',
  }),
  /**
   * The questionnaire version the answers were saved for (SavedAnswers.version). Given and older than
   * the current one, they are read with answersOnVersion: what the current version no longer asks is
   * named in `ignored` as `no-longer-asked` instead of being guessed at.
   */
  version: z.number().int().min(1).max(1_000_000).optional(),
});
export type CriteriaFromAnswersRequest = z.infer<typeof CriteriaFromAnswersRequestSchema>;

export const IGNORED_CODES = [
  'no-longer-asked', // saved against an older version that asked it; the current version does not (the question, or the options chosen)
  'unknown-question', // no such question (any more)
  'unknown-option', // no such option or distance (any more)
  'wrong-kind', // the answer is for another kind of question, e.g. after a question changed
  'malformed', // not an answer at all
  'out-of-range', // a number outside the question's range, or a distance of one's own that is not 1 to 300 whole km
  'invalid-postcode',
  'needs-postcode', // a maximum distance without a place to measure from
  'invalid-criterion', // the questionnaire maps an option to a criterion the matcher refuses
  'needs-answer', // the option takes its value from another answer (people of my age: the age), which is not given
  'too-many-criteria', // more than a match request carries
] as const;

export const CriteriaFromAnswersResponseSchema = z.object({
  questionnaireId: z.string(),
  version: z.number().int(),
  criteria: z.array(CriterionSchema),
  /** Which criteria are facts of the person's situation rather than wishes they chose (answersToCriteria). */
  situation: z.array(z.object({ criterion: z.enum(CRITERION_NAMES), value: z.union([z.string(), z.number()]).optional() })),
  postcode: z.string().optional(),
  maxDistanceKm: z.number().optional(),
  ignored: z.array(z.object({ questionId: z.string(), code: z.enum(IGNORED_CODES), reason: z.string() })),
});
export type CriteriaFromAnswersResponse = z.infer<typeof CriteriaFromAnswersResponseSchema>;
