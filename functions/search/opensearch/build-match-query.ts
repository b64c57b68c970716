// The match request as OpenSearch searches: one for the page of results, one or two for the near
// misses, sent together in one _msearch. Pure: the JSON is unit-tested against the score formula
// of shared/matching/score.ts, which it reproduces term by term:
//
//   all       filter:  the scope (scope-clause.ts): the region, the region or within the maximum
//                      distance ('nearby'), or nothing ('country')
//   results   filter:  every must is 'match' or 'unknown'  (a must with a mismatch excludes)
//                      distance <= maxDistanceKm           (with a place)
//             should:  constant_score(match clause, W[importance]) per criterion   (musts too)
//                      constant_score(geo_distance <= max, W.must)                 (with a maximum)
//                      linear decay on point: scale S/2, offset 0, decay 0.5, weight 3
//                                              = 3 · max(0, 1 − d/S)               (with a place)
//                      constant_score(waitingList.status = s and current, 2 · T[s]) per status with T[s] > 0
//                      constant_score(not current, 2 · T_unknown)   current = waitingListConfirmedMs >=
//                                              the request's moment − 30 days (a range clause)
//                      constant_score(no must unknown, B)  the tier: B exceeds any raw score, so
//                                              every result whose musts all match sorts first
//             sort:    _score desc, distance asc, sortName asc, locationId asc, housingFormId asc
//   near misses        the same scoring and sort; filter: exactly k musts fail (k = 1, then 2),
//                      counted with minimum_should_match over the musts' "holds or unknown" clauses
//
// The page's order and scores are then recomputed by the shared matcher from the hits' _source
// (see read-match-response.ts): OpenSearch scores in float32 and measures distance on its
// quantised geo_point, so two candidates whose shared scores are within rounding of each other may
// come back swapped. Reading a margin of ORDER_MARGIN hits either side of the page lets the exact
// re-sort put such near-ties right across the page boundary too.
import {
  type Criterion, type MatchRequest, WAITING_LIST_STATUSES, waitingListCurrentSinceMs,
} from '../../../shared/domain/index.ts';
import { type Point } from '../../../shared/geo/distance.ts';
import {
  CRITERION_WEIGHTS, DEFAULT_NEAR_MISS_LIMIT, DISTANCE_WEIGHT, MAX_FAILED_MUSTS, WAITING_LIST_TERMS,
  WAITING_LIST_UNKNOWN_TERM, WAITING_LIST_WEIGHT, distanceScaleKm, maxRawScore,
} from '../../../shared/matching/index.ts';
import { type Clause, criterionClauses, waitingListCurrent } from './criterion-clauses.ts';
import { MAX_RESULT_WINDOW, SOURCE_EXCLUDES, WAITING_LIST_STATUS } from './index-mapping.ts';
import { geoWithin, scopeFilters } from './scope-clause.ts';

/** Hits read beyond each side of the page (and after the near-miss limit) for the exact re-sort. */
export const ORDER_MARGIN = 10;

export interface MatchQueries {
  /** The results page with its margins. */
  results: Clause;
  /** The overall rank of the first hit the results search returns. */
  windowStart: number;
  /** Near misses failing exactly 1, then exactly 2 musts; fewer when the request has fewer musts. */
  nearMisses: Clause[];
}

/** One must as a filter: `satisfied` = holds or unknown; `unknown` when it can be unknown. */
interface MustClause {
  satisfied: Clause;
  unknown?: Clause;
}

export interface MatchQueryOptions {
  nearMissLimit?: number;
}

/** The searches for `request` at the moment `asOf` (the API's clock), from `origin` when a place is given. */
export function buildMatchQueries(
  request: MatchRequest,
  asOf: Date,
  origin: Point | undefined,
  options: MatchQueryOptions = {},
): MatchQueries {
  const currentSinceMs = waitingListCurrentSinceMs(asOf);
  const musts = mustClauses(request, origin, currentSinceMs);
  const should = scoreClauses(request, origin, musts, currentSinceMs);
  const scope = scopeFilters(request, origin);
  const common = {
    _source: { excludes: SOURCE_EXCLUDES },
    sort: sortOrder(origin),
  };
  const query = (filter: Clause[]) => ({ bool: { filter: [...scope, ...filter], should } });

  const windowStart = Math.max(0, request.offset - ORDER_MARGIN);
  const wanted = request.offset - windowStart + request.limit + ORDER_MARGIN;
  const results: Clause = {
    ...common,
    query: query(musts.clauses.map((m) => m.satisfied)),
    from: Math.min(windowStart, MAX_RESULT_WINDOW),
    size: Math.max(0, Math.min(wanted, MAX_RESULT_WINDOW - windowStart)),
    track_total_hits: true,
  };

  const nearMissLimit = options.nearMissLimit ?? DEFAULT_NEAR_MISS_LIMIT;
  const nearMisses: Clause[] = [];
  for (let failed = 1; failed <= Math.min(MAX_FAILED_MUSTS, musts.clauses.length); failed++) {
    nearMisses.push({
      ...common,
      query: query([exactlyFailing(musts.clauses, failed)]),
      from: 0,
      size: nearMissLimit + ORDER_MARGIN,
      track_total_hits: false,
    });
  }
  return { results, windowStart, nearMisses };
}

/** The smallest power of two above the largest raw score: exact in float32, and above any raw score. */
export function tierBonus(maxRaw: number): number {
  return 2 ** (Math.floor(Math.log2(maxRaw)) + 1);
}

/** 3 · max(0, 1 − d/S): OpenSearch's linear decay is max(0, (s − d)/s) with s = scale / (1 − decay). */
function distanceDecay(origin: Point, scaleKm: number): Clause {
  return {
    function_score: {
      query: { match_all: {} },
      functions: [
        {
          linear: { point: { origin: { lat: origin.lat, lon: origin.lon }, scale: `${scaleKm / 2}km`, offset: '0km', decay: 0.5 } },
          weight: DISTANCE_WEIGHT,
        },
      ],
      score_mode: 'sum',
      boost_mode: 'replace',
    },
  };
}

interface Musts {
  clauses: MustClause[];
  /** Some must is unknown for every candidate (a maximum distance without a place): no tier 1. */
  alwaysUnknown: boolean;
}

function mustClauses(request: MatchRequest, origin: Point | undefined, currentSinceMs: number): Musts {
  const clauses: MustClause[] = [];
  for (const criterion of request.criteria) {
    if (criterion.importance !== 'must') continue;
    const { match, unknown } = criterionClauses(criterion, currentSinceMs);
    clauses.push(unknown ? { satisfied: anyOf([match, unknown]), unknown } : { satisfied: match });
  }
  let alwaysUnknown = false;
  if (request.maxDistanceKm !== undefined) {
    if (origin) clauses.push({ satisfied: geoWithin(origin, request.maxDistanceKm) });
    else alwaysUnknown = true;
  }
  return { clauses, alwaysUnknown };
}

function scoreClauses(request: MatchRequest, origin: Point | undefined, musts: Musts, currentSinceMs: number): Clause[] {
  const should: Clause[] = request.criteria.map((criterion: Criterion) =>
    constant(criterionClauses(criterion, currentSinceMs).match, CRITERION_WEIGHTS[criterion.importance]),
  );
  if (request.maxDistanceKm !== undefined && origin) should.push(constant(geoWithin(origin, request.maxDistanceKm), CRITERION_WEIGHTS.must));
  if (origin) should.push(distanceDecay(origin, distanceScaleKm(request.maxDistanceKm)));
  // The waiting-list term (score.ts): each status's while the state is current, else the unknown one.
  const current = waitingListCurrent(currentSinceMs);
  for (const status of WAITING_LIST_STATUSES) {
    const term = WAITING_LIST_TERMS[status];
    // A status worth 0 adds nothing; leaving its clause out is the same sum.
    if (term > 0) should.push(constant({ bool: { filter: [{ term: { [WAITING_LIST_STATUS]: status } }, current] } }, WAITING_LIST_WEIGHT * term));
  }
  should.push(constant({ bool: { must_not: [current] } }, WAITING_LIST_WEIGHT * WAITING_LIST_UNKNOWN_TERM));
  const unknowns = musts.clauses.flatMap((m) => (m.unknown ? [m.unknown] : []));
  // Without a must that can be unknown every candidate is in tier 1: the bonus would change nothing.
  if (unknowns.length > 0 && !musts.alwaysUnknown) {
    const maxRaw = maxRawScore(
      request.criteria.map((c) => c.importance),
      request.maxDistanceKm !== undefined,
      origin !== undefined,
    );
    should.push(constant({ bool: { must_not: unknowns } }, tierBonus(maxRaw)));
  }
  return should;
}

/** Exactly `failed` of the musts fail: at least n − failed hold (or are unknown), not n − failed + 1. */
function exactlyFailing(musts: readonly MustClause[], failed: number): Clause {
  const satisfied = musts.map((m) => m.satisfied);
  const atLeast = (count: number): Clause => ({ bool: { should: satisfied, minimum_should_match: count } });
  const enough = musts.length - failed;
  return {
    bool: {
      ...(enough > 0 ? { filter: [atLeast(enough)] } : {}),
      must_not: [atLeast(enough + 1)],
    },
  };
}

/** Tier (via the score), score, distance, then the fixed name key and the ids: the order of order.ts. */
function sortOrder(origin: Point | undefined): Clause[] {
  return [
    { _score: { order: 'desc' } },
    ...(origin
      ? [{ _geo_distance: { point: { lat: origin.lat, lon: origin.lon }, order: 'asc', unit: 'km', distance_type: 'arc' } }]
      : []),
    { sortName: { order: 'asc' } },
    { locationId: { order: 'asc' } },
    { housingFormId: { order: 'asc' } },
  ];
}

const constant = (filter: Clause, boost: number): Clause => ({ constant_score: { filter, boost } });
const anyOf = (clauses: Clause[]): Clause => ({ bool: { should: clauses, minimum_should_match: 1 } });
