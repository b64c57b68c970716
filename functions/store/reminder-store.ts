// The storage port for the freshness reminders already sent: one record per housing form and
// threshold, naming the confirmation (the waiting list's `updatedAt`) it was about, so a daily run
// does not repeat itself and a new confirmation starts the count anew. Nothing about DynamoDB.

export interface SentReminder {
  regionId: string;
  locationId: string;
  housingFormId: string;
  /** 28 or 45: days since the waiting list was confirmed. */
  thresholdDays: number;
  /** The waiting list's `updatedAt` the reminder was about. */
  confirmedAt: string;
  /** Epoch milliseconds. */
  sentAtMs: number;
}

export interface ReminderStore {
  /** Every reminder recorded for the region's housing forms. */
  listSent(regionId: string): Promise<SentReminder[]>;
  /** Records reminders, each replacing an earlier one of its housing form and threshold. */
  recordSent(reminders: readonly SentReminder[]): Promise<void>;
}

/** The last reminder a region's coordinator sent an organisation by hand. */
export interface OrganizationReminder {
  regionId: string;
  organizationId: string;
  sentAtMs: number;
  by: { accountId: string; name: string };
}

/** A coordinator's reminders to organisations, at most one per organisation and region per `intervalMs`. */
export interface OrganizationReminderStore {
  /** The region's last reminder to each organisation. */
  listOrganizationReminders(regionId: string): Promise<OrganizationReminder[]>;
  /**
   * Records the reminder only when the last one to the organisation is at least `intervalMs` older,
   * in one conditional write (two clicks at once send one): false, and nothing recorded, when too soon.
   */
  claimOrganizationReminder(reminder: OrganizationReminder, intervalMs: number): Promise<boolean>;
}
