// Keeps the embedded search engine current while `npm start` runs: polls the table's DynamoDB
// stream on DynamoDB Local and applies each housing-form change to the engine (the same
// `changeOf` the indexer Lambda uses in AWS). An `npm run import` in another terminal then shows
// in /api/match within a second or two.
//
// Order of start-up matters: `openStreamPoller` takes the position at the end of every open shard
// (LATEST) BEFORE the engine loads the table, and `start` polls from there after the load. A change
// written during the load is then both in the load and in the stream: applying it again is
// harmless (upsert and remove are idempotent and the stream keeps each item's changes in order),
// whereas taking LATEST after the load would lose it.
//
// Shards: DynamoDB closes a shard now and then and continues in a child shard. Each round asks
// DescribeStream for shards it has not seen and reads them from TRIM_HORIZON, a child only after
// its parent is read to its end, so changes of one item stay in order.
import {
  DescribeStreamCommand, DynamoDBStreamsClient, ExpiredIteratorException, GetRecordsCommand,
  GetShardIteratorCommand, type Shard, type _Record,
} from '@aws-sdk/client-dynamodb-streams';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { changeOf } from '../search/indexing/stream-changes.ts';
import type { SearchEngine } from '../search/search-engine.ts';
import { localDynamoDbClientConfig } from '../store/create-store.ts';
import { log } from '../platform/log.ts';

export interface StreamPollerOptions {
  /** DynamoDB Local's endpoint. */
  endpoint: string;
  tableName: string;
  /** Time between rounds; a round that found records is followed at once by the next. */
  intervalMs?: number;
}

export interface StreamPoller {
  /** Starts polling into `engine` (call once, after the engine has loaded). */
  start(engine: Pick<SearchEngine, 'upsert' | 'remove'>): void;
  /** Stops after the round in progress; resolves when nothing runs any more. */
  stop(): Promise<void>;
}

interface ShardCursor {
  shardId: string;
  iterator: string | undefined;
  /** The last record applied, to resume after an expired iterator without losing records. */
  lastSequenceNumber: string | undefined;
}

const DEFAULT_INTERVAL_MS = 500;

/** Finds the table's stream and takes the current end of each open shard as the starting point. */
export async function openStreamPoller(options: StreamPollerOptions): Promise<StreamPoller> {
  const clientConfig = localDynamoDbClientConfig(options.endpoint);
  const dynamodb = new DynamoDBClient(clientConfig);
  const streams = new DynamoDBStreamsClient(clientConfig);
  let streamArn: string;
  try {
    const { Table } = await dynamodb.send(new DescribeTableCommand({ TableName: options.tableName }));
    if (!Table?.LatestStreamArn) throw new Error(`Table ${options.tableName} has no stream: the search engine cannot follow changes.`);
    streamArn = Table.LatestStreamArn;
  } finally {
    dynamodb.destroy();
  }

  const cursors = new Map<string, ShardCursor>();
  /** Every shard ever taken up (open, finished or waiting for its parent). */
  const seen = new Set<string>();
  /** New shards whose parent is still being read. */
  const waiting = new Map<string, Shard>();

  const listShards = async (): Promise<Shard[]> => {
    const shards: Shard[] = [];
    let start: string | undefined;
    do {
      const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: start }));
      shards.push(...(StreamDescription?.Shards ?? []));
      start = StreamDescription?.LastEvaluatedShardId;
    } while (start);
    return shards;
  };

  const iteratorFor = async (shardId: string, position: 'LATEST' | 'TRIM_HORIZON' | { after: string }) => {
    const { ShardIterator } = await streams.send(
      new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: shardId,
        ...(typeof position === 'string'
          ? { ShardIteratorType: position }
          : { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: position.after }),
      }),
    );
    return ShardIterator;
  };

  // The starting point: the end of every open shard. Closed shards hold only what the load reads.
  for (const shard of await listShards()) {
    if (!shard.ShardId) continue;
    seen.add(shard.ShardId);
    if (shard.SequenceNumberRange?.EndingSequenceNumber !== undefined) continue;
    cursors.set(shard.ShardId, { shardId: shard.ShardId, iterator: await iteratorFor(shard.ShardId, 'LATEST'), lastSequenceNumber: undefined });
  }

  /** Takes up shards that appeared since the last round; a child waits for its parent to finish. */
  const discoverShards = async () => {
    for (const shard of await listShards()) {
      if (shard.ShardId && !seen.has(shard.ShardId)) {
        seen.add(shard.ShardId);
        waiting.set(shard.ShardId, shard);
      }
    }
    for (const [shardId, shard] of waiting) {
      if (shard.ParentShardId !== undefined && cursors.has(shard.ParentShardId)) continue;
      waiting.delete(shardId);
      cursors.set(shardId, { shardId, iterator: await iteratorFor(shardId, 'TRIM_HORIZON'), lastSequenceNumber: undefined });
    }
  };

  let engine: Pick<SearchEngine, 'upsert' | 'remove'> | undefined;

  const apply = async (target: Pick<SearchEngine, 'upsert' | 'remove'>, record: _Record) => {
    try {
      const change = changeOf(record);
      if (change.kind === 'upsert') await target.upsert([change.candidate]);
      else if (change.kind === 'remove') await target.remove([change.candidateId]);
    } catch (error) {
      // One bad record must not stop the others; the next import or restart repairs it.
      log.error('stream poller: a change could not be applied', { sequenceNumber: record.dynamodb?.SequenceNumber, error });
    }
  };

  const readShard = async (target: Pick<SearchEngine, 'upsert' | 'remove'>, cursor: ShardCursor): Promise<number> => {
    if (cursor.iterator === undefined) return 0;
    let page;
    try {
      page = await streams.send(new GetRecordsCommand({ ShardIterator: cursor.iterator, Limit: 1000 }));
    } catch (error) {
      if (!(error instanceof ExpiredIteratorException)) throw error;
      // Polling paused for a long time (a laptop asleep): resume right after the last applied record.
      cursor.iterator = await iteratorFor(cursor.shardId, cursor.lastSequenceNumber ? { after: cursor.lastSequenceNumber } : 'LATEST');
      return 0;
    }
    const records = page.Records ?? [];
    for (const record of records) {
      await apply(target, record);
      cursor.lastSequenceNumber = record.dynamodb?.SequenceNumber ?? cursor.lastSequenceNumber;
    }
    cursor.iterator = page.NextShardIterator;
    // No next iterator: the shard is closed and read to its end; its children may start.
    if (cursor.iterator === undefined) cursors.delete(cursor.shardId);
    return records.length;
  };

  /** One round: reads every shard once and applies what it found; returns the number of records. */
  const pollOnce = async (target: Pick<SearchEngine, 'upsert' | 'remove'>): Promise<number> => {
    await discoverShards();
    let count = 0;
    for (const cursor of [...cursors.values()]) count += await readShard(target, cursor);
    return count;
  };

  const intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let failing = false;

  const round = async (target: Pick<SearchEngine, 'upsert' | 'remove'>) => {
    let count = 0;
    try {
      count = await pollOnce(target);
      if (failing) log.info('stream poller: reading the stream again');
      failing = false;
    } catch (error) {
      // DynamoDB Local busy or restarting: say so once, keep trying.
      if (!failing) log.warn('stream poller: reading the stream failed; retrying', { error });
      failing = true;
    }
    // Unref'd: a caller that forgets stop() can still exit.
    if (!stopped) timer = setTimeout(schedule, count > 0 ? 0 : intervalMs).unref();
  };
  const schedule = () => {
    if (engine) running = round(engine);
  };

  return {
    start(target) {
      if (engine) throw new Error('The stream poller was started twice.');
      engine = target;
      schedule();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      streams.destroy();
    },
  };
}
