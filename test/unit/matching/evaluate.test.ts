import { describe, expect, it } from 'vitest';
import { type Criterion } from '../../../shared/domain/index.ts';
import { evaluate } from '../../../shared/matching/index.ts';
import { candidate } from '../../fixtures/candidates.ts';

const must = <C extends Criterion['criterion']>(criterion: C, value?: unknown) =>
  ({ criterion, importance: 'must', ...(value === undefined ? {} : { value }) }) as Criterion;

describe('evaluate', () => {
  it('treats a list left out as unknown, and a given list, even empty, as complete', () => {
    const wish = must('careProfile', '5VV');
    expect(evaluate(wish, candidate({ careProfiles: undefined }))).toBe('unknown');
    expect(evaluate(wish, candidate({ careProfiles: [] }))).toBe('mismatch');
    expect(evaluate(wish, candidate({ careProfiles: ['4VV'] }))).toBe('mismatch');
    expect(evaluate(wish, candidate({ careProfiles: ['4VV', '5VV'] }))).toBe('match');
    expect(evaluate(must('language', 'li'), candidate({ languages: ['nl', 'li'] }))).toBe('match');
    expect(evaluate(must('culture', 'moluks'), candidate({ cultures: [] }))).toBe('mismatch');
  });

  it('treats a yes/no left out as unknown, not as no', () => {
    expect(evaluate(must('pets'), candidate({ pets: undefined }))).toBe('unknown');
    expect(evaluate(must('pets'), candidate({ pets: false }))).toBe('mismatch');
    expect(evaluate(must('pets'), candidate({ pets: true }))).toBe('match');
  });

  it('calls a group of at most 8 residents small-scale', () => {
    expect(evaluate(must('smallScale'), candidate({ groupSize: 8 }))).toBe('match');
    expect(evaluate(must('smallScale'), candidate({ groupSize: 9 }))).toBe('mismatch');
    expect(evaluate(must('smallScale'), candidate({ groupSize: undefined }))).toBe('unknown');
  });

  it('reads an age range with one bound as open on the other side', () => {
    const from18 = candidate({ minAge: 18 });
    expect(evaluate(must('age', 17), from18)).toBe('mismatch');
    expect(evaluate(must('age', 80), from18)).toBe('match');
    const upTo30 = candidate({ maxAge: 30 });
    expect(evaluate(must('age', 31), upTo30)).toBe('mismatch');
    expect(evaluate(must('age', 30), upTo30)).toBe('match');
    expect(evaluate(must('age', 25), candidate({ minAge: 18, maxAge: 30 }))).toBe('match');
    expect(evaluate(must('age', 25), candidate())).toBe('unknown');
  });

  it('takes garden and shops from the location', () => {
    expect(evaluate(must('garden'), candidate({ facilities: ['restaurant', 'garden'] }))).toBe('match');
    expect(evaluate(must('garden'), candidate({ facilities: ['restaurant'] }))).toBe('mismatch');
    expect(evaluate(must('garden'), candidate({ facilities: undefined }))).toBe('unknown');
    expect(evaluate(must('shops'), candidate({ shopsNearby: true }))).toBe('match');
    expect(evaluate(must('publicTransport'), candidate({ publicTransport: false }))).toBe('mismatch');
  });

  it('counts available and short waiting lists as available soon', () => {
    const soon = (status: 'available' | 'short' | 'long' | 'closed') =>
      evaluate(must('availableSoon'), candidate({ waitingList: { status, updatedAt: '2026-11-01' } }));
    expect([soon('available'), soon('short'), soon('long'), soon('closed')]).toEqual(['match', 'match', 'mismatch', 'mismatch']);
  });

  it('compares the single-valued codes', () => {
    expect(evaluate(must('housingType', 'care-farm'), candidate({ type: 'care-farm' }))).toBe('match');
    expect(evaluate(must('housingType', 'care-farm'), candidate())).toBe('mismatch');
    expect(evaluate(must('worldview', 'catholic'), candidate({ worldview: 'catholic' }))).toBe('match');
    expect(evaluate(must('worldview', 'catholic'), candidate({ worldview: 'islamic' }))).toBe('mismatch');
    expect(evaluate(must('worldview', 'catholic'), candidate({ worldview: undefined }))).toBe('unknown');
    expect(evaluate(must('sector', 'VG'), candidate({ sectors: ['VV'] }))).toBe('mismatch');
  });
});
