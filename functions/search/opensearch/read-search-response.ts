// Reads OpenSearch search answers into the port's shapes: hits and totals of any search, and the
// facet buckets of direct search.
import { CODE_FILTERS, CODE_FILTER_NAMES, type SearchResponse } from '../../../shared/domain/index.ts';
import { toSearchHit, type MatchCandidate } from '../../../shared/matching/index.ts';
import { facetName } from './build-search-query.ts';
import { fromSource } from './index-mapping.ts';

/** The part of a search response this code reads. */
export interface SearchBody {
  hits?: { total?: number | { value: number }; hits?: Array<{ _source?: unknown }> };
  aggregations?: Record<string, { codes?: { buckets?: Array<{ key: string | number; doc_count: number }> } }>;
}

export function totalOf(body: SearchBody): number {
  const total = body.hits?.total;
  return typeof total === 'number' ? total : (total?.value ?? 0);
}

export function candidatesOf(body: SearchBody): MatchCandidate[] {
  return (body.hits?.hits ?? []).flatMap((hit) => (hit._source === undefined ? [] : [fromSource(hit._source)]));
}

export function readSearchResponse(body: SearchBody): SearchResponse {
  const items = candidatesOf(body).map(toSearchHit);
  const facets: SearchResponse['facets'] = {};
  for (const name of CODE_FILTER_NAMES) {
    const counts = new Map((body.aggregations?.[facetName(name)]?.codes?.buckets ?? []).map((b) => [String(b.key), b.doc_count]));
    // In the code list's order (not by count), so the answer reads the same on both engines.
    facets[name] = Object.fromEntries(CODE_FILTERS[name].flatMap((code) => ((counts.get(code) ?? 0) > 0 ? [[code, counts.get(code) as number]] : [])));
  }
  return { items, total: totalOf(body), facets };
}
