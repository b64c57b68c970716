// The waiting-list facts the pages show: whether a state is possibly outdated, and the order of
// statuses from best to worst.
import { WAITING_LIST_STATUSES, type WaitingListStatus } from '../../../shared/domain/codes.ts';
import { parseDate } from '../../../shared/i18n/dates.ts';

/** docs/domain.md: a waiting-list state older than 30 days is shown as possibly outdated. */
export const STALE_AFTER_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export function isStale(updatedAt: string, now: Date): boolean {
  return now.getTime() - parseDate(updatedAt).getTime() > STALE_AFTER_DAYS * DAY_MS;
}

/** Statuses in the order of the code list (available first), without repeats. */
export function sortStatuses(statuses: readonly WaitingListStatus[]): WaitingListStatus[] {
  return WAITING_LIST_STATUSES.filter((status) => statuses.includes(status));
}
