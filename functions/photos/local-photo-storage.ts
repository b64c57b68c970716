// The photo storage of `npm start` and the tests: files in a git-ignored folder (DATA_DIR/photos),
// laid out like the bucket (incoming/..., photos/...), so the local server serves `photos/` at
// the same /photos/... paths CloudFront does. Uploads come through the staff API; one never
// finished is removed after a day, as the bucket's lifecycle rule does (removeUnfinishedUploads).
import { mkdir, open, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { INCOMING_PREFIX, PhotoTooLargeError, UNFINISHED_UPLOAD_DAYS, type PhotoStorage, type UploadTarget } from './photo-storage.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export class LocalPhotoStorage implements PhotoStorage {
  readonly receivesUploadsThroughApi = true;
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  uploadTarget(_key: string, _bytes: number, _expiresInSeconds: number, apiPath: string): Promise<UploadTarget> {
    return Promise.resolve({ method: 'PUT', url: apiPath, headers: { 'content-type': 'application/octet-stream' } });
  }

  async get(key: string, maxBytes: number): Promise<Uint8Array | undefined> {
    let file;
    try {
      file = await open(this.fileOf(key), 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    try {
      if ((await file.stat()).size > maxBytes) throw new PhotoTooLargeError(key);
      return new Uint8Array(await file.readFile());
    } finally {
      await file.close();
    }
  }

  async put(key: string, body: Uint8Array): Promise<void> {
    const file = this.fileOf(key);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, body);
  }

  async delete(keys: readonly string[]): Promise<void> {
    await Promise.all(keys.map((key) => rm(this.fileOf(key), { force: true })));
  }

  /**
   * Deletes uploads under `incoming/` last written more than UNFINISHED_UPLOAD_DAYS before `now`
   * (run at `npm start`: locally nothing else would); newer ones may still be finished. The count removed.
   */
  async removeUnfinishedUploads(now: Date): Promise<number> {
    const incoming = this.fileOf(INCOMING_PREFIX);
    const entries = await readdir(incoming, { withFileTypes: true, recursive: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    });
    const cutoff = now.getTime() - UNFINISHED_UPLOAD_DAYS * DAY_MS;
    const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
    const old = (await Promise.all(files.map(async (file) => ((await stat(file)).mtimeMs < cutoff ? file : undefined))))
      .filter((file): file is string => file !== undefined);
    await Promise.all(old.map((file) => rm(file, { force: true })));
    return old.length;
  }

  /** The file of a key, never outside the root (keys are generated, this is the second fence). */
  private fileOf(key: string): string {
    const file = resolve(join(this.root, key));
    if (!file.startsWith(this.root + sep)) throw new Error(`Key outside the photo folder: ${key}`);
    return file;
  }
}
