import { describe, expect, it } from 'vitest';
import {
  HousingFormSchema, WAITING_LIST_STALE_AFTER_DAYS, attentionOfHousingForm, isCurrentSince, isWaitingListStale, waitingListConfirmedMs,
  waitingListCurrentSinceMs,
} from '../../../shared/domain/index.ts';
import { housingForm } from '../../fixtures/listing.ts';

const AS_OF = new Date('2026-11-23T09:00:00Z');
const DAY_MS = 24 * 60 * 60 * 1000;
const before = (ms: number) => new Date(AS_OF.getTime() - ms).toISOString();

describe('the 30-day rule of a waiting-list state', () => {
  it('keeps a state current up to exactly 30 days, and calls it stale a millisecond later', () => {
    expect(WAITING_LIST_STALE_AFTER_DAYS).toBe(30);
    expect(isWaitingListStale(before(30 * DAY_MS - 1), AS_OF)).toBe(false);
    expect(isWaitingListStale(before(30 * DAY_MS), AS_OF)).toBe(false);
    expect(isWaitingListStale(before(30 * DAY_MS + 1), AS_OF)).toBe(true);
  });

  it('reads a calendar date as midday UTC, so the day it turns stale is the same in every time zone', () => {
    expect(waitingListConfirmedMs('2026-10-24')).toBe(Date.parse('2026-10-24T12:00:00Z'));
    // 2026-10-24 midday is 29 days 21 hours before AS_OF; 2026-10-23 midday is more than 30 days.
    expect(isWaitingListStale('2026-10-24', AS_OF)).toBe(false);
    expect(isWaitingListStale('2026-10-23', AS_OF)).toBe(true);
    expect(isWaitingListStale('2026-10-24T11:00:00+02:00', AS_OF)).toBe(false);
  });

  it('counts a missing confirmation as not current, as OpenSearch does a document without it', () => {
    const since = waitingListCurrentSinceMs(AS_OF);
    expect(isCurrentSince(since, since)).toBe(true);
    expect(isCurrentSince(since - 1, since)).toBe(false);
    expect(isCurrentSince(undefined, since)).toBe(false);
  });
});

describe('the provider portal\'s attention', () => {
  it('flags a waiting list as stale exactly when the matcher stops counting it', () => {
    const attention = (updatedAt: string) =>
      attentionOfHousingForm(HousingFormSchema.parse(housingForm({ waitingList: { status: 'available', updatedAt } })), {}, AS_OF)
        .find((a) => a.kind === 'waiting-list-stale');
    expect(attention(before(30 * DAY_MS))).toBeUndefined();
    expect(attention(before(30 * DAY_MS + 1))).toEqual({ kind: 'waiting-list-stale', days: 30 });
    // A calendar date counts from midday UTC, as in the matcher: 2026-10-23 is stale at AS_OF, 2026-10-24 is not.
    expect(attention('2026-10-24')).toBeUndefined();
    expect(attention('2026-10-23')).toEqual({ kind: 'waiting-list-stale', days: 30 });
  });
});
