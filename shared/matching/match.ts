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
  criterionRead, isCurrentSince, waitingListCurrentSinceMs, type CodedFactField, type Criterion, type JudgedCriterion, type MatchRequest,
  type MatchResponse, type MatchResult, type Outcome, type RankedNearMiss, type RankedResult, type Reason, type WaitingListStatus,
} from '../domain/index.ts';
import { haversineKmTo, type Point } from '../geo/distance.ts';
import { candidateHeading, type MatchCandidate } from './candidate.ts';
import { CandidateColumns, MATCH, UNKNOWN } from './columns.ts';
import { compileCriterion, type CandidatePredicate } from './evaluate.ts';
import { explainNearMiss } from './explain-answer.ts';
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

/** The compiled request: ranks the candidates of a scan, and describes a ranked one as result or near miss. */
export interface MatchPlan {
  /** What a result's `outcomes` answer, in order: `distance` first when a maximum was asked, then the request's criteria. */
  criteria: JudgedCriterion[];
  /**
   * Ranks the candidates of `columns` by position, written into `out`: false when the candidate
   * fails more than MAX_FAILED_MUSTS musts. Lets a scan reuse one object.
   */
  scanner(columns: CandidateColumns): (index: number, out: RankedCandidate) => boolean;
  toResult(ranked: RankedCandidate): RankedResult;
  toNearMiss(ranked: RankedCandidate): RankedNearMiss;
  /**
   * The candidate's score, distance and reasons exactly as a result would carry them, and all the
   * musts it fails. Never excludes: a chosen housing form is explained however many musts it fails.
   */
  explain(candidate: MatchCandidate): Explanation;
}

interface CompiledCriterion {
  criterion: Criterion;
  predicate: CandidatePredicate;
  /** Names the criterion and value when its outcome never depends on the moment (a column worth keeping). */
  columnKey: string | undefined;
  /** The coded fact whose code a match names (`Reason.found`), when more than one code holds. */
  foundIn?: CodedFactField;
}

/** Whether a criterion holds on more than one code, so its reason names the one found. */
function foundInOf(criterion: Criterion): CodedFactField | undefined {
  const how = criterionRead(criterion.criterion);
  return how.read === 'codeIn' && how.codes.length > 1 ? how.field : undefined;
}

/** A criterion reading the waiting list is judged at the moment of the request: its column is never kept. */
function columnKeyOf(criterion: Criterion): string | undefined {
  if (criterionRead(criterion.criterion).read === 'waitingList') return undefined;
  return `${criterion.criterion}=${'value' in criterion ? String(criterion.value) : ''}`;
}

export function planMatch(request: MatchPlanRequest, asOf: Date, origin?: Point): MatchPlan {
  const compiled: CompiledCriterion[] = request.criteria.map((criterion) => {
    const foundIn = foundInOf(criterion);
    return { criterion, predicate: compileCriterion(criterion, asOf), columnKey: columnKeyOf(criterion), ...(foundIn ? { foundIn } : {}) };
  });
  // Once per request: the scan compares each candidate's precomputed number with it.
  const currentSinceMs = waitingListCurrentSinceMs(asOf);
  const musts = compiled.filter((c) => c.criterion.importance === 'must');
  const wishes = compiled.filter((c) => c.criterion.importance !== 'must');
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

  /** Ranks by position in `columns`; false as soon as more than `failCap` musts fail (the scan's early exit). */
  function scanWith(columns: CandidateColumns, failCap: number): (index: number, out: RankedCandidate) => boolean {
    // Plain arrays of columns and weights: the hot loop below touches nothing else.
    const outcomes = columns.outcomes([...musts, ...wishes].map((c) => ({ key: c.columnKey, predicate: c.predicate })));
    const mustColumns = outcomes.slice(0, musts.length);
    const wishColumns = outcomes.slice(musts.length);
    const { candidates, lat, lon, confirmedMs, status } = columns;
    return (i, out) => {
      let raw = 0;
      let failed = 0;
      let unknownMust = false;
      for (let k = 0; k < mustColumns.length; k++) {
        const outcome = (mustColumns[k] as Uint8Array)[i];
        if (outcome === MATCH) raw += mustWeight;
        else if (outcome === UNKNOWN) unknownMust = true;
        else if (++failed > failCap) return false;
      }
      // Distance last: it is the dearest test, and most exclusions are decided before it.
      let distanceKm = Number.NaN;
      if (origin !== undefined) {
        distanceKm = haversineKmTo(origin, lat[i] as number, lon[i] as number);
        if (hasDistanceMust) {
          if (distanceKm <= maxDistanceKm) raw += mustWeight;
          else if (++failed > failCap) return false;
        }
        raw += DISTANCE_WEIGHT * distanceTerm(distanceKm, scaleKm);
      } else if (hasDistanceMust) {
        unknownMust = true;
      }
      for (let k = 0; k < wishColumns.length; k++) {
        if ((wishColumns[k] as Uint8Array)[i] === MATCH) raw += wishWeights[k] as number;
      }
      raw += WAITING_LIST_WEIGHT * waitingListTerm(status[i] as WaitingListStatus, isCurrentSince(confirmedMs[i] as number, currentSinceMs));
      out.candidate = candidates[i] as MatchCandidate;
      out.score = normaliseScore(raw, maxRaw);
      out.unknownMust = unknownMust;
      out.distanceKm = distanceKm;
      out.failedMusts = failed;
      return true;
    };
  }

  function scanner(columns: CandidateColumns): (index: number, out: RankedCandidate) => boolean {
    return scanWith(columns, MAX_FAILED_MUSTS);
  }

  const judged: JudgedCriterion[] = [
    ...(hasDistanceMust ? [{ criterion: 'distance' as const, value: maxDistanceKm, importance: 'must' as const }] : []),
    ...request.criteria.map((c): JudgedCriterion => ('value' in c
      ? { criterion: c.criterion, value: c.value, importance: c.importance }
      : { criterion: c.criterion, importance: c.importance })),
  ];
  /** Where the request's criteria start in `judged`. */
  const firstCriterion = hasDistanceMust ? 1 : 0;
  const mustPositions = judged.flatMap((c, i) => (c.importance === 'must' ? [i] : []));

  /** Writes the outcome of each judged criterion, and the answer found for a multi-answer match. */
  function judge(ranked: RankedCandidate, result: RankedResult): void {
    const outcomes: Outcome[] = [];
    if (hasDistanceMust) {
      const d = ranked.distanceKm;
      outcomes.push(Number.isNaN(d) ? 'unknown' : d <= maxDistanceKm ? 'match' : 'mismatch');
    }
    let found: Record<string, string> | undefined;
    for (let i = 0; i < compiled.length; i++) {
      const { predicate, foundIn } = compiled[i] as CompiledCriterion;
      const outcome = predicate(ranked.candidate);
      outcomes.push(outcome);
      const code = foundIn !== undefined && outcome === 'match' ? ranked.candidate[foundIn] : undefined;
      if (code !== undefined) (found ??= {})[String(firstCriterion + i)] = code;
    }
    result.outcomes = outcomes;
    if (found !== undefined) result.found = found;
  }

  function toResult(ranked: RankedCandidate): RankedResult {
    const c = ranked.candidate;
    // Keys added to the heading, not spread with it into a literal (see candidateHeading).
    const result = candidateHeading(c) as RankedResult;
    result.score = ranked.score;
    result.waitingList = { ...c.waitingList };
    judge(ranked, result);
    if (!Number.isNaN(ranked.distanceKm)) result.distanceKm = Math.round(ranked.distanceKm * 10) / 10;
    return result;
  }

  function toNearMiss(ranked: RankedCandidate): RankedNearMiss {
    // Extended in place: spreading a finished result into a copy costs more than building it.
    const result = toResult(ranked) as RankedNearMiss;
    result.failedMusts = mustPositions.filter((i) => result.outcomes[i] === 'mismatch');
    return result;
  }

  function explain(candidate: MatchCandidate): Explanation {
    const ranked = emptyRanked(candidate);
    scanWith(new CandidateColumns([candidate]), Number.POSITIVE_INFINITY)(0, ranked);
    // Every failed must, however many: the near miss's positions, written out as reasons.
    return explainNearMiss(judged, toNearMiss(ranked));
  }

  return { criteria: judged, scanner, toResult, toNearMiss, explain };
}

/** A ranked candidate to be written by a scan. */
export function emptyRanked(candidate: MatchCandidate): RankedCandidate {
  return { candidate, score: 0, unknownMust: false, distanceKm: Number.NaN, failedMusts: 0 };
}

/**
 * Match a request against candidates at the moment `asOf`. The caller geocodes the request's
 * postcode into `origin`; with an origin every result carries distanceKm (rounded to 0.1 km).
 * `pool` is the candidates, or their columns when the caller keeps them for an array that stays
 * the same between requests (see columns.ts).
 */
export function matchCandidates(
  request: MatchRequest,
  pool: readonly MatchCandidate[] | CandidateColumns,
  asOf: Date,
  origin?: Point,
  options: MatchOptions = {},
): MatchResponse {
  const plan = planMatch(request, asOf, origin);
  const page = new BestOf<RankedCandidate>(request.offset + request.limit, compareRanked);
  const nearMisses = new BestOf<RankedCandidate>(options.nearMissLimit ?? DEFAULT_NEAR_MISS_LIMIT, compareNearMisses);
  let total = 0;
  const columns = pool instanceof CandidateColumns ? pool : new CandidateColumns(pool);
  if (columns.length === 0) return { criteria: plan.criteria, results: [], nearMisses: [], total };
  const rankAt = plan.scanner(columns);
  // One scratch object, replaced only when a list keeps it: most candidates allocate nothing.
  let scratch = emptyRanked(columns.candidates[0] as MatchCandidate);
  for (let i = 0; i < columns.length; i++) {
    if (!rankAt(i, scratch)) continue;
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
    criteria: plan.criteria,
    results: page.sorted().slice(request.offset).map(plan.toResult),
    nearMisses: nearMisses.sorted().map(plan.toNearMiss),
    total,
  };
}
