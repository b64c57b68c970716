// Sign-in and sessions of the staff API over DynamoDB Local, as a staff member's browser and an
// attacker meet them: the code round trip, every way a code is refused, an unknown address that
// cannot be told from a known one (nor by the time its answer takes), guesses sent in parallel,
// sessions that end idle and at the latest, sign-out here and everywhere, the cookie's
// attributes, the CSRF guard with its bypass attempts, and throttling.
import { setTimeout as sleep } from 'node:timers/promises';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SESSION_IDLE_MS, SESSION_MAX_MS } from '../../functions/accounts/sign-in.ts';
import { ADDRESS_HEADER, codeIn, cookieOf, createStaffTestApp, movableClock, TEST_ORIGIN } from '../support/test-staff-app.ts';

const EMAIL = 'coordinator@zuid-limburg.example';
const MINUTE = 60_000;

let clock: ReturnType<typeof movableClock>;
let t: Awaited<ReturnType<typeof createStaffTestApp>>;

beforeEach(async () => {
  clock = movableClock('2026-12-01T09:00:00Z');
  t = await createStaffTestApp({ clock });
  await t.createAccount(EMAIL, [{ role: 'coordinator', regionId: 'zuid-limburg' }], 'Carla Coördinator');
});

async function requestCode(email = EMAIL) {
  const res = await t.post('/api/auth/code', { email });
  expect(res.status).toBe(202);
  const mails = await t.mails();
  return codeIn(mails.at(-1) as string);
}

async function signIn(email = EMAIL) {
  const code = await requestCode(email);
  const res = await t.post('/api/auth/sign-in', { email, code });
  expect(res.status).toBe(200);
  return cookieOf(res);
}

const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('sign-in round trip', () => {
  it('mails a code in Dutch and English, signs in with it and knows who is signed in', async () => {
    const res = await t.post('/api/auth/code', { email: '  Coordinator@Zuid-Limburg.example ' });
    // zod's email refuses the spaces: the site trims; the case is normalised here.
    expect(res.status).toBe(400);
    expect((await t.post('/api/auth/code', { email: 'Coordinator@Zuid-Limburg.EXAMPLE' })).status).toBe(202);

    const [mail] = await t.mails();
    expect(mail).toMatch(/^To: coordinator@zuid-limburg\.example$/m);
    expect(mail).toContain('Beste Carla Coördinator,');
    expect(mail).toContain('Uw inlogcode voor Woonwijzer is:');
    expect(mail).toContain('Your sign-in code for Woonwijzer is');
    const code = codeIn(mail as string);
    expect(t.notices).toEqual([`Sign-in code for ${EMAIL}: ${code}`]);

    const signedIn = await t.post('/api/auth/sign-in', { email: EMAIL, code });
    expect(signedIn.status).toBe(200);
    expect(await signedIn.json()).toMatchObject({
      account: { email: EMAIL, name: 'Carla Coördinator' },
      memberships: [{ role: 'coordinator', regionId: 'zuid-limburg' }],
    });
    const me = await t.get('/api/auth/me', cookieOf(signedIn));
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ account: { email: EMAIL }, memberships: [{ role: 'coordinator', regionId: 'zuid-limburg' }] });
  });

  it('stores neither the code nor the session id, only their hashes', async () => {
    const code = await requestCode();
    const res = await t.post('/api/auth/sign-in', { email: EMAIL, code });
    const sessionId = cookieOf(res).split('=')[1] as string;
    const code2 = await requestCode();
    const { Items } = await t.client.send(new ScanCommand({ TableName: t.tableName }));
    const everything = JSON.stringify(Items);
    expect(everything).not.toContain(sessionId);
    expect(everything).not.toContain(`"${code2}"`);
    expect(everything).toContain('SESSION#');
  });

  it('reads the memberships from the store on every request, not from the cookie', async () => {
    const cookie = await signIn();
    const { account } = (await (await t.get('/api/auth/me', cookie)).json()) as { account: { id: string } };
    await t.stores.accounts.addMembership(account.id, { role: 'provider-editor', organizationId: 'zorggroep-zuid' });
    const me = (await (await t.get('/api/auth/me', cookie)).json()) as { memberships: unknown[] };
    expect(me.memberships).toContainEqual({ role: 'provider-editor', organizationId: 'zorggroep-zuid' });
  });
});

describe('codes that are refused', () => {
  it('a wrong code is a field error with the tries left, and the 6th try is refused even with the right code', async () => {
    const code = await requestCode();
    const wrong = wrongCode(code);
    for (const left of [4, 3, 2, 1]) {
      const res = await t.post('/api/auth/sign-in', { email: EMAIL, code: wrong });
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { fields: Array<{ path: string; message: string }> } };
      expect(body.error.fields).toEqual([{ path: 'code', message: expect.stringContaining(`nog ${left} keer`) as string }]);
    }
    const fifth = await t.post('/api/auth/sign-in', { email: EMAIL, code: wrong });
    expect(fifth.status).toBe(400);
    expect(JSON.stringify(await fifth.json())).toContain('Vraag een nieuwe code aan');
    const sixth = await t.post('/api/auth/sign-in', { email: EMAIL, code });
    expect(sixth.status).toBe(429);
    expect(((await sixth.json()) as { error: { message: string } }).error.message).toMatch(/te vaak een verkeerde code.*Too many wrong codes/);
    expect(sixth.headers.get('set-cookie')).toBeNull();
  });

  it('guesses sent all at once get 5 tries between them, and the right code sent 5 times at once signs in once', async () => {
    const code = await requestCode();
    // 10, as 20 would spend the address's tries of the day.
    const guesses = Array.from({ length: 10 }, (_, i) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0'));
    const answers = await Promise.all(guesses.map((guess) => t.post('/api/auth/sign-in', { email: EMAIL, code: guess })));
    const statuses = answers.map((res) => res.status);
    expect(statuses.filter((s) => s === 400)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);

    const fresh = await requestCode();
    const same = await Promise.all(Array.from({ length: 5 }, () => t.post('/api/auth/sign-in', { email: EMAIL, code: fresh })));
    expect(same.map((res) => res.status).sort()).toEqual([200, 400, 400, 400, 400]);
    expect(same.filter((res) => res.headers.get('set-cookie'))).toHaveLength(1);
  });

  it('an expired code is refused after 10 minutes', async () => {
    const code = await requestCode();
    clock.advance(10 * MINUTE);
    const res = await t.post('/api/auth/sign-in', { email: EMAIL, code });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('verlopen of al gebruikt');
  });

  it('a code works just before it expires, and only once', async () => {
    const code = await requestCode();
    clock.advance(10 * MINUTE - 1000);
    expect((await t.post('/api/auth/sign-in', { email: EMAIL, code })).status).toBe(200);
    const again = await t.post('/api/auth/sign-in', { email: EMAIL, code });
    expect(again.status).toBe(400);
    expect(JSON.stringify(await again.json())).toContain('verlopen of al gebruikt');
  });

  it('a new code replaces the earlier one', async () => {
    const first = await requestCode();
    const second = await requestCode();
    if (first !== second) expect((await t.post('/api/auth/sign-in', { email: EMAIL, code: first })).status).toBe(400);
    expect((await t.post('/api/auth/sign-in', { email: EMAIL, code: second })).status).toBe(200);
  });

  it('refuses a malformed body with field errors', async () => {
    const res = await t.post('/api/auth/sign-in', { email: 'geen-adres', code: '12ab' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { fields: Array<{ path: string }> } };
    expect(body.error.fields.map((f) => f.path).sort()).toEqual(['code', 'email']);
  });
});

describe('an address without an account', () => {
  it('answers exactly as a known address, sends nothing, and counts tries alike', async () => {
    const unknown = 'niemand@zuid-limburg.example';
    const known = await t.post('/api/auth/code', { email: EMAIL });
    const other = await t.post('/api/auth/code', { email: unknown });
    expect(other.status).toBe(known.status);
    expect(await other.json()).toEqual(await known.json());
    expect(await t.mails()).toHaveLength(1);
    expect(t.notices).toHaveLength(1);

    const tryBoth = async (code: string) => {
      const a = await t.post('/api/auth/sign-in', { email: EMAIL, code });
      const b = await t.post('/api/auth/sign-in', { email: unknown, code });
      return [{ status: a.status, body: await a.json() }, { status: b.status, body: await b.json() }];
    };
    const sent = codeIn((await t.mails())[0] as string);
    for (let i = 0; i < 5; i++) {
      const [a, b] = await tryBoth(wrongCode(sent));
      expect(b).toEqual(a);
    }
    const [a, b] = await tryBoth(sent);
    expect(a?.status).toBe(429);
    expect(b).toEqual(a);
  });
});

describe('the time a code request takes', () => {
  it('is the same floor for an address without an account as for one whose mail is sent', async () => {
    // A mail service takes its time to accept a mail; answering only after it would time an account's existence.
    const sent: string[] = [];
    const slowMailer = { send: async (mail: { to: string }) => void (await sleep(150), sent.push(mail.to)) };
    const floor = 400;
    const timed = await createStaffTestApp({ clock, mailer: slowMailer, codeAnswerFloorMs: floor });
    await timed.createAccount(EMAIL, [{ role: 'coordinator', regionId: 'zuid-limburg' }]);
    const took = async (email: string) => {
      const start = performance.now();
      const res = await timed.post('/api/auth/code', { email });
      return { status: res.status, ms: performance.now() - start };
    };
    const known = await took(EMAIL);
    const unknown = await took('niemand@zuid-limburg.example');
    expect([known.status, unknown.status]).toEqual([202, 202]);
    expect(sent).toEqual([EMAIL]);
    // Timers may fire a millisecond early; both wait for the floor, neither answers sooner.
    expect(unknown.ms).toBeGreaterThanOrEqual(floor - 5);
    expect(known.ms).toBeGreaterThanOrEqual(floor - 5);
  });
});

describe('sessions', () => {
  it('end after 8 hours unused, and use moves that on (written at most once a minute)', async () => {
    const cookie = await signIn();
    clock.advance(SESSION_IDLE_MS - MINUTE);
    expect((await t.get('/api/auth/me', cookie)).status).toBe(200);
    clock.advance(SESSION_IDLE_MS - MINUTE);
    expect((await t.get('/api/auth/me', cookie)).status).toBe(200);
    clock.advance(30_000);
    // Within the minute: answered, but not extended: the idle end stays 8 hours after the last write.
    expect((await t.get('/api/auth/me', cookie)).status).toBe(200);
    clock.advance(SESSION_IDLE_MS - 30_000);
    expect((await t.get('/api/auth/me', cookie)).status).toBe(401);
    // The ended session is removed, not only refused.
    const { Items } = await t.client.send(new ScanCommand({ TableName: t.tableName }));
    expect(JSON.stringify(Items)).not.toContain('SESSION#');
  });

  it('end after 7 days however often they are used', async () => {
    const cookie = await signIn();
    let elapsed = 0;
    while (elapsed + 7 * 60 * MINUTE < SESSION_MAX_MS) {
      clock.advance(7 * 60 * MINUTE);
      elapsed += 7 * 60 * MINUTE;
      expect((await t.get('/api/auth/me', cookie)).status).toBe(200);
    }
    clock.advance(SESSION_MAX_MS - elapsed);
    expect((await t.get('/api/auth/me', cookie)).status).toBe(401);
  });

  it('sign-out ends this session and clears the cookie; sign-out everywhere ends all of them', async () => {
    const first = await signIn();
    const second = await signIn();
    const third = await signIn();
    const out = await t.post('/api/auth/sign-out', undefined, { cookie: first });
    expect(out.status).toBe(200);
    expect(await out.json()).toEqual({ endedSessions: 1 });
    expect(out.headers.get('set-cookie')).toMatch(/^woonwijzer-session=; Max-Age=0; Path=\/api/);
    expect((await t.get('/api/auth/me', first)).status).toBe(401);
    expect((await t.get('/api/auth/me', second)).status).toBe(200);

    const everywhere = await t.post('/api/auth/sign-out-everywhere', {}, { cookie: second });
    expect(await everywhere.json()).toEqual({ endedSessions: 2 });
    expect((await t.get('/api/auth/me', second)).status).toBe(401);
    expect((await t.get('/api/auth/me', third)).status).toBe(401);
  });

  it('sign-out everywhere also ends a session the account\'s session index does not list yet', async () => {
    // The index (gsi2) is read eventually consistently: a session opened a moment earlier can be missing from it.
    const first = await signIn();
    const second = await signIn();
    vi.spyOn(t.stores.accounts, 'deleteAccountSessions').mockResolvedValue(0);
    expect((await t.post('/api/auth/sign-out-everywhere', {}, { cookie: first })).status).toBe(200);
    expect((await t.get('/api/auth/me', first)).status).toBe(401);
    expect((await t.get('/api/auth/me', second)).status).toBe(401);
    // Signing in again afterwards works as before.
    clock.advance(1000);
    expect((await t.get('/api/auth/me', await signIn())).status).toBe(200);
  });

  it('me and sign-out everywhere answer 401 to nobody signed in or a made-up cookie', async () => {
    const anonymous = await t.get('/api/auth/me');
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ error: { code: 'unauthorized', message: 'Sign in to do this.' } });
    expect((await t.get('/api/auth/me', `woonwijzer-session=${'A'.repeat(43)}`)).status).toBe(401);
    expect((await t.get('/api/auth/me', 'woonwijzer-session=x')).status).toBe(401);
    expect((await t.post('/api/auth/sign-out-everywhere', {})).status).toBe(401);
  });
});

describe('the session cookie', () => {
  it('is HttpOnly, SameSite=Strict, Path=/api, and not Secure on plain http://localhost', async () => {
    const code = await requestCode();
    const res = await t.post('/api/auth/sign-in', { email: EMAIL, code });
    const header = res.headers.get('set-cookie') as string;
    expect(header).toMatch(/^woonwijzer-session=[A-Za-z0-9_-]{43};/);
    expect(header).toContain('HttpOnly');
    expect(header).toContain('SameSite=Strict');
    expect(header).toContain('Path=/api');
    expect(header).toContain(`Max-Age=${SESSION_MAX_MS / 1000}`);
    expect(header).not.toContain('Secure');
  });

  it('is Secure with the __Secure- prefix over https, and that one is the cookie read there', async () => {
    const base = 'https://woonwijzer.example';
    await t.post('/api/auth/code', { email: EMAIL }, { base });
    const code = codeIn((await t.mails()).at(-1) as string);
    const res = await t.post('/api/auth/sign-in', { email: EMAIL, code }, { base });
    const header = res.headers.get('set-cookie') as string;
    expect(header).toMatch(/^__Secure-woonwijzer-session=/);
    expect(header).toContain('Secure');
    expect((await t.app.request(`${base}/api/auth/me`, { headers: { cookie: cookieOf(res) } })).status).toBe(200);
    const plainName = cookieOf(res).replace('__Secure-', '');
    expect((await t.app.request(`${base}/api/auth/me`, { headers: { cookie: plainName } })).status).toBe(401);
  });
});

describe('CSRF: unsafe requests only from the site itself, as JSON', () => {
  const send = (headers: Record<string, string>, body = JSON.stringify({ email: EMAIL })) =>
    t.app.request(`${TEST_ORIGIN}/api/auth/code`, { method: 'POST', headers, body });

  it('refuses a missing or foreign Origin, and a cross-site or same-site Sec-Fetch-Site, and sends nothing', async () => {
    const json = { 'content-type': 'application/json' };
    const refused = [
      await send(json),
      await send({ ...json, origin: 'https://evil.example' }),
      await send({ ...json, origin: 'http://localhost:8080' }),
      await send({ ...json, origin: TEST_ORIGIN, 'sec-fetch-site': 'cross-site' }),
      await send({ ...json, origin: TEST_ORIGIN, 'sec-fetch-site': 'same-site' }),
      await send({ 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' }, `email=${EMAIL}`),
      await send({ 'content-type': 'text/plain' }, JSON.stringify({ email: EMAIL })),
    ];
    for (const res of refused) {
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('cross_site_request');
    }
    expect(await t.mails()).toHaveLength(0);
  });

  it('refuses an Origin of null, Sec-Fetch-Site none, and JSON with parameters from another site', async () => {
    const json = { 'content-type': 'application/json' };
    const refused = [
      await send({ ...json, origin: 'null' }),
      await send({ ...json, origin: TEST_ORIGIN, 'sec-fetch-site': 'none' }),
      await send({ ...json, origin: `${TEST_ORIGIN}/` }),
      await send({ 'content-type': 'application/json;x', origin: 'https://evil.example' }),
      await send({ 'content-type': 'text/plain', origin: 'https://evil.example', 'sec-fetch-site': 'same-origin' }),
    ];
    expect(refused.map((res) => res.status)).toEqual([403, 403, 403, 403, 403]);
    expect(await t.mails()).toHaveLength(0);
  });

  it('has no way around the guard through another method or a method override', async () => {
    const cookie = await signIn();
    const tries = [
      t.app.request(`${TEST_ORIGIN}/api/auth/sign-out-everywhere`, { method: 'GET', headers: { cookie, 'x-http-method-override': 'POST' } }),
      t.app.request(`${TEST_ORIGIN}/api/auth/sign-out-everywhere?_method=POST`, { method: 'GET', headers: { cookie } }),
      t.app.request(`${TEST_ORIGIN}/api/auth/sign-out-everywhere`, { method: 'HEAD', headers: { cookie } }),
      t.app.request(`${TEST_ORIGIN}/api/auth/sign-out-everywhere`, { method: 'OPTIONS', headers: { cookie, origin: 'https://evil.example' } }),
      t.app.request(`${TEST_ORIGIN}/api/auth/sign-out-everywhere`, { method: 'PUT', headers: { cookie, origin: 'https://evil.example', 'content-type': 'application/json' }, body: '{}' }),
    ];
    for (const res of await Promise.all(tries)) expect([403, 404]).toContain(res.status);
    expect((await t.get('/api/auth/me', cookie)).status).toBe(200);
  });

  it('refuses a body that is not JSON from the right origin with 415', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await send({ 'content-type': type, origin: TEST_ORIGIN, 'sec-fetch-site': 'same-origin' });
      expect(res.status).toBe(415);
    }
    const bare = await t.app.request(`${TEST_ORIGIN}/api/auth/sign-out`, { method: 'POST', headers: { origin: TEST_ORIGIN } });
    expect(bare.status).toBe(415);
    expect(await t.mails()).toHaveLength(0);
  });

  it('lets a signed-in session not sign out from another site', async () => {
    const cookie = await signIn();
    const res = await t.app.request(`${TEST_ORIGIN}/api/auth/sign-out-everywhere`, {
      method: 'POST',
      headers: { cookie, origin: 'https://evil.example', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(403);
    expect((await t.get('/api/auth/me', cookie)).status).toBe(200);
  });
});

describe('throttling', () => {
  it('allows 5 code requests per address a quarter hour, then answers 429 in Dutch with Retry-After', async () => {
    for (let i = 0; i < 5; i++) expect((await t.post('/api/auth/code', { email: EMAIL })).status).toBe(202);
    clock.advance(MINUTE);
    const res = await t.post('/api/auth/code', { email: EMAIL });
    expect(res.status).toBe(429);
    const retryAfter = Number(res.headers.get('retry-after'));
    // The window began at 09:00 and ends at 09:15; it is 09:01.
    expect(retryAfter).toBe(14 * 60);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error).toEqual({
      code: 'too_many_requests',
      message: 'U heeft dit te vaak geprobeerd. Probeer het over 14 minuten opnieuw. / You tried this too often. Try again in 14 minutes.',
    });
    expect(await t.mails()).toHaveLength(5);
    clock.advance(retryAfter * 1000);
    expect((await t.post('/api/auth/code', { email: EMAIL })).status).toBe(202);
  });

  it('throttles one network address across many email addresses, and not another address', async () => {
    const from = (address: string, i: number) => t.post('/api/auth/code', { email: `iemand-${i}@example.nl` }, { headers: { [ADDRESS_HEADER]: address } });
    for (let i = 0; i < 30; i++) expect((await from('198.51.100.7', i)).status).toBe(202);
    const res = await from('198.51.100.7', 30);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await from('198.51.100.8', 31)).status).toBe(202);
  });

  it('allows 20 sign-in tries per address a day, however many new codes are asked', async () => {
    // Each new code brings 5 fresh tries: without a count per address, 5 codes a quarter hour
    // would give one attacker 2,400 guesses a day at one account.
    for (let round = 0; round < 4; round++) {
      const code = await requestCode();
      for (let i = 0; i < 5; i++) expect((await t.post('/api/auth/sign-in', { email: EMAIL, code: wrongCode(code) })).status).toBe(400);
    }
    const code = await requestCode();
    const refused = await t.post('/api/auth/sign-in', { email: EMAIL, code });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('set-cookie')).toBeNull();
    // The day (UTC) ends at midnight; it is 09:00.
    expect(Number(refused.headers.get('retry-after'))).toBe(15 * 60 * 60);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toBe(
      'U heeft dit te vaak geprobeerd. Probeer het over 15 uur opnieuw. / You tried this too often. Try again in 15 hours.',
    );
    // Another address is not held up by it.
    await t.createAccount('editor@zorggroep-zuid.example', [{ role: 'provider-editor', organizationId: 'zorggroep-zuid' }]);
    await signIn('editor@zorggroep-zuid.example');
    clock.advance(15 * 60 * MINUTE);
    await signIn();
  });

  it('counts an IPv6 network (/64) as one address, and an IPv4 address alike in its IPv6 form', async () => {
    // One home or server gets a whole /64: a new address in it for each request must not reset the count.
    const from = (address: string, i: number) => t.post('/api/auth/code', { email: `iemand-${i}@example.nl` }, { headers: { [ADDRESS_HEADER]: address } });
    for (let i = 0; i < 30; i++) expect((await from(`2001:db8:1:2::${(i + 1).toString(16)}`, i)).status).toBe(202);
    expect((await from('2001:0db8:0001:0002:ffff:ffff:ffff:ffff', 30)).status).toBe(429);
    expect((await from('2001:db8:1:3::1', 31)).status).toBe(202);

    for (let i = 0; i < 30; i++) expect((await from(i % 2 ? '203.0.113.9' : '::ffff:203.0.113.9', 40 + i)).status).toBe(202);
    expect((await from('::FFFF:203.0.113.9', 70)).status).toBe(429);
  });
});
