// The request's scope (shared/domain/scope.ts) as OpenSearch filters, the same terms as the shared
// `inScope`: the region by its id, nearby regions by a geo_distance on the location's point, the
// country by no filter at all. The index holds every region, so no mapping change is needed.
import { type Point } from '../../../shared/geo/distance.ts';
import { type ScopeRequest } from '../../../shared/matching/index.ts';
import { type Clause } from './criterion-clauses.ts';

export function geoWithin(origin: Point, maxDistanceKm: number): Clause {
  return { geo_distance: { distance: `${maxDistanceKm}km`, point: { lat: origin.lat, lon: origin.lon } } };
}

/** The filters that keep a search within its scope: none for the country. */
export function scopeFilters(request: ScopeRequest, origin: Point | undefined): Clause[] {
  if (request.scope === 'country') return [];
  const region: Clause = { term: { regionId: request.regionId } };
  if (request.scope === 'region' || origin === undefined || request.maxDistanceKm === undefined) return [region];
  return [{ bool: { should: [region, geoWithin(origin, request.maxDistanceKm)], minimum_should_match: 1 } }];
}
