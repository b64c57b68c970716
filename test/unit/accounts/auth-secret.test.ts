import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAuthSecret } from '../../../functions/accounts/secret.ts';

describe('the server secret of the sign-in', () => {
  it('is made once on the first local start, readable only by its owner, and the same after a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'woonwijzer-secret-'));
    const first = await loadAuthSecret({ DATA_DIR: dir });
    expect(first).toHaveLength(32);
    expect((await stat(join(dir, 'auth-secret'))).mode & 0o777).toBe(0o600);
    expect((await loadAuthSecret({ DATA_DIR: dir })).equals(first)).toBe(true);
  });

  it('comes from AUTH_SECRET when set', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'woonwijzer-secret-'));
    expect((await loadAuthSecret({ DATA_DIR: dir, AUTH_SECRET: 'x'.repeat(40) })).toString('utf8')).toBe('x'.repeat(40));
  });

  it('refuses a damaged file rather than signing with a short key', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'woonwijzer-secret-'));
    await writeFile(join(dir, 'auth-secret'), `${'zz'.repeat(40)}\n`);
    await expect(loadAuthSecret({ DATA_DIR: dir })).rejects.toThrow(/Delete it to make a new one/);
    await writeFile(join(dir, 'auth-secret'), 'abcd\n');
    await expect(loadAuthSecret({ DATA_DIR: dir })).rejects.toThrow(/at least 32 bytes/);
    expect(await readFile(join(dir, 'auth-secret'), 'utf8')).toBe('abcd\n');
  });
});
