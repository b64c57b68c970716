// Comparing chosen housing forms against a person's own wishes: the shortlist, the compare page
// and the report ask for this. Unlike a match, nothing is filtered out: a chosen housing form is
// always explained, also when it fails many musts, so a person sees why a favourite does not fit.
import * as z from 'zod';
import { CriterionSchema, MAX_CRITERIA, ReasonSchema, refineWishes } from './criteria.ts';
import { PlacePostcode, Slug } from './primitives.ts';
import { HousingFormHeadingSchema, HousingFormViewSchema, LocationSummarySchema } from './views.ts';

/** Housing-form ids are unique within their location, so a housing form is named by both. */
export const HousingFormRefSchema = z.strictObject({ locationId: Slug, housingFormId: Slug });
export type HousingFormRef = z.infer<typeof HousingFormRefSchema>;

/** At most this many in one request: the shortlist's size (the compare page shows 4 of them). */
export const MAX_COMPARED = 10;

export const CompareRequestSchema = z.strictObject({
  regionId: Slug,
  postcode: PlacePostcode.optional(),
  maxDistanceKm: z.number().positive().max(300).optional(),
  criteria: z.array(CriterionSchema).max(MAX_CRITERIA).default([]),
  items: z.array(HousingFormRefSchema).min(1).max(MAX_COMPARED),
}).superRefine(refineWishes);
export type CompareRequest = z.infer<typeof CompareRequestSchema>;
export type CompareRequestInput = z.input<typeof CompareRequestSchema>;

export const ComparedItemSchema = HousingFormHeadingSchema.extend({
  /** The same score as a match would give (0..1); comparable across the items of one answer. */
  score: z.number().min(0).max(1),
  distanceKm: z.number().min(0).optional(),
  /** One reason per criterion (and `distance` with a maximum), as in a match result. */
  reasons: z.array(ReasonSchema),
  /** The musts it fails, any number of them; empty when every must holds or is unknown. */
  failedMusts: z.array(ReasonSchema),
  housingForm: HousingFormViewSchema,
  location: LocationSummarySchema,
});
export type ComparedItem = z.infer<typeof ComparedItemSchema>;

export const CompareResponseSchema = z.object({
  /** In the order asked for. */
  items: z.array(ComparedItemSchema),
  /** Asked for but not (any more) listed: a favourite the provider removed. */
  missing: z.array(HousingFormRefSchema),
  /**
   * The moment the answer holds for (the API's clock, ISO date-time), as in a match answer: a
   * waiting list confirmed more than 30 days before it counted as unknown, so compare and report
   * say "possibly outdated" by the same moment, not by the browser's clock.
   */
  asOf: z.iso.datetime(),
});
export type CompareResponse = z.infer<typeof CompareResponseSchema>;

/**
 * `GET /api/postcodes/{postcode}`: where a place lies (its postcode-area centroid), and in which
 * municipality and care-office region, so a page can say that a postcode lies in another region
 * (and offer that region when this deployment serves it). Reference data only (Bron: CBS).
 */
export const PostcodeAnswerSchema = z.object({
  postcode: z.string(),
  pc4: z.string(),
  point: z.object({ lat: z.number(), lon: z.number() }),
  /** The care-office region code (ZKxx) the area lies in, when known. */
  careOfficeRegionCode: z.string().optional(),
  /** That region's name (CBS 2025), e.g. "Amsterdam"; with the code. */
  careOfficeRegionName: z.string().optional(),
  /** The municipality (CBS 2025), when the area maps to one. */
  municipality: z.object({ code: z.string(), name: z.string() }).optional(),
});
export type PostcodeAnswer = z.infer<typeof PostcodeAnswerSchema>;
