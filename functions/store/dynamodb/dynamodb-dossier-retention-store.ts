// The retention port on DynamoDB: each dossier's activity item (keys.ts dossierActivity) in its
// own partition, and gsi2 `DOSSIER-ACTIVITY` ordering them all by that moment, so the daily run
// reads only the dossiers untouched long enough. The warning is recorded under a condition that
// the activity is still the one the run read, so a supporter who opens the dossier meanwhile is
// neither warned nor marked.
import { randomUUID } from 'node:crypto';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { DossierActivity, DossierRetentionStore } from '../dossier-retention-store.ts';
import type { DossierAuditRecord } from '../dossier-store.ts';
import { conditionally, type DynamoDbTable } from './dynamodb-table.ts';
import { dossierEntities as e } from './keys.ts';

export class DynamoDbDossierRetentionStore implements DossierRetentionStore {
  constructor(private readonly table: DynamoDbTable) {}

  async untouchedSince(before: Date): Promise<DossierActivity[]> {
    const items = await this.table.queryAll(e.dossierActivity.query('gsi2', {}, { before: { atMs: before.getTime() } }));
    return items.map((i) => i.data as DossierActivity);
  }

  async getActivity(supportOrganizationId: string, dossierId: string): Promise<DossierActivity | undefined> {
    const item = await this.table.get(e.dossierActivity.key({ supportOrganizationId, dossierId }), { consistent: true });
    return item ? (item.data as DossierActivity) : undefined;
  }

  async markWarned(activity: DossierActivity, ctx: { by: { accountId: string; name: string }; now: Date }): Promise<boolean> {
    const { supportOrganizationId, dossierId } = activity;
    const data: DossierActivity = { ...activity, warnedAt: ctx.now.toISOString() };
    const item = e.dossierActivity.item({ supportOrganizationId, dossierId, atMs: Date.parse(activity.lastActivityAt) }, { data });
    const record: DossierAuditRecord = { id: randomUUID(), dossierId, at: data.warnedAt as string, by: ctx.by, kind: 'retention-warned' };
    const audit = e.dossierAudit.item({ supportOrganizationId, dossierId, atMs: ctx.now.getTime(), auditId: record.id }, { data: record });
    return conditionally(() => this.table.doc.send(new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: this.table.name,
              Item: item,
              ConditionExpression: '#data.#last = :last',
              ExpressionAttributeNames: { '#data': 'data', '#last': 'lastActivityAt' },
              ExpressionAttributeValues: { ':last': activity.lastActivityAt },
            },
          },
          { Put: { TableName: this.table.name, Item: audit } },
        ],
      })));
  }

  async forgetActivity(activity: DossierActivity): Promise<void> {
    const { supportOrganizationId, dossierId } = activity;
    // Only while the dossier is still gone: a dossier made again under the id keeps its activity.
    const dossier = e.dossier.key({ supportOrganizationId, dossierId });
    if (await this.table.get(dossier, { consistent: true })) return;
    await this.table.batchWrite([{ delete: e.dossierActivity.key({ supportOrganizationId, dossierId }) }]);
  }
}
