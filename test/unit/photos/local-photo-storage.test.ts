// The local photo folder forgets unfinished uploads as the bucket does: at `npm start`, an upload
// in incoming/ older than a day is deleted, a newer one (maybe still being finished) and every web
// size under photos/ stay.
import { existsSync } from 'node:fs';
import { mkdtemp, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalPhotoStorage } from '../../../functions/photos/local-photo-storage.ts';
import { incomingKey, webSizeKey } from '../../../functions/photos/photo-storage.ts';

const NOW = new Date('2026-11-23T09:00:00Z');
const HOUR_MS = 60 * 60 * 1000;
let root: string;
let storage: LocalPhotoStorage;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'ww-photos-'));
  storage = new LocalPhotoStorage(root);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A file at `key`, last written `hoursAgo` before NOW. */
async function put(key: string, hoursAgo: number): Promise<string> {
  await storage.put(key, new Uint8Array([0xff, 0xd8, 0xff]));
  const file = join(root, key);
  const at = new Date(NOW.getTime() - hoursAgo * HOUR_MS);
  await utimes(file, at, at);
  return file;
}

describe('removing unfinished uploads', () => {
  it('deletes uploads older than a day and keeps newer uploads and every web size', async () => {
    const stale = await put(incomingKey('zorggroep-a', 'de-linde', '9b2f4c1e-3d5a-4e6b-8c7d-0a1b2c3d4e5f'), 25);
    const staleElsewhere = await put(incomingKey('zorggroep-b', 'het-anker', '1b2f4c1e-3d5a-4e6b-8c7d-0a1b2c3d4e5f'), 24 * 7);
    const fresh = await put(incomingKey('zorggroep-a', 'de-linde', '2b2f4c1e-3d5a-4e6b-8c7d-0a1b2c3d4e5f'), 23);
    const oldWebSize = await put(webSizeKey('zorggroep-a', 'de-linde', '3b2f4c1e-3d5a-4e6b-8c7d-0a1b2c3d4e5f', 480), 24 * 365);

    expect(await storage.removeUnfinishedUploads(NOW)).toBe(2);
    expect([stale, staleElsewhere, fresh, oldWebSize].map((file) => existsSync(file))).toEqual([false, false, true, true]);
    expect(await storage.removeUnfinishedUploads(NOW)).toBe(0);
  });

  it('does nothing in a folder that never had an upload', async () => {
    expect(await new LocalPhotoStorage(join(root, 'never-made')).removeUnfinishedUploads(NOW)).toBe(0);
  });
});
