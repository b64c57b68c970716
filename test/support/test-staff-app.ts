// The staff app for tests over a fresh table, built as the local server builds it: the local
// outbox mailer (into a temporary folder), a clock the test moves, and the caller's address taken
// from a test header so throttling per address can be driven.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStaffApp } from '../../functions/api/staff/app.ts';
import { OutboxMailer, type Mailer } from '../../functions/platform/mail.ts';
import { LocalPhotoStorage } from '../../functions/photos/local-photo-storage.ts';
import type { Membership } from '../../functions/store/account-store.ts';
import type { Clock } from '../../shared/clock.ts';
import { createTestStore } from './test-store.ts';

export const TEST_ORIGIN = 'http://localhost';
export const ADDRESS_HEADER = 'x-test-address';

/** A clock that stands still until the test moves it. */
export function movableClock(iso: string) {
  let now = Date.parse(iso);
  const clock: Clock & { advance(ms: number): void } = { now: () => new Date(now), advance: (ms) => void (now += ms) };
  return clock;
}

/**
 * `codeAnswerFloorMs` is 0 unless a test sets it, so the suites do not wait the second a code
 * request takes in production (the timing test sets its own).
 */
export async function createStaffTestApp(options: {
  clock: Clock; say?: (line: string) => void; mailer?: Mailer; codeAnswerFloorMs?: number; allowedOrigins?: readonly string[];
}) {
  const { stores, client, tableName, dossierTableName } = await createTestStore();
  const outbox = await mkdtemp(join(tmpdir(), 'woonwijzer-outbox-'));
  const photos = new LocalPhotoStorage(await mkdtemp(join(tmpdir(), 'woonwijzer-photos-')));
  const notices: string[] = [];
  const say = options.say ?? ((line: string) => void notices.push(line));
  const mailer = options.mailer ?? new OutboxMailer(outbox, 'Woonwijzer <noreply@woonwijzer.example>', say, options.clock.now);
  const app = createStaffApp({
    ...stores,
    siteUrl: TEST_ORIGIN,
    mailer,
    photos,
    clock: options.clock,
    secret: randomBytes(32),
    clientAddress: (c) => c.req.header(ADDRESS_HEADER) ?? '192.0.2.1',
    codeAnswerFloorMs: options.codeAnswerFloorMs ?? 0,
  }, options.allowedOrigins ? { allowedOrigins: () => options.allowedOrigins ?? [] } : {});

  /** An unsafe request as the site's own pages send it: same origin, JSON. */
  const post = (path: string, body?: unknown, init: { cookie?: string; headers?: Record<string, string>; base?: string } = {}) =>
    app.request(`${init.base ?? TEST_ORIGIN}${path}`, {
      method: 'POST',
      headers: {
        origin: init.base ?? TEST_ORIGIN,
        'content-type': 'application/json',
        'sec-fetch-site': 'same-origin',
        ...(init.cookie ? { cookie: init.cookie } : {}),
        ...init.headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const get = (path: string, cookie?: string) => app.request(`${TEST_ORIGIN}${path}`, { headers: cookie ? { cookie } : {} });
  /** A DELETE as the site's own pages send it. */
  const del = (path: string, cookie?: string, headers: Record<string, string> = {}) =>
    app.request(`${TEST_ORIGIN}${path}`, {
      method: 'DELETE',
      headers: { origin: TEST_ORIGIN, 'content-type': 'application/json', 'sec-fetch-site': 'same-origin', ...(cookie ? { cookie } : {}), ...headers },
    });

  /** The mails in the outbox, oldest first, as written. */
  const mails = async () => {
    const names = (await readdir(outbox)).sort();
    return Promise.all(names.map((name) => readFile(join(outbox, name), 'utf8')));
  };

  const createAccount = async (email: string, memberships: Membership[], name = 'Test Persoon') => {
    const account = { id: randomUUID(), email, name, createdAt: options.clock.now().toISOString() };
    await stores.accounts.createAccount(account, memberships);
    return account;
  };

  return { app, stores, client, tableName, dossierTableName, outbox, photos, notices, post, get, del, mails, createAccount };
}

/** The code in a sign-in mail. */
export function codeIn(mail: string): string {
  const code = /^ {4}([0-9]{6})$/m.exec(mail)?.[1];
  if (!code) throw new Error('No sign-in code in this mail.');
  return code;
}

/** The `name=value` part of a Set-Cookie header, to send back as a Cookie header. */
export function cookieOf(res: Response): string {
  const header = res.headers.get('set-cookie');
  if (!header) throw new Error('No Set-Cookie in this answer.');
  return header.split(';')[0] as string;
}
