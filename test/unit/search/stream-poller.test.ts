// How the local stream poller follows a stream: from the end of the open shards, into child shards
// only after their parent is read to its end, past an expired iterator without losing a record,
// and past a record it cannot apply. On a scripted stream; test/connected/stream-poller.test.ts
// runs it on DynamoDB Local.
import type { _Record } from '@aws-sdk/client-dynamodb-streams';
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openStreamPoller, type ShardPosition, type StreamPoller, type StreamReader } from '../../../functions/local/stream-poller.ts';
import { log } from '../../../functions/platform/log.ts';
import type { MatchCandidate } from '../../../shared/matching/index.ts';
import { candidate } from '../../fixtures/candidates.ts';
import { captureOutput } from '../../support/output-capture.ts';

let sequence = 0;
const image = (c: MatchCandidate) => marshall({ type: 'housingForm', candidate: c }, { removeUndefinedValues: true }) as NonNullable<NonNullable<_Record['dynamodb']>['NewImage']>;
const put = (id: string): _Record => ({
  eventName: 'INSERT',
  dynamodb: { SequenceNumber: String(++sequence), NewImage: image(candidate({ locationId: id })) },
});
const removal = (id: string): _Record => ({
  eventName: 'REMOVE',
  dynamodb: { SequenceNumber: String(++sequence), OldImage: image(candidate({ locationId: id })) },
});

interface ScriptedShard {
  id: string;
  parent?: string;
  records: _Record[];
  closed: boolean;
  /** Not listed before this many listShards calls (a shard created later). */
  listedFrom: number;
}

/** A stream kept in memory: iterators are `shard@index`; pages hold at most two records. */
class ScriptedStream implements StreamReader {
  readonly shards: ScriptedShard[] = [];
  readonly reads: string[] = [];
  readonly expired = new Set<string>();
  private listings = 0;

  async listShards() {
    this.listings++;
    return this.shards
      .filter((s) => s.listedFrom <= this.listings)
      .map((s) => ({
        ShardId: s.id,
        ParentShardId: s.parent,
        SequenceNumberRange: { StartingSequenceNumber: '0', EndingSequenceNumber: s.closed ? '999' : undefined },
      }));
  }

  async iterator(shardId: string, position: ShardPosition) {
    const shard = this.shard(shardId);
    if (position === 'TRIM_HORIZON') return `${shardId}@0`;
    if (position === 'LATEST') return `${shardId}@${shard.records.length}`;
    return `${shardId}@${shard.records.findIndex((r) => r.dynamodb?.SequenceNumber === position.after) + 1}`;
  }

  async read(iterator: string) {
    if (this.expired.delete(iterator)) return { expired: true as const };
    const [shardId, at] = iterator.split('@') as [string, string];
    const shard = this.shard(shardId);
    const from = Number(at);
    const records = shard.records.slice(from, from + 2);
    this.reads.push(...records.map((r) => `${shardId}:${r.dynamodb?.SequenceNumber}`));
    const end = from + records.length;
    return { records, next: shard.closed && end >= shard.records.length ? undefined : `${shardId}@${end}` };
  }

  /** The stream of a restarted database: the shards so far are gone, these are the new stream's. */
  restartWith(shards: ScriptedShard[]) {
    this.pending = shards;
    this.gone = true;
  }
  private pending: ScriptedShard[] | undefined;
  private gone = false;

  async refresh() {
    if (!this.pending) return false;
    this.shards.splice(0, this.shards.length, ...this.pending);
    this.pending = undefined;
    this.gone = false;
    return true;
  }

  close() {}

  private shard(id: string) {
    if (this.gone) throw new Error('ResourceNotFoundException: the stream is gone');
    const shard = this.shards.find((s) => s.id === id);
    if (!shard) throw new Error(`no shard ${id}`);
    return shard;
  }
}

/** Records what reaches the engine, in order. */
class RecordingEngine {
  readonly applied: string[] = [];
  failOn: string | undefined;
  async upsert(candidates: readonly MatchCandidate[]) {
    for (const c of candidates) {
      if (c.locationId === this.failOn) throw new Error('cannot apply');
      this.applied.push(`+${c.locationId}`);
    }
  }
  async remove(ids: readonly string[]) {
    this.applied.push(...ids.map((id) => `-${id.split(':')[0]}`));
  }
}

let poller: StreamPoller | undefined;
beforeEach(() => {
  log.setLogLevel('SILENT');
});
afterEach(async () => {
  await poller?.stop();
  poller = undefined;
  log.setLogLevel('INFO');
});

describe('the stream poller', () => {
  it('starts at the end of the open shards: what the load already read is not applied again', async () => {
    const stream = new ScriptedStream();
    stream.shards.push({ id: 'a', records: [put('old')], closed: false, listedFrom: 0 });
    poller = await openStreamPoller({ reader: stream, intervalMs: 5 });
    const engine = new RecordingEngine();
    stream.shards[0]?.records.push(put('new'), removal('old'));
    poller.start(engine);
    await vi.waitFor(() => expect(engine.applied).toEqual(['+new', '-old']));
  });

  it('reads a child shard from its start, and only after its parent is read to its end', async () => {
    const stream = new ScriptedStream();
    const parent: ScriptedShard = { id: 'parent', records: [], closed: false, listedFrom: 0 };
    stream.shards.push(parent);
    poller = await openStreamPoller({ reader: stream, intervalMs: 5 });
    // The parent gets five records (three pages) and closes; the child already exists meanwhile.
    parent.records.push(put('p1'), put('p2'), put('p3'), put('p4'), removal('p1'));
    parent.closed = true;
    stream.shards.push({ id: 'child', parent: 'parent', records: [put('c1'), removal('p2')], closed: false, listedFrom: 0 });
    const engine = new RecordingEngine();
    poller.start(engine);
    await vi.waitFor(() => expect(engine.applied).toEqual(['+p1', '+p2', '+p3', '+p4', '-p1', '+c1', '-p2']));
    expect(stream.reads.findIndex((r) => r.startsWith('child'))).toBeGreaterThan(stream.reads.findIndex((r) => r.endsWith(':5')));
  });

  it('resumes after the last applied record when its iterator expired', async () => {
    const stream = new ScriptedStream();
    const shard: ScriptedShard = { id: 'a', records: [], closed: false, listedFrom: 0 };
    stream.shards.push(shard);
    poller = await openStreamPoller({ reader: stream, intervalMs: 5 });
    const engine = new RecordingEngine();
    shard.records.push(put('one'));
    poller.start(engine);
    await vi.waitFor(() => expect(engine.applied).toEqual(['+one']));
    shard.records.push(put('two'), put('three'));
    stream.expired.add('a@1');
    await vi.waitFor(() => expect(engine.applied).toEqual(['+one', '+two', '+three']));
  });

  it('applies the records after one it cannot apply', async () => {
    const stream = new ScriptedStream();
    const shard: ScriptedShard = { id: 'a', records: [], closed: false, listedFrom: 0 };
    stream.shards.push(shard);
    poller = await openStreamPoller({ reader: stream, intervalMs: 5 });
    const engine = new RecordingEngine();
    engine.failOn = 'broken';
    shard.records.push(put('before'), put('broken'), put('after'));
    poller.start(engine);
    await vi.waitFor(() => expect(engine.applied).toEqual(['+before', '+after']));
  });

  it('logs a record it cannot apply by its event, type and key, never its content', async () => {
    const stream = new ScriptedStream();
    const shard: ScriptedShard = { id: 'a', records: [], closed: false, listedFrom: 0 };
    stream.shards.push(shard);
    poller = await openStreamPoller({ reader: stream, intervalMs: 5 });
    const engine = new RecordingEngine();
    engine.failOn = 'broken';
    const broken = put('broken');
    (broken.dynamodb as NonNullable<_Record['dynamodb']>).Keys = { pk: { S: 'LOC#broken' }, sk: { S: 'HF#groep-a' } };
    shard.records.push(broken, put('after'));
    log.setLogLevel('INFO');
    const output = captureOutput();
    try {
      poller.start(engine);
      await vi.waitFor(() => expect(engine.applied).toEqual(['+after']));
    } finally {
      output.restore();
    }
    const line = output.jsonLines().find((l) => String(l.message).includes('could not be applied'));
    expect(line).toMatchObject({ level: 'ERROR', event: 'INSERT', itemType: 'housingForm', pk: 'LOC#broken', sk: 'HF#groep-a', error: 'Error' });
    // The candidate's content (its name, its facts) is not in the log; nor is the error's message.
    expect(output.text()).not.toContain(candidate().name);
    expect(output.text()).not.toContain('cannot apply');
  });

  it('follows the new stream of a restarted database from its start', async () => {
    const stream = new ScriptedStream();
    const shard: ScriptedShard = { id: 'a', records: [], closed: false, listedFrom: 0 };
    stream.shards.push(shard);
    poller = await openStreamPoller({ reader: stream, intervalMs: 5 });
    const engine = new RecordingEngine();
    poller.start(engine);
    shard.records.push(put('before-restart'));
    await vi.waitFor(() => expect(engine.applied).toEqual(['+before-restart']));
    // The new process's stream already holds a change made before the poller noticed the restart.
    stream.restartWith([{ id: 'b', records: [put('after-restart')], closed: false, listedFrom: 0 }]);
    await vi.waitFor(() => expect(engine.applied).toEqual(['+before-restart', '+after-restart']));
    stream.shards[0]?.records.push(removal('before-restart'));
    await vi.waitFor(() => expect(engine.applied).toEqual(['+before-restart', '+after-restart', '-before-restart']));
  });

  it('takes up a shard that appears later, from its start', async () => {
    const stream = new ScriptedStream();
    stream.shards.push({ id: 'a', records: [], closed: false, listedFrom: 0 });
    poller = await openStreamPoller({ reader: stream, intervalMs: 5 });
    stream.shards.push({ id: 'b', records: [put('late')], closed: false, listedFrom: 3 });
    const engine = new RecordingEngine();
    poller.start(engine);
    await vi.waitFor(() => expect(engine.applied).toEqual(['+late']));
  });
});
