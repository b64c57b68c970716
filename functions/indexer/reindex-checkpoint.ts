// Where a reindex records its progress, so that an interrupted run (Ctrl-C, a lost connection, the
// reindex Lambda's 15 minutes) can go on where it stopped (`npm run reindex -- --resume`). A region
// is the unit: it is recorded once written (in place: with its catch-up done; blue/green: loaded
// into the new version, with a digest per housing form for the catch-up after the swap). A region
// cut off halfway is written again whole on resume, which is harmless (writes by id).
// Kept in a file locally (fileCheckpointStore) and in the table in AWS (the DynamoDB adapter).
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import * as z from 'zod';

export const RegionCheckpointSchema = z.object({
  regionId: z.string(),
  indexed: z.number().int().min(0),
  caughtUp: z.number().int().min(0).optional(),
  removed: z.number().int().min(0).optional(),
  /** Blue/green: candidate id → digest of the content loaded into the new version. */
  loaded: z.record(z.string(), z.string()).optional(),
});
export type RegionCheckpoint = z.infer<typeof RegionCheckpointSchema>;

export const ReindexRunSchema = z.object({
  mode: z.enum(['blue-green', 'in-place']),
  /** The regions asked for; empty for the whole index. A resume must ask for the same. */
  regionIds: z.array(z.string()),
  /** Blue/green: the version being loaded. */
  index: z.string().optional(),
  startedAt: z.string(),
});
export type ReindexRun = z.infer<typeof ReindexRunSchema>;

export const ReindexCheckpointSchema = ReindexRunSchema.extend({ done: z.array(RegionCheckpointSchema) });
export type ReindexCheckpoint = z.infer<typeof ReindexCheckpointSchema>;

export interface CheckpointStore {
  /** The interrupted run, if any. */
  load(): Promise<ReindexCheckpoint | undefined>;
  /** Starts a run, forgetting any earlier checkpoint. */
  begin(run: ReindexRun): Promise<void>;
  regionDone(region: RegionCheckpoint): Promise<void>;
  /** The run finished: nothing to resume. */
  clear(): Promise<void>;
}

/** A JSON file, replaced whole by rename on each step, so a crash leaves the last complete one. */
export function fileCheckpointStore(path: string): CheckpointStore {
  let current: ReindexCheckpoint | undefined;
  const save = async (checkpoint: ReindexCheckpoint) => {
    current = checkpoint;
    await mkdir(dirname(path), { recursive: true });
    await writeFile(`${path}.tmp`, JSON.stringify(checkpoint));
    await rename(`${path}.tmp`, path);
  };
  return {
    async load() {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch {
        return undefined;
      }
      const parsed = ReindexCheckpointSchema.safeParse(JSON.parse(text));
      current = parsed.success ? parsed.data : undefined;
      return current;
    },
    begin: (run) => save({ ...run, done: [] }),
    async regionDone(region) {
      const base = current ?? (await this.load());
      if (!base) throw new Error('A reindex checkpoint was written before its run began.');
      await save({ ...base, done: [...base.done.filter((r) => r.regionId !== region.regionId), region] });
    },
    async clear() {
      current = undefined;
      await rm(path, { force: true });
    },
  };
}

/** An in-memory store (tests, and a run nobody will resume). */
export function memoryCheckpointStore(): CheckpointStore & { saved: ReindexCheckpoint | undefined } {
  const store = {
    saved: undefined as ReindexCheckpoint | undefined,
    load: async () => (store.saved ? structuredClone(store.saved) : undefined),
    begin: async (run: ReindexRun) => void (store.saved = { ...run, done: [] }),
    regionDone: async (region: RegionCheckpoint) => {
      if (!store.saved) throw new Error('A reindex checkpoint was written before its run began.');
      store.saved.done = [...store.saved.done.filter((r) => r.regionId !== region.regionId), region];
    },
    clear: async () => void (store.saved = undefined),
  };
  return store;
}

/** `--resume` with no checkpoint of the same run to go on from. */
export class NothingToResumeError extends Error {
  constructor(detail: string) {
    super(`Nothing to resume: ${detail} Run it again without --resume.`);
    this.name = 'NothingToResumeError';
  }
}
