import { describe, expect, it } from 'vitest';
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
  indexed: Record<string, string[]> = {};

  async startRebuild(): Promise<IndexBuild> {
    const build = { docs: [] as string[], published: false, abandoned: false };
    this.builds.push(build);
    this.events.push('start');
    return {
      index: `v${this.builds.length}`,
      write: async (candidates) => {
        if (this.failBuildWrite) throw new Error('disk full');
        build.docs.push(...candidates.map((c) => c.id));
        this.events.push(`write ${candidates.length}`);
      },
      publish: async () => {
        build.published = true;
        this.events.push('publish');
        return { index: `v${this.builds.length}`, retired: ['v0'] };
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

describe('stableJson', () => {
  it('does not depend on key order', () => {
    expect(stableJson({ b: 1, a: { d: [1, { y: 1, x: 2 }], c: null } })).toBe(stableJson({ a: { c: null, d: [1, { x: 2, y: 1 }] }, b: 1 }));
  });
});
