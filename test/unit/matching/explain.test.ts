// Explaining chosen housing forms (compare page): the same score and reasons a match result gives,
// and every failed must, however many.
import { describe, expect, it } from 'vitest';
import { CompareRequestSchema } from '../../../shared/domain/index.ts';
import { explainCandidate, explainCandidates, explainMatch, matchCandidates } from '../../../shared/matching/index.ts';
import { AS_OF, MAASTRICHT, candidate, matchRequest, northOf } from '../../fixtures/candidates.ts';

const wishes = matchRequest({
  postcode: '6211',
  maxDistanceKm: 20,
  criteria: [
    { criterion: 'targetGroup', importance: 'must', value: 'dementia' },
    { criterion: 'pets', importance: 'must' },
    { criterion: 'garden', importance: 'important' },
    { criterion: 'smallScale', importance: 'nice' },
    { criterion: 'wheelchair', importance: 'must' },
  ],
});

const pool = [
  candidate({ housingFormId: 'alles', targetGroups: ['dementia'], pets: true, wheelchair: true, facilities: ['garden'], groupSize: 6 }),
  candidate({ housingFormId: 'ver', targetGroups: ['dementia'], pets: true, wheelchair: true, point: northOf(MAASTRICHT, 12), groupSize: 12 }),
  candidate({ housingFormId: 'onbekend', targetGroups: ['dementia'], pets: undefined, wheelchair: true, facilities: [] }),
  candidate({ housingFormId: 'geen-huisdier', targetGroups: ['dementia'], pets: false, wheelchair: true, waitingList: { status: 'closed', updatedAt: '2026-10-01' } }),
  candidate({ housingFormId: 'twee-mis', targetGroups: ['somatic'], pets: false, wheelchair: true, point: northOf(MAASTRICHT, 5) }),
];

describe('explaining a candidate', () => {
  it('gives exactly the score, distance and reasons of its match result or near miss', () => {
    const response = explainMatch(matchCandidates(wishes, pool, AS_OF, MAASTRICHT));
    const described = [...response.results, ...response.nearMisses];
    expect(described.length).toBe(pool.length);
    const explained = explainCandidates(wishes, pool, AS_OF, MAASTRICHT);
    for (const item of described) {
      const explanation = explained.find((e) => e.housingFormId === item.housingFormId);
      const { failedMusts, ...result } = explanation!;
      const { failedMusts: nearMissFailed, ...fromMatch } = { failedMusts: [], ...item };
      expect(result, item.housingFormId).toEqual(fromMatch);
      expect(failedMusts, item.housingFormId).toEqual(nearMissFailed);
    }
    expect(explained.find((e) => e.housingFormId === 'alles')?.failedMusts).toEqual([]);
    expect(explained.find((e) => e.housingFormId === 'onbekend')?.failedMusts).toEqual([]);
  });

  it('lists every failed must of a candidate that a match would leave out', () => {
    const far = candidate({
      housingFormId: 'niets',
      targetGroups: ['somatic'],
      pets: false,
      wheelchair: false,
      point: northOf(MAASTRICHT, 40),
    });
    expect(matchCandidates(wishes, [far], AS_OF, MAASTRICHT)).toMatchObject({ results: [], nearMisses: [] });
    const explanation = explainCandidate(wishes, far, AS_OF, MAASTRICHT);
    expect(explanation.failedMusts.map((r) => r.criterion)).toEqual(['distance', 'targetGroup', 'pets', 'wheelchair']);
    for (const reason of explanation.failedMusts) expect(reason).toMatchObject({ importance: 'must', outcome: 'mismatch' });
    expect(explanation.distanceKm).toBeCloseTo(40, 0);
    expect(explanation.score).toBeGreaterThanOrEqual(0);
    expect(explanation.reasons).toHaveLength(6);
  });

  it('takes a compare request as it is (no paging)', () => {
    const request = CompareRequestSchema.parse({
      regionId: 'zuid-limburg',
      criteria: [{ criterion: 'garden', importance: 'must' }],
      items: [{ locationId: 'de-linde', housingFormId: 'groep-1' }],
    });
    const explanation = explainCandidate(request, candidate({ facilities: [] }), AS_OF);
    expect(explanation.failedMusts).toEqual([{ criterion: 'garden', importance: 'must', outcome: 'mismatch' }]);
    expect(explanation.distanceKm).toBeUndefined();
  });
});
