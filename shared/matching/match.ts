// The matcher: ranks candidates for a match request and explains each result. Pure and
// deterministic. The work per request (compiling criteria, weights, the maximum score) is done
// once in `planMatch`; the scan then only ranks, and reasons are built for the returned page and
// near misses alone. The OpenSearch engine, which ranks inside its query, uses the same plan to
// describe the page it gets back, so both engines give the same scores and reasons.
//
// Distance. With a place (origin) and maxDistanceKm, distance is a must named `distance` (value:
// the maximum), listed first in the reasons, and a near miss's failed must like any other. With a
// place but no maximum, nobody asked for a distance, so there is no `distance` reason to hold or
// fail: distance only ranks (closer is better) and each result shows its distanceKm. A maximum
// without a place (the caller could not geocode) makes the distance must 'unknown'.
//
// Time. `asOf` is the moment of the request, passed in by the caller (the API's clock), never read
// here: a waiting-list state confirmed more than 30 days before it counts as unknown, both for the
// `availableSoon` criterion and for the waiting-list term of the score.
import {
  criterionRead, isCurrentSince, waitingListCurrentSinceMs, type CodedFactField, type Criterion, type MatchRequest, type MatchResponse, type MatchResult,
  type NearMiss, type Outcome, type Reason,
} from '../domain/index.ts';
import { haversineKm, type Point } from '../geo/distance.ts';
import { candidateHeading, type MatchCandidate } from './candidate.ts';
import { compileCriterion, type CandidatePredicate } from './evaluate.ts';
import { DEFAULT_NEAR_MISS_LIMIT } from './near-miss-limit.ts';
import { BestOf, compareNearMisses, compareRanked, type RankedCandidate } from './order.ts';
import {
  CRITERION_WEIGHTS, DISTANCE_WEIGHT, WAITING_LIST_WEIGHT, distanceScaleKm, distanceTerm, maxRawScore,
  normaliseScore, waitingListTerm,
} from './score.ts';

/** A near miss fails at most this many musts; failing more excludes (docs/domain.md). */
export const MAX_FAILED_MUSTS = 2;

export interface MatchOptions {
  nearMissLimit?: number;
}

/** What the plan reads of a request: a compare request carries the same, without paging. */
export type MatchPlanRequest = Pick<MatchRequest, 'criteria' | 'maxDistanceKm'>;

/** A candidate described as a result would be, with every must it fails (none left out). */
export interface Explanation extends MatchResult {
  failedMusts: Reason[];
}

/** The compiled request: ranks one candidate, and describes a ranked one as result or near miss. */
export interface MatchPlan {
  /** Undefined when the candidate fails more than MAX_FAILED_MUSTS musts. */
  rank(candidate: MatchCandidate): RankedCandidate | undefined;
  /** As `rank`, written into `out` (false when excluded): lets a scan reuse one object. */
  rankInto(candidate: MatchCandidate, out: RankedCandidate): boolean;
  toResult(ranked: RankedCandidate): MatchResult;
  toNearMiss(ranked: RankedCandidate): NearMiss;
  /**
   * The candidate's score, distance and reasons exactly as a result would carry them, and all the
   * musts it fails. Never excludes: a chosen housing form is explained however many musts it fails.
   */
  explain(candidate: MatchCandidate): Explanation;
}

interface CompiledCriterion {
  criterion: Criterion;
  predicate: CandidatePredicate;
  /** The coded fact whose code a match names (`Reason.found`), when more than one code holds. */
  foundIn?: CodedFactField;
}

/** Whether a criterion holds on more than one code, so its reason names the one found. */
function foundInOf(criterion: Criterion): CodedFactField | undefined {
  const how = criterionRead(criterion.criterion);
  return how.read === 'codeIn' && how.codes.length > 1 ? how.field : undefined;
}

export function planMatch(request: MatchPlanRequest, asOf: Date, origin?: Point): MatchPlan {
  const compiled: CompiledCriterion[] = request.criteria.map((criterion) => {
    const foundIn = foundInOf(criterion);
    return { criterion, predicate: compileCriterion(criterion, asOf), ...(foundIn ? { foundIn } : {}) };
  });
  // Once per request: the scan compares each candidate's precomputed number with it.
  const currentSinceMs = waitingListCurrentSinceMs(asOf);
  // Plain arrays of predicates and weights: the hot loop below touches nothing else.
  const musts = compiled.filter((c) => c.criterion.importance === 'must').map((c) => c.predicate);
  const wishes = compiled.filter((c) => c.criterion.importance !== 'must');
  const wishPredicates = wishes.map((c) => c.predicate);
  const wishWeights = wishes.map((c) => CRITERION_WEIGHTS[c.criterion.importance]);
  const mustWeight = CRITERION_WEIGHTS.must;

  const maxDistanceKm = request.maxDistanceKm;
  const hasDistanceMust = maxDistanceKm !== undefined;
  const hasOrigin = origin !== undefined;
  const scaleKm = distanceScaleKm(maxDistanceKm);
  const maxRaw = maxRawScore(
    request.criteria.map((c) => c.importance),
    hasDistanceMust,
    hasOrigin,
  );

  /** Ranks; false as soon as more than `failCap` musts fail (the scan's early exit). */
  function scoreInto(candidate: MatchCandidate, out: RankedCandidate, failCap: number): boolean {
    let raw = 0;
    let failed = 0;
    let unknownMust = false;
    for (let i = 0; i < musts.length; i++) {
      const outcome = (musts[i] as CandidatePredicate)(candidate);
      if (outcome === 'match') raw += mustWeight;
      else if (outcome === 'unknown') unknownMust = true;
      else if (++failed > failCap) return false;
    }
    // Distance last: it is the dearest test, and most exclusions are decided before it.
    let distanceKm = Number.NaN;
    if (origin !== undefined) {
      distanceKm = haversineKm(origin, candidate.point);
      if (hasDistanceMust) {
        if (distanceKm <= maxDistanceKm) raw += mustWeight;
        else if (++failed > failCap) return false;
      }
      raw += DISTANCE_WEIGHT * distanceTerm(distanceKm, scaleKm);
    } else if (hasDistanceMust) {
      unknownMust = true;
    }
    for (let i = 0; i < wishPredicates.length; i++) {
      if ((wishPredicates[i] as CandidatePredicate)(candidate) === 'match') raw += wishWeights[i] as number;
    }
    raw += WAITING_LIST_WEIGHT * waitingListTerm(candidate.waitingList.status, isCurrentSince(candidate.waitingListConfirmedMs, currentSinceMs));
    out.candidate = candidate;
    out.score = normaliseScore(raw, maxRaw);
    out.unknownMust = unknownMust;
    out.distanceKm = distanceKm;
    out.failedMusts = failed;
    return true;
  }

  function rankInto(candidate: MatchCandidate, out: RankedCandidate): boolean {
    return scoreInto(candidate, out, MAX_FAILED_MUSTS);
  }

  function rank(candidate: MatchCandidate): RankedCandidate | undefined {
    const out = emptyRanked(candidate);
    return rankInto(candidate, out) ? out : undefined;
  }

  function reasons(ranked: RankedCandidate): Reason[] {
    const out: Reason[] = [];
    if (hasDistanceMust) {
      const d = ranked.distanceKm;
      const outcome: Outcome = Number.isNaN(d) ? 'unknown' : d <= maxDistanceKm ? 'match' : 'mismatch';
      out.push({ criterion: 'distance', value: maxDistanceKm, importance: 'must', outcome });
    }
    for (const { criterion, predicate, foundIn } of compiled) {
      const outcome = predicate(ranked.candidate);
      const reason: Reason = 'value' in criterion
        ? { criterion: criterion.criterion, value: criterion.value, importance: criterion.importance, outcome }
        : { criterion: criterion.criterion, importance: criterion.importance, outcome };
      const found = foundIn !== undefined && outcome === 'match' ? ranked.candidate[foundIn] : undefined;
      if (found !== undefined) reason.found = found;
      out.push(reason);
    }
    return out;
  }

  function toResult(ranked: RankedCandidate): MatchResult {
    const c = ranked.candidate;
    // Keys added to the heading, not spread with it into a literal (see candidateHeading).
    const result = candidateHeading(c) as MatchResult;
    result.score = ranked.score;
    result.waitingList = { ...c.waitingList };
    result.reasons = reasons(ranked);
    if (!Number.isNaN(ranked.distanceKm)) result.distanceKm = Math.round(ranked.distanceKm * 10) / 10;
    return result;
  }

  function toNearMiss(ranked: RankedCandidate): NearMiss {
    // Extended in place: spreading a finished result into a copy costs more than building it.
    const result = toResult(ranked) as NearMiss;
    result.failedMusts = failedMustsOf(result.reasons);
    return result;
  }

  function explain(candidate: MatchCandidate): Explanation {
    const ranked = emptyRanked(candidate);
    scoreInto(candidate, ranked, Number.POSITIVE_INFINITY);
    const result = toResult(ranked) as Explanation;
    result.failedMusts = failedMustsOf(result.reasons);
    return result;
  }

  return { rank, rankInto, toResult, toNearMiss, explain };
}

function failedMustsOf(reasons: readonly Reason[]): Reason[] {
  return reasons.filter((r) => r.importance === 'must' && r.outcome === 'mismatch');
}

function emptyRanked(candidate: MatchCandidate): RankedCandidate {
  return { candidate, score: 0, unknownMust: false, distanceKm: Number.NaN, failedMusts: 0 };
}

/**
 * Match a request against candidates at the moment `asOf`. The caller geocodes the request's
 * postcode into `origin`; with an origin every result carries distanceKm (rounded to 0.1 km).
 */
export function matchCandidates(
  request: MatchRequest,
  candidates: readonly MatchCandidate[],
  asOf: Date,
  origin?: Point,
  options: MatchOptions = {},
): MatchResponse {
  const plan = planMatch(request, asOf, origin);
  const page = new BestOf<RankedCandidate>(request.offset + request.limit, compareRanked);
  const nearMisses = new BestOf<RankedCandidate>(options.nearMissLimit ?? DEFAULT_NEAR_MISS_LIMIT, compareNearMisses);
  let total = 0;
  if (candidates.length === 0) return { results: [], nearMisses: [], total };
  // One scratch object, replaced only when a list keeps it: most candidates allocate nothing.
  let scratch = emptyRanked(candidates[0] as MatchCandidate);
  for (let i = 0; i < candidates.length; i++) {
    if (!plan.rankInto(candidates[i] as MatchCandidate, scratch)) continue;
    let kept: boolean;
    if (scratch.failedMusts === 0) {
      total++;
      kept = page.offer(scratch);
    } else {
      kept = nearMisses.offer(scratch);
    }
    if (kept) scratch = emptyRanked(scratch.candidate);
  }
  return {
    results: page.sorted().slice(request.offset).map(plan.toResult),
    nearMisses: nearMisses.sorted().map(plan.toNearMiss),
    total,
  };
}
