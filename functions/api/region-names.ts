// The names of the regions, for answers that name the region each housing form lies in (a match or
// search across borders). Engines answer with region ids only; the names come from the region
// records, read once and kept per process for a few minutes (31 small records that change with a
// coordinator's edit, not per request). An id the kept names lack reads the records again at once,
// so a region added since shows its name in the first answer that holds it.
// Kept by the process's monotonic time, not the API's clock: this is about how stale a copy may be.
import { performance } from 'node:perf_hooks';
import type { RegionReader } from '../store/region-store.ts';

const KEEP_MS = 5 * 60 * 1000;
/** An id the names lack reads the records again, but not more often than this. */
const REREAD_MS = 1000;

interface Kept {
  names: ReadonlyMap<string, string>;
  readAt: number;
}

const kept = new WeakMap<Pick<RegionReader, 'listRegions'>, Kept>();

async function read(regions: Pick<RegionReader, 'listRegions'>, now: number): Promise<Kept> {
  const fresh = { names: new Map((await regions.listRegions()).map((r) => [r.id, r.name])), readAt: now };
  kept.set(regions, fresh);
  return fresh;
}

/** The name of each of `regionIds` that is configured (an id no longer configured is left out). */
export async function regionNames(
  regions: Pick<RegionReader, 'listRegions'>,
  regionIds: Iterable<string>,
): Promise<ReadonlyMap<string, string>> {
  const now = performance.now();
  let known = kept.get(regions);
  if (!known || now - known.readAt > KEEP_MS) known = await read(regions, now);
  for (const id of regionIds) {
    if (known.names.has(id)) continue;
    // An id that stays unknown (a region removed while its listings are still indexed) must not
    // make every answer read the records.
    if (now - known.readAt > REREAD_MS) known = await read(regions, now);
    break;
  }
  return known.names;
}

/** Sets `regionName` on each item whose region is configured (items of one answer, changed in place). */
export async function nameRegions(
  regions: Pick<RegionReader, 'listRegions'>,
  items: ReadonlyArray<{ regionId: string; regionName?: string }>,
): Promise<void> {
  if (items.length === 0) return;
  const names = await regionNames(regions, new Set(items.map((i) => i.regionId)));
  for (const item of items) {
    const name = names.get(item.regionId);
    if (name !== undefined) item.regionName = name;
  }
}
