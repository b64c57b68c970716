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
import { errorSummary, log } from '../platform/log.ts';
import { type IndexBuild } from '../search/opensearch/opensearch-index.ts';
import { type IndexSource } from '../store/listing-reader.ts';
import { type MatchCandidate } from '../../shared/matching/index.ts';
import { type IndexWriter } from './indexer-core.ts';

/** Documents per write: one _bulk request of about half a megabyte. */
export const REINDEX_CHUNK = 500;

/** What an index with versions offers on top of the port's writes (OpenSearchIndex does). */
export interface VersionedIndex {
  startRebuild(): Promise<IndexBuild>;
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
  onProgress: OnProgress = noProgress,
): Promise<ReindexSummary> {
  if (regionIds.length === 0 && isVersioned(engine)) return rebuildAll(store, engine, onProgress);
  const ids = regionIds.length > 0 ? regionIds : (await store.regions.listRegions()).map((r) => r.id);
  const regions: RegionReindexed[] = [];
  for (const regionId of ids) regions.push(await reindexRegion(store, engine, regionId, onProgress));
  return { mode: 'in-place', retired: [], regions };
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
  const { caughtUp, removed } = await catchUp(engine, before, after, indexed);
  return { regionId, indexed: before.candidates.length, caughtUp, removed };
}

/** The whole index, blue/green: a new version with every stored region, then the swap. */
export async function rebuildAll(
  store: IndexSource,
  engine: IndexWriter & VersionedIndex,
  onProgress: OnProgress = noProgress,
): Promise<ReindexSummary> {
  const regionIds = (await store.regions.listRegions()).map((r) => r.id);
  const build = await engine.startRebuild();
  const before = new Map<string, Snapshot>();
  let published: { index: string; retired: string[] };
  try {
    for (const regionId of regionIds) {
      const snap = await snapshot(store, regionId);
      before.set(regionId, snap);
      await writeInChunks(snap.candidates, (chunk) => build.write(chunk), regionId, onProgress);
    }
    published = await build.publish();
  } catch (error) {
    // Leave the live index as it was, and no half-loaded version behind.
    await build.abandon().catch((cleanup: unknown) => log.warn('reindex: could not drop the abandoned index', { index: build.index, error: errorSummary(cleanup) }));
    throw error;
  }

  const regions: RegionReindexed[] = [];
  for (const regionId of regionIds) {
    const first = before.get(regionId) as Snapshot;
    const { caughtUp, removed } = await catchUp(engine, first, await snapshot(store, regionId), []);
    regions.push({ regionId, indexed: first.candidates.length, caughtUp, removed });
  }
  return { mode: 'blue-green', index: published.index, retired: published.retired, regions };
}

export function isVersioned(engine: object): engine is VersionedIndex {
  const candidate = engine as Partial<VersionedIndex>;
  return typeof candidate.startRebuild === 'function' && typeof candidate.indexedIds === 'function';
}

interface Snapshot {
  candidates: MatchCandidate[];
  /** Candidate id → its content, key order normalised (a DynamoDB map keeps no key order). */
  content: Map<string, string>;
}

async function snapshot(store: IndexSource, regionId: string): Promise<Snapshot> {
  const { candidates } = await store.listings.loadRegion(regionId);
  return { candidates, content: new Map(candidates.map((c) => [c.id, stableJson(c)])) };
}

/** Writes what changed between the two reads, and removes what is gone (or was stale). */
async function catchUp(engine: IndexWriter, before: Snapshot, after: Snapshot, alsoIndexed: readonly string[]) {
  const changed = after.candidates.filter((c) => before.content.get(c.id) !== after.content.get(c.id));
  const gone = [...new Set([...before.content.keys(), ...alsoIndexed])].filter((id) => !after.content.has(id));
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
