// The server secret of the sign-in on this machine: AUTH_SECRET when set, else a random one, made on
// the first start and kept in the git-ignored data folder, so codes sent before a restart still
// work after it. In AWS the staff function reads it from Secrets Manager instead (staff-lambda.ts).
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Config } from '../platform/config.ts';
import { REPO_ROOT } from '../platform/paths.ts';

const FILE = 'auth-secret';

export async function loadAuthSecret(config: Pick<Config, 'AUTH_SECRET' | 'DATA_DIR'>): Promise<Buffer> {
  if (config.AUTH_SECRET) return Buffer.from(config.AUTH_SECRET, 'utf8');
  const dir = resolve(REPO_ROOT, config.DATA_DIR);
  const file = join(dir, FILE);
  try {
    const kept = (await readFile(file, 'utf8')).trim();
    // A damaged file would otherwise be read back as a short or empty key (Buffer.from ignores bad hex).
    if (!/^[0-9a-f]{64,}$/.test(kept)) {
      throw new Error(`${file} does not hold a secret of at least 32 bytes in hex. Delete it to make a new one (codes already sent stop working).`);
    }
    return Buffer.from(kept, 'hex');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dir, { recursive: true });
  const secret = randomBytes(32);
  // 'wx': two processes starting at once keep the first one's secret.
  try {
    await writeFile(file, `${secret.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return Buffer.from((await readFile(file, 'utf8')).trim(), 'hex');
  }
}
