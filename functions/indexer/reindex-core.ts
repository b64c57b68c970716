// Rebuilding the search index from the table, for the reindex Lambda and `npm run reindex`.
//
// - Whole index (no region named), on an engine that can build index versions (OpenSearch):
//   blue/green. A new version is loaded region by region, in bulk chunks, then the alias swaps to
//   it in one atomic request and the old versions are dropped. Readers never see a half index.
// - One region, or an engine without versions: in place. The region's candidates are upserted
//   (each document is replaced whole, so readers see the old or the new one), then what the index
//   holds for the region but the table no longer does is removed.
//
// The stream indexer keeps writing meanwhile, to the live index. Changes made while a version
// loads would be lost at the swap, and a snapshot written in place could overwrite a newer change,
// so both ways end with a catch-up: the region is read again and whatever changed between the two
// reads is written once more (through the live alias). What remains is a change landing in the
// seconds between the second read and its write: the next change of that item, or the next
// reindex, puts it right.
//
// With a checkpoint store each finished region is recorded (reindex-checkpoint.ts), and `resume`
// goes on from an interrupted run of the same regions: done regions are skipped, a blue/green run
// keeps loading the same version (a failed run then keeps it too, for the resume, instead of
// dropping it; the next publish drops every other version anyway).
import { createHash } from 'node:crypto';
import { errorSummary, log } from '../platform/log.ts';
import { type IndexBuild } from '../search/opensearch/opensearch-index.ts';
import { type IndexSource } from '../store/listing-reader.ts';
import { type MatchCandidate } from '../../shared/matching/index.ts';
import { type IndexWriter } from './indexer-core.ts';
import { type CheckpointStore, NothingToResumeError, type ReindexCheckpoint, type RegionCheckpoint } from './reindex-checkpoint.ts';

/** Documents per write: one _bulk request of about half a megabyte. */
export const REINDEX_CHUNK = 500;

/** What an index with versions offers on top of the port's writes (OpenSearchIndex does). */
export interface VersionedIndex {
  startRebuild(): Promise<IndexBuild>;
  /** The version an interrupted rebuild was loading, to load on. */
  resumeRebuild(index: string): Promise<IndexBuild>;
  /** Every candidate id the live index holds for a region. */
  indexedIds(regionId: string): Promise<string[]>;
}

export interface ReindexProgress {
  regionId: string;
  done: number;
  total: number;
}
export type OnProgress = (progress: ReindexProgress) => void;

export interface RegionReindexed {
  regionId: string;
  /** Candidates written from the first read. */
  indexed: number;
  /** Candidates that changed between the two reads, written again. */
  caughtUp: number;
  /** Documents removed: gone from the table during the run, or (in place) stale in the index. */
  removed: number;
}

export interface ReindexSummary {
  mode: 'blue-green' | 'in-place';
  /** Blue/green: the new live index and the versions it replaced. */
  index?: string;
  retired: string[];
  regions: RegionReindexed[];
  /** Regions taken from the checkpoint of the interrupted run, not written again. */
  resumed: number;
}

export interface ReindexOptions {
  onProgress?: OnProgress;
  /** Records each finished region, so that an interrupted run can be resumed. */
  checkpoint?: CheckpointStore;
  /** Go on from the checkpoint's interrupted run (which must have asked for the same regions). */
  resume?: boolean;
}

const noProgress: OnProgress = () => {};

/**
 * Rebuilds the named regions in place, or with no names the whole index (blue/green when the
 * engine has versions, else every stored region in place).
 */
export async function reindex(
  store: IndexSource,
  engine: IndexWriter & Partial<VersionedIndex>,
  regionIds: readonly string[] = [],
  options: ReindexOptions = {},
): Promise<ReindexSummary> {
  const { checkpoint, onProgress = noProgress } = options;
  const mode = regionIds.length === 0 && isVersioned(engine) ? 'blue-green' : 'in-place';
  const resumed = options.resume ? await resumable(checkpoint, mode, regionIds) : undefined;
  if (mode === 'blue-green' && isVersioned(engine)) return rebuildAll(store, engine, { onProgress, checkpoint, resumed });

  if (!resumed) await checkpoint?.begin({ mode, regionIds: [...regionIds], startedAt: new Date().toISOString() });
  const done = new Map((resumed?.done ?? []).map((r) => [r.regionId, r]));
  const ids = regionIds.length > 0 ? regionIds : (await store.regions.listRegions()).map((r) => r.id);
  const regions: RegionReindexed[] = [];
  for (const regionId of ids) {
    const before = done.get(regionId);
    if (before) {
      regions.push({ regionId, indexed: before.indexed, caughtUp: before.caughtUp ?? 0, removed: before.removed ?? 0 });
      continue;
    }
    const region = await reindexRegion(store, engine, regionId, onProgress);
    await checkpoint?.regionDone(region);
    regions.push(region);
  }
  await checkpoint?.clear();
  return { mode: 'in-place', retired: [], regions, resumed: done.size };
}

async function resumable(checkpoint: CheckpointStore | undefined, mode: ReindexSummary['mode'], regionIds: readonly string[]) {
  const saved = await checkpoint?.load();
  if (!saved) throw new NothingToResumeError('no interrupted reindex was recorded.');
  const asked = (ids: readonly string[]) => (ids.length > 0 ? ids.join(', ') : 'the whole index');
  if (saved.mode !== mode || saved.regionIds.join(',') !== regionIds.join(',')) {
    throw new NothingToResumeError(`the interrupted reindex was of ${asked(saved.regionIds)}, not of ${asked(regionIds)}.`);
  }
  return saved;
}

/** One region, in place: write its candidates, catch up, remove what the table no longer holds. */
export async function reindexRegion(
  store: IndexSource,
  engine: IndexWriter & Partial<VersionedIndex>,
  regionId: string,
  onProgress: OnProgress = noProgress,
): Promise<RegionReindexed> {
  const before = await snapshot(store, regionId);
  await writeInChunks(before.candidates, (chunk) => engine.upsert(chunk), regionId, onProgress);
  // Read what the index holds BEFORE the second table read: an id created after that read cannot
  // be in this list, so it is never mistaken for a stale one.
  const indexed = engine.indexedIds ? await engine.indexedIds(regionId) : [];
  const after = await snapshot(store, regionId);
  const { caughtUp, removed } = await catchUp(engine, before.content, after, indexed);
  return { regionId, indexed: before.candidates.length, caughtUp, removed };
}

/** The whole index, blue/green: a new version with every stored region, then the swap. */
export async function rebuildAll(
  store: IndexSource,
  engine: IndexWriter & VersionedIndex,
  { onProgress = noProgress, checkpoint, resumed }: { onProgress?: OnProgress; checkpoint?: CheckpointStore; resumed?: ReindexCheckpoint } = {},
): Promise<ReindexSummary> {
  const regionIds = (await store.regions.listRegions()).map((r) => r.id);
  const build = resumed?.index ? await engine.resumeRebuild(resumed.index) : await engine.startRebuild();
  if (!resumed?.index) await checkpoint?.begin({ mode: 'blue-green', regionIds: [], index: build.index, startedAt: new Date().toISOString() });
  // Per region, what its first read loaded: this run's reads, or the interrupted run's digests.
  const before = new Map<string, { indexed: number; content: Map<string, string> }>(
    (resumed?.done ?? []).map((r: RegionCheckpoint) => [r.regionId, { indexed: r.indexed, content: new Map(Object.entries(r.loaded ?? {})) }]),
  );
  const resumedCount = before.size;
  let published: { index: string; retired: string[] };
  try {
    for (const regionId of regionIds) {
      if (before.has(regionId)) continue;
      const snap = await snapshot(store, regionId);
      before.set(regionId, { indexed: snap.candidates.length, content: snap.content });
      await writeInChunks(snap.candidates, (chunk) => build.write(chunk), regionId, onProgress);
      await checkpoint?.regionDone({ regionId, indexed: snap.candidates.length, loaded: Object.fromEntries(snap.content) });
    }
    published = await build.publish();
  } catch (error) {
    // Leave the live index as it was. Without a checkpoint no half-loaded version stays behind;
    // with one it stays, for the resume.
    if (!checkpoint) {
      await build.abandon().catch((cleanup: unknown) => log.warn('reindex: could not drop the abandoned index', { index: build.index, error: errorSummary(cleanup) }));
    }
    throw error;
  }

  const regions: RegionReindexed[] = [];
  for (const regionId of regionIds) {
    const first = before.get(regionId) as { indexed: number; content: Map<string, string> };
    const { caughtUp, removed } = await catchUp(engine, first.content, await snapshot(store, regionId), []);
    regions.push({ regionId, indexed: first.indexed, caughtUp, removed });
  }
  await checkpoint?.clear();
  return { mode: 'blue-green', index: published.index, retired: published.retired, regions, resumed: resumedCount };
}

export function isVersioned(engine: object): engine is VersionedIndex {
  const candidate = engine as Partial<VersionedIndex>;
  return typeof candidate.startRebuild === 'function' && typeof candidate.resumeRebuild === 'function' && typeof candidate.indexedIds === 'function';
}

interface Snapshot {
  candidates: MatchCandidate[];
  /**
   * Candidate id → a digest of its content, key order normalised (a DynamoDB map keeps no key
   * order). A digest rather than the content: it goes into the checkpoint, region by region.
   */
  content: Map<string, string>;
}

async function snapshot(store: IndexSource, regionId: string): Promise<Snapshot> {
  const { candidates } = await store.listings.loadRegion(regionId);
  return { candidates, content: new Map(candidates.map((c) => [c.id, digest(c)])) };
}

function digest(candidate: MatchCandidate): string {
  return createHash('sha256').update(stableJson(candidate)).digest('base64url').slice(0, 22);
}

/** Writes what changed between the two reads, and removes what is gone (or was stale). */
async function catchUp(engine: IndexWriter, before: Map<string, string>, after: Snapshot, alsoIndexed: readonly string[]) {
  const changed = after.candidates.filter((c) => before.get(c.id) !== after.content.get(c.id));
  const gone = [...new Set([...before.keys(), ...alsoIndexed])].filter((id) => !after.content.has(id));
  for (let i = 0; i < changed.length; i += REINDEX_CHUNK) await engine.upsert(changed.slice(i, i + REINDEX_CHUNK));
  for (let i = 0; i < gone.length; i += REINDEX_CHUNK) await engine.remove(gone.slice(i, i + REINDEX_CHUNK));
  return { caughtUp: changed.length, removed: gone.length };
}

async function writeInChunks(
  candidates: readonly MatchCandidate[],
  write: (chunk: readonly MatchCandidate[]) => Promise<void>,
  regionId: string,
  onProgress: OnProgress,
): Promise<void> {
  onProgress({ regionId, done: 0, total: candidates.length });
  for (let i = 0; i < candidates.length; i += REINDEX_CHUNK) {
    const chunk = candidates.slice(i, i + REINDEX_CHUNK);
    await write(chunk);
    onProgress({ regionId, done: i + chunk.length, total: candidates.length });
  }
}

/** JSON with object keys sorted, so equal content gives equal text whatever the key order. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
