// The region port on DynamoDB: regions and their questionnaire versions (keys in keys.ts).
// Configuration with one writer (the region loader), so puts are plain, without versions; the
// coordinator's versioned writes are dynamodb-region-coordination-store.ts.
import type { Region, SupportOrganization } from '../../../shared/domain/index.ts';
import type { Questionnaire } from '../../../shared/questionnaire/index.ts';
import type { SupportOrganizationList } from '../region-coordination-store.ts';
import type { RegionStore } from '../region-store.ts';
import { type DynamoDbTable, versionOf } from './dynamodb-table.ts';
import { entities } from './keys.ts';

export class DynamoDbRegionStore implements RegionStore {
  constructor(private readonly table: DynamoDbTable) {}

  async putRegion(region: Region): Promise<void> {
    await this.table.put(entities.region.item({ regionId: region.id }, { data: region }));
  }

  async getRegion(regionId: string): Promise<Region | undefined> {
    return (await this.table.get(entities.region.key({ regionId })))?.data as Region | undefined;
  }

  async listRegions(): Promise<Region[]> {
    const items = await this.table.queryAll(entities.region.query('gsi2', {}));
    return items.map((i) => i.data as Region);
  }

  async putQuestionnaire(questionnaire: Questionnaire): Promise<void> {
    const fields = { regionId: questionnaire.regionId, version: questionnaire.version };
    await this.table.put(entities.questionnaire.item(fields, { data: questionnaire }));
  }

  async getQuestionnaire(regionId: string): Promise<Questionnaire | undefined> {
    const newest = await this.table.queryPage({
      ...entities.questionnaire.query('primary', { regionId }, { onlyThis: true }),
      ScanIndexForward: false,
      Limit: 1,
    });
    return newest.items[0]?.data as Questionnaire | undefined;
  }

  async getSupportOrganizations(regionId: string): Promise<SupportOrganizationList | undefined> {
    // Consistent: a coordinator reads back what they just saved.
    const stored = await this.table.get(entities.regionSupportList.key({ regionId }), { consistent: true });
    if (stored) {
      return { regionId, organizations: stored.organizations as SupportOrganization[], version: versionOf(stored), updatedAt: String(stored.updatedAt) };
    }
    // Until a coordinator edits it, the list is the region's configured one (data/regions.json).
    const region = await this.getRegion(regionId);
    return region ? { regionId, organizations: region.supportOrganizations, version: 0 } : undefined;
  }
}
