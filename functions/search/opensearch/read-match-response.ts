// Turns the hits of the match searches into the answer, with the shared matcher: it ranks every
// hit again from its _source (exact score, outcome per criterion, failed musts), orders them with
// the shared comparators and describes the page and the near misses. So the scores, reasons and
// order within what OpenSearch returned are the embedded engine's, to the bit. A hit of another
// region that the shared scope test puts beyond the maximum distance (OpenSearch's geo_distance
// measured it on its quantised point as just within) is left out, as the embedded engine leaves it.
import { type MatchRequest, type MatchResponse } from '../../../shared/domain/index.ts';
import { type Point } from '../../../shared/geo/distance.ts';
import {
  CandidateColumns, DEFAULT_NEAR_MISS_LIMIT, compareNearMisses, compareRanked, emptyRanked, inScope, type MatchCandidate, type MatchPlan,
  type RankedCandidate,
} from '../../../shared/matching/index.ts';

export interface MatchHits {
  /** The results search's hits, first at overall rank `windowStart`. */
  results: readonly MatchCandidate[];
  windowStart: number;
  /** The near-miss searches' hits (exactly 1 failed, then exactly 2), in any order. */
  nearMisses: readonly MatchCandidate[];
  /** The results search's total: every fitting housing form in the region. */
  total: number;
}

export function readMatchResponse(
  request: MatchRequest,
  plan: MatchPlan,
  hits: MatchHits,
  nearMissLimit = DEFAULT_NEAR_MISS_LIMIT,
  origin?: Point,
): MatchResponse {
  const results: RankedCandidate[] = [];
  const nearMisses = new Map<string, RankedCandidate>();
  // Every hit ranked in one scan over their columns, as the embedded engine ranks its pool.
  const all = [...hits.results, ...hits.nearMisses];
  const rankAt = plan.scanner(new CandidateColumns(all));
  for (let i = 0; i < all.length; i++) {
    const candidate = all[i] as MatchCandidate;
    if (!inScope(request, origin, candidate)) continue;
    const ranked = emptyRanked(candidate);
    if (!rankAt(i, ranked)) continue;
    if (i < hits.results.length) {
      // A hit the shared test puts on the other side of a boundary (a distance within centimetres of
      // the maximum) is what the shared test says: there is one truth for reasons.
      if (ranked.failedMusts === 0) results.push(ranked);
      else nearMisses.set(candidate.id, ranked);
    } else if (ranked.failedMusts > 0) {
      nearMisses.set(candidate.id, ranked);
    }
  }
  const start = request.offset - hits.windowStart;
  return {
    criteria: plan.criteria,
    results: results.sort(compareRanked).slice(start, start + request.limit).map(plan.toResult),
    nearMisses: [...nearMisses.values()].sort(compareNearMisses).slice(0, nearMissLimit).map(plan.toNearMiss),
    total: hits.total,
  };
}
