// Direct search (without the questionnaire): Dutch full text, filters on the criteria codes,
// facet counts per filter, paging. The contract both search engines answer.
import * as z from 'zod';
import {
  CARE_PROFILES, COMMUNITIES, CULTURES, DELIVERY_FORMS, HOUSING_TYPES, LANGUAGES, SECTORS,
  TARGET_GROUPS, WAITING_LIST_STATUSES, WORLDVIEWS,
} from './codes.ts';
import { Slug } from './primitives.ts';
import { HousingFormHeadingSchema, PointSchema } from './views.ts';

/** Code filters: a housing form passes when it has ANY of the given codes of a filter (OR within, AND across). */
export const CODE_FILTERS = {
  sector: SECTORS,
  careProfile: CARE_PROFILES,
  deliveryForm: DELIVERY_FORMS,
  targetGroup: TARGET_GROUPS,
  housingType: HOUSING_TYPES,
  worldview: WORLDVIEWS,
  culture: CULTURES,
  community: COMMUNITIES,
  language: LANGUAGES,
  waitingList: WAITING_LIST_STATUSES,
} as const;
export type CodeFilter = keyof typeof CODE_FILTERS;
export const CODE_FILTER_NAMES = Object.keys(CODE_FILTERS) as CodeFilter[];

/** Yes/no filters: given as `true`, a housing form passes only when it is known to hold. */
export const FLAG_FILTERS = [
  'partner', 'pets', 'smoking', 'ownBathroom', 'kitchenette', 'smallScale', 'wheelchair', 'roundTheClock',
  'garden', 'dayActivities', 'publicTransport', 'shops',
] as const;
export type FlagFilter = (typeof FLAG_FILTERS)[number];

/** A query-string value may come once or repeated; both become a list. */
const listOf = <T extends readonly [string, ...string[]]>(codes: T) =>
  z.preprocess((v) => (v === undefined || Array.isArray(v) ? v : [v]), z.array(z.enum(codes)).max(50)).optional();
const flag = z.enum(['true']).transform(() => true as const).optional();

export const SearchQuerySchema = z.strictObject({
  regionId: Slug,
  q: z.string().trim().max(200).optional(),
  sector: listOf(SECTORS),
  careProfile: listOf(CARE_PROFILES),
  deliveryForm: listOf(DELIVERY_FORMS),
  targetGroup: listOf(TARGET_GROUPS),
  housingType: listOf(HOUSING_TYPES),
  worldview: listOf(WORLDVIEWS),
  culture: listOf(CULTURES),
  community: listOf(COMMUNITIES),
  language: listOf(LANGUAGES),
  waitingList: listOf(WAITING_LIST_STATUSES),
  partner: flag,
  pets: flag,
  smoking: flag,
  ownBathroom: flag,
  kitchenette: flag,
  smallScale: flag,
  wheelchair: flag,
  roundTheClock: flag,
  garden: flag,
  dayActivities: flag,
  publicTransport: flag,
  shops: flag,
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});
export type SearchQuery = z.infer<typeof SearchQuerySchema>;

export const SearchHitSchema = HousingFormHeadingSchema.extend({ point: PointSchema });
export type SearchHit = z.infer<typeof SearchHitSchema>;

export const SearchResponseSchema = z.object({
  items: z.array(SearchHitSchema),
  total: z.number().int().min(0),
  /**
   * Per code filter, per code: how many housing forms match the query with every OTHER filter
   * applied (so choosing a code shows what the choice would give); codes with 0 are left out.
   */
  facets: z.record(z.string(), z.record(z.string(), z.number().int().min(0))),
});
export type SearchResponse = z.infer<typeof SearchResponseSchema>;
