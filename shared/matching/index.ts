// The matcher's public API: candidates, per-criterion outcomes, the score model and matching.
export { candidateCodedFacts, candidateFlags, sortName, toCandidate, toCandidates, toSearchHit, type CandidateFlags, type CandidateLocation, type CandidateOrganization, type MatchCandidate } from './candidate.ts';
export { compileCriterion, compileFlagFilter, evaluate, type CandidatePredicate } from './evaluate.ts';
export {
  CRITERION_WEIGHTS, DEFAULT_DISTANCE_SCALE_KM, DISTANCE_WEIGHT, WAITING_LIST_TERMS, WAITING_LIST_UNKNOWN_TERM,
  WAITING_LIST_WEIGHT, distanceScaleKm, distanceTerm, maxRawScore, normaliseScore, waitingListTerm,
} from './score.ts';
export { BestOf, compareNearMisses, compareRanked, type RankedCandidate } from './order.ts';
export {
  MAX_FAILED_MUSTS, emptyRanked, matchCandidates, planMatch, type Explanation, type MatchOptions, type MatchPlan,
  type MatchPlanRequest,
} from './match.ts';
export { DEFAULT_NEAR_MISS_LIMIT } from './near-miss-limit.ts';
export { inScope, scopeBox, type ScopeBox, type ScopeRequest } from './scope.ts';
export { explainCandidate, explainCandidates } from './explain.ts';
export { explainMatch } from './explain-answer.ts';
export { CandidateColumns } from './columns.ts';
