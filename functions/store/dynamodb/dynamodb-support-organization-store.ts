// The support organisation port on DynamoDB, in the listing table beside the regions (keys in
// keys.ts): configuration, so the operator's puts are plain, without versions (a coordinator's
// admission is a transaction, which stamps version 1: nothing reads it). The stream indexer ignores the type.
import { IdTakenError, VersionConflictError } from '../store-errors.ts';
import type { SupportOrganizationRecord, SupportOrganizationStore } from '../support-organization-store.ts';
import type { DynamoDbTable } from './dynamodb-table.ts';
import { entities } from './keys.ts';
import { writeVersioned } from './versioned-write.ts';

export class DynamoDbSupportOrganizationStore implements SupportOrganizationStore {
  constructor(private readonly table: DynamoDbTable) {}

  async putSupportOrganization(record: SupportOrganizationRecord): Promise<void> {
    await this.table.put(entities.supportOrganization.item({ supportOrganizationId: record.id }, { data: record }));
  }

  async createSupportOrganization(record: SupportOrganizationRecord): Promise<void> {
    try {
      // One id, one organisation: never beside a care provider (removed or not) admitted under it meanwhile.
      await writeVersioned(this.table, [
        { kind: 'create', item: entities.supportOrganization.item({ supportOrganizationId: record.id }, { data: record }) },
        { kind: 'absent', key: entities.organization.key({ organizationId: record.id }) },
      ]);
    } catch (error) {
      if (error instanceof VersionConflictError) throw new IdTakenError('supportOrganization', { supportOrganizationId: record.id });
      throw error;
    }
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
