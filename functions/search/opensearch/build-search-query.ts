// Direct search as one OpenSearch search. Pure, and unit-tested as JSON.
//
// - Full text: the words of `q`, each in some name field or the descriptions (cross_fields,
//   operator and), analysed with the Dutch analyser, so 'tuinen' finds 'tuin'. Names weigh more
//   than descriptions, as in the embedded engine (text-index.ts).
// - Filters: a code filter passes a housing form with ANY of its codes (a `terms` query: OR
//   within), all filters must pass (AND across); a yes/no filter passes only what is known to hold.
// - Facets are disjunctive: the count for a code says what choosing it would give, so each code
//   filter's aggregation is filtered by every OTHER filter, and the filters themselves go into
//   `post_filter` (which narrows the hits, not the aggregations).
// - Order: relevance, then the shared name key, then the ids: deterministic, pages do not overlap.
// - Scope: the region, nearby regions too, or the country (scope-clause.ts), from `origin`.
import {
  CODE_FILTERS, CODE_FILTER_NAMES, CRITERIA, FLAG_FILTERS, type CodeFilter, type SearchQuery,
} from '../../../shared/domain/index.ts';
import { type Point } from '../../../shared/geo/distance.ts';
import { flagFilterClause, type Clause } from './criterion-clauses.ts';
import { SEARCH_TEXT, WAITING_LIST_STATUS } from './index-mapping.ts';
import { scopeFilters } from './scope-clause.ts';

/** The candidate field each code filter reads: the registry's, and the waiting list's state. */
export const CODE_FILTER_FIELDS = Object.fromEntries(
  CODE_FILTER_NAMES.map((name) => {
    if (name === 'waitingList') return [name, WAITING_LIST_STATUS];
    const how = CRITERIA[name].reads;
    return [name, how.field];
  }),
) as Readonly<Record<CodeFilter, string>>;

/**
 * Fields for full text: the housing form's own name weighs most, the descriptions least, so a word
 * in a name ranks above the same word in a description.
 */
export const TEXT_FIELDS = ['name^3', 'locationName^2', 'organizationName', 'city', `${SEARCH_TEXT}^0.5`];

/** The fields a search hit needs from _source. */
const HIT_FIELDS = ['housingFormId', 'locationId', 'organizationId', 'regionId', 'name', 'locationName', 'organizationName', 'city', 'type', 'phone', 'point', 'waitingList'];

/** The aggregation name per code filter (the response is read back by the same names). */
export const facetName = (filter: CodeFilter) => `facet_${filter}`;

export function buildSearchQuery(query: SearchQuery, origin?: Point): Clause {
  const codeFilters = new Map<CodeFilter, Clause>();
  for (const name of CODE_FILTER_NAMES) {
    const codes = query[name];
    if (codes && codes.length > 0) codeFilters.set(name, { terms: { [CODE_FILTER_FIELDS[name]]: [...codes] } });
  }
  // A yes/no filter passes what the match criterion of that name says matches.
  const flagFilters = FLAG_FILTERS.filter((name) => query[name] === true).map(flagFilterClause);
  const all = [...codeFilters.values(), ...flagFilters];

  const q = query.q?.trim();
  const aggs = Object.fromEntries(
    CODE_FILTER_NAMES.map((name) => {
      const others = [...[...codeFilters].filter(([other]) => other !== name).map(([, clause]) => clause), ...flagFilters];
      return [
        facetName(name),
        {
          filter: others.length > 0 ? { bool: { filter: others } } : { match_all: {} },
          // Every code of the list fits in one bucket list: counts are exact, nothing cut off.
          aggs: { codes: { terms: { field: CODE_FILTER_FIELDS[name], size: CODE_FILTERS[name].length, min_doc_count: 1 } } },
        },
      ];
    }),
  );

  return {
    query: {
      bool: {
        filter: scopeFilters(query, origin),
        must: q ? [{ multi_match: { query: q, fields: TEXT_FIELDS, type: 'cross_fields', operator: 'and' } }] : [{ match_all: {} }],
      },
    },
    ...(all.length > 0 ? { post_filter: { bool: { filter: all } } } : {}),
    aggs,
    sort: [{ _score: { order: 'desc' } }, { sortName: { order: 'asc' } }, { locationId: { order: 'asc' } }, { housingFormId: { order: 'asc' } }],
    from: query.offset,
    size: query.limit,
    track_total_hits: true,
    _source: { includes: HIT_FIELDS },
  };
}
