// The embedded search engine: every region's housing forms in this process's memory. The local
// default (`npm start`), kept current by the stream poller. `match` hands a region's candidates to
// the shared matcher (no ranking here); `search` runs Dutch full text on Orama and filters, facets
// and pages in direct-search.ts.
//
// Scope (shared/domain/scope.ts): a region's own candidates come from its index as one array; a
// search across borders adds the other regions' candidates in the grid cells around the place
// (grid-index.ts), kept by the shared `inScope` test, so a request near Sittard reads Zuid-Limburg
// and a few cells of Noord-Limburg, not the country. The whole country is one array, rebuilt
// lazily after a change.
//
// A region is known once it was added (the loader adds every region of the store, even an empty
// one) or received its first candidate; asking for any other region is an UnknownRegionError.
import type { MatchRequest, MatchResponse, SearchQuery, SearchResponse } from '../../../shared/domain/index.ts';
import type { Point } from '../../../shared/geo/distance.ts';
import {
  CandidateColumns, inScope, matchCandidates, scopeBox, type MatchCandidate, type MatchOptions, type ScopeRequest,
} from '../../../shared/matching/index.ts';
import type { RegionCounts, SearchEngine } from '../search-engine.ts';
import { directSearch } from './direct-search.ts';
import { GridIndex } from './grid-index.ts';
import { normaliseCandidate } from './normalise-candidate.ts';
import { RegionIndex } from './region-index.ts';
import { UnknownRegionError } from './unknown-region-error.ts';

export class EmbeddedSearchEngine implements SearchEngine {
  private readonly regions = new Map<string, RegionIndex>();
  /** Which region holds each candidate id: `remove` gets ids only, and a location can change region. */
  private readonly regionOf = new Map<string, string>();
  private readonly grid = new GridIndex();
  /** Every candidate of every region in columns, for the country scope; undefined after a change. */
  private everything: CandidateColumns | undefined;

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

  async regionCounts(): Promise<ReadonlyMap<string, RegionCounts>> {
    return new Map([...this.regions].map(([id, region]) => [id, region.counts()]));
  }

  async match(request: MatchRequest, asOf: Date, origin?: Point): Promise<MatchResponse> {
    return matchCandidates(request, this.scanPool(request, origin), asOf, origin, this.options);
  }

  async search(query: SearchQuery, origin?: Point): Promise<SearchResponse> {
    const region = this.region(query.regionId);
    const q = query.q?.trim();
    if (!q) return directSearch(this.pool(query, origin), query);
    if (query.scope === 'region') {
      const found = region.findText(q);
      return directSearch(found.candidates, query, found.relevance);
    }
    // Each region's full text is its own index: ask those the scope touches, keep what lies in it.
    const regionIds = query.scope === 'country'
      ? [...this.regions.keys()]
      : [...new Set([query.regionId, ...this.pool(query, origin).map((c) => c.regionId)])];
    const candidates: MatchCandidate[] = [];
    const relevance = new Map<string, number>();
    for (const regionId of regionIds) {
      const found = (this.regions.get(regionId) as RegionIndex).findText(q);
      for (const candidate of found.candidates) {
        if (!inScope(query, origin, candidate)) continue;
        candidates.push(candidate);
        relevance.set(candidate.id, found.relevance.get(candidate.id) ?? 0);
      }
    }
    return directSearch(candidates, query, relevance);
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
      this.grid.put(normalised);
    }
    this.everything = undefined;
  }

  async remove(candidateIds: readonly string[]): Promise<void> {
    for (const id of candidateIds) {
      const regionId = this.regionOf.get(id);
      if (regionId === undefined) continue;
      this.regions.get(regionId)?.delete(id);
      this.regionOf.delete(id);
      this.grid.delete(id);
    }
    this.everything = undefined;
  }

  /** The candidates a request looks at (its region must exist, whatever the scope). */
  private pool(request: ScopeRequest, origin: Point | undefined): readonly MatchCandidate[] {
    const pool = this.scanPool(request, origin);
    return pool instanceof CandidateColumns ? pool.candidates : pool;
  }

  /**
   * As `pool`, in the kept columns of a region or of the country where the pool is one of those
   * (so each criterion's outcomes are worked out once between changes); a pool across borders is
   * gathered for its request.
   */
  private scanPool(request: ScopeRequest, origin: Point | undefined): readonly MatchCandidate[] | CandidateColumns {
    const region = this.region(request.regionId);
    if (request.scope === 'country') {
      return (this.everything ??= new CandidateColumns([...this.regions.values()].flatMap((r) => r.candidates()), true));
    }
    if (request.scope === 'region' || origin === undefined || request.maxDistanceKm === undefined) return region.columns();
    const own = region.candidates();
    const pool = [...own];
    this.grid.forEachIn(scopeBox(origin, request.maxDistanceKm), (candidate) => {
      if (candidate.regionId !== request.regionId && inScope(request, origin, candidate)) pool.push(candidate);
    });
    return pool;
  }

  private region(regionId: string): RegionIndex {
    const region = this.regions.get(regionId);
    if (!region) throw new UnknownRegionError(regionId);
    return region;
  }
}
