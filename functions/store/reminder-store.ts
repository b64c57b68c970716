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
