// Which housing forms a request looks at (shared/domain/scope.ts): one definition for both engines.
// The embedded engine builds its pool with it; the OpenSearch engine filters by the same terms in
// its query and then applies this predicate to the hits, so a candidate on the edge of the distance
// (OpenSearch measures on its quantised point) is in or out by the same test everywhere.
import { type SearchScope } from '../domain/index.ts';
import { haversineKm, type Point } from '../geo/distance.ts';
import { type MatchCandidate } from './candidate.ts';

export interface ScopeRequest {
  regionId: string;
  scope: SearchScope;
  maxDistanceKm?: number | undefined;
}

/**
 * Whether `candidate` lies in the request's scope. 'nearby' without a place or a maximum (which
 * validation refuses) falls back to the region: nothing can be measured to be near.
 */
export function inScope(request: ScopeRequest, origin: Point | undefined, candidate: MatchCandidate): boolean {
  if (request.scope === 'country' || candidate.regionId === request.regionId) return true;
  if (request.scope === 'region' || origin === undefined || request.maxDistanceKm === undefined) return false;
  return haversineKm(origin, candidate.point) <= request.maxDistanceKm;
}

/** A latitude/longitude box holding every point within `km` of `origin` (a little more, never less). */
export interface ScopeBox {
  minLat: number;
  maxLat: number;
  minLon: number;
  maxLon: number;
}

const KM_PER_DEGREE_LAT = 111.19;

export function scopeBox(origin: Point, km: number): ScopeBox {
  const dLat = km / KM_PER_DEGREE_LAT;
  // A degree of longitude is shortest at the box's edge nearest the pole: measure there, so the
  // box is wide enough everywhere in it.
  const edgeLat = Math.min(89, Math.abs(origin.lat) + dLat);
  const dLon = km / (KM_PER_DEGREE_LAT * Math.cos((edgeLat * Math.PI) / 180));
  return { minLat: origin.lat - dLat, maxLat: origin.lat + dLat, minLon: origin.lon - dLon, maxLon: origin.lon + dLon };
}
