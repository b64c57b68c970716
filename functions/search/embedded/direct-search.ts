// Direct search over a set of candidates (all of a region's, or those its full text found):
// filters, facet counts, order and paging. Pure.
//
// Filters: a code filter passes a candidate holding ANY of the given codes (OR within a filter);
// a candidate must pass every filter given (AND across). A yes/no filter passes only what is known
// to hold, with the same meaning as the match criterion of that name (it is that criterion's
// shared predicate, so `smallScale` is groupSize <= 8, `garden` a garden among the facilities,
// `shops` shopsNearby). A list left out (unknown) holds no code, so it passes no code filter.
//
// Facets are disjunctive: the count of a code is how many candidates the query would give if that
// code were chosen in its filter, i.e. with every OTHER filter applied. Computed in one pass:
// each candidate gets a bit mask of the filters it fails. It is a hit when the mask is 0, and it
// counts toward the facet of filter F when it fails nothing or only F. (Orama's own facets count
// its hits with all filters applied, and its hits are not yet checked for whole words; see
// text-index.ts. One pass over a region is well under a millisecond.)
//
// Order: with words, relevance first; then the shared name key and the ids (as the matcher and
// OpenSearch order), so the order is total and pages never overlap.
import {
  CODE_FILTERS, CODE_FILTER_NAMES, CRITERIA, FLAG_FILTERS, type CodeFilter, type SearchQuery,
  type SearchResponse,
} from '../../../shared/domain/index.ts';
import { compileFlagFilter, toSearchHit, type CandidatePredicate, type MatchCandidate } from '../../../shared/matching/index.ts';

type CodesOf = (c: MatchCandidate) => readonly string[] | undefined;

/** The codes a candidate holds for a code filter (as the registry says its criterion reads them); undefined when left out. */
function codesOf(filter: CodeFilter): CodesOf {
  if (filter === 'waitingList') return (c) => [c.waitingList.status];
  const how = CRITERIA[filter].reads;
  const field = how.field as keyof MatchCandidate;
  if (how.read === 'list') return (c) => c[field] as readonly string[] | undefined;
  return (c) => {
    const code = c[field] as string | undefined;
    return code === undefined ? undefined : [code];
  };
}
const CODES_OF = Object.fromEntries(CODE_FILTER_NAMES.map((name) => [name, codesOf(name)])) as Readonly<Record<CodeFilter, CodesOf>>;

interface ActiveFilter {
  bit: number;
  passes(c: MatchCandidate): boolean;
}

function activeFilters(query: SearchQuery): { filters: ActiveFilter[]; bitOf: Map<CodeFilter, number> } {
  const filters: ActiveFilter[] = [];
  const bitOf = new Map<CodeFilter, number>();
  for (const name of CODE_FILTER_NAMES) {
    const wanted = query[name] as readonly string[] | undefined;
    if (!wanted || wanted.length === 0) continue;
    const bit = 1 << filters.length;
    const codesOf = CODES_OF[name];
    bitOf.set(name, bit);
    filters.push({ bit, passes: (c) => codesOf(c)?.some((code) => wanted.includes(code)) === true });
  }
  for (const name of FLAG_FILTERS) {
    if (query[name] !== true) continue;
    const holds: CandidatePredicate = compileFlagFilter(name);
    filters.push({ bit: 1 << filters.length, passes: (c) => holds(c) === 'match' });
  }
  return { filters, bitOf };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byName(a: MatchCandidate, b: MatchCandidate): number {
  return compareText(a.sortName, b.sortName) || compareText(a.locationId, b.locationId) || compareText(a.housingFormId, b.housingFormId);
}

/**
 * Searches `pool`. With `relevance` (the full text's scores by candidate id) hits are ordered by
 * it first; without, by name.
 */
export function directSearch(
  pool: readonly MatchCandidate[],
  query: SearchQuery,
  relevance?: ReadonlyMap<string, number>,
): SearchResponse {
  const { filters, bitOf } = activeFilters(query);
  const hits: MatchCandidate[] = [];
  const counts = new Map<CodeFilter, Map<string, number>>(CODE_FILTER_NAMES.map((name) => [name, new Map()]));

  for (const c of pool) {
    let failed = 0;
    for (const filter of filters) if (!filter.passes(c)) failed |= filter.bit;
    if (failed === 0) hits.push(c);
    for (const name of CODE_FILTER_NAMES) {
      // Fails nothing, or only this facet's own filter (an inactive filter has no bit).
      if (failed !== 0 && failed !== bitOf.get(name)) continue;
      const tally = counts.get(name) as Map<string, number>;
      for (const code of CODES_OF[name](c) ?? []) tally.set(code, (tally.get(code) ?? 0) + 1);
    }
  }

  const score = (c: MatchCandidate) => relevance?.get(c.id) ?? 0;
  hits.sort(relevance ? (a, b) => score(b) - score(a) || byName(a, b) : byName);

  const facets: SearchResponse['facets'] = {};
  for (const name of CODE_FILTER_NAMES) {
    const tally = counts.get(name) as Map<string, number>;
    // In the code list's order, so the answer reads the same every time.
    facets[name] = Object.fromEntries(CODE_FILTERS[name].filter((code) => tally.has(code)).map((code) => [code, tally.get(code) as number]));
  }
  return {
    items: hits.slice(query.offset, query.offset + query.limit).map(toSearchHit),
    total: hits.length,
    facets,
  };
}
