import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileCheckpointStore, memoryCheckpointStore, NothingToResumeError } from '../../../functions/indexer/reindex-checkpoint.ts';
import { REINDEX_CHUNK, reindex, reindexRegion, stableJson, type ReindexProgress } from '../../../functions/indexer/reindex-core.ts';
import type { IndexSource } from '../../../functions/store/listing-reader.ts';
import { type IndexBuild } from '../../../functions/search/opensearch/opensearch-index.ts';
import { type Region } from '../../../shared/domain/index.ts';
import { type MatchCandidate } from '../../../shared/matching/index.ts';
import { candidate } from '../../fixtures/candidates.ts';
import { testRegions } from '../../fixtures/regions.ts';
import { RecordingIndex } from './recording-index.ts';

const many = (regionId: string, n: number) =>
  Array.from({ length: n }, (_, i) => candidate({ regionId, locationId: `${regionId}-loc-${i}`, housingFormId: 'vorm' }));

/** A store whose region contents may differ per read (the table changing during a reindex). */
function fakeStore(reads: Record<string, MatchCandidate[][]>, regions: Region[] = testRegions): IndexSource & { loads: string[] } {
  const loads: string[] = [];
  return {
    loads,
    regions: { listRegions: async () => regions },
    listings: {
      loadRegion: async (regionId: string) => {
        const count = loads.filter((r) => r === regionId).length;
        loads.push(regionId);
        const versions = reads[regionId] ?? [[]];
        return { locations: [], candidates: versions[Math.min(count, versions.length - 1)] ?? [] };
      },
    },
  };
}

/** The recording index plus versions: what the OpenSearch index offers the reindex. */
class VersionedRecordingIndex extends RecordingIndex {
  readonly events: string[] = [];
  readonly builds: Array<{ docs: string[]; published: boolean; abandoned: boolean }> = [];
  failBuildWrite = false;
  /** Loading fails at the first chunk of this region (an interruption). */
  failOnRegion: string | undefined;
  indexed: Record<string, string[]> = {};

  async startRebuild(): Promise<IndexBuild> {
    const build = { docs: [] as string[], published: false, abandoned: false };
    this.builds.push(build);
    this.events.push('start');
    return this.handle(build, `v${this.builds.length}`);
  }

  async resumeRebuild(index: string): Promise<IndexBuild> {
    const build = this.builds[Number(index.slice(1)) - 1];
    if (!build || build.abandoned) throw new Error(`no version ${index}`);
    this.events.push(`resume ${index}`);
    return this.handle(build, index);
  }

  private handle(build: VersionedRecordingIndex['builds'][number], index: string): IndexBuild {
    return {
      index,
      write: async (candidates) => {
        if (this.failBuildWrite || candidates.some((c) => c.regionId === this.failOnRegion)) throw new Error('disk full');
        build.docs.push(...candidates.map((c) => c.id));
        this.events.push(`write ${candidates.length}`);
      },
      publish: async () => {
        build.published = true;
        this.events.push('publish');
        return { index, retired: ['v0'] };
      },
      abandon: async () => {
        build.abandoned = true;
        this.events.push('abandon');
      },
    };
  }

  async indexedIds(regionId: string): Promise<string[]> {
    return this.indexed[regionId] ?? [];
  }

  override async upsert(candidates: readonly MatchCandidate[]): Promise<void> {
    this.events.push(`upsert ${candidates.length}`);
    return super.upsert(candidates);
  }
}

describe('reindexing one region in place', () => {
  it('writes the region in chunks with progress, and removes what the index holds but the table does not', async () => {
    const zl = many('zuid-limburg', 1_201);
    const store = fakeStore({ 'zuid-limburg': [zl] });
    const index = new VersionedRecordingIndex();
    index.indexed['zuid-limburg'] = ['stale:1', zl[0]!.id];
    const progress: ReindexProgress[] = [];
    const summary = await reindexRegion(store, index, 'zuid-limburg', (p) => progress.push(p));
    expect(summary).toEqual({ regionId: 'zuid-limburg', indexed: 1_201, caughtUp: 0, removed: 1 });
    expect(index.calls.filter((c) => c.op === 'upsert').map((c) => c.ids.length)).toEqual([REINDEX_CHUNK, REINDEX_CHUNK, 201]);
    expect(index.calls.filter((c) => c.op === 'remove')).toEqual([{ op: 'remove', ids: ['stale:1'] }]);
    expect(progress.map((p) => p.done)).toEqual([0, 500, 1_000, 1_201]);
    expect(index.docs.size).toBe(1_201);
  });

  it('catches up with changes made while it ran: changed and new written again, removed removed', async () => {
    const [a, b, c] = many('zuid-limburg', 3) as [MatchCandidate, MatchCandidate, MatchCandidate];
    const d = candidate({ locationId: 'nieuw', housingFormId: 'vorm' });
    const bChanged = { ...b, pets: true };
    // The second read: b changed, c deleted, d added; a the same but with its keys in another order.
    const aReordered = Object.fromEntries(Object.entries(a).reverse()) as unknown as MatchCandidate;
    const store = fakeStore({ 'zuid-limburg': [[a, b, c], [aReordered, bChanged, d]] });
    const index = new RecordingIndex();
    const summary = await reindexRegion(store, index, 'zuid-limburg');
    expect(summary).toMatchObject({ indexed: 3, caughtUp: 2, removed: 1 });
    expect(index.calls.slice(1)).toEqual([
      { op: 'upsert', ids: [b.id, d.id] },
      { op: 'remove', ids: [c.id] },
    ]);
    expect(index.docs.get(b.id)?.pets).toBe(true);
    expect([...index.docs.keys()].sort()).toEqual([a.id, b.id, d.id].sort());
  });
});

describe('reindexing the whole index', () => {
  it('builds a new version with every region, publishes it once, then catches up through the live alias', async () => {
    const zl = many('zuid-limburg', 700);
    const rdam = many('rotterdam', 3);
    const changed = { ...rdam[0]!, pets: true };
    const store = fakeStore({ 'zuid-limburg': [zl], rotterdam: [rdam, [changed, rdam[1]!, rdam[2]!]] });
    const index = new VersionedRecordingIndex();
    const summary = await reindex(store, index);
    expect(index.events).toEqual(['start', 'write 500', 'write 200', 'write 3', 'publish', 'upsert 1']);
    expect(index.builds[0]!.docs).toHaveLength(703);
    expect(summary).toEqual({
      mode: 'blue-green',
      index: 'v1',
      retired: ['v0'],
      regions: [
        { regionId: 'zuid-limburg', indexed: 700, caughtUp: 0, removed: 0 },
        { regionId: 'rotterdam', indexed: 3, caughtUp: 1, removed: 0 },
      ],
      resumed: 0,
    });
  });

  it('leaves the live index alone and drops the new version when loading fails', async () => {
    const store = fakeStore({ 'zuid-limburg': [many('zuid-limburg', 2)] });
    const index = new VersionedRecordingIndex();
    index.failBuildWrite = true;
    await expect(reindex(store, index)).rejects.toThrow('disk full');
    expect(index.events).toEqual(['start', 'abandon']);
    expect(index.builds[0]).toMatchObject({ published: false, abandoned: true });
  });

  it('refreshes every stored region in place on an engine without versions', async () => {
    const store = fakeStore({ 'zuid-limburg': [many('zuid-limburg', 2)], rotterdam: [many('rotterdam', 1)] });
    const index = new RecordingIndex();
    const summary = await reindex(store, index);
    expect(summary.mode).toBe('in-place');
    expect(summary.regions.map((r) => [r.regionId, r.indexed])).toEqual([['zuid-limburg', 2], ['rotterdam', 1]]);
    expect(index.docs.size).toBe(3);
  });

  it('refreshes only the named regions when regions are named', async () => {
    const store = fakeStore({ 'zuid-limburg': [many('zuid-limburg', 2)], rotterdam: [many('rotterdam', 1)] });
    const index = new VersionedRecordingIndex();
    const summary = await reindex(store, index, ['rotterdam']);
    expect(summary).toMatchObject({ mode: 'in-place', regions: [{ regionId: 'rotterdam', indexed: 1 }] });
    expect(index.builds).toEqual([]);
  });
});

describe('resuming an interrupted reindex', () => {
  const regions = ['r1', 'r2', 'r3', 'r4'].map((id) => ({ ...testRegions[0]!, id }));
  const contents = () => Object.fromEntries(regions.map((r, i) => [r.id, [many(r.id, 2 + i)]]));

  it('blue/green: after an interruption at the third region, goes on into the same version and publishes the whole index', async () => {
    const store = fakeStore(contents(), regions);
    const index = new VersionedRecordingIndex();
    const checkpoint = memoryCheckpointStore();
    index.failOnRegion = 'r3';
    await expect(reindex(store, index, [], { checkpoint })).rejects.toThrow('disk full');
    // The version stays for the resume; the live index was never touched.
    expect(index.builds[0]).toMatchObject({ published: false, abandoned: false });
    expect(checkpoint.saved).toMatchObject({ mode: 'blue-green', index: 'v1', done: [{ regionId: 'r1', indexed: 2 }, { regionId: 'r2', indexed: 3 }] });

    index.failOnRegion = undefined;
    index.events.length = 0;
    store.loads.length = 0;
    const summary = await reindex(store, index, [], { checkpoint, resume: true });
    // r1 and r2 are not loaded again; r3 and r4 are, into v1, then one publish and the catch-up reads.
    expect(index.events).toEqual(['resume v1', 'write 4', 'write 5', 'publish']);
    expect(store.loads).toEqual(['r3', 'r4', 'r1', 'r2', 'r3', 'r4']);
    expect(index.builds).toHaveLength(1);
    expect([...index.builds[0]!.docs].sort()).toEqual(regions.flatMap((r, i) => many(r.id, 2 + i).map((c) => c.id)).sort());
    expect(summary).toMatchObject({ mode: 'blue-green', index: 'v1', resumed: 2 });
    expect(summary.regions.map((r) => [r.regionId, r.indexed])).toEqual([['r1', 2], ['r2', 3], ['r3', 4], ['r4', 5]]);
    expect(checkpoint.saved).toBeUndefined();
  });

  it('blue/green: a change made to a finished region during the interruption is caught up after the swap', async () => {
    const r1 = many('r1', 2);
    const changed = { ...r1[0]!, pets: true };
    // r1 is read at the first load, then (after the resume) for the catch-up, changed meanwhile.
    const store = fakeStore({ ...contents(), r1: [r1, [changed, r1[1]!]] }, regions);
    const index = new VersionedRecordingIndex();
    const checkpoint = memoryCheckpointStore();
    index.failOnRegion = 'r2';
    await expect(reindex(store, index, [], { checkpoint })).rejects.toThrow('disk full');
    index.failOnRegion = undefined;
    const summary = await reindex(store, index, [], { checkpoint, resume: true });
    expect(summary.regions[0]).toEqual({ regionId: 'r1', indexed: 2, caughtUp: 1, removed: 0 });
    expect(index.docs.get(changed.id)?.pets).toBe(true);
  });

  it('in place: skips the regions finished before the interruption', async () => {
    const store = fakeStore(contents(), regions);
    const index = new RecordingIndex();
    const checkpoint = memoryCheckpointStore();
    index.failing.add(many('r3', 4)[0]!.id);
    await expect(reindex(store, index, ['r1', 'r2', 'r3', 'r4'], { checkpoint })).rejects.toThrow();
    expect(checkpoint.saved?.done.map((r) => r.regionId)).toEqual(['r1', 'r2']);
    index.failing.clear();
    index.calls.length = 0;
    const summary = await reindex(store, index, ['r1', 'r2', 'r3', 'r4'], { checkpoint, resume: true });
    expect(index.calls.flatMap((c) => c.ids.map((id) => id.split('-loc-')[0]))).not.toContain('r1');
    expect(summary.resumed).toBe(2);
    expect(summary.regions.map((r) => r.regionId)).toEqual(['r1', 'r2', 'r3', 'r4']);
    expect(index.docs.size).toBe(2 + 3 + 4 + 5);
    expect(checkpoint.saved).toBeUndefined();
  });

  it('refuses to resume without a checkpoint, or from a run of other regions', async () => {
    const store = fakeStore(contents(), regions);
    const checkpoint = memoryCheckpointStore();
    await expect(reindex(store, new RecordingIndex(), ['r1'], { checkpoint, resume: true })).rejects.toThrow(NothingToResumeError);
    await checkpoint.begin({ mode: 'in-place', regionIds: ['r2'], startedAt: '2026-12-03T10:00:00Z' });
    await expect(reindex(store, new RecordingIndex(), ['r1'], { checkpoint, resume: true })).rejects.toThrow('was of r2, not of r1');
  });

  it('keeps the checkpoint in a file that survives the process', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'reindex-checkpoint-'));
    try {
      const path = join(dir, 'checkpoint.json');
      await fileCheckpointStore(path).begin({ mode: 'blue-green', regionIds: [], index: 'v7', startedAt: '2026-12-03T10:00:00Z' });
      await fileCheckpointStore(path).regionDone({ regionId: 'r1', indexed: 2, loaded: { a: 'x' } });
      expect(await fileCheckpointStore(path).load()).toEqual({
        mode: 'blue-green', regionIds: [], index: 'v7', startedAt: '2026-12-03T10:00:00Z', done: [{ regionId: 'r1', indexed: 2, loaded: { a: 'x' } }],
      });
      await fileCheckpointStore(path).clear();
      expect(await fileCheckpointStore(path).load()).toBeUndefined();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('stableJson', () => {
  it('does not depend on key order', () => {
    expect(stableJson({ b: 1, a: { d: [1, { y: 1, x: 2 }], c: null } })).toBe(stableJson({ a: { c: null, d: [1, { x: 2, y: 1 }] }, b: 1 }));
  });
});
