// The public API's demand counter: many matches' counts become one write per batch with each
// counter once, written when old or large enough, one write at a time, and a failed write loses
// its batch rather than counting anything twice.
import { describe, expect, it } from 'vitest';
import { DemandCounter } from '../../../functions/api/demand-counter.ts';
import type { CountTotals, MatchCounts } from '../../../shared/statistics/demand.ts';

/** A clock the test moves by hand. */
function movableClock(iso: string) {
  let now = Date.parse(iso);
  return { now: () => new Date(now), advance: (ms: number) => void (now += ms) };
}

const counts = (organizationId = 'org-a', results = 2): MatchCounts => ({
  demand: [
    { regionId: 'zuid-limburg', month: '2026-11', municipality: 'GM0935', criterion: 'targetGroup', value: 'dementia', importance: 'must' },
    { regionId: 'zuid-limburg', month: '2026-11', municipality: 'GM0935', criterion: 'pets', value: '', importance: 'important' },
  ],
  unknown: [{ organizationId, month: '2026-11', criterion: 'pets', results }],
});

/** A writer that keeps every batch it is given and answers when told to. */
function recordingWriter() {
  const batches: CountTotals[] = [];
  const pending: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
  return {
    batches,
    pending,
    add: (totals: CountTotals) => {
      batches.push(totals);
      return new Promise<void>((resolve, reject) => pending.push({ resolve, reject }));
    },
  };
}

describe('DemandCounter', () => {
  it('sums many matches into one write with each counter once', async () => {
    const writer = recordingWriter();
    const counter = new DemandCounter(writer, movableClock('2026-11-20T12:00:00Z'));
    for (let i = 0; i < 7; i++) counter.record(counts());
    counter.record(counts('org-b', 3));
    const flushed = counter.flush();
    writer.pending[0]?.resolve();
    await flushed;
    expect(writer.batches).toHaveLength(1);
    const [batch] = writer.batches as [CountTotals];
    expect(batch.demand.map((d) => [d.criterion, d.importance, d.count])).toEqual([['targetGroup', 'must', 8], ['pets', 'important', 8]]);
    expect(batch.unknown).toEqual([
      { organizationId: 'org-a', month: '2026-11', criterion: 'pets', results: 14 },
      { organizationId: 'org-b', month: '2026-11', criterion: 'pets', results: 3 },
    ]);
    // Written counts are gone from memory: a second flush writes nothing.
    await counter.flush();
    expect(writer.batches).toHaveLength(1);
  });

  it('is due when its first count is old enough or it holds enough counters, not before', () => {
    const clock = movableClock('2026-11-20T12:00:00Z');
    const counter = new DemandCounter(recordingWriter(), clock, { flushAfterMs: 5_000, maxCounters: 6 });
    expect(counter.due).toBe(false);
    counter.record(counts());
    clock.advance(4_999);
    expect(counter.due).toBe(false);
    clock.advance(1);
    expect(counter.due).toBe(true);

    // Two asked criteria and one unknown counter per organisation: 4 counters, then 5.
    const small = new DemandCounter(recordingWriter(), movableClock('2026-11-20T12:00:00Z'), { flushAfterMs: 5_000, maxCounters: 5 });
    small.record(counts('org-a'));
    small.record(counts('org-b'));
    expect(small.due).toBe(false);
    small.record(counts('org-c'));
    expect(small.due).toBe(true);
  });

  it('writes one batch at a time: what comes in meanwhile is written next, whole', async () => {
    const writer = recordingWriter();
    const counter = new DemandCounter(writer, movableClock('2026-11-20T12:00:00Z'));
    counter.record(counts());
    const first = counter.flush();
    counter.record(counts());
    counter.record(counts());
    const second = counter.flush();
    const third = counter.flush();
    expect(writer.batches).toHaveLength(1);
    writer.pending[0]?.resolve();
    await first;
    await Promise.resolve();
    await Promise.resolve();
    expect(writer.batches).toHaveLength(2);
    expect(writer.batches[1]?.demand[0]?.count).toBe(2);
    writer.pending[1]?.resolve();
    await Promise.all([second, third]);
    expect(writer.batches).toHaveLength(2);
  });

  it('drops a batch whose write failed (an undercount) and counts on', async () => {
    const writer = recordingWriter();
    const counter = new DemandCounter(writer, movableClock('2026-11-20T12:00:00Z'));
    counter.record(counts());
    const failed = counter.flush();
    writer.pending[0]?.reject(new Error('ProvisionedThroughputExceededException'));
    await expect(failed).rejects.toThrow('ProvisionedThroughputExceededException');
    counter.record(counts());
    const next = counter.flush();
    writer.pending[1]?.resolve();
    await next;
    expect(writer.batches[1]?.demand.map((d) => d.count)).toEqual([1, 1]);
  });
});
