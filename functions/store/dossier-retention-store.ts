// The storage port of the dossiers' retention (functions/dossiers/retention.ts): when each
// dossier's supporter last viewed, changed or shared it, and whether the warning that it will be
// deleted went out since. What counts as activity is decided here, once, by the audit kind the
// dossier store records: everything the supporter does, nothing a provider does (a provider opening
// or answering a report keeps no client's data alive) and nothing the retention run itself does.
// Nothing about DynamoDB.
import type { DossierAuditKind } from './dossier-store.ts';

export interface DossierActivity {
  supportOrganizationId: string;
  dossierId: string;
  /** ISO date-time of the supporter's last view, change or share. */
  lastActivityAt: string;
  /** ISO date-time the retention warning was sent, if it was since that activity. */
  warnedAt?: string;
}

/** The audit kinds that are not the supporter's own doing. */
const NOT_ACTIVITY: ReadonlySet<DossierAuditKind> = new Set([
  'share-opened', 'share-read', 'share-answered', 'retention-warned', 'deleted', 'deleted-by-retention',
]);

/** Whether a view or change of this kind restarts the dossier's retention period. */
export const countsAsActivity = (kind: DossierAuditKind): boolean => !NOT_ACTIVITY.has(kind);

export interface DossierRetentionStore {
  /** Every dossier whose last activity was before `before`, oldest first. Read from an index: a moment's lag. */
  untouchedSince(before: Date): Promise<DossierActivity[]>;
  /** The dossier's activity as it is now (read consistently); undefined when it has none. */
  getActivity(supportOrganizationId: string, dossierId: string): Promise<DossierActivity | undefined>;
  /**
   * Records that the warning went out (with a `retention-warned` audit record), unless the dossier
   * was touched since `activity` was read: false then, and the warning no longer applies.
   */
  markWarned(activity: DossierActivity, ctx: { by: { accountId: string; name: string }; now: Date }): Promise<boolean>;
  /** Removes the activity of a dossier that is gone (a view that raced its deletion can leave one). */
  forgetActivity(activity: DossierActivity): Promise<void>;
}
