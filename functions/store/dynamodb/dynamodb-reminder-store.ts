// The reminders port on DynamoDB (keys in keys.ts): a region's reminders share one partition, read
// in one query beside the region's listing. Each keeps a TTL a year on: long past both thresholds,
// so a reminder is never forgotten while its confirmation is still the current one in practice.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { OrganizationReminder, OrganizationReminderStore, ReminderStore, SentReminder } from '../reminder-store.ts';
import { conditionally, type DynamoDbTable } from './dynamodb-table.ts';
import { entities } from './keys.ts';
import { TTL_ATTRIBUTE } from './table-design.ts';

const KEEP_MS = 365 * 24 * 60 * 60_000;

export class DynamoDbReminderStore implements ReminderStore, OrganizationReminderStore {
  constructor(private readonly table: DynamoDbTable) {}

  async listSent(regionId: string): Promise<SentReminder[]> {
    const items = await this.table.queryAll({ ...entities.reminder.query('primary', { regionId }), ConsistentRead: true });
    return items.flatMap((item) => {
      const fields = entities.reminder.parseKey(item);
      if (!fields) return [];
      return [{ ...fields, confirmedAt: String(item.confirmedAt), sentAtMs: Number(item.sentAtMs) }];
    });
  }

  async recordSent(reminders: readonly SentReminder[]): Promise<void> {
    await this.table.batchWrite(reminders.map((r) => ({
      put: entities.reminder.item(
        { regionId: r.regionId, locationId: r.locationId, housingFormId: r.housingFormId, thresholdDays: r.thresholdDays },
        { confirmedAt: r.confirmedAt, sentAtMs: r.sentAtMs, [TTL_ATTRIBUTE]: Math.ceil((r.sentAtMs + KEEP_MS) / 1000) },
      ),
    })));
  }

  async listOrganizationReminders(regionId: string): Promise<OrganizationReminder[]> {
    const items = await this.table.queryAll({ ...entities.organizationReminder.query('primary', { regionId }, { onlyThis: true }), ConsistentRead: true });
    return items.flatMap((item) => {
      const fields = entities.organizationReminder.parseKey(item);
      if (!fields) return [];
      const by = item.by as OrganizationReminder['by'];
      return [{ ...fields, sentAtMs: Number(item.sentAtMs), by: { accountId: String(by.accountId), name: String(by.name) } }];
    });
  }

  async claimOrganizationReminder(reminder: OrganizationReminder, intervalMs: number): Promise<boolean> {
    const { regionId, organizationId, sentAtMs, by } = reminder;
    return conditionally(() => this.table.doc.send(new PutCommand({
      TableName: this.table.name,
      Item: entities.organizationReminder.item({ regionId, organizationId }, { sentAtMs, by, [TTL_ATTRIBUTE]: Math.ceil((sentAtMs + KEEP_MS) / 1000) }),
      ConditionExpression: 'attribute_not_exists(pk) OR sentAtMs <= :due',
      ExpressionAttributeValues: { ':due': sentAtMs - intervalMs },
    })));
  }
}
