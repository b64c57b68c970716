// Which waiting lists are stale, and which reminders are due: pure, on the search candidates a
// region's listing loads (each carries its housing form's waiting list and the names a mail needs).
// A waiting list counts from its last confirmation (`updatedAt`); at 28 days its organisation's
// staff are reminded, and again at 45. A reminder is due when none was sent for the highest
// threshold reached *about this confirmation*: a new confirmation starts the count anew, and a
// housing form first seen at 50 days gets the 45-day reminder alone.
import type { MatchCandidate } from '../../shared/matching/index.ts';
import { parseDate } from '../../shared/i18n/dates.ts';
import type { SentReminder } from '../store/reminder-store.ts';

export const REMINDER_THRESHOLDS_DAYS = [28, 45] as const;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface StaleWaitingList {
  regionId: string;
  organizationId: string;
  organizationName: string;
  locationId: string;
  locationName: string;
  city: string;
  housingFormId: string;
  housingFormName: string;
  /** The waiting list's `updatedAt`: its last confirmation. */
  confirmedAt: string;
  /** Whole days since then. */
  days: number;
  /** The highest threshold reached. */
  thresholdDays: number;
}

/** Whole days from a waiting list's confirmation to `now` (a date alone counts from its midday, as the site reads it). */
export function waitingListAgeDays(updatedAt: string, now: Date): number {
  return Math.floor((now.getTime() - parseDate(updatedAt).getTime()) / DAY_MS);
}

/** Every housing form whose waiting list is at least 28 days old, with the highest threshold it reached. */
export function staleWaitingLists(candidates: readonly MatchCandidate[], now: Date): StaleWaitingList[] {
  return candidates.flatMap((c) => {
    const days = waitingListAgeDays(c.waitingList.updatedAt, now);
    const thresholdDays = REMINDER_THRESHOLDS_DAYS.filter((t) => days >= t).at(-1);
    if (thresholdDays === undefined) return [];
    return [{
      regionId: c.regionId,
      organizationId: c.organizationId,
      organizationName: c.organizationName,
      locationId: c.locationId,
      locationName: c.locationName,
      city: c.city,
      housingFormId: c.housingFormId,
      housingFormName: c.name,
      confirmedAt: c.waitingList.updatedAt,
      days,
      thresholdDays,
    }];
  });
}

const reminderKey = (r: Pick<SentReminder, 'locationId' | 'housingFormId' | 'thresholdDays'>) => `${r.locationId}/${r.housingFormId}/${r.thresholdDays}`;

/** The stale waiting lists whose reminder for their threshold and confirmation has not been sent. */
export function remindersDue(stale: readonly StaleWaitingList[], sent: readonly SentReminder[]): StaleWaitingList[] {
  const sentAbout = new Map(sent.map((r) => [reminderKey(r), r.confirmedAt]));
  return stale.filter((s) => sentAbout.get(reminderKey(s)) !== s.confirmedAt);
}
