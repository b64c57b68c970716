// The matcher's columns (shared/matching/columns.ts): a scan over kept columns answers exactly as a
// scan over the plain array, the first time and every time after (when the outcomes come from
// what was kept), for every kind of criterion, with and without a place and a maximum distance.
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CRITERION_NAMES, CRITERIA, type Criterion } from '../../../shared/domain/index.ts';
import { CandidateColumns, matchCandidates } from '../../../shared/matching/index.ts';
import { AS_OF, MAASTRICHT, matchRequest } from '../../fixtures/candidates.ts';
import { corpus } from '../../../scripts/lib/match-corpus.ts';

const pool = corpus(600, 20261203);

/** Any criterion of the registry with a value it allows, at any importance. */
const anyCriterion: fc.Arbitrary<Criterion> = fc.constantFrom(...CRITERION_NAMES).chain((name) => {
  const declared = CRITERIA[name];
  const importance = fc.constantFrom('must', 'important', 'nice' as const);
  if (declared.kind === 'code') return fc.record({ criterion: fc.constant(name), importance, value: fc.constantFrom(...declared.codes) });
  if (declared.kind === 'number') return fc.record({ criterion: fc.constant(name), importance, value: fc.integer({ min: declared.range[0], max: declared.range[1] }) });
  return fc.record({ criterion: fc.constant(name), importance });
}) as fc.Arbitrary<Criterion>;

describe('the matcher\'s columns', () => {
  it('answer exactly as the plain array, first and after their outcomes were kept', () => {
    const kept = new CandidateColumns(pool, true);
    fc.assert(fc.property(
      fc.uniqueArray(anyCriterion, { maxLength: 8, selector: (c) => `${c.criterion}=${'value' in c ? c.value : ''}` }),
      fc.option(fc.integer({ min: 1, max: 120 }), { nil: undefined }),
      (criteria, maxDistanceKm) => {
        const request = matchRequest({ postcode: '6211', criteria, limit: 30, ...(maxDistanceKm ? { maxDistanceKm } : {}) });
        const plain = matchCandidates(request, pool, AS_OF, MAASTRICHT);
        expect(matchCandidates(request, kept, AS_OF, MAASTRICHT)).toEqual(plain);
        expect(matchCandidates(request, kept, AS_OF, MAASTRICHT)).toEqual(plain);
      },
    ), { numRuns: 60 });
  });

  it('judge the waiting list at each request\'s own moment, never from a kept column', () => {
    const kept = new CandidateColumns(pool, true);
    const request = matchRequest({ criteria: [{ criterion: 'availableSoon', importance: 'must' }], limit: 200 });
    const now = matchCandidates(request, kept, AS_OF);
    const later = new Date(AS_OF.getTime() + 40 * 24 * 60 * 60 * 1000);
    expect(matchCandidates(request, kept, later)).toEqual(matchCandidates(request, pool, later));
    // 40 days on, every confirmation in the corpus is stale: nothing is sure to have a place soon.
    expect(matchCandidates(request, kept, later).results.every((r) => r.outcomes[0] === 'unknown')).toBe(true);
    expect(now.results.some((r) => r.outcomes[0] === 'match')).toBe(true);
  });
});
