// Direct search (without the questionnaire): Dutch full text, filters on the criteria codes,
// facet counts per filter, paging. The contract both search engines answer.
import * as z from 'zod';
import { WAITING_LIST_STATUSES } from './codes.ts';
import {
  CODE_SEARCH_FILTERS, CRITERIA, FLAG_FILTERS, type CodeCriterionName, type FlagFilterName,
} from './criterion-registry.ts';
import { PlacePostcode, Slug } from './primitives.ts';
import { SearchScopeSchema, refineScope } from './scope.ts';
import { HousingFormHeadingSchema, PointSchema } from './views.ts';

type CodeSearchFilter = Extract<CodeCriterionName, (typeof CODE_SEARCH_FILTERS)[number]>;

/**
 * Code filters: a housing form passes when it has ANY of the given codes of a filter (OR within, AND
 * across). The code criteria of the registry, and the waiting list's state.
 */
export const CODE_FILTERS = {
  ...(Object.fromEntries(CODE_SEARCH_FILTERS.map((name) => [name, CRITERIA[name].codes])) as {
    [N in CodeSearchFilter]: (typeof CRITERIA)[N]['codes'];
  }),
  waitingList: WAITING_LIST_STATUSES,
};
export type CodeFilter = keyof typeof CODE_FILTERS;
export const CODE_FILTER_NAMES = Object.keys(CODE_FILTERS) as CodeFilter[];

/** Yes/no filters: given as `true`, a housing form passes only when it is known to hold. */
export { FLAG_FILTERS };
export type FlagFilter = FlagFilterName;

/** A query-string value may come once or repeated; both become a list. */
const listOf = <T extends readonly [string, ...string[]]>(codes: T) =>
  z.preprocess((v) => (v === undefined || Array.isArray(v) ? v : [v]), z.array(z.enum(codes)).max(50)).optional();
const flag = z.enum(['true']).transform(() => true as const).optional();

type ListOf<T extends readonly [string, ...string[]]> = ReturnType<typeof listOf<T>>;

export const SearchQuerySchema = z.strictObject({
  regionId: Slug,
  q: z.string().trim().max(200).optional(),
  ...(Object.fromEntries(CODE_FILTER_NAMES.map((name) => [name, listOf(CODE_FILTERS[name])])) as unknown as {
    [N in CodeFilter]: ListOf<(typeof CODE_FILTERS)[N]>;
  }),
  ...(Object.fromEntries(FLAG_FILTERS.map((name) => [name, flag])) as { [N in FlagFilter]: typeof flag }),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
  scope: SearchScopeSchema,
  /** The place the 'nearby' scope measures from; it does not order or filter the region's own hits. */
  postcode: PlacePostcode.optional(),
  maxDistanceKm: z.coerce.number().positive().max(300).optional(),
}).superRefine((query, ctx) => {
  if (query.maxDistanceKm !== undefined && query.postcode === undefined) {
    ctx.addIssue({ code: 'custom', path: ['postcode'], message: 'A maximum distance needs a postcode to measure from.' });
  }
  refineScope(query, ctx);
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
