// Explaining chosen housing forms against a person's wishes (the compare page, the shortlist, the
// report): the same plan as a match, so score, distance and reasons are exactly what a match
// result would say, but nothing is excluded and every failed must is listed.
import { type Point } from '../geo/distance.ts';
import { type MatchCandidate } from './candidate.ts';
import { planMatch, type Explanation, type MatchPlanRequest } from './match.ts';

/** Explains candidates for one request, in the order given; compiles the request once. */
export function explainCandidates(
  request: MatchPlanRequest,
  candidates: readonly MatchCandidate[],
  asOf: Date,
  origin?: Point,
): Explanation[] {
  const plan = planMatch(request, asOf, origin);
  return candidates.map((candidate) => plan.explain(candidate));
}

export function explainCandidate(request: MatchPlanRequest, candidate: MatchCandidate, asOf: Date, origin?: Point): Explanation {
  return planMatch(request, asOf, origin).explain(candidate);
}
