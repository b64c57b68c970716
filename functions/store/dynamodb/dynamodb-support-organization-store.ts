// The support organisation port on DynamoDB, in the listing table beside the regions (keys in
// keys.ts): configuration, so puts are plain, without versions. The stream indexer ignores the type.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { IdTakenError } from '../store-errors.ts';
import type { SupportOrganizationRecord, SupportOrganizationStore } from '../support-organization-store.ts';
import { conditionally, type DynamoDbTable } from './dynamodb-table.ts';
import { entities } from './keys.ts';

export class DynamoDbSupportOrganizationStore implements SupportOrganizationStore {
  constructor(private readonly table: DynamoDbTable) {}

  async putSupportOrganization(record: SupportOrganizationRecord): Promise<void> {
    await this.table.put(entities.supportOrganization.item({ supportOrganizationId: record.id }, { data: record }));
  }

  async createSupportOrganization(record: SupportOrganizationRecord): Promise<void> {
    const created = await conditionally(() => this.table.doc.send(new PutCommand({
      TableName: this.table.name,
      Item: entities.supportOrganization.item({ supportOrganizationId: record.id }, { data: record }),
      ConditionExpression: 'attribute_not_exists(pk)',
    })));
    if (!created) throw new IdTakenError('supportOrganization', { supportOrganizationId: record.id });
  }

  async getSupportOrganization(id: string): Promise<SupportOrganizationRecord | undefined> {
    return (await this.table.get(entities.supportOrganization.key({ supportOrganizationId: id }), { consistent: true }))?.data as
      | SupportOrganizationRecord
      | undefined;
  }

  async listSupportOrganizations(): Promise<SupportOrganizationRecord[]> {
    const items = await this.table.queryAll(entities.supportOrganization.query('gsi2', {}));
    return items.map((i) => i.data as SupportOrganizationRecord);
  }
}
