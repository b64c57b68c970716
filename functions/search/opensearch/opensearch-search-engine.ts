// The OpenSearch adapter of the search port (used in AWS). A match is one _msearch round trip:
// the results page and the near misses, each ranked inside OpenSearch by the shared score formula
// (build-match-query.ts); the shared matcher then describes what came back (read-match-response.ts).
// Writes go through OpenSearchIndex, which the indexer and the reindex also use on their own.
// `import type`, not `import { type … }`: the latter keeps a side-effect import of the package,
// which would bundle its whole Client.
import type { API } from '@opensearch-project/opensearch';
import { type MatchRequest, type MatchResponse, type SearchQuery, type SearchResponse } from '../../../shared/domain/index.ts';
import { type Point } from '../../../shared/geo/distance.ts';
import { DEFAULT_NEAR_MISS_LIMIT, planMatch, type MatchCandidate } from '../../../shared/matching/index.ts';
import { UnknownRegionError } from '../embedded/unknown-region-error.ts';
import { type RegionCounts, type SearchEngine } from '../search-engine.ts';
import { buildMatchQueries } from './build-match-query.ts';
import { buildSearchQuery } from './build-search-query.ts';
import { type OpenSearchIndex } from './opensearch-index.ts';
import { readMatchResponse } from './read-match-response.ts';
import { candidatesOf, readSearchResponse, totalOf, type SearchBody } from './read-search-response.ts';

export interface OpenSearchEngineOptions {
  nearMissLimit?: number;
  /**
   * Whether a region exists (e.g. from the listing store). The index holds housing forms, not
   * regions, so an empty answer cannot tell a region without fitting housing forms from a region id
   * that does not exist. Asked only when an answer is empty; without it, empty is just empty.
   */
  regionExists?: (regionId: string) => Promise<boolean>;
}

interface MsearchItem extends SearchBody {
  error?: { type?: string };
  status?: number;
}

interface RegionCountsBody {
  aggregations?: { regions?: { buckets: Array<{ key: string; doc_count: number; locations: { value: number } }> } };
}

export class OpenSearchSearchEngine implements SearchEngine {
  constructor(
    readonly index: OpenSearchIndex,
    private readonly options: OpenSearchEngineOptions = {},
  ) {}

  async match(request: MatchRequest, asOf: Date, origin?: Point): Promise<MatchResponse> {
    const nearMissLimit = this.options.nearMissLimit ?? DEFAULT_NEAR_MISS_LIMIT;
    const queries = buildMatchQueries(request, asOf, origin, { nearMissLimit });
    const searches = [queries.results, ...queries.nearMisses];
    const { body } = await this.index.client.msearch({
      index: this.index.alias,
      body: searches.flatMap((search) => [{}, search]) as API.Msearch_RequestBody,
    });
    const [results = {}, ...nearMisses] = ((body as { responses?: MsearchItem[] }).responses ?? []).map(orEmpty);
    const response = readMatchResponse(
      request,
      planMatch(request, asOf, origin),
      {
        results: candidatesOf(results),
        windowStart: queries.windowStart,
        nearMisses: nearMisses.flatMap(candidatesOf),
        total: totalOf(results),
      },
      nearMissLimit,
      origin,
    );
    // Beyond its own region an answer is not empty for a region id that does not exist: ask then too.
    if (request.scope !== 'region' || (response.total === 0 && response.nearMisses.length === 0)) await this.requireRegion(request.regionId);
    return response;
  }

  async search(query: SearchQuery, origin?: Point): Promise<SearchResponse> {
    const { body, statusCode } = await this.index.client.search(
      { index: this.index.alias, body: buildSearchQuery(query, origin) as API.Search_RequestBody },
      { ignore: [404] },
    );
    // No index yet (nothing was ever indexed): an empty answer, as for an empty region.
    const response = readSearchResponse(statusCode === 404 ? {} : (body as SearchBody));
    if (query.scope !== 'region' || response.total === 0) await this.requireRegion(query.regionId);
    return response;
  }

  /**
   * One aggregation: documents per region and distinct locations among them. `cardinality` is exact
   * below its precision threshold (40,000, its highest), far above a region's locations.
   */
  async regionCounts(): Promise<ReadonlyMap<string, RegionCounts>> {
    const { body, statusCode } = await this.index.client.search(
      {
        index: this.index.alias,
        body: {
          size: 0,
          aggs: { regions: { terms: { field: 'regionId', size: 1000 }, aggs: { locations: { cardinality: { field: 'locationId', precision_threshold: 40000 } } } } },
        } as API.Search_RequestBody,
      },
      { ignore: [404] },
    );
    if (statusCode === 404) return new Map();
    const buckets = (body as RegionCountsBody).aggregations?.regions?.buckets ?? [];
    return new Map(buckets.map((b) => [b.key, { housingFormCount: b.doc_count, locationCount: b.locations.value }]));
  }

  /** The smallest query the API's grants allow; no index yet (nothing indexed) still answers. */
  async ping(): Promise<void> {
    await this.index.client.search({ index: this.index.alias, body: { size: 0 } }, { ignore: [404] });
  }

  upsert(candidates: readonly MatchCandidate[]): Promise<void> {
    return this.index.upsert(candidates);
  }

  remove(candidateIds: readonly string[]): Promise<void> {
    return this.index.remove(candidateIds);
  }

  /** An empty answer for a region id that does not exist is a 404, as on the embedded engine. */
  private async requireRegion(regionId: string): Promise<void> {
    if (this.options.regionExists && !(await this.options.regionExists(regionId))) throw new UnknownRegionError(regionId);
  }
}

/**
 * One search of an _msearch: its hits, nothing for a missing index, else its error thrown, by type
 * only: a reason can quote the query (a match's criteria), and this error's message is logged.
 */
function orEmpty(item: MsearchItem): SearchBody {
  if (!item.error) return item;
  if (item.error.type === 'index_not_found_exception') return {};
  throw new Error(`OpenSearch search failed (${item.status ?? '?'}): ${item.error.type ?? 'unknown error type'}.`);
}
