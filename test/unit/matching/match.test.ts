import { describe, expect, it } from 'vitest';
import { MatchResponseSchema, type ExplainedMatch } from '../../../shared/domain/index.ts';
import { explainMatch, matchCandidates, planMatch, waitingListTerm } from '../../../shared/matching/index.ts';
import { AS_OF, MAASTRICHT, candidate, matchRequest, northOf, rankOne } from '../../fixtures/candidates.ts';

const THIRTY_DAYS_MS = 30 * 24 * 60 * 60 * 1000;
/** The answer with each housing form's reasons written out, as the pages read it. */
const explained = (...args: Parameters<typeof matchCandidates>): ExplainedMatch => explainMatch(matchCandidates(...args));
const ids = (response: ExplainedMatch) => response.results.map((r) => r.housingFormId);
const nearMissIds = (response: ExplainedMatch) => response.nearMisses.map((r) => r.housingFormId);
const failed = (response: ExplainedMatch, id: string) =>
  response.nearMisses.find((r) => r.housingFormId === id)?.failedMusts.map((r) => r.criterion);

describe('musts', () => {
  it('keep a housing form that fails a must out of the results', () => {
    const response = explained(matchRequest({ criteria: [{ criterion: 'pets', importance: 'must' }] }), [
      candidate({ housingFormId: 'met-huisdier', pets: true }),
      candidate({ housingFormId: 'zonder-huisdier', pets: false }),
    ], AS_OF);
    expect(ids(response)).toEqual(['met-huisdier']);
    expect(response.total).toBe(1);
  });

  it('list a housing form failing one or two musts as a near miss naming them, and drop one failing three', () => {
    const request = matchRequest({
      criteria: [
        { criterion: 'pets', importance: 'must' },
        { criterion: 'garden', importance: 'must' },
        { criterion: 'careProfile', importance: 'must', value: '5VV' },
      ],
    });
    const response = explained(request, [
      candidate({ housingFormId: 'alles', pets: true, facilities: ['garden'], careProfiles: ['5VV'] }),
      candidate({ housingFormId: 'geen-tuin', pets: true, facilities: [], careProfiles: ['5VV'] }),
      candidate({ housingFormId: 'twee-mis', pets: false, facilities: [], careProfiles: ['5VV'] }),
      candidate({ housingFormId: 'drie-mis', pets: false, facilities: [], careProfiles: ['4VV'] }),
    ], AS_OF);
    expect(ids(response)).toEqual(['alles']);
    expect(nearMissIds(response)).toEqual(['geen-tuin', 'twee-mis']);
    expect(failed(response, 'geen-tuin')).toEqual(['garden']);
    expect(failed(response, 'twee-mis')).toEqual(['pets', 'garden']);
    expect(response.nearMisses[0]?.failedMusts[0]).toEqual({ criterion: 'garden', importance: 'must', outcome: 'mismatch' });
  });

  it('do not exclude when unknown, but rank such a result below every result whose musts all match', () => {
    const request = matchRequest({
      criteria: [
        { criterion: 'wheelchair', importance: 'must' },
        { criterion: 'garden', importance: 'important' },
        { criterion: 'pets', importance: 'nice' },
      ],
    });
    const response = explained(request, [
      // Meets every wish, but nobody said whether it is wheelchair accessible.
      candidate({ housingFormId: 'onbekend', wheelchair: undefined, facilities: ['garden'], pets: true }),
      candidate({ housingFormId: 'zeker', wheelchair: true, facilities: [], pets: false }),
    ], AS_OF);
    expect(ids(response)).toEqual(['zeker', 'onbekend']);
    expect(response.results[0]!.score).toBeLessThan(response.results[1]!.score);
    expect(response.results[1]?.reasons[0]).toEqual({ criterion: 'wheelchair', importance: 'must', outcome: 'unknown' });
  });
});

describe('reasons', () => {
  it('give every criterion of the request, in its order, with value, importance and outcome', () => {
    const request = matchRequest({
      criteria: [
        { criterion: 'targetGroup', importance: 'important', value: 'dementia' },
        { criterion: 'smoking', importance: 'nice' },
        { criterion: 'age', importance: 'must', value: 82 },
      ],
    });
    const [result] = explained(request, [candidate({ targetGroups: ['dementia'], smoking: false })], AS_OF).results;
    expect(result?.reasons).toEqual([
      { criterion: 'targetGroup', value: 'dementia', importance: 'important', outcome: 'match' },
      { criterion: 'smoking', importance: 'nice', outcome: 'mismatch' },
      { criterion: 'age', value: 82, importance: 'must', outcome: 'unknown' },
    ]);
  });
});

describe('reasons that say what was found', () => {
  it('say whether the day activities that fit are on site or nearby, and nothing more for a misfit or the stricter wish', () => {
    const request = matchRequest({ criteria: [{ criterion: 'dayActivities', importance: 'important' }, { criterion: 'dayActivitiesOnSite', importance: 'nice' }] });
    const answer = matchCandidates(request, [
      candidate({ housingFormId: 'in-huis', dayActivities: 'on-site' }),
      candidate({ housingFormId: 'in-de-buurt', dayActivities: 'nearby' }),
      candidate({ housingFormId: 'geen', dayActivities: 'none' }),
    ], AS_OF);
    const response = explainMatch(answer);
    const reasons = Object.fromEntries(response.results.map((r) => [r.housingFormId, r.reasons]));
    expect(reasons['in-huis']).toEqual([
      { criterion: 'dayActivities', importance: 'important', outcome: 'match', found: 'on-site' },
      { criterion: 'dayActivitiesOnSite', importance: 'nice', outcome: 'match' },
    ]);
    expect(reasons['in-de-buurt']).toEqual([
      { criterion: 'dayActivities', importance: 'important', outcome: 'match', found: 'nearby' },
      { criterion: 'dayActivitiesOnSite', importance: 'nice', outcome: 'mismatch' },
    ]);
    expect(reasons.geen?.[0]).toEqual({ criterion: 'dayActivities', importance: 'important', outcome: 'mismatch' });
    expect(ids(response)).toEqual(['in-huis', 'in-de-buurt', 'geen']);
    expect(answer.results[0]?.found).toEqual({ 0: 'on-site' });
    expect(MatchResponseSchema.parse(answer)).toEqual(answer);
  });
});

describe('people of about my age', () => {
  it('ranks the places whose residents are 18 to 30 first for a 23-year-old, though every place admits adults from 18', () => {
    const request = matchRequest({
      criteria: [{ criterion: 'age', value: 23, importance: 'must' }, { criterion: 'ageGroup', value: 23, importance: 'important' }],
    });
    const response = explained(request, [
      candidate({ housingFormId: 'gemengd', name: 'A', minAge: 18, residentsMinAge: 35, residentsMaxAge: 70, waitingList: { status: 'available', updatedAt: '2026-11-20' } }),
      candidate({ housingFormId: 'onbekend', name: 'B', minAge: 18, waitingList: { status: 'available', updatedAt: '2026-11-20' } }),
      candidate({ housingFormId: 'jongeren', name: 'C', minAge: 18, maxAge: 30, residentsMinAge: 18, residentsMaxAge: 30, waitingList: { status: 'long', updatedAt: '2026-11-20' } }),
    ], AS_OF);
    expect(ids(response)).toEqual(['jongeren', 'gemengd', 'onbekend']);
    expect(response.results.map((r) => r.reasons[1]?.outcome)).toEqual(['match', 'mismatch', 'unknown']);
  });
});

describe('ranking', () => {
  it('weighs an important wish (3) above two nice ones (1 each)', () => {
    const request = matchRequest({
      criteria: [
        { criterion: 'garden', importance: 'important' },
        { criterion: 'pets', importance: 'nice' },
        { criterion: 'smoking', importance: 'nice' },
      ],
    });
    const response = explained(request, [
      candidate({ housingFormId: 'twee-leuk', facilities: [], pets: true, smoking: true }),
      candidate({ housingFormId: 'belangrijk', facilities: ['garden'], pets: false, smoking: false }),
      candidate({ housingFormId: 'niets', facilities: [], pets: false, smoking: false }),
    ], AS_OF);
    expect(ids(response)).toEqual(['belangrijk', 'twee-leuk', 'niets']);
  });

  it('gives a score between 0 and 1, and 1 to a housing form that meets everything', () => {
    const request = matchRequest({ criteria: [{ criterion: 'garden', importance: 'important' }] });
    const response = explained(request, [
      candidate({ housingFormId: 'perfect', facilities: ['garden'], waitingList: { status: 'available', updatedAt: '2026-11-01' } }),
      candidate({ housingFormId: 'dicht', facilities: [], waitingList: { status: 'closed', updatedAt: '2026-11-01' } }),
    ], AS_OF);
    expect(response.results.map((r) => r.score)).toEqual([1, 0]);
  });

  it('ranks a free place above a short, a long and a closed waiting list', () => {
    const statuses = ['closed', 'long', 'available', 'short'] as const;
    const response = explained(
      matchRequest(),
      statuses.map((status) => candidate({ housingFormId: status, waitingList: { status, updatedAt: '2026-11-01' } })),
      AS_OF,
    );
    expect(ids(response)).toEqual(['available', 'short', 'long', 'closed']);
  });

  it('ranks a waiting list older than 30 days as unknown: a wait, below any current free or short one, above a current closed one', () => {
    const at = (msBefore: number) => new Date(AS_OF.getTime() - msBefore).toISOString();
    const response = explained(
      matchRequest({ criteria: [{ criterion: 'availableSoon', importance: 'important' }] }),
      [
        candidate({ housingFormId: 'vrij-oud', waitingList: { status: 'available', updatedAt: at(THIRTY_DAYS_MS + 1) } }),
        candidate({ housingFormId: 'vrij-net', waitingList: { status: 'available', updatedAt: at(THIRTY_DAYS_MS - 1) } }),
        candidate({ housingFormId: 'kort', waitingList: { status: 'short', updatedAt: at(THIRTY_DAYS_MS) } }),
        candidate({ housingFormId: 'dicht', waitingList: { status: 'closed', updatedAt: at(0) } }),
        candidate({ housingFormId: 'dicht-oud', waitingList: { status: 'closed', updatedAt: at(THIRTY_DAYS_MS + 1) } }),
      ],
      AS_OF,
    );
    expect(ids(response)).toEqual(['vrij-net', 'kort', 'dicht-oud', 'vrij-oud', 'dicht']);
    // Out of 5 (availableSoon 3, waiting list 2): current free 3 + 2, short 3 + 1.5, stale 0 + 0.5, closed 0.
    expect(response.results.map((r) => r.score)).toEqual([1, 0.9, 0.1, 0.1, 0]);
    const stale = response.results.find((r) => r.housingFormId === 'vrij-oud');
    expect(stale?.reasons).toEqual([{ criterion: 'availableSoon', importance: 'important', outcome: 'unknown' }]);
    expect(waitingListTerm('available', false)).toBe(waitingListTerm('long', true));
  });

  it('keeps a stale waiting list from filtering: a must of a place soon is unknown, ranked after those that hold', () => {
    const at = (msBefore: number) => new Date(AS_OF.getTime() - msBefore).toISOString();
    const response = explained(
      matchRequest({ criteria: [{ criterion: 'availableSoon', importance: 'must' }] }),
      [
        candidate({ housingFormId: 'vrij-oud', waitingList: { status: 'available', updatedAt: at(THIRTY_DAYS_MS + 1) } }),
        candidate({ housingFormId: 'kort', waitingList: { status: 'short', updatedAt: at(THIRTY_DAYS_MS) } }),
        candidate({ housingFormId: 'lang', waitingList: { status: 'long', updatedAt: at(0) } }),
      ],
      AS_OF,
    );
    expect(ids(response)).toEqual(['kort', 'vrij-oud']);
    expect(nearMissIds(response)).toEqual(['lang']);
  });

  it('ranks closer first and gives each result its distance in km', () => {
    const response = explained(
      matchRequest({ postcode: '6211' }),
      [
        candidate({ housingFormId: 'ver', point: northOf(MAASTRICHT, 20) }),
        candidate({ housingFormId: 'dichtbij', point: northOf(MAASTRICHT, 2) }),
        candidate({ housingFormId: 'midden', point: northOf(MAASTRICHT, 9) }),
      ],
      AS_OF,
      MAASTRICHT,
    );
    expect(ids(response)).toEqual(['dichtbij', 'midden', 'ver']);
    expect(response.results.map((r) => r.distanceKm)).toEqual([2, 9, 20]);
    // Without a maximum nobody asked for a distance: it ranks, but is no wish to hold or fail.
    expect(response.results[0]?.reasons).toEqual([]);
  });

  it('lets a met important wish outweigh being nearer', () => {
    const response = explained(
      matchRequest({ postcode: '6211', criteria: [{ criterion: 'garden', importance: 'important' }] }),
      [
        candidate({ housingFormId: 'naast-de-deur', point: northOf(MAASTRICHT, 0.5), facilities: [] }),
        candidate({ housingFormId: 'met-tuin', point: northOf(MAASTRICHT, 10), facilities: ['garden'] }),
      ],
      AS_OF,
      MAASTRICHT,
    );
    expect(ids(response)).toEqual(['met-tuin', 'naast-de-deur']);
  });

  it('makes maxDistanceKm a must called distance, failed by a housing form too far away', () => {
    const response = explained(
      matchRequest({ postcode: '6211', maxDistanceKm: 15 }),
      [candidate({ housingFormId: 'binnen', point: northOf(MAASTRICHT, 14) }), candidate({ housingFormId: 'buiten', point: northOf(MAASTRICHT, 16) })],
      AS_OF,
      MAASTRICHT,
    );
    expect(ids(response)).toEqual(['binnen']);
    expect(response.results[0]?.reasons).toEqual([{ criterion: 'distance', value: 15, importance: 'must', outcome: 'match' }]);
    expect(failed(response, 'buiten')).toEqual(['distance']);
    expect(response.nearMisses[0]?.distanceKm).toBe(16);
  });

  it('counts the distance as unknown when a maximum is asked but the place could not be found', () => {
    const response = explained(matchRequest({ postcode: '6211', maxDistanceKm: 10 }), [candidate()], AS_OF);
    expect(response.total).toBe(1);
    expect(response.results[0]?.reasons).toEqual([{ criterion: 'distance', value: 10, importance: 'must', outcome: 'unknown' }]);
    expect(response.results[0]?.distanceKm).toBeUndefined();
  });

  it('breaks ties by distance, then by name', () => {
    // Beyond 25 km distance adds nothing to the score, so these three score alike.
    const response = explained(
      matchRequest({ postcode: '6211' }),
      [
        candidate({ housingFormId: 'c', name: 'Zonnehuis', point: northOf(MAASTRICHT, 40) }),
        candidate({ housingFormId: 'b', name: 'Zonnehuis', point: northOf(MAASTRICHT, 30) }),
        candidate({ housingFormId: 'a', name: 'Áckerhof', point: northOf(MAASTRICHT, 40) }),
      ],
      AS_OF,
      MAASTRICHT,
    );
    expect(new Set(response.results.map((r) => r.score)).size).toBe(1);
    expect(ids(response)).toEqual(['b', 'a', 'c']);
    // Without a place to measure from, equal scores fall back to the name alone.
    expect(ids(explained(matchRequest(), [candidate({ housingFormId: 'z', name: 'Berkenhof' }), candidate({ housingFormId: 'y', name: 'Aalsterhof' })], AS_OF))).toEqual(['y', 'z']);
  });

  it('gives the same order for the same request, whatever the order of the listings', () => {
    const request = matchRequest({ postcode: '6211', criteria: [{ criterion: 'garden', importance: 'nice' }] });
    const listings = Array.from({ length: 40 }, (_, i) =>
      candidate({
        housingFormId: `groep-${i}`,
        name: `Huis ${i % 5}`,
        point: northOf(MAASTRICHT, i % 3),
        facilities: i % 2 === 0 ? ['garden'] : [],
      }),
    );
    const first = ids(explained(request, listings, AS_OF, MAASTRICHT));
    expect(ids(explained(request, listings, AS_OF, MAASTRICHT))).toEqual(first);
    expect(ids(explained(request, [...listings].reverse(), AS_OF, MAASTRICHT))).toEqual(first);
  });
});

describe('near misses', () => {
  it('come with the fewest failed musts first, then in result order', () => {
    const request = matchRequest({
      criteria: [
        { criterion: 'pets', importance: 'must' },
        { criterion: 'garden', importance: 'must' },
        { criterion: 'ownBathroom', importance: 'nice' },
      ],
    });
    const response = explained(request, [
      candidate({ housingFormId: 'twee', pets: false, facilities: [], ownBathroom: true }),
      candidate({ housingFormId: 'een-zonder-badkamer', pets: false, facilities: ['garden'], ownBathroom: false }),
      candidate({ housingFormId: 'een-met-badkamer', pets: true, facilities: [], ownBathroom: true }),
    ], AS_OF);
    expect(response.results).toEqual([]);
    expect(response.total).toBe(0);
    expect(nearMissIds(response)).toEqual(['een-met-badkamer', 'een-zonder-badkamer', 'twee']);
  });

  it('are limited in number, the closest ones kept', () => {
    const request = matchRequest({ criteria: [{ criterion: 'pets', importance: 'must' }] });
    const listings = Array.from({ length: 30 }, (_, i) => candidate({ housingFormId: `h-${String(i).padStart(2, '0')}`, pets: false }));
    const response = explained(request, listings, AS_OF, undefined, { nearMissLimit: 3 });
    expect(nearMissIds(response)).toEqual(['h-00', 'h-01', 'h-02']);
    expect(explained(request, listings, AS_OF).nearMisses).toHaveLength(20);
  });
});

describe('paging', () => {
  const listings = Array.from({ length: 150 }, (_, i) =>
    candidate({
      housingFormId: `h-${i}`,
      name: `Huis ${(i * 37) % 11}`,
      point: northOf(MAASTRICHT, (i * 7) % 13),
      facilities: i % 3 === 0 ? ['garden'] : [],
      pets: i % 4 === 0 ? undefined : i % 4 === 1,
      waitingList: { status: (['available', 'short', 'long', 'closed'] as const)[i % 4]!, updatedAt: '2026-11-01' },
    }),
  );
  const criteria = [
    { criterion: 'pets', importance: 'must' },
    { criterion: 'garden', importance: 'important' },
  ] as const;

  it('returns the page offset..offset+limit and counts all fitting results in total', () => {
    const whole = explained(matchRequest({ postcode: '6211', criteria: [...criteria], limit: 200 }), listings, AS_OF, MAASTRICHT);
    expect(whole.total).toBe(whole.results.length);
    const pages: string[] = [];
    for (let offset = 0; offset < whole.total; offset += 7) {
      const page = explained(matchRequest({ postcode: '6211', criteria: [...criteria], limit: 7, offset }), listings, AS_OF, MAASTRICHT);
      expect(page.total).toBe(whole.total);
      pages.push(...ids(page));
    }
    expect(pages).toEqual(ids(whole));
    const past = explained(matchRequest({ criteria: [...criteria], offset: 500 }), listings, AS_OF);
    expect(past.results).toEqual([]);
    expect(past.total).toBe(whole.total);
  });
});

describe('planMatch', () => {
  it('describes a candidate exactly as matchCandidates does (the path of an engine that ranks by itself)', () => {
    const request = matchRequest({
      postcode: '6211',
      maxDistanceKm: 20,
      criteria: [
        { criterion: 'pets', importance: 'must' },
        { criterion: 'garden', importance: 'important' },
      ],
    });
    const listings = [
      candidate({ housingFormId: 'past', pets: true, facilities: ['garden'], point: northOf(MAASTRICHT, 4) }),
      candidate({ housingFormId: 'bijna', pets: false, facilities: [], point: northOf(MAASTRICHT, 30) }),
    ];
    const plan = planMatch(request, AS_OF, MAASTRICHT);
    const response = matchCandidates(request, listings, AS_OF, MAASTRICHT);
    expect(plan.toResult(rankOne(plan, listings[0]!)!)).toEqual(response.results[0]);
    expect(plan.toNearMiss(rankOne(plan, listings[1]!)!)).toEqual(response.nearMisses[0]);
    expect(response.nearMisses[0]?.failedMusts.map((i) => response.criteria[i]?.criterion)).toEqual(['distance', 'pets']);
    // The answer keeps the API's contract as it is.
    expect(MatchResponseSchema.strict().parse(response)).toEqual(response);
  });
});

describe('the answer says each criterion once', () => {
  it('lists the judged criteria (distance first) and gives each housing form one outcome per criterion, in that order', () => {
    const request = matchRequest({
      postcode: '6211',
      maxDistanceKm: 20,
      criteria: [
        { criterion: 'targetGroup', importance: 'must', value: 'dementia' },
        { criterion: 'garden', importance: 'important' },
      ],
    });
    const answer = matchCandidates(request, [
      candidate({ housingFormId: 'past', targetGroups: ['dementia'], facilities: [], point: northOf(MAASTRICHT, 4) }),
      candidate({ housingFormId: 'ver', targetGroups: undefined, facilities: ['garden'], point: northOf(MAASTRICHT, 30) }),
    ], AS_OF, MAASTRICHT);
    expect(answer.criteria).toEqual([
      { criterion: 'distance', value: 20, importance: 'must' },
      { criterion: 'targetGroup', value: 'dementia', importance: 'must' },
      { criterion: 'garden', importance: 'important' },
    ]);
    expect(answer.results.map((r) => [r.housingFormId, r.outcomes])).toEqual([['past', ['match', 'match', 'mismatch']]]);
    expect(answer.nearMisses.map((r) => [r.housingFormId, r.outcomes, r.failedMusts])).toEqual([['ver', ['mismatch', 'unknown', 'match'], [0]]]);
    // Written out, a result reads as before: one whole reason per criterion.
    expect(explainMatch(answer).nearMisses[0]?.failedMusts).toEqual([{ criterion: 'distance', value: 20, importance: 'must', outcome: 'mismatch' }]);
    expect(JSON.stringify(answer.results[0])).not.toContain('importance');
  });
});
