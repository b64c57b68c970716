// How old a waiting-list state may be before it is no longer trusted: the one 30-day rule. The
// matcher counts an older state as unknown ("ask the provider"), both search engines compare the
// same numbers, and the pages say "possibly outdated" by it. The moment it is measured against is
// always passed in (the API's clock, a page's build date): nothing here reads the time.
// Plain functions without zod, so the site's scripts can import this module on its own.
import { parseDate } from '../i18n/dates.ts';
import type { WaitingList } from './listing.ts';

/** docs/domain.md: a state confirmed more than 30 days before the moment asked about may be outdated. */
export const WAITING_LIST_STALE_AFTER_DAYS = 30;
const STALE_AFTER_MS = WAITING_LIST_STALE_AFTER_DAYS * 24 * 60 * 60 * 1000;

/**
 * When a state was confirmed, in ms since the epoch. A calendar date ("2026-11-12") counts from
 * midday UTC (parseDate), so the day is the same in every time zone.
 */
export function waitingListConfirmedMs(updatedAt: string): number {
  return parseDate(updatedAt).getTime();
}

/** The earliest confirmation still current at `asOf`: one exactly 30 days old still counts. */
export function waitingListCurrentSinceMs(asOf: Date): number {
  return asOf.getTime() - STALE_AFTER_MS;
}

/**
 * Whether a state confirmed at `confirmedMs` is current, given `waitingListCurrentSinceMs`. A
 * missing confirmation (a document written before the number existed) is not current; OpenSearch's
 * range clause says the same of a document without the field.
 */
export function isCurrentSince(confirmedMs: number | undefined, currentSinceMs: number): boolean {
  return confirmedMs !== undefined && confirmedMs >= currentSinceMs;
}

/** Whether a state confirmed on `updatedAt` is possibly outdated at `asOf`. */
export function isWaitingListStale(updatedAt: string, asOf: Date): boolean {
  return !isCurrentSince(waitingListConfirmedMs(updatedAt), waitingListCurrentSinceMs(asOf));
}

/**
 * A waiting list as reported now: its date says when the report was last given, so it moves to
 * `now` only when the report itself (status, weeks, places) changed; otherwise the stored one stays.
 */
export function datedWaitingList(stored: WaitingList, reported: WaitingList, now: Date): WaitingList {
  const same = stored.status === reported.status && stored.weeks === reported.weeks && stored.placesAvailable === reported.placesAvailable;
  return same ? stored : { ...reported, updatedAt: now.toISOString() };
}
