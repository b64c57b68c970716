import { describe, expect, it } from 'vitest';
import { type MatchRequest } from '../../../shared/domain/index.ts';
import { type Point } from '../../../shared/geo/distance.ts';
import { matchCandidates, maxRawScore, planMatch, type MatchCandidate } from '../../../shared/matching/index.ts';
import { ORDER_MARGIN, buildMatchQueries, tierBonus } from '../../../functions/search/opensearch/build-match-query.ts';
import { fromSource, toDocument } from '../../../functions/search/opensearch/index-mapping.ts';
import { readMatchResponse } from '../../../functions/search/opensearch/read-match-response.ts';
import { EmbeddedSearchEngine } from '../../../functions/search/embedded/embedded-search-engine.ts';
import { AS_OF, MAASTRICHT, candidate, matchRequest, northOf, rankOne } from '../../fixtures/candidates.ts';
import { LIMBURG, SITTARD, SITTARD_POSTCODE } from '../../fixtures/limburg.ts';
import { generator } from './support/generate.ts';
import { evaluate, search, type Doc } from './support/query-dsl.ts';

type Json = Record<string, unknown>;
const boolOf = (query: unknown) => (query as { bool: { filter: Json[]; should: Json[] } }).bool;
const knownNot = (field: string) => ({ bool: { must_not: [{ term: { knownFields: field } }] } });
/** Current at AS_OF: confirmed no earlier than 30 days before it. */
const current = { range: { waitingListConfirmedMs: { gte: AS_OF.getTime() - 30 * 24 * 60 * 60 * 1000 } } };
const constantBoosts = (should: Json[]) =>
  should.flatMap((c) => ('constant_score' in c ? [(c.constant_score as { boost: number }).boost] : []));

describe('the results query: musts as filters', () => {
  it('lets a flag must through when it holds or is unknown, not when it is false', () => {
    const { results } = buildMatchQueries(matchRequest({ criteria: [{ criterion: 'pets', importance: 'must' }] }), AS_OF, undefined);
    expect(boolOf(results.query).filter).toEqual([
      { term: { regionId: 'zuid-limburg' } },
      { bool: { should: [{ term: { pets: true } }, knownNot('pets')], minimum_should_match: 1 } },
    ]);
  });

  it('treats a list left out as unknown, and a given list without the code (even empty) as a mismatch', () => {
    const { results } = buildMatchQueries(matchRequest({ criteria: [{ criterion: 'careProfile', importance: 'must', value: '5VV' }] }), AS_OF, undefined);
    // `knownFields`, not `exists`: an empty list indexes no value, so `exists` cannot tell [] from left out.
    expect(boolOf(results.query).filter[1]).toEqual({
      bool: { should: [{ term: { careProfiles: '5VV' } }, knownNot('careProfiles')], minimum_should_match: 1 },
    });
    const keeps = (c: MatchCandidate) => evaluate(results.query as Json, toDocument(c) as unknown as Doc).matches;
    expect(keeps(candidate({ careProfiles: ['5VV'] }))).toBe(true);
    expect(keeps(candidate({ careProfiles: undefined }))).toBe(true);
    expect(keeps(candidate({ careProfiles: [] }))).toBe(false);
    expect(keeps(candidate({ careProfiles: ['4VV'] }))).toBe(false);
  });

  it('filters a criterion that is never unknown by its match clause alone', () => {
    const { results } = buildMatchQueries(
      matchRequest({ criteria: [{ criterion: 'housingType', importance: 'must', value: 'nursing-home' }] }),
      AS_OF,
      undefined,
    );
    expect(boolOf(results.query).filter.slice(1)).toEqual([{ term: { type: 'nursing-home' } }]);
  });

  it('lets a place soon hold while the waiting list is current, and be unknown once it is not', () => {
    const { results } = buildMatchQueries(matchRequest({ criteria: [{ criterion: 'availableSoon', importance: 'must' }] }), AS_OF, undefined);
    const soon = { bool: { filter: [{ terms: { 'waitingList.status': ['available', 'short'] } }, current] } };
    expect(boolOf(results.query).filter.slice(1)).toEqual([
      { bool: { should: [soon, { bool: { must_not: [current] } }], minimum_should_match: 1 } },
    ]);
  });

  it('puts the maximum distance in the filter as a geo_distance on the point', () => {
    const { results } = buildMatchQueries(matchRequest({ postcode: '6211', maxDistanceKm: 15 }), AS_OF, MAASTRICHT);
    expect(boolOf(results.query).filter).toContainEqual({ geo_distance: { distance: '15km', point: MAASTRICHT } });
  });

  it('has no distance filter when the place could not be placed (the must is unknown for all)', () => {
    const { results, nearMisses } = buildMatchQueries(matchRequest({ postcode: '6211', maxDistanceKm: 15 }), AS_OF, undefined);
    expect(JSON.stringify(results.query)).not.toContain('geo_distance');
    expect(nearMisses).toEqual([]);
  });
});

describe('the results query: the score of shared/matching/score.ts', () => {
  const request = matchRequest({
    postcode: '6211',
    maxDistanceKm: 20,
    criteria: [
      { criterion: 'wheelchair', importance: 'must' },
      { criterion: 'garden', importance: 'important' },
      { criterion: 'language', importance: 'nice', value: 'li' },
    ],
  });
  const { results } = buildMatchQueries(request, AS_OF, MAASTRICHT);
  const should = boolOf(results.query).should;

  it('weighs each criterion by importance: must 3, important 3, nice 1', () => {
    expect(should.slice(0, 3)).toEqual([
      { constant_score: { filter: { term: { wheelchair: true } }, boost: 3 } },
      { constant_score: { filter: { term: { facilities: 'garden' } }, boost: 3 } },
      { constant_score: { filter: { term: { languages: 'li' } }, boost: 1 } },
    ]);
  });

  it('adds the distance must (3 within the maximum) and a linear decay: scale S/2, offset 0, decay 0.5, weight 3', () => {
    expect(should).toContainEqual({ constant_score: { filter: { geo_distance: { distance: '20km', point: MAASTRICHT } }, boost: 3 } });
    expect(should).toContainEqual({
      function_score: {
        query: { match_all: {} },
        functions: [{ linear: { point: { origin: MAASTRICHT, scale: '10km', offset: '0km', decay: 0.5 } }, weight: 3 }],
        score_mode: 'sum',
        boost_mode: 'replace',
      },
    });
  });

  it('decays over 25 km when no maximum is given', () => {
    const { results: q } = buildMatchQueries(matchRequest({ postcode: '6211' }), AS_OF, MAASTRICHT);
    expect(JSON.stringify(q.query)).toContain('"scale":"12.5km"');
  });

  it('adds 2 · T[status] per status of a current waiting list, nothing for closed, and 2 · T_unknown for one that is not current', () => {
    const status = (code: string) => ({ bool: { filter: [{ term: { 'waitingList.status': code } }, current] } });
    expect(should).toContainEqual({ constant_score: { filter: status('available'), boost: 2 } });
    expect(should).toContainEqual({ constant_score: { filter: status('short'), boost: 1.5 } });
    expect(should).toContainEqual({ constant_score: { filter: status('long'), boost: 0.5 } });
    expect(should).toContainEqual({ constant_score: { filter: { bool: { must_not: [current] } }, boost: 0.5 } });
    expect(JSON.stringify(should)).not.toContain('closed');
  });

  it('lifts results whose musts are all known by a power of two above the highest raw score', () => {
    const maxRaw = maxRawScore(['must', 'important', 'nice'], true, true);
    const bonus = tierBonus(maxRaw);
    expect(bonus).toBe(16);
    expect(bonus).toBeGreaterThan(maxRaw);
    expect(should.at(-1)).toEqual({ constant_score: { filter: { bool: { must_not: [knownNot('wheelchair')] } }, boost: bonus } });
    expect(constantBoosts(should)).toEqual([3, 3, 1, 3, 2, 1.5, 0.5, 0.5, 16]);
  });

  it('has no tier clause when no must can be unknown', () => {
    const { results: q } = buildMatchQueries(matchRequest({ criteria: [{ criterion: 'housingType', importance: 'must', value: 'respite' }] }), AS_OF, undefined);
    expect(constantBoosts(boolOf(q.query).should)).toEqual([3, 2, 1.5, 0.5, 0.5]);
  });

  it('sorts by score (tier included), distance, the shared name key and the ids', () => {
    expect(results.sort).toEqual([
      { _score: { order: 'desc' } },
      { _geo_distance: { point: MAASTRICHT, order: 'asc', unit: 'km', distance_type: 'arc' } },
      { sortName: { order: 'asc' } },
      { locationId: { order: 'asc' } },
      { housingFormId: { order: 'asc' } },
    ]);
    const { results: noPlace } = buildMatchQueries(matchRequest(), AS_OF, undefined);
    expect(noPlace.sort).toHaveLength(4);
  });

  it('counts every fitting housing form and reads one page with a margin either side, without the descriptions', () => {
    expect(results).toMatchObject({ track_total_hits: true, from: 0, size: 50 + ORDER_MARGIN, _source: { excludes: ['knownFields', 'searchText'] } });
    const deep = buildMatchQueries(matchRequest({ offset: 100, limit: 20 }), AS_OF, undefined);
    expect(deep.results).toMatchObject({ from: 100 - ORDER_MARGIN, size: 20 + 2 * ORDER_MARGIN });
    expect(deep.windowStart).toBe(100 - ORDER_MARGIN);
  });
});

describe('the near-miss queries', () => {
  const musts = (n: number): MatchRequest =>
    matchRequest({ criteria: (['pets', 'garden', 'wheelchair'] as const).slice(0, n).map((criterion) => ({ criterion, importance: 'must' as const })) });

  it('select exactly 1, then exactly 2 failed musts with minimum_should_match over the musts', () => {
    const { nearMisses } = buildMatchQueries(musts(3), AS_OF, undefined, { nearMissLimit: 20 });
    expect(nearMisses).toHaveLength(2);
    const exactly = (q: Json) => boolOf(q.query).filter[1] as { bool: { filter?: Json[]; must_not: Json[] } };
    const msm = (clause: Json | undefined) => (clause as { bool: { minimum_should_match: number } }).bool.minimum_should_match;
    expect(msm(exactly(nearMisses[0]!).bool.filter?.[0])).toBe(2);
    expect(msm(exactly(nearMisses[0]!).bool.must_not[0])).toBe(3);
    expect(msm(exactly(nearMisses[1]!).bool.filter?.[0])).toBe(1);
    expect(msm(exactly(nearMisses[1]!).bool.must_not[0])).toBe(2);
    expect(nearMisses[0]).toMatchObject({ from: 0, size: 20 + ORDER_MARGIN, track_total_hits: false });
  });

  it('exist only as far as there are musts to fail', () => {
    expect(buildMatchQueries(musts(0), AS_OF, undefined).nearMisses).toHaveLength(0);
    expect(buildMatchQueries(musts(1), AS_OF, undefined).nearMisses).toHaveLength(1);
    expect(buildMatchQueries(musts(2), AS_OF, undefined).nearMisses).toHaveLength(2);
  });

  it('count the distance must like any other', () => {
    const { nearMisses } = buildMatchQueries(matchRequest({ postcode: '6211', maxDistanceKm: 10 }), AS_OF, MAASTRICHT);
    expect(nearMisses).toHaveLength(1);
    const near = candidate({ point: northOf(MAASTRICHT, 5) });
    const far = candidate({ point: northOf(MAASTRICHT, 15) });
    const hit = (c: MatchCandidate) => evaluate(nearMisses[0]!.query as Json, toDocument(c) as unknown as Doc).matches;
    expect([hit(near), hit(far)]).toEqual([false, true]);
  });
});

// The oracle (support/query-dsl.ts) evaluates the JSON with OpenSearch's documented semantics, so
// these check what the queries mean against the shared matcher, over many random cases.
describe('the queries agree with the shared matcher', () => {
  const CASES = 60;
  const CANDIDATES = 150;

  it('keep, count as near misses and score exactly what the shared matcher does', () => {
    const gen = generator(20261123);
    const candidates = Array.from({ length: CANDIDATES }, (_, i) => gen.makeCandidate(i));
    for (let n = 0; n < CASES; n++) {
      const { request, withPlace } = gen.makeRequest();
      const origin = withPlace ? MAASTRICHT : undefined;
      const plan = planMatch(request, AS_OF, origin);
      const queries = buildMatchQueries(request, AS_OF, origin);
      const maxRaw = maxRawScore(request.criteria.map((c) => c.importance), request.maxDistanceKm !== undefined, origin !== undefined);
      const bonus = tierBonus(maxRaw);
      for (const c of candidates) {
        const doc = toDocument(c) as unknown as Doc;
        const ranked = rankOne(plan, c);
        const failed = ranked?.failedMusts ?? 3;
        const results = evaluate(queries.results.query as Json, doc);
        const context = `case ${n}, ${c.id}, ${JSON.stringify(request.criteria)}`;
        expect(results.matches, context).toBe(failed === 0);
        queries.nearMisses.forEach((q, k) => expect(evaluate(q.query as Json, doc).matches, context).toBe(failed === k + 1));
        if (!ranked) continue;
        const tier = results.matches || queries.nearMisses.some((q) => evaluate(q.query as Json, doc).matches);
        expect(tier).toBe(true);
        const score = evaluate((failed === 0 ? queries.results : queries.nearMisses[failed - 1]!).query as Json, doc).score;
        const lifted = score >= bonus;
        expect(lifted, context).toBe(!ranked.unknownMust && hasUnknowableMust(request, origin));
        const raw = lifted ? score - bonus : score;
        expect(Math.abs(raw / maxRaw - ranked.score), context).toBeLessThanOrEqual(0.00005 + 1e-9);
      }
    }
  });

  it('give the shared matcher’s page, near misses and total, with float32 scores', () => {
    const gen = generator(424242);
    const candidates = Array.from({ length: CANDIDATES }, (_, i) => gen.makeCandidate(i));
    const docs = candidates.map((c) => toDocument(c) as unknown as Doc);
    for (let n = 0; n < CASES; n++) {
      const { request, withPlace } = gen.makeRequest();
      const origin = withPlace ? MAASTRICHT : undefined;
      expect(viaQueries(request, origin, docs), `case ${n}: ${JSON.stringify(request)}`).toEqual(matchCandidates(request, candidates, AS_OF, origin));
    }
  });
});

describe('the scope: the region, nearby regions, the country', () => {
  const sittard = (scope: 'region' | 'nearby' | 'country') => matchRequest({ postcode: SITTARD_POSTCODE, maxDistanceKm: 25, scope });

  it('filters by the region, by the region or within the distance, or not at all', () => {
    const filterOf = (scope: 'region' | 'nearby' | 'country') => boolOf(buildMatchQueries(sittard(scope), AS_OF, SITTARD).results.query).filter[0];
    const region = { term: { regionId: 'zuid-limburg' } };
    const within = { geo_distance: { distance: '25km', point: SITTARD } };
    expect(filterOf('region')).toEqual(region);
    expect(filterOf('nearby')).toEqual({ bool: { should: [region, within], minimum_should_match: 1 } });
    // The country has no scope filter: the first filter is the distance must's.
    expect(filterOf('country')).toEqual(within);
  });

  it('gives the embedded engine\'s answer from Sittard for each scope and a few wishes', async () => {
    const embedded = new EmbeddedSearchEngine();
    await embedded.upsert(Object.values(LIMBURG));
    const docs = Object.values(LIMBURG).map((c) => toDocument(c) as unknown as Doc);
    for (const scope of ['region', 'nearby', 'country'] as const) {
      for (const maxDistanceKm of [undefined, 10, 25, 50]) {
        if (scope === 'nearby' && maxDistanceKm === undefined) continue;
        const request = matchRequest({
          postcode: SITTARD_POSTCODE, scope, ...(maxDistanceKm !== undefined ? { maxDistanceKm } : {}),
          criteria: [{ criterion: 'targetGroup', importance: 'must', value: 'dementia' }, { criterion: 'garden', importance: 'nice' }],
        });
        expect(viaQueries(request, SITTARD, docs), `${scope} ${maxDistanceKm}`).toEqual(await embedded.match(request, AS_OF, SITTARD));
      }
    }
  });

  it('leaves out a hit of another region that the shared distance puts just beyond the maximum', () => {
    const roermond = LIMBURG.roermond;
    const request = matchRequest({ postcode: SITTARD_POSTCODE, maxDistanceKm: 23.6, scope: 'nearby' });
    // As if OpenSearch's quantised point had put Roermond (23.7 km) within 23.6 km.
    const answer = readMatchResponse(request, planMatch(request, AS_OF, SITTARD), {
      results: [LIMBURG.sittard, roermond], windowStart: 0, nearMisses: [roermond], total: 2,
    }, undefined, SITTARD);
    expect(answer.results.map((r) => r.locationId)).toEqual(['het-park']);
    expect(answer.nearMisses).toEqual([]);
  });
});

describe('near-ties the float32 order gets wrong', () => {
  // A meets the nice wish and lies 10 km away; B does not, but lies closer, chosen so its raw score
  // is 0.00001 below A's. Both round to the same shared score, so the shared order puts the nearer
  // B first; OpenSearch's raw order puts A first. The page is re-sorted by the shared comparator.
  const request = matchRequest({ postcode: '6211', criteria: [{ criterion: 'pets', importance: 'nice' }], limit: 1 });
  const a = candidate({ housingFormId: 'a', name: 'A', pets: true, point: northOf(MAASTRICHT, 10) });
  const b = candidate({ housingFormId: 'b', name: 'B', pets: false, point: northOf(MAASTRICHT, 10 - 25 / 3 + (25 * 0.00001) / 3) });

  it('are put right by the shared re-sort of the page and its margin', () => {
    const plan = planMatch(request, AS_OF, MAASTRICHT);
    expect(rankOne(plan, a)!.score).toBe(rankOne(plan, b)!.score);
    const { hits } = search(buildMatchQueries(request, AS_OF, MAASTRICHT).results as Json, [a, b].map((c) => toDocument(c) as unknown as Doc), { float32: true });
    expect(hits.map((h) => h.doc.housingFormId)).toEqual(['a', 'b']);
    const expected = matchCandidates(request, [a, b], AS_OF, MAASTRICHT);
    expect(expected.results.map((r) => r.housingFormId)).toEqual(['b']);
    expect(viaQueries(request, MAASTRICHT, [a, b].map((c) => toDocument(c) as unknown as Doc))).toEqual(expected);
  });
});

function hasUnknowableMust(request: MatchRequest, origin: Point | undefined): boolean {
  if (request.maxDistanceKm !== undefined && origin === undefined) return false;
  return request.criteria.some((c) => c.importance === 'must' && c.criterion !== 'housingType');
}

/** What the OpenSearch engine answers, with the oracle standing in for the cluster. */
function viaQueries(request: MatchRequest, origin: Point | undefined, docs: Doc[]) {
  const queries = buildMatchQueries(request, AS_OF, origin);
  const results = search(queries.results as Json, docs, { float32: true });
  const nearMisses = queries.nearMisses.flatMap((q) => search(q as Json, docs, { float32: true }).hits);
  return readMatchResponse(request, planMatch(request, AS_OF, origin), {
    results: results.hits.map((h) => fromSource(h.doc)),
    windowStart: queries.windowStart,
    nearMisses: nearMisses.map((h) => fromSource(h.doc)),
    total: results.total,
  }, undefined, origin);
}
