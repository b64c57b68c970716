// Which unknowns the results page says once above the list: those of (nearly) every place shown,
// from three places on; what only some places leave open stays on their cards.
import { describe, expect, it } from 'vitest';
import type { Reason } from '../../shared/domain/criteria.ts';
import { commonUnknowns } from '../../site/src/scripts/results/common-unknowns.ts';

const age: Reason = { criterion: 'age', value: 84, importance: 'important', outcome: 'unknown' };
const pets = (outcome: Reason['outcome']): Reason => ({ criterion: 'pets', importance: 'must', outcome });
const place = (...reasons: Reason[]) => ({ reasons });

describe('commonUnknowns', () => {
  it('names an unknown every place shares, once, as "all"', () => {
    const common = commonUnknowns([place(age, pets('match')), place(pets('unknown'), age), place(age)]);
    expect(common.reasons).toEqual([age]);
    expect([...common.keys]).toEqual(['age=84']);
    expect(common.everywhere).toBe(true);
  });

  it('names one that holds for at least 90 % as "nearly all", and not one for fewer', () => {
    const places = [...Array.from({ length: 9 }, () => place(age, pets('unknown'))), place({ ...age, outcome: 'match' }, pets('match'))];
    const nine = commonUnknowns(places);
    expect(nine.reasons.map((reason) => reason.criterion)).toEqual(['age', 'pets']);
    expect(nine.everywhere).toBe(false);
    const eight = commonUnknowns([...places.slice(0, 8), place(), place()]);
    expect(eight.reasons).toHaveLength(0);
  });

  it('tells a different value apart (another age is another wish)', () => {
    const common = commonUnknowns([place(age), place(age), place({ ...age, value: 85 })]);
    expect(common.reasons).toEqual([]);
  });

  it('says nothing above fewer than three places, nor when nothing is unknown', () => {
    expect(commonUnknowns([place(age), place(age)]).reasons).toEqual([]);
    expect(commonUnknowns([place(pets('match')), place(pets('match')), place(pets('mismatch'))])).toEqual({ reasons: [], keys: new Set(), everywhere: false });
  });
});
