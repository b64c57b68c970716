// The waiting-list facts the pages show: the order of statuses from best to worst. Whether a state
// is possibly outdated is the shared rule (shared/domain/waiting-list-age.ts), the matcher's own.
import { WAITING_LIST_STATUSES, type WaitingListStatus } from '../../../shared/domain/codes.ts';

/** Statuses in the order of the code list (available first), without repeats. */
export function sortStatuses(statuses: readonly WaitingListStatus[]): WaitingListStatus[] {
  return WAITING_LIST_STATUSES.filter((status) => statuses.includes(status));
}
