// The photo storage of `npm start` and the tests: files in a git-ignored folder (DATA_DIR/photos),
// laid out like the bucket (incoming/..., photos/...), so the local server serves `photos/` at
// the same /photos/... paths CloudFront does. Uploads come through the staff API.
import { mkdir, open, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { PhotoTooLargeError, type PhotoStorage, type UploadTarget } from './photo-storage.ts';

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

  /** The file of a key, never outside the root (keys are generated, this is the second fence). */
  private fileOf(key: string): string {
    const file = resolve(join(this.root, key));
    if (!file.startsWith(this.root + sep)) throw new Error(`Key outside the photo folder: ${key}`);
    return file;
  }
}
