// The indexer under faults, over DynamoDB Local's real stream records:
// - a poison record (a housing-form item without its candidate) between good ones: the good ones
//   are indexed, the poison one is reported as a batch item failure;
// - a batch delivered twice gives the same embedded index as once;
// - the local stream poller, with DynamoDB Local killed under it and restarted by the supervisor
//   (a new stream ARN), applies the changes made after the restart.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { _Record } from '@aws-sdk/client-dynamodb-streams';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { processStreamBatch } from '../../functions/indexer/indexer-core.ts';
import { importListing } from '../../functions/listings/import-listing.ts';
import { openLocalDatabase } from '../../functions/local/local-database.ts';
import { dynamoDbStreamReader, openStreamPoller } from '../../functions/local/stream-poller.ts';
import { readConfig } from '../../functions/platform/config.ts';
import { log } from '../../functions/platform/log.ts';
import { EmbeddedSearchEngine } from '../../functions/search/embedded/embedded-search-engine.ts';
import { loadEmbeddedEngine } from '../../functions/search/embedded/load-embedded-engine.ts';
import type { Stores } from '../../functions/store/create-store.ts';
import { DynamoDbReindexCheckpointStore } from '../../functions/store/dynamodb/dynamodb-reindex-checkpoint-store.ts';
import { DynamoDbTable } from '../../functions/store/dynamodb/dynamodb-table.ts';
import { fixedClock } from '../../shared/clock.ts';
import { MatchRequestSchema } from '../../shared/domain/index.ts';
import { AS_OF } from '../fixtures/candidates.ts';
import { housingForm, listingDocument, location } from '../fixtures/listing.ts';
import { testRegions } from '../fixtures/regions.ts';
import { createTestStore } from '../support/test-store.ts';

const clock = fixedClock('2026-11-20T12:00:00Z');

let level: ReturnType<typeof log.getLevelName>;
beforeAll(() => {
  level = log.getLevelName();
  log.setLogLevel('SILENT');
});
afterAll(() => log.setLogLevel(level));

const place = (id: string, forms: string[]) =>
  location({ id, name: `Huize ${id}`, housingForms: forms.map((f) => housingForm({ id: f, name: `Groep ${f} van ${id}` })) });

async function importOk(stores: Stores, locations: ReturnType<typeof location>[]) {
  const outcome = await importListing(listingDocument({ locations }), { ...stores, clock });
  expect(outcome.ok).toBe(true);
}

/** Every record the table's stream holds so far, oldest first (one shard on DynamoDB Local). */
async function streamRecords(tableName: string): Promise<_Record[]> {
  const reader = await dynamoDbStreamReader(inject('dynamodbEndpoint'), tableName);
  try {
    const records: _Record[] = [];
    for (const shard of await reader.listShards()) {
      let iterator = await reader.iterator(shard.ShardId as string, 'TRIM_HORIZON');
      while (iterator) {
        const page = await reader.read(iterator);
        if ('expired' in page || page.records.length === 0) break;
        records.push(...page.records);
        iterator = page.next;
      }
    }
    return records;
  } finally {
    reader.close();
  }
}

/** What a visitor can find in the engine: every region's match answer, in full. */
async function visible(engine: EmbeddedSearchEngine) {
  const regions = Object.keys(engine.sizes()).sort();
  return Promise.all(
    regions.map(async (regionId) => ({
      regionId,
      results: (await engine.match(MatchRequestSchema.parse({ regionId, limit: 200 }), AS_OF)).results.map((r) => `${r.locationId}:${r.housingFormId} ${r.name}`).sort(),
    })),
  );
}

const emptyEngine = () => {
  const engine = new EmbeddedSearchEngine();
  for (const region of testRegions) engine.addRegion(region.id);
  return engine;
};

describe('the stream indexer fed real stream records', () => {
  let records: _Record[];
  let poisonSequence: string;

  beforeAll(async () => {
    const { stores, client, tableName } = await createTestStore();
    for (const region of testRegions) await stores.regions.putRegion(region);
    await importOk(stores, [place('de-linde', ['groep-a', 'groep-b'])]);
    // The poison: a housing-form item without the candidate every housing form carries (as a
    // hand edit in the console or a half-migrated item would look). Nothing in the app writes one.
    await client.send(new PutCommand({ TableName: tableName, Item: { pk: 'POISON#1', sk: 'POISON#1', type: 'housingForm' } }));
    await importOk(stores, [place('de-linde', ['groep-a', 'groep-b']), place('het-anker', ['groep-c'])]);
    records = await streamRecords(tableName);
    const poison = records.find((r) => r.dynamodb?.Keys?.pk?.S === 'POISON#1');
    poisonSequence = poison?.dynamodb?.SequenceNumber as string;
    expect(poisonSequence).toBeDefined();
  });

  it('indexes the good records around a poison one and reports the poison one as a batch item failure', async () => {
    const engine = emptyEngine();
    const response = await processStreamBatch(records, engine);
    const failed = response.batchItemFailures.map((f) => f.itemIdentifier);
    expect(failed[0]).toBe(poisonSequence);
    // Lambda retries from the lowest reported record; nothing before the poison is reported.
    const poisonAt = records.findIndex((r) => r.dynamodb?.SequenceNumber === poisonSequence);
    expect(failed).toEqual(records.slice(poisonAt).map((r) => r.dynamodb?.SequenceNumber));
    // The changes before AND after the poison reached the index.
    expect((await visible(engine)).find((r) => r.regionId === 'zuid-limburg')?.results).toEqual([
      'de-linde:groep-a Groep groep-a van de-linde',
      'de-linde:groep-b Groep groep-b van de-linde',
      'het-anker:groep-c Groep groep-c van het-anker',
    ]);
  });

  it('gives the same index when a batch is delivered again', async () => {
    const good = records.filter((r) => r.dynamodb?.SequenceNumber !== poisonSequence);
    const once = emptyEngine();
    expect(await processStreamBatch(good, once)).toEqual({ batchItemFailures: [] });
    const twice = emptyEngine();
    await processStreamBatch(good, twice);
    expect(await processStreamBatch(good, twice)).toEqual({ batchItemFailures: [] });
    expect(await visible(twice)).toEqual(await visible(once));
    expect(twice.sizes()).toEqual(once.sizes());
    // And a redelivery of only the later half (Lambda retrying from a reported record) changes nothing.
    await processStreamBatch(good.slice(Math.floor(good.length / 2)), twice);
    expect(await visible(twice)).toEqual(await visible(once));
  });
});

describe('the stream poller when DynamoDB Local is restarted under it', () => {
  it('follows the new process\'s stream and applies the changes made after the restart', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'woonwijzer-poller-restart-'));
    const said: string[] = [];
    const config = readConfig({ DATA_DIR: dataDir, TABLE_NAME: 'poller-restart' });
    const local = await openLocalDatabase(config, { announce: false, say: (line) => said.push(line) });
    const poller = await openStreamPoller({ endpoint: local.endpoint, tableName: config.TABLE_NAME, intervalMs: 100 });
    try {
      for (const region of testRegions) await local.stores.regions.putRegion(region);
      await importOk(local.stores, [place('de-linde', ['groep-a'])]);
      const engine = await loadEmbeddedEngine(local.stores);
      poller.start(engine);
      const names = async () => (await visible(engine)).flatMap((r) => r.results.map((line) => line.split(' ')[0]));
      await importOk(local.stores, [place('de-linde', ['groep-a', 'groep-b'])]);
      await vi.waitFor(async () => expect(await names()).toEqual(['de-linde:groep-a', 'de-linde:groep-b']), { timeout: 10_000, interval: 100 });

      process.kill(local.databasePid() as number, 'SIGKILL');
      await vi.waitFor(() => expect(said.some((line) => line.includes('runs again'))).toBe(true), { timeout: 30_000, interval: 100 });
      await importOk(local.stores, [place('de-linde', ['groep-b', 'groep-c'])]);
      await vi.waitFor(async () => expect(await names()).toEqual(['de-linde:groep-b', 'de-linde:groep-c']), { timeout: 15_000, interval: 100 });
    } finally {
      await poller.stop();
      await local.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});

describe('the reindex checkpoint in the table (npm run reindex against AWS)', () => {
  it('keeps the run and each finished region until cleared, and a new run forgets the old one', async () => {
    const { client, tableName } = await createTestStore();
    const checkpoint = new DynamoDbReindexCheckpointStore(new DynamoDbTable(client, tableName));
    expect(await checkpoint.load()).toBeUndefined();
    const run = { mode: 'blue-green' as const, regionIds: [], index: 'woonwijzer-housing-forms-v1', startedAt: '2026-12-03T10:00:00.000Z' };
    await checkpoint.begin(run);
    const loaded = Object.fromEntries(Array.from({ length: 3_000 }, (_, i) => [`zorggroep-${i}:locatie-${i}:groep-a`, 'x'.repeat(22)]));
    await checkpoint.regionDone({ regionId: 'zuid-limburg', indexed: 3_000, loaded });
    await checkpoint.regionDone({ regionId: 'rotterdam', indexed: 0, loaded: {} });
    const saved = await checkpoint.load();
    expect(saved).toMatchObject({ ...run, done: expect.arrayContaining([{ regionId: 'rotterdam', indexed: 0, loaded: {} }]) });
    expect(saved?.done.find((r) => r.regionId === 'zuid-limburg')?.loaded).toEqual(loaded);

    await checkpoint.begin({ mode: 'in-place', regionIds: ['rotterdam'], startedAt: '2026-12-03T11:00:00.000Z' });
    expect(await checkpoint.load()).toEqual({ mode: 'in-place', regionIds: ['rotterdam'], startedAt: '2026-12-03T11:00:00.000Z', done: [] });
    await checkpoint.clear();
    expect(await checkpoint.load()).toBeUndefined();
  });
});
