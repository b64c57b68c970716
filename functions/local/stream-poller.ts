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
// Shards: DynamoDB closes a shard now and then and continues in a child shard. Each round asks for
// shards not seen before and reads them from TRIM_HORIZON, a child only after its parent is read
// to its end, so the changes of one item stay in order.
//
// Faults: a record that cannot be applied is logged (its event, item type and key, never its
// content) and passed; the records after it are applied. When DynamoDB Local is restarted (the
// supervisor under `npm start` does that after a crash) the table has a new stream with a new ARN
// and the old one is gone: a failing round asks the table for its stream again and, when it is a
// new one, follows it from TRIM_HORIZON, so a change written before the poller noticed is not lost
// (any record read twice is applied twice, which is harmless).
import {
  DescribeStreamCommand, DynamoDBStreamsClient, ExpiredIteratorException, GetRecordsCommand,
  GetShardIteratorCommand, type Shard, type _Record,
} from '@aws-sdk/client-dynamodb-streams';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { changeOf } from '../search/indexing/stream-changes.ts';
import type { SearchEngine } from '../search/search-engine.ts';
import { localDynamoDbClientConfig } from '../store/create-store.ts';
import { KEY } from '../store/dynamodb/table-design.ts';
import { errorSummary, log } from '../platform/log.ts';

export type ShardPosition = 'LATEST' | 'TRIM_HORIZON' | { after: string };

/** What the poller needs of a stream: the DynamoDB Streams API, narrowed (and replaceable in tests). */
export interface StreamReader {
  listShards(): Promise<Shard[]>;
  iterator(shardId: string, position: ShardPosition): Promise<string | undefined>;
  /** One page of a shard; `expired` when the iterator is too old to use. */
  read(iterator: string): Promise<{ records: _Record[]; next: string | undefined } | { expired: true }>;
  /** Asks the table for its stream again; true when it is another stream than the one read so far. */
  refresh?(): Promise<boolean>;
  close(): void;
}

/** The stream of `tableName` on DynamoDB Local at `endpoint`. */
export async function dynamoDbStreamReader(endpoint: string, tableName: string): Promise<StreamReader> {
  const clientConfig = localDynamoDbClientConfig(endpoint);
  const latestStreamArn = async () => {
    const dynamodb = new DynamoDBClient(clientConfig);
    try {
      const { Table } = await dynamodb.send(new DescribeTableCommand({ TableName: tableName }));
      if (!Table?.LatestStreamArn) throw new Error(`Table ${tableName} has no stream: the search engine cannot follow changes.`);
      return Table.LatestStreamArn;
    } finally {
      dynamodb.destroy();
    }
  };
  let streamArn = await latestStreamArn();
  const streams = new DynamoDBStreamsClient(clientConfig);
  return {
    async refresh() {
      const latest = await latestStreamArn();
      if (latest === streamArn) return false;
      streamArn = latest;
      return true;
    },
    async listShards() {
      const shards: Shard[] = [];
      let start: string | undefined;
      do {
        const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: start }));
        shards.push(...(StreamDescription?.Shards ?? []));
        start = StreamDescription?.LastEvaluatedShardId;
      } while (start);
      return shards;
    },
    async iterator(shardId, position) {
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
    },
    async read(iterator) {
      try {
        const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
        return { records: page.Records ?? [], next: page.NextShardIterator };
      } catch (error) {
        if (error instanceof ExpiredIteratorException) return { expired: true };
        throw error;
      }
    },
    close: () => streams.destroy(),
  };
}

export interface StreamPollerOptions {
  /** DynamoDB Local's endpoint and the table; or a `reader` instead (tests). */
  endpoint?: string;
  tableName?: string;
  reader?: StreamReader;
  /** Time between rounds; a round that found records is followed at once by the next. */
  intervalMs?: number;
}

type Target = Pick<SearchEngine, 'upsert' | 'remove'>;

/** Told every page of records after they were applied to the engine (the site rebuilder listens). */
export type RecordListener = (records: readonly _Record[]) => void;

export interface StreamPoller {
  /**
   * Starts polling into `engine` (call once, after the engine has loaded); `listener` hears each
   * page of records once the engine holds it, so a page built from the API sees the change.
   */
  start(engine: Target, listener?: RecordListener): void;
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
  const reader = options.reader ?? (await dynamoDbStreamReader(required(options.endpoint, 'endpoint'), required(options.tableName, 'tableName')));
  const cursors = new Map<string, ShardCursor>();
  /** Every shard ever taken up (open, finished or waiting for its parent). */
  const seen = new Set<string>();
  /** New shards whose parent is still being read. */
  const waiting = new Map<string, Shard>();

  // The starting point: the end of every open shard. Closed shards hold only what the load reads.
  for (const shard of await reader.listShards()) {
    if (!shard.ShardId) continue;
    seen.add(shard.ShardId);
    if (shard.SequenceNumberRange?.EndingSequenceNumber !== undefined) continue;
    cursors.set(shard.ShardId, { shardId: shard.ShardId, iterator: await reader.iterator(shard.ShardId, 'LATEST'), lastSequenceNumber: undefined });
  }

  /** Takes up shards that appeared since the last round; a child waits for its parent to finish. */
  const discoverShards = async () => {
    for (const shard of await reader.listShards()) {
      if (shard.ShardId && !seen.has(shard.ShardId)) {
        seen.add(shard.ShardId);
        waiting.set(shard.ShardId, shard);
      }
    }
    for (const [shardId, shard] of waiting) {
      if (shard.ParentShardId !== undefined && cursors.has(shard.ParentShardId)) continue;
      waiting.delete(shardId);
      cursors.set(shardId, { shardId, iterator: await reader.iterator(shardId, 'TRIM_HORIZON'), lastSequenceNumber: undefined });
    }
  };

  const apply = async (target: Target, record: _Record) => {
    try {
      const change = changeOf(record);
      if (change.kind === 'upsert') await target.upsert([change.candidate]);
      else if (change.kind === 'remove') await target.remove([change.candidateId]);
    } catch (error) {
      // One bad record must not stop the others; the next import or a restart repairs it. Only the
      // error's name: a message may quote the item, and an item may hold what a person typed.
      log.error('stream poller: a change could not be applied; going on with the next', {
        ...recordIdentity(record),
        error: error instanceof Error ? error.name : typeof error,
      });
    }
  };

  let listener: RecordListener | undefined;
  const tell = (records: readonly _Record[]) => {
    try {
      listener?.(records);
    } catch (error) {
      log.error('stream poller: a listener failed', { error: errorSummary(error) });
    }
  };

  const readShard = async (target: Target, cursor: ShardCursor): Promise<number> => {
    if (cursor.iterator === undefined) {
      cursors.delete(cursor.shardId);
      return 0;
    }
    const page = await reader.read(cursor.iterator);
    if ('expired' in page) {
      // Polling paused for long (a laptop asleep): resume right after the last applied record.
      cursor.iterator = await reader.iterator(cursor.shardId, cursor.lastSequenceNumber ? { after: cursor.lastSequenceNumber } : 'LATEST');
      return 0;
    }
    for (const record of page.records) {
      await apply(target, record);
      cursor.lastSequenceNumber = record.dynamodb?.SequenceNumber ?? cursor.lastSequenceNumber;
    }
    if (page.records.length > 0) tell(page.records);
    cursor.iterator = page.next;
    // No next iterator: the shard is closed and read to its end; its children may start.
    if (cursor.iterator === undefined) cursors.delete(cursor.shardId);
    return page.records.length;
  };

  /** One round: new shards first, then one page of every shard; returns the number of records. */
  const pollOnce = async (target: Target): Promise<number> => {
    await discoverShards();
    let count = 0;
    for (const cursor of [...cursors.values()]) count += await readShard(target, cursor);
    return count;
  };

  const intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  let engine: Target | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let failing = false;

  /** A new stream (DynamoDB Local restarted): every shard of it is new, read from its start. */
  const followNewStream = async () => {
    if (!(await reader.refresh?.().catch(() => false))) return;
    cursors.clear();
    seen.clear();
    waiting.clear();
    log.info('stream poller: the database has a new stream (it was restarted); following it from its start');
  };

  const round = async (target: Target) => {
    let count = 0;
    try {
      count = await pollOnce(target);
      if (failing) log.info('stream poller: reading the stream again');
      failing = false;
    } catch (error) {
      // DynamoDB Local busy or restarting: say so once, keep trying.
      if (!failing) log.warn('stream poller: reading the stream failed; retrying', { error: errorSummary(error) });
      failing = true;
      await followNewStream();
    }
    // Unref'd: a caller that forgets stop() can still exit.
    if (!stopped) timer = setTimeout(schedule, count > 0 ? 0 : intervalMs).unref();
  };
  const schedule = () => {
    if (engine) running = round(engine);
  };

  return {
    start(target, onRecords) {
      if (engine) throw new Error('The stream poller was started twice.');
      engine = target;
      listener = onRecords;
      schedule();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      reader.close();
    },
  };
}

/** Which record, for a log line: its event, the item's type and key (ids of public listings). */
function recordIdentity(record: _Record): Record<string, string | undefined> {
  const { Keys, NewImage, OldImage, SequenceNumber } = record.dynamodb ?? {};
  return {
    event: record.eventName,
    itemType: (NewImage ?? OldImage)?.type?.S,
    pk: Keys?.[KEY.pk]?.S,
    sk: Keys?.[KEY.sk]?.S,
    sequenceNumber: SequenceNumber,
  };
}

function required(value: string | undefined, name: string): string {
  if (value === undefined) throw new Error(`openStreamPoller needs ${name} (or a reader).`);
  return value;
}
