// The embedded search engine: every region's housing forms in this process's memory. The local
// default (`npm start`), kept current by the stream poller. `match` hands a region's candidates to
// the shared matcher (no ranking here); `search` runs Dutch full text on Orama and filters, facets
// and pages in direct-search.ts.
//
// A region is known once it was added (the loader adds every region of the store, even an empty
// one) or received its first candidate; asking for any other region is an UnknownRegionError.
import type { MatchRequest, MatchResponse, SearchQuery, SearchResponse } from '../../../shared/domain/index.ts';
import type { Point } from '../../../shared/geo/distance.ts';
import { matchCandidates, type MatchCandidate, type MatchOptions } from '../../../shared/matching/index.ts';
import type { SearchEngine } from '../search-engine.ts';
import { directSearch } from './direct-search.ts';
import { normaliseCandidate } from './normalise-candidate.ts';
import { RegionIndex } from './region-index.ts';
import { UnknownRegionError } from './unknown-region-error.ts';

export class EmbeddedSearchEngine implements SearchEngine {
  private readonly regions = new Map<string, RegionIndex>();
  /** Which region holds each candidate id: `remove` gets ids only, and a location can change region. */
  private readonly regionOf = new Map<string, string>();

  constructor(private readonly options: MatchOptions = {}) {}

  /** Makes a region known while it holds nothing yet (an empty answer, not a 404). */
  addRegion(regionId: string): void {
    if (!this.regions.has(regionId)) this.regions.set(regionId, new RegionIndex());
  }

  /** Housing forms per region, for start-up messages and tests. */
  sizes(): Record<string, number> {
    return Object.fromEntries([...this.regions].map(([id, region]) => [id, region.size]));
  }

  /** In this process's memory: it answers whenever the process does. */
  async ping(): Promise<void> {}

  async match(request: MatchRequest, asOf: Date, origin?: Point): Promise<MatchResponse> {
    return matchCandidates(request, this.region(request.regionId).candidates(), asOf, origin, this.options);
  }

  async search(query: SearchQuery): Promise<SearchResponse> {
    const region = this.region(query.regionId);
    const q = query.q?.trim();
    if (!q) return directSearch(region.candidates(), query);
    const found = region.findText(q);
    return directSearch(found.candidates, query, found.relevance);
  }

  async upsert(candidates: readonly MatchCandidate[]): Promise<void> {
    for (const candidate of candidates) {
      const normalised = normaliseCandidate(candidate);
      const previous = this.regionOf.get(normalised.id);
      if (previous !== undefined && previous !== normalised.regionId) this.regions.get(previous)?.delete(normalised.id);
      this.addRegion(normalised.regionId);
      // A candidate stored before descriptions were indexed has no text: searched by its names only.
      (this.regions.get(normalised.regionId) as RegionIndex).put(normalised, candidate.searchText ?? '');
      this.regionOf.set(normalised.id, normalised.regionId);
    }
  }

  async remove(candidateIds: readonly string[]): Promise<void> {
    for (const id of candidateIds) {
      const regionId = this.regionOf.get(id);
      if (regionId === undefined) continue;
      this.regions.get(regionId)?.delete(id);
      this.regionOf.delete(id);
    }
  }

  private region(regionId: string): RegionIndex {
    const region = this.regions.get(regionId);
    if (!region) throw new UnknownRegionError(regionId);
    return region;
  }
}
