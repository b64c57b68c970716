// The search port: what the API asks of a search engine. Two adapters answer it the same way:
// the embedded in-process engine (the local default) and OpenSearch (in AWS). Ranking and
// reasons come from shared/matching in both, so the same request gives the same answer.
import type { MatchRequest, MatchResponse, SearchQuery, SearchResponse } from '../../shared/domain/index.ts';
import type { Point } from '../../shared/geo/distance.ts';
import type { MatchCandidate } from '../../shared/matching/index.ts';

export interface RegionCounts {
  housingFormCount: number;
  locationCount: number;
}

export interface SearchEngine {
  /**
   * Ranks the housing forms in the request's scope (its region, also nearby regions, or the country) for a request at the moment `asOf` (the API's clock: waiting
   * lists confirmed more than 30 days before it count as unknown); `origin` is the geocoded postcode.
   */
  match(request: MatchRequest, asOf: Date, origin?: Point): Promise<MatchResponse>;
  /**
   * Direct search: full text, filters with facet counts, paging; `origin` is the geocoded postcode,
   * which the 'nearby' scope measures from.
   */
  search(query: SearchQuery, origin?: Point): Promise<SearchResponse>;
  /** Adds or replaces documents by candidate id (idempotent). */
  upsert(candidates: readonly MatchCandidate[]): Promise<void>;
  /** Removes documents by candidate id; unknown ids are ignored (idempotent). */
  remove(candidateIds: readonly string[]): Promise<void>;
  /**
   * Housing forms and locations per region, as indexed: what the region list shows. From the engine,
   * not the table: counting a region in DynamoDB reads every item of it (the whole country's 15,000
   * housing forms for one GET /api/regions), the engine already holds them.
   */
  regionCounts(): Promise<ReadonlyMap<string, RegionCounts>>;
  /** Resolves when the engine can answer queries, rejects when it cannot: for /api/health. */
  ping(): Promise<void>;
}
