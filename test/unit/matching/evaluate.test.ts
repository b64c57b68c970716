import { describe, expect, it } from 'vitest';
import { type Criterion } from '../../../shared/domain/index.ts';
import { evaluate } from '../../../shared/matching/index.ts';
import { AS_OF, candidate } from '../../fixtures/candidates.ts';

const THIRTY_DAYS_MS = 30 * 24 * 60 * 60 * 1000;

const must = <C extends Criterion['criterion']>(criterion: C, value?: unknown) =>
  ({ criterion, importance: 'must', ...(value === undefined ? {} : { value }) }) as Criterion;

describe('evaluate', () => {
  it('treats a list left out as unknown, and a given list, even empty, as complete', () => {
    const wish = must('careProfile', '5VV');
    expect(evaluate(wish, candidate({ careProfiles: undefined }), AS_OF)).toBe('unknown');
    expect(evaluate(wish, candidate({ careProfiles: [] }), AS_OF)).toBe('mismatch');
    expect(evaluate(wish, candidate({ careProfiles: ['4VV'] }), AS_OF)).toBe('mismatch');
    expect(evaluate(wish, candidate({ careProfiles: ['4VV', '5VV'] }), AS_OF)).toBe('match');
    expect(evaluate(must('language', 'li'), candidate({ languages: ['nl', 'li'] }), AS_OF)).toBe('match');
    expect(evaluate(must('culture', 'moluks'), candidate({ cultures: [] }), AS_OF)).toBe('mismatch');
  });

  it('treats a yes/no left out as unknown, not as no', () => {
    expect(evaluate(must('pets'), candidate({ pets: undefined }), AS_OF)).toBe('unknown');
    expect(evaluate(must('pets'), candidate({ pets: false }), AS_OF)).toBe('mismatch');
    expect(evaluate(must('pets'), candidate({ pets: true }), AS_OF)).toBe('match');
  });

  it('calls a group of at most 8 residents small-scale', () => {
    expect(evaluate(must('smallScale'), candidate({ groupSize: 8 }), AS_OF)).toBe('match');
    expect(evaluate(must('smallScale'), candidate({ groupSize: 9 }), AS_OF)).toBe('mismatch');
    expect(evaluate(must('smallScale'), candidate({ groupSize: undefined }), AS_OF)).toBe('unknown');
  });

  it('reads an age range with one bound as open on the other side', () => {
    const from18 = candidate({ minAge: 18 });
    expect(evaluate(must('age', 17), from18, AS_OF)).toBe('mismatch');
    expect(evaluate(must('age', 80), from18, AS_OF)).toBe('match');
    const upTo30 = candidate({ maxAge: 30 });
    expect(evaluate(must('age', 31), upTo30, AS_OF)).toBe('mismatch');
    expect(evaluate(must('age', 30), upTo30, AS_OF)).toBe('match');
    expect(evaluate(must('age', 25), candidate({ minAge: 18, maxAge: 30 }), AS_OF)).toBe('match');
    expect(evaluate(must('age', 25), candidate(), AS_OF)).toBe('unknown');
  });

  it('reads "people of about my age" from who lives there, not from who may come', () => {
    // A place "from 18" admits a 23-year-old, but says nothing about who lives there.
    const from18 = candidate({ minAge: 18 });
    expect(evaluate(must('age', 23), from18, AS_OF)).toBe('match');
    expect(evaluate(must('ageGroup', 23), from18, AS_OF)).toBe('unknown');
    expect(evaluate(must('ageGroup', 23), candidate({ minAge: 18, residentsMinAge: 18, residentsMaxAge: 30 }), AS_OF)).toBe('match');
    expect(evaluate(must('ageGroup', 23), candidate({ minAge: 18, residentsMinAge: 40, residentsMaxAge: 70 }), AS_OF)).toBe('mismatch');
    // "65 and up" is open above, as the admission ages.
    expect(evaluate(must('ageGroup', 84), candidate({ residentsMinAge: 65 }), AS_OF)).toBe('match');
    expect(evaluate(must('ageGroup', 58), candidate({ residentsMinAge: 65 }), AS_OF)).toBe('mismatch');
  });

  it('counts day activities on site or nearby as day activities, and only on site for the stricter wish', () => {
    const outcomes = (criterion: 'dayActivities' | 'dayActivitiesOnSite') =>
      (['on-site', 'nearby', 'none', undefined] as const).map((dayActivities) => evaluate(must(criterion), candidate({ dayActivities }), AS_OF));
    expect(outcomes('dayActivities')).toEqual(['match', 'match', 'mismatch', 'unknown']);
    expect(outcomes('dayActivitiesOnSite')).toEqual(['match', 'mismatch', 'mismatch', 'unknown']);
  });

  it('takes garden and shops from the location', () => {
    expect(evaluate(must('garden'), candidate({ facilities: ['restaurant', 'garden'] }), AS_OF)).toBe('match');
    expect(evaluate(must('garden'), candidate({ facilities: ['restaurant'] }), AS_OF)).toBe('mismatch');
    expect(evaluate(must('garden'), candidate({ facilities: undefined }), AS_OF)).toBe('unknown');
    expect(evaluate(must('shops'), candidate({ shopsNearby: true }), AS_OF)).toBe('match');
    expect(evaluate(must('publicTransport'), candidate({ publicTransport: false }), AS_OF)).toBe('mismatch');
  });

  it('counts available and short waiting lists as available soon', () => {
    const soon = (status: 'available' | 'short' | 'long' | 'closed') =>
      evaluate(must('availableSoon'), candidate({ waitingList: { status, updatedAt: '2026-11-01' } }), AS_OF);
    expect([soon('available'), soon('short'), soon('long'), soon('closed')]).toEqual(['match', 'match', 'mismatch', 'mismatch']);
  });

  it('does not know whether a place is free soon once the waiting list is more than 30 days old', () => {
    const confirmed = (msBefore: number, status: 'available' | 'closed' = 'available') =>
      candidate({ waitingList: { status, updatedAt: new Date(AS_OF.getTime() - msBefore).toISOString() } });
    const soon = (c: ReturnType<typeof candidate>) => evaluate(must('availableSoon'), c, AS_OF);
    expect(soon(confirmed(THIRTY_DAYS_MS - 1))).toBe('match');
    expect(soon(confirmed(THIRTY_DAYS_MS))).toBe('match');
    expect(soon(confirmed(THIRTY_DAYS_MS + 1))).toBe('unknown');
    // Neither a fit nor a misfit: an old "closed" is as unknown as an old "place free".
    expect(soon(confirmed(THIRTY_DAYS_MS + 1, 'closed'))).toBe('unknown');
    expect(soon(confirmed(THIRTY_DAYS_MS - 1, 'closed'))).toBe('mismatch');
    // The same state, judged a day later, has turned stale: the moment is the request's, not the matcher's.
    const c = confirmed(THIRTY_DAYS_MS);
    expect(evaluate(must('availableSoon'), c, new Date(AS_OF.getTime() + 1))).toBe('unknown');
  });

  it('compares the single-valued codes', () => {
    expect(evaluate(must('housingType', 'care-farm'), candidate({ type: 'care-farm' }), AS_OF)).toBe('match');
    expect(evaluate(must('housingType', 'care-farm'), candidate(), AS_OF)).toBe('mismatch');
    expect(evaluate(must('worldview', 'catholic'), candidate({ worldview: 'catholic' }), AS_OF)).toBe('match');
    expect(evaluate(must('worldview', 'catholic'), candidate({ worldview: 'islamic' }), AS_OF)).toBe('mismatch');
    expect(evaluate(must('worldview', 'catholic'), candidate({ worldview: undefined }), AS_OF)).toBe('unknown');
    expect(evaluate(must('sector', 'VG'), candidate({ sectors: ['VV'] }), AS_OF)).toBe('mismatch');
  });
});
