// Criteria: the matcher's input and the stable contract between questionnaire, API and engines.
// Names and codes exactly as in docs/domain.md; a criterion carries a value only where the table says so.
import * as z from 'zod';
import { IMPORTANCES } from './codes.ts';
import {
  CRITERIA, CRITERION_NAMES, type CodeCriterionName, type CriterionName, type FlagCriterionName,
  type NumberCriterionName,
} from './criterion-registry.ts';
import { PlacePostcode, Slug } from './primitives.ts';
import { SearchScopeSchema, refineScope } from './scope.ts';
import { HousingFormHeadingSchema } from './views.ts';

const Importance = z.enum(IMPORTANCES);

/** At most this many criteria in one request: every question of a questionnaire answered, with room. */
export const MAX_CRITERIA = 60;

/** `distance` is not asked for as a criterion: it comes from postcode + maxDistanceKm. */
export type ReasonCriterion = CriterionName | 'distance';

type CriterionShape<N extends CriterionName> =
  N extends CodeCriterionName ? { criterion: N; importance: (typeof IMPORTANCES)[number]; value: (typeof CRITERIA)[N]['codes'][number] }
  : N extends NumberCriterionName ? { criterion: N; importance: (typeof IMPORTANCES)[number]; value: number }
  : N extends FlagCriterionName ? { criterion: N; importance: (typeof IMPORTANCES)[number] }
  : never;

function criterionVariant(name: CriterionName) {
  const declared = CRITERIA[name];
  const base = { criterion: z.literal(name), importance: Importance };
  switch (declared.kind) {
    case 'code':
      return z.strictObject({ ...base, value: z.enum(declared.codes as readonly [string, ...string[]]) });
    case 'number':
      return z.strictObject({ ...base, value: z.number().int().min(declared.range[0]).max(declared.range[1]) });
    case 'flag':
      return z.strictObject(base);
  }
}

/** One variant per criterion of the registry, told apart by `criterion`. */
export const CriterionSchema = z.discriminatedUnion(
  'criterion',
  CRITERION_NAMES.map(criterionVariant) as unknown as [ReturnType<typeof criterionVariant>, ...ReturnType<typeof criterionVariant>[]],
) as unknown as z.ZodType<AnyCriterion, AnyCriterion>;
type AnyCriterion = { [N in CriterionName]: CriterionShape<N> }[CriterionName];
export type Criterion = z.infer<typeof CriterionSchema>;

/**
 * What a match and a compare request both refuse: a maximum distance without a place to measure
 * from, and a criterion given twice (it would count twice in the score).
 */
export function refineWishes(
  req: { postcode?: string; maxDistanceKm?: number; criteria: readonly Criterion[] },
  ctx: z.core.$RefinementCtx,
): void {
  if (req.maxDistanceKm !== undefined && req.postcode === undefined) {
    ctx.addIssue({ code: 'custom', path: ['postcode'], message: 'A maximum distance needs a postcode to measure from.' });
  }
  const seen = new Set<string>();
  req.criteria.forEach((c, i) => {
    const key = `${c.criterion}=${'value' in c ? String(c.value) : ''}`;
    if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['criteria', i], message: 'This criterion appears twice.' });
    seen.add(key);
  });
}

export const MatchRequestSchema = z.strictObject({
  regionId: Slug,
  postcode: PlacePostcode.optional(),
  maxDistanceKm: z.number().positive().max(300).optional(),
  criteria: z.array(CriterionSchema).max(MAX_CRITERIA).default([]),
  /** Paging over results; near misses are not paged: the best 20 (fewest failed musts first) come along. */
  limit: z.number().int().min(1).max(200).default(50),
  offset: z.number().int().min(0).default(0),
  scope: SearchScopeSchema,
}).superRefine((req, ctx) => {
  refineWishes(req, ctx);
  refineScope(req, ctx);
});
export type MatchRequest = z.infer<typeof MatchRequestSchema>;
export type MatchRequestInput = z.input<typeof MatchRequestSchema>;

export const OUTCOMES = ['match', 'mismatch', 'unknown'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const ReasonSchema = z.object({
  criterion: z.enum([...CRITERION_NAMES, 'distance']),
  value: z.union([z.string(), z.number()]).optional(),
  importance: Importance,
  outcome: z.enum(OUTCOMES),
  /**
   * For a criterion that holds on more than one answer (day activities on site or nearby), the
   * housing form's answer that made it a match, so the reason can say which.
   */
  found: z.string().optional(),
});
export type Reason = z.infer<typeof ReasonSchema>;

/** A result as a page explains it: one reason per judged criterion (see `explainMatch`). */
export const MatchResultSchema = HousingFormHeadingSchema.extend({
  score: z.number().min(0).max(1),
  distanceKm: z.number().min(0).optional(),
  reasons: z.array(ReasonSchema),
});
export type MatchResult = z.infer<typeof MatchResultSchema>;

export const NearMissSchema = MatchResultSchema.extend({
  failedMusts: z.array(ReasonSchema).min(1).max(2),
});
export type NearMiss = z.infer<typeof NearMissSchema>;

/**
 * A criterion as a match answer judged it: each of the request's criteria, with `distance` (value:
 * the maximum, a must) first when a maximum distance was asked. Said once per answer, so each
 * housing form carries only its outcome per criterion: the answer stays self-explaining without
 * repeating every criterion's name, value and importance on every housing form (which made the
 * answer of 50 results 58 KB, most of its time spent serialising and sending).
 */
export const JudgedCriterionSchema = ReasonSchema.omit({ outcome: true, found: true });
export type JudgedCriterion = z.infer<typeof JudgedCriterionSchema>;

export const RankedResultSchema = HousingFormHeadingSchema.extend({
  score: z.number().min(0).max(1),
  distanceKm: z.number().min(0).optional(),
  /** The outcome of each of the answer's `criteria`, in the same order. */
  outcomes: z.array(z.enum(OUTCOMES)),
  /**
   * For a criterion that holds on more than one answer (day activities on site or nearby) and
   * matched: the housing form's answer that made it a match, by the criterion's position in `criteria`.
   */
  found: z.record(z.string().regex(/^\d+$/), z.string()).optional(),
});
export type RankedResult = z.infer<typeof RankedResultSchema>;

export const RankedNearMissSchema = RankedResultSchema.extend({
  /** The positions in `criteria` of the musts it fails (one or two). */
  failedMusts: z.array(z.number().int().min(0)).min(1).max(2),
});
export type RankedNearMiss = z.infer<typeof RankedNearMissSchema>;

export const MatchResponseSchema = z.object({
  /** What each result's and near miss's `outcomes` answer, in order. */
  criteria: z.array(JudgedCriterionSchema),
  results: z.array(RankedResultSchema),
  nearMisses: z.array(RankedNearMissSchema),
  /** Number of fitting housing forms in all (results is one page of them). */
  total: z.number().int().min(0),
});
export type MatchResponse = z.infer<typeof MatchResponseSchema>;

/** A match answer with each housing form's reasons written out: what the pages draw. */
export interface ExplainedMatch {
  results: MatchResult[];
  nearMisses: NearMiss[];
  total: number;
}

/** What POST /api/match answers: the engine's answer, and the moment it holds for. */
export const MatchAnswerSchema = MatchResponseSchema.extend({
  /**
   * The moment of the request (the API's clock, ISO date-time): a waiting list confirmed more than
   * 30 days before it counted as unknown, so a page says "possibly outdated" by the same moment.
   */
  asOf: z.iso.datetime(),
});
export type MatchAnswer = z.infer<typeof MatchAnswerSchema>;
