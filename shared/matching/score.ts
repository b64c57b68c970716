// The score of a candidate for a request: weights and terms, in one place, because the OpenSearch
// engine must compute the very same number inside its query. Only sums of constants, one linear
// distance decay and one constant per waiting-list status, so a function_score query can do it:
//
//   raw   = Σ over the request's criteria whose outcome is 'match':  W[importance]
//         + W.must                                  if maxDistanceKm is given and distance <= maxDistanceKm
//         + DISTANCE_WEIGHT · max(0, 1 − d / S)     if a place (origin) is given; d = haversine km
//         + WAITING_LIST_WEIGHT · T[waitingList.status]  if the state is current, else WAITING_LIST_WEIGHT · T_unknown
//   max   = Σ over the request's criteria:  W[importance]
//         + W.must            if maxDistanceKm is given
//         + DISTANCE_WEIGHT   if a place is given
//         + WAITING_LIST_WEIGHT
//   score = round(raw / max, 4 decimals)            (max > 0 always: the waiting-list term is always there)
//
//   W = { must: 3, important: 3, nice: 1 }   ('unknown' and 'mismatch' earn nothing)
//   S = maxDistanceKm when given, else 25 km
//   T = { available: 1, short: 0.75, long: 0.25, closed: 0 }, WAITING_LIST_WEIGHT = 2, DISTANCE_WEIGHT = 3
//   current = confirmed at most 30 days before the moment of the request (shared/domain/waiting-list-age.ts)
//   T_unknown = T.long = 0.25
//
// In OpenSearch: one constant_score clause per criterion (boost W[importance]) in a bool `should`,
// a geo_distance constant_score (boost 3) for maxDistanceKm, a `linear` decay on the point with
// scale S/2, offset 0, decay 0.5 (which is exactly max(0, 1 − d/S)) and weight 3, and a term
// constant_score per waiting-list status of a current state (boost 2·T) and one for a state that is
// not current (boost 2·T_unknown), summed (score_mode/boost_mode "sum").
// Musts carry weight although they filter: among results with an unknown must, fewer unknowns
// then rank first, and a near miss's score says how much of the wish list it does meet.
import { type Importance, type WaitingListStatus } from '../domain/index.ts';

export const CRITERION_WEIGHTS: Readonly<Record<Importance, number>> = { must: 3, important: 3, nice: 1 };

/** Distance counts like an important wish: location and reachability are what people rate highest. */
export const DISTANCE_WEIGHT = 3;
/** Where the distance term reaches 0 when no maximum distance is given. */
export const DEFAULT_DISTANCE_SCALE_KM = 25;

export const WAITING_LIST_WEIGHT = 2;
/** available > short > long > closed; exact binary fractions, so float32 in OpenSearch agrees. */
export const WAITING_LIST_TERMS: Readonly<Record<WaitingListStatus, number>> = {
  available: 1,
  short: 0.75,
  long: 0.25,
  closed: 0,
};

export function distanceScaleKm(maxDistanceKm: number | undefined): number {
  return maxDistanceKm ?? DEFAULT_DISTANCE_SCALE_KM;
}

/** Linear decay: 1 at the place itself, 0 at the scale and beyond. */
export function distanceTerm(distanceKm: number, scaleKm: number): number {
  return Math.max(0, 1 - distanceKm / scaleKm);
}

/**
 * The term of a state that is no longer current (confirmed more than 30 days ago): unknown, counted
 * as a wait. Most long-term care housing has a waiting list, so an unconfirmed state is most likely
 * one: it ranks below any place confirmed free or soon (an old "place free" must not lift a result)
 * and above a list confirmed closed, since an unknown is not a no (docs/domain.md). A stale "closed"
 * counts the same: the intake may have reopened.
 */
export const WAITING_LIST_UNKNOWN_TERM = WAITING_LIST_TERMS.long;

/** The status's term while the state is current (see waiting-list-age.ts), else the unknown term. */
export function waitingListTerm(status: WaitingListStatus, current: boolean): number {
  if (!current) return WAITING_LIST_UNKNOWN_TERM;
  // A switch, not WAITING_LIST_TERMS[status]: a keyed read with a varying key goes megamorphic in
  // V8, and this runs once per candidate.
  switch (status) {
    case 'available':
      return WAITING_LIST_TERMS.available;
    case 'short':
      return WAITING_LIST_TERMS.short;
    case 'long':
      return WAITING_LIST_TERMS.long;
    case 'closed':
      return WAITING_LIST_TERMS.closed;
  }
}

/** The largest raw score this request allows (every wish met, at the place itself, a place free). */
export function maxRawScore(importances: readonly Importance[], hasDistanceMust: boolean, hasOrigin: boolean): number {
  let max = WAITING_LIST_WEIGHT;
  for (const importance of importances) max += CRITERION_WEIGHTS[importance];
  if (hasDistanceMust) max += CRITERION_WEIGHTS.must;
  if (hasOrigin) max += DISTANCE_WEIGHT;
  return max;
}

/** Normalised to 0..1 and rounded to 4 decimals; ordering uses this rounded value, so engines tie alike. */
export function normaliseScore(raw: number, max: number): number {
  return Math.round((raw / max) * 10_000) / 10_000;
}
