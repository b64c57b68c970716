// The reindex and the stream indexer against DynamoDB Local: listings imported into a real table,
// the index rebuilt from it, then changes picked up from the table's real stream.
// The index is the recording fake of the port's write side, or the embedded engine (no OpenSearch
// server runs here).
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand, type _Record,
} from '@aws-sdk/client-dynamodb-streams';
import { beforeEach, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { processStreamBatch } from '../../functions/indexer/indexer-core.ts';
import { reindex } from '../../functions/indexer/reindex-core.ts';
import { importListing } from '../../functions/listings/import-listing.ts';
import { log } from '../../functions/platform/log.ts';
import { localDynamoDbClientConfig, type Stores } from '../../functions/store/create-store.ts';
import { EmbeddedSearchEngine } from '../../functions/search/embedded/embedded-search-engine.ts';
import { fixedClock } from '../../shared/clock.ts';
import { MatchRequestSchema } from '../../shared/domain/index.ts';
import { housingForm, listingDocument, location } from '../fixtures/listing.ts';
import { AS_OF } from '../fixtures/candidates.ts';
import { testRegions } from '../fixtures/regions.ts';
import { createTestStore } from '../support/test-store.ts';
import { RecordingIndex } from '../unit/indexer/recording-index.ts';

log.setLogLevel('SILENT');
const clock = fixedClock('2026-11-20T12:00:00Z');

let stores: Stores;
let streamArn: string;

const haven = (forms = [housingForm({ id: 'wonen' }), housingForm({ id: 'logeren', name: 'Logeren', type: 'respite' })]) =>
  location({ id: 'de-haven', name: 'De Haven', address: { street: 'Coolsingel', houseNumber: '5', postcode: '3011 AD', city: 'Rotterdam' }, housingForms: forms });
const twoRegions = (havenForms?: ReturnType<typeof housingForm>[]) =>
  listingDocument({
    organization: { id: 'zorggroep-test', name: 'Zorggroep Test', regionIds: ['zuid-limburg', 'rotterdam'] },
    locations: [location(), location({ id: 'het-anker', name: 'Het Anker' }), haven(havenForms)],
  });

async function importOk(doc: unknown) {
  const outcome = await importListing(doc, { ...stores, clock });
  expect(outcome.ok).toBe(true);
}

async function indexedRegion(index: RecordingIndex, regionId: string) {
  return [...index.docs.values()].filter((c) => c.regionId === regionId).sort((a, b) => a.id.localeCompare(b.id));
}

async function storedRegion(regionId: string) {
  return (await stores.listings.loadRegion(regionId)).candidates.sort((a, b) => a.id.localeCompare(b.id));
}

/** Every record the table's stream holds so far, oldest first, as Lambda would get them. */
async function streamRecords(): Promise<_Record[]> {
  const streams = new DynamoDBStreamsClient(localDynamoDbClientConfig(inject('dynamodbEndpoint')));
  const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
  const records: _Record[] = [];
  for (const shard of StreamDescription?.Shards ?? []) {
    let { ShardIterator: iterator } = await streams.send(
      new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shard.ShardId, ShardIteratorType: 'TRIM_HORIZON' }),
    );
    while (iterator) {
      const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator }));
      records.push(...(page.Records ?? []));
      if ((page.Records ?? []).length === 0) break;
      iterator = page.NextShardIterator;
    }
  }
  return records.sort((a, b) => (BigInt(a.dynamodb?.SequenceNumber ?? 0) < BigInt(b.dynamodb?.SequenceNumber ?? 0) ? -1 : 1));
}

beforeEach(async () => {
  const created = await createTestStore();
  stores = created.stores;
  for (const region of testRegions) await stores.regions.putRegion(region);
  const { Table } = await created.client.send(new DescribeTableCommand({ TableName: created.tableName }));
  streamArn = Table?.LatestStreamArn as string;
});

describe('reindex from DynamoDB Local', () => {
  it('indexes every housing form of every region, as the table holds it', async () => {
    await importOk(twoRegions());
    const index = new RecordingIndex();
    const summary = await reindex(stores, index);
    expect(summary.mode).toBe('in-place');
    expect(summary.regions).toEqual(
      expect.arrayContaining([
        { regionId: 'zuid-limburg', indexed: 2, caughtUp: 0, removed: 0 },
        { regionId: 'rotterdam', indexed: 2, caughtUp: 0, removed: 0 },
      ]),
    );
    expect(summary.regions).toHaveLength(2);
    expect(await indexedRegion(index, 'zuid-limburg')).toEqual(await storedRegion('zuid-limburg'));
    expect(await indexedRegion(index, 'rotterdam')).toEqual(await storedRegion('rotterdam'));
  });

  it('fills the embedded engine so that it answers for every housing form', async () => {
    await importOk(twoRegions());
    const engine = new EmbeddedSearchEngine();
    await reindex(stores, engine);
    expect(engine.sizes()).toEqual({ 'zuid-limburg': 2, rotterdam: 2 });
    for (const regionId of ['zuid-limburg', 'rotterdam']) {
      const { total } = await engine.match(MatchRequestSchema.parse({ regionId }), AS_OF);
      expect(total).toBe((await storedRegion(regionId)).length);
    }
  });

  it('rebuilds one named region only', async () => {
    await importOk(twoRegions());
    const index = new RecordingIndex();
    const summary = await reindex(stores, index, ['rotterdam']);
    expect(summary.regions.map((r) => [r.regionId, r.indexed])).toEqual([['rotterdam', 2]]);
    expect(index.docs.size).toBe(2);
  });
});

describe('the stream indexer on the table’s real stream', () => {
  it('keeps the index equal to the table through an update that changes and removes housing forms', async () => {
    await importOk(twoRegions());
    const index = new RecordingIndex();
    // Everything so far comes in through the stream, in batches of at most 100, as Lambda sends them.
    const first = await streamRecords();
    for (let i = 0; i < first.length; i += 100) expect(await processStreamBatch(first.slice(i, i + 100), index)).toEqual({ batchItemFailures: [] });
    expect(index.docs.size).toBe(4);

    // Re-import: De Haven loses its respite stay, its other form gets a place free.
    await importOk(twoRegions([housingForm({ id: 'wonen', waitingList: { status: 'available', placesAvailable: 1, updatedAt: '2026-11-19' } })]));
    const all = await streamRecords();
    const batch = all.slice(first.length);
    expect(batch.map((r) => r.eventName)).toEqual(expect.arrayContaining(['MODIFY', 'REMOVE']));
    expect(await processStreamBatch(batch, index)).toEqual({ batchItemFailures: [] });
    expect(await indexedRegion(index, 'rotterdam')).toEqual(await storedRegion('rotterdam'));
    expect((await indexedRegion(index, 'rotterdam')).map((c) => [c.housingFormId, c.waitingList.status])).toEqual([['wonen', 'available']]);
    expect(await indexedRegion(index, 'zuid-limburg')).toEqual(await storedRegion('zuid-limburg'));

    // Lambda may deliver the whole stream again: the index stays the same.
    const before = new Map(index.docs);
    expect(await processStreamBatch(all, index)).toEqual({ batchItemFailures: [] });
    expect(index.docs).toEqual(before);
  });
});
