// The reindex checkpoint in the table (keys in keys.ts): one item for the run and one per region
// it finished, so no item grows with the size of the index. A region's digests are stored gzipped
// (ids share long prefixes): a region of some thousands of housing forms stays far below
// DynamoDB's 400 KB item limit.
import { gunzipSync, gzipSync } from 'node:zlib';
import {
  type CheckpointStore, RegionCheckpointSchema, ReindexRunSchema, type RegionCheckpoint, type ReindexCheckpoint, type ReindexRun,
} from '../../indexer/reindex-checkpoint.ts';
import type { DynamoDbTable } from './dynamodb-table.ts';
import { entities } from './keys.ts';

export class DynamoDbReindexCheckpointStore implements CheckpointStore {
  constructor(private readonly table: DynamoDbTable) {}

  async load(): Promise<ReindexCheckpoint | undefined> {
    const runItem = await this.table.get(entities.reindexRun.key({}), { consistent: true });
    const run = ReindexRunSchema.safeParse(runItem ? JSON.parse(String(runItem.run)) : undefined);
    if (!run.success) return undefined;
    const done = (await this.regionItems()).flatMap((item) => {
      const region = RegionCheckpointSchema.safeParse(JSON.parse(gunzipSync(item.region as Uint8Array).toString('utf8')));
      return region.success ? [region.data] : [];
    });
    return { ...run.data, done };
  }

  async begin(run: ReindexRun): Promise<void> {
    await this.clear();
    await this.table.put(entities.reindexRun.item({}, { run: JSON.stringify(run) }));
  }

  async regionDone(region: RegionCheckpoint): Promise<void> {
    await this.table.put(entities.reindexRegion.item({ regionId: region.regionId }, { region: gzipSync(JSON.stringify(region)) }));
  }

  async clear(): Promise<void> {
    const regions = await this.regionItems();
    await this.table.batchWrite([
      { delete: entities.reindexRun.key({}) },
      ...regions.flatMap((item) => {
        const fields = entities.reindexRegion.parseKey(item);
        return fields ? [{ delete: entities.reindexRegion.key(fields) }] : [];
      }),
    ]);
  }

  private async regionItems() {
    // The partition holds the run's item too.
    const items = await this.table.queryAll({ ...entities.reindexRegion.query('primary', {}), ConsistentRead: true });
    return items.filter((item) => entities.reindexRegion.is(item));
  }
}
