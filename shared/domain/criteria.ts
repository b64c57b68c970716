// Criteria: the matcher's input and the stable contract between questionnaire, API and engines.
// Names and codes exactly as in DOMAIN.md; a criterion carries a value only where the table says so.
import * as z from 'zod';
import {
  CARE_PROFILES, COMMUNITIES, CULTURES, DELIVERY_FORMS, HOUSING_TYPES, IMPORTANCES, LANGUAGES,
  SECTORS, TARGET_GROUPS, WORLDVIEWS,
} from './codes.ts';
import { PlacePostcode, Slug } from './primitives.ts';
import { HousingFormHeadingSchema } from './views.ts';

const Importance = z.enum(IMPORTANCES);

const withValue = <N extends string, V extends z.ZodType>(criterion: N, value: V) =>
  z.strictObject({ criterion: z.literal(criterion), importance: Importance, value });
const flag = <N extends string>(criterion: N) => z.strictObject({ criterion: z.literal(criterion), importance: Importance });

export const VALUE_CRITERIA = [
  'sector', 'careProfile', 'deliveryForm', 'targetGroup', 'housingType', 'worldview', 'culture',
  'community', 'language', 'age',
] as const;
export const FLAG_CRITERIA = [
  'partner', 'pets', 'smoking', 'ownBathroom', 'kitchenette', 'smallScale', 'wheelchair', 'roundTheClock',
  'garden', 'dayActivities', 'publicTransport', 'shops', 'availableSoon',
] as const;
export const CRITERION_NAMES = [...VALUE_CRITERIA, ...FLAG_CRITERIA] as const;
export type CriterionName = (typeof CRITERION_NAMES)[number];
/** `distance` is not asked for as a criterion: it comes from postcode + maxDistanceKm. */
export type ReasonCriterion = CriterionName | 'distance';

export const CriterionSchema = z.discriminatedUnion('criterion', [
  withValue('sector', z.enum(SECTORS)),
  withValue('careProfile', z.enum(CARE_PROFILES)),
  withValue('deliveryForm', z.enum(DELIVERY_FORMS)),
  withValue('targetGroup', z.enum(TARGET_GROUPS)),
  withValue('housingType', z.enum(HOUSING_TYPES)),
  withValue('worldview', z.enum(WORLDVIEWS)),
  withValue('culture', z.enum(CULTURES)),
  withValue('community', z.enum(COMMUNITIES)),
  withValue('language', z.enum(LANGUAGES)),
  withValue('age', z.number().int().min(0).max(120)),
  flag('partner'),
  flag('pets'),
  flag('smoking'),
  flag('ownBathroom'),
  flag('kitchenette'),
  flag('smallScale'),
  flag('wheelchair'),
  flag('roundTheClock'),
  flag('garden'),
  flag('dayActivities'),
  flag('publicTransport'),
  flag('shops'),
  flag('availableSoon'),
]);
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
  criteria: z.array(CriterionSchema).max(60).default([]),
  /** Paging over results; near misses are not paged: the best 20 (fewest failed musts first) come along. */
  limit: z.number().int().min(1).max(200).default(50),
  offset: z.number().int().min(0).default(0),
}).superRefine(refineWishes);
export type MatchRequest = z.infer<typeof MatchRequestSchema>;
export type MatchRequestInput = z.input<typeof MatchRequestSchema>;

export const OUTCOMES = ['match', 'mismatch', 'unknown'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const ReasonSchema = z.object({
  criterion: z.enum([...CRITERION_NAMES, 'distance']),
  value: z.union([z.string(), z.number()]).optional(),
  importance: Importance,
  outcome: z.enum(OUTCOMES),
});
export type Reason = z.infer<typeof ReasonSchema>;

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

export const MatchResponseSchema = z.object({
  results: z.array(MatchResultSchema),
  nearMisses: z.array(NearMissSchema),
  /** Number of fitting housing forms in all (results is one page of them). */
  total: z.number().int().min(0),
});
export type MatchResponse = z.infer<typeof MatchResponseSchema>;
