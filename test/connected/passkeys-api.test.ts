// Passkeys over DynamoDB Local, with a software authenticator in place of the browser's: set one
// up after a code sign-in, sign in with it (the same cookie as the code sign-in), list and remove;
// and every refusal a person or attacker meets: nobody signed in, a foreign Origin, an answer made
// for another site, another person's passkey, a challenge used twice, expired or of another
// session, a counter going back, no user verification, an unknown passkey, and throttling.
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { PASSKEY_CHALLENGE_LIFETIME_MS } from '../../functions/accounts/passkeys.ts';
import { SoftwareAuthenticator } from '../support/software-authenticator.ts';
import { codeIn, cookieOf, createStaffTestApp, movableClock, TEST_ORIGIN } from '../support/test-staff-app.ts';

const EMAIL = 'editor@zorggroep-zuid.example';
const OTHER = 'editor@de-linde.example';
const RP_ID = 'localhost';

let clock: ReturnType<typeof movableClock>;
let t: Awaited<ReturnType<typeof createStaffTestApp>>;

beforeEach(async () => {
  clock = movableClock('2026-12-01T09:00:00Z');
  t = await createStaffTestApp({ clock });
  await t.createAccount(EMAIL, [{ role: 'provider-editor', organizationId: 'zorggroep-zuid' }], 'Eva Editor');
  await t.createAccount(OTHER, [{ role: 'provider-editor', organizationId: 'de-linde' }], 'Otto Ander');
});

async function signInByCode(email = EMAIL) {
  expect((await t.post('/api/auth/code', { email })).status).toBe(202);
  const code = codeIn((await t.mails()).at(-1) as string);
  const res = await t.post('/api/auth/sign-in', { email, code });
  expect(res.status).toBe(200);
  return cookieOf(res);
}

interface Options {
  challenge: string;
  rp?: { id: string };
  rpId?: string;
  user?: { id: string };
}

async function registrationOptions(cookie: string) {
  const res = await t.post('/api/auth/passkeys/registration-options', undefined, { cookie });
  expect(res.status).toBe(200);
  return (await res.json()) as Options & { authenticatorSelection: Record<string, string>; excludeCredentials: Array<{ id: string }> };
}

/** Sets up a passkey for the session of `cookie`, as the portal does. */
async function setUpPasskey(cookie: string, name = 'Telefoon') {
  const authenticator = new SoftwareAuthenticator();
  const options = await registrationOptions(cookie);
  authenticator.userHandle = options.user?.id;
  const res = await t.post('/api/auth/passkeys', { name, response: authenticator.register({ origin: TEST_ORIGIN, rpID: RP_ID, challenge: options.challenge }) }, { cookie });
  expect(res.status).toBe(201);
  return authenticator;
}

async function signInOptions() {
  const res = await t.post('/api/auth/passkey-sign-in/options');
  expect(res.status).toBe(200);
  return (await res.json()) as Options & { userVerification: string };
}

const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

async function passkeySignIn(authenticator: SoftwareAuthenticator, ceremony: { origin?: string; userVerified?: boolean; keepCounter?: boolean } = {}) {
  const { challenge } = await signInOptions();
  const response = authenticator.assert({ origin: ceremony.origin ?? TEST_ORIGIN, rpID: RP_ID, challenge, userVerified: ceremony.userVerified ?? true }, ceremony);
  return t.post('/api/auth/passkey-sign-in', { response });
}

async function listPasskeys(cookie: string) {
  const res = await t.get('/api/auth/passkeys', cookie);
  expect(res.status).toBe(200);
  return ((await res.json()) as { passkeys: Array<{ id: string; name: string; createdAt: string; lastUsedAt?: string }> }).passkeys;
}

describe('a passkey round trip', () => {
  it('sets up a passkey after a code sign-in, then signs in with it alone, with the cookie the code sign-in sets', async () => {
    const cookie = await signInByCode();
    const options = await registrationOptions(cookie);
    expect(options.rp).toEqual({ name: 'Woonwijzer', id: RP_ID });
    expect(options.authenticatorSelection).toMatchObject({ residentKey: 'required', userVerification: 'required' });

    const authenticator = new SoftwareAuthenticator();
    const stored = await t.post('/api/auth/passkeys', {
      name: '  Telefoon van Eva ',
      response: authenticator.register({ origin: TEST_ORIGIN, rpID: RP_ID, challenge: options.challenge }),
    }, { cookie });
    expect(stored.status).toBe(201);
    expect(await stored.json()).toEqual({ id: authenticator.id, name: 'Telefoon van Eva', createdAt: '2026-12-01T09:00:00.000Z' });

    expect((await t.post('/api/auth/sign-out', undefined, { cookie })).status).toBe(200);
    expect((await t.get('/api/auth/me', cookie)).status).toBe(401);

    const sessionsBefore = (await t.mails()).length;
    const options2 = await signInOptions();
    expect(options2).toMatchObject({ rpId: RP_ID, userVerification: 'required' });
    clock.advance(60_000);
    const res = await t.post('/api/auth/passkey-sign-in', {
      response: authenticator.assert({ origin: TEST_ORIGIN, rpID: RP_ID, challenge: options2.challenge }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ account: { email: EMAIL, name: 'Eva Editor' }, memberships: [{ role: 'provider-editor', organizationId: 'zorggroep-zuid' }] });
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^woonwijzer-session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toContain('Path=/api');
    expect(setCookie).toContain('Max-Age=604800');
    // No mail: a passkey needs no code.
    expect(await t.mails()).toHaveLength(sessionsBefore);

    const passkeyCookie = cookieOf(res);
    expect((await t.get('/api/auth/me', passkeyCookie)).status).toBe(200);
    expect(await listPasskeys(passkeyCookie)).toEqual([
      { id: authenticator.id, name: 'Telefoon van Eva', createdAt: '2026-12-01T09:00:00.000Z', lastUsedAt: '2026-12-01T09:01:00.000Z' },
    ]);
  });

  it('stores the public key and counter but no challenge in the clear, and excludes passkeys set up already', async () => {
    const cookie = await signInByCode();
    const authenticator = await setUpPasskey(cookie);
    const options = await registrationOptions(cookie);
    expect(options.excludeCredentials.map((c) => c.id)).toEqual([authenticator.id]);
    const { Items } = await t.client.send(new ScanCommand({ TableName: t.tableName }));
    const everything = JSON.stringify(Items);
    expect(everything).not.toContain(options.challenge);
    expect(everything).toContain(authenticator.id);
  });

  it('the same passkey cannot be set up twice', async () => {
    const cookie = await signInByCode();
    const authenticator = await setUpPasskey(cookie);
    const { challenge } = await registrationOptions(cookie);
    const again = await t.post('/api/auth/passkeys', { name: 'Nogmaals', response: authenticator.register({ origin: TEST_ORIGIN, rpID: RP_ID, challenge }) }, { cookie });
    expect(again.status).toBe(409);
    expect(await errorCode(again)).toBe('passkey_exists');
  });

  it('a removed passkey no longer signs in', async () => {
    const cookie = await signInByCode();
    const authenticator = await setUpPasskey(cookie);
    const removed = await t.del(`/api/auth/passkeys/${authenticator.id}`, cookie);
    expect(removed.status).toBe(200);
    expect(await listPasskeys(cookie)).toEqual([]);
    const res = await passkeySignIn(authenticator);
    expect(res.status).toBe(400);
    expect(await errorCode(res)).toBe('passkey_unknown');
    expect(res.headers.get('set-cookie')).toBeNull();
  });
});

describe('passkeys that are refused', () => {
  it('needs a signed-in person to set up, list or remove a passkey', async () => {
    const authenticator = new SoftwareAuthenticator();
    const answers = [
      await t.post('/api/auth/passkeys/registration-options'),
      await t.post('/api/auth/passkeys', { name: 'X', response: authenticator.register({ origin: TEST_ORIGIN, rpID: RP_ID, challenge: 'abc' }) }),
      await t.get('/api/auth/passkeys'),
      await t.del(`/api/auth/passkeys/${authenticator.id}`),
    ];
    expect(answers.map((res) => res.status)).toEqual([401, 401, 401, 401]);
  });

  it('refuses every unsafe passkey request from a foreign Origin, signed in or not', async () => {
    const cookie = await signInByCode();
    const authenticator = await setUpPasskey(cookie);
    const foreign = { origin: 'https://evil.example' };
    const answers = [
      await t.post('/api/auth/passkeys/registration-options', undefined, { cookie, headers: foreign }),
      await t.post('/api/auth/passkeys', { name: 'X', response: authenticator.register({ origin: TEST_ORIGIN, rpID: RP_ID, challenge: 'abc' }) }, { cookie, headers: foreign }),
      await t.del(`/api/auth/passkeys/${authenticator.id}`, cookie, foreign),
      await t.post('/api/auth/passkey-sign-in/options', undefined, { headers: foreign }),
      await t.post('/api/auth/passkey-sign-in', { response: authenticator.assert({ origin: TEST_ORIGIN, rpID: RP_ID, challenge: 'abc' }) }, { headers: foreign }),
    ];
    expect(answers.map((res) => res.status)).toEqual([403, 403, 403, 403, 403]);
    for (const res of answers) expect(await errorCode(res)).toBe('cross_site_request');
    expect(await listPasskeys(cookie)).toHaveLength(1);
  });

  it('refuses an answer made for another site (a phishing page passing on our challenge), and stores nothing', async () => {
    const cookie = await signInByCode();
    const authenticator = new SoftwareAuthenticator();
    const { challenge } = await registrationOptions(cookie);
    const phished = await t.post('/api/auth/passkeys', { name: 'X', response: authenticator.register({ origin: 'https://woonwijzer-login.example', rpID: RP_ID, challenge }) }, { cookie });
    expect(phished.status).toBe(400);
    expect(await errorCode(phished)).toBe('passkey_not_verified');
    const { challenge: c2 } = await registrationOptions(cookie);
    const otherRp = await t.post('/api/auth/passkeys', { name: 'X', response: authenticator.register({ origin: TEST_ORIGIN, rpID: 'evil.example', challenge: c2 }) }, { cookie });
    expect(await errorCode(otherRp)).toBe('passkey_not_verified');
    expect(await listPasskeys(cookie)).toEqual([]);

    const real = await setUpPasskey(cookie);
    const res = await passkeySignIn(real, { origin: 'https://woonwijzer-login.example' });
    expect(res.status).toBe(400);
    expect(await errorCode(res)).toBe('passkey_not_verified');
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('another person\'s passkey cannot be removed: not found, and it still signs its owner in', async () => {
    const owner = await signInByCode();
    const authenticator = await setUpPasskey(owner);
    const other = await signInByCode(OTHER);
    const res = await t.del(`/api/auth/passkeys/${authenticator.id}`, other);
    expect(res.status).toBe(404);
    expect(await listPasskeys(owner)).toHaveLength(1);
    expect(await listPasskeys(other)).toEqual([]);
    expect((await passkeySignIn(authenticator)).status).toBe(200);
  });

  it('a sign-in answer sent twice is refused the second time, and the challenge cannot be used for a registration', async () => {
    const cookie = await signInByCode();
    const authenticator = await setUpPasskey(cookie);
    const { challenge } = await signInOptions();
    const response = authenticator.assert({ origin: TEST_ORIGIN, rpID: RP_ID, challenge });
    expect((await t.post('/api/auth/passkey-sign-in', { response })).status).toBe(200);
    const replay = await t.post('/api/auth/passkey-sign-in', { response });
    expect(replay.status).toBe(400);
    expect(await errorCode(replay)).toBe('passkey_challenge_unusable');
    expect(replay.headers.get('set-cookie')).toBeNull();

    // A sign-in challenge is not a registration challenge.
    const { challenge: signInChallenge } = await signInOptions();
    const wrongPurpose = await t.post('/api/auth/passkeys', {
      name: 'X', response: new SoftwareAuthenticator().register({ origin: TEST_ORIGIN, rpID: RP_ID, challenge: signInChallenge }),
    }, { cookie });
    expect(await errorCode(wrongPurpose)).toBe('passkey_challenge_unusable');
  });

  it('answers sent at once with one challenge sign in once', async () => {
    const cookie = await signInByCode();
    const authenticator = await setUpPasskey(cookie);
    const { challenge } = await signInOptions();
    const response = authenticator.assert({ origin: TEST_ORIGIN, rpID: RP_ID, challenge });
    const answers = await Promise.all(Array.from({ length: 4 }, () => t.post('/api/auth/passkey-sign-in', { response })));
    expect(answers.map((res) => res.status).sort()).toEqual([200, 400, 400, 400]);
  });

  it('a registration challenge works only in the session that asked for it, and only for 5 minutes', async () => {
    const cookie = await signInByCode();
    const other = await signInByCode(OTHER);
    const { challenge } = await registrationOptions(cookie);
    const authenticator = new SoftwareAuthenticator();
    const stolen = await t.post('/api/auth/passkeys', { name: 'X', response: authenticator.register({ origin: TEST_ORIGIN, rpID: RP_ID, challenge }) }, { cookie: other });
    expect(stolen.status).toBe(400);
    expect(await errorCode(stolen)).toBe('passkey_challenge_unusable');

    const { challenge: late } = await registrationOptions(cookie);
    clock.advance(PASSKEY_CHALLENGE_LIFETIME_MS);
    const expired = await t.post('/api/auth/passkeys', { name: 'X', response: authenticator.register({ origin: TEST_ORIGIN, rpID: RP_ID, challenge: late }) }, { cookie });
    expect(expired.status).toBe(400);
    expect(await errorCode(expired)).toBe('passkey_challenge_unusable');
    expect(await listPasskeys(cookie)).toEqual([]);
  });

  it('a counter that does not go up is refused (a copied passkey), and the passkey\'s owner can still sign in', async () => {
    const cookie = await signInByCode();
    const authenticator = await setUpPasskey(cookie);
    authenticator.counter = 5;
    expect((await passkeySignIn(authenticator, { keepCounter: true })).status).toBe(200);
    for (const counter of [5, 3]) {
      authenticator.counter = counter;
      const clone = await passkeySignIn(authenticator, { keepCounter: true });
      expect(clone.status).toBe(400);
      expect(await errorCode(clone)).toBe('passkey_counter');
      expect(clone.headers.get('set-cookie')).toBeNull();
    }
    authenticator.counter = 6;
    expect((await passkeySignIn(authenticator, { keepCounter: true })).status).toBe(200);
  });

  it('requires user verification (fingerprint, face, the device\'s lock), not a touch alone', async () => {
    const cookie = await signInByCode();
    const { challenge } = await registrationOptions(cookie);
    const touchOnly = new SoftwareAuthenticator();
    const res = await t.post('/api/auth/passkeys', { name: 'X', response: touchOnly.register({ origin: TEST_ORIGIN, rpID: RP_ID, challenge, userVerified: false }) }, { cookie });
    expect(await errorCode(res)).toBe('passkey_not_verified');

    const authenticator = await setUpPasskey(cookie);
    const signIn = await passkeySignIn(authenticator, { userVerified: false });
    expect(signIn.status).toBe(400);
    expect(await errorCode(signIn)).toBe('passkey_not_verified');
  });

  it('an unknown passkey, a made-up challenge or a hostile body is a 400, never a 500', async () => {
    const unknown = await passkeySignIn(new SoftwareAuthenticator());
    expect(unknown.status).toBe(400);
    expect(await errorCode(unknown)).toBe('passkey_unknown');

    const madeUp = await t.post('/api/auth/passkey-sign-in', { response: new SoftwareAuthenticator().assert({ origin: TEST_ORIGIN, rpID: RP_ID, challenge: 'bWFkZS11cA' }) });
    expect(await errorCode(madeUp)).toBe('passkey_challenge_unusable');

    const authenticator = new SoftwareAuthenticator();
    const valid = authenticator.assert({ origin: TEST_ORIGIN, rpID: RP_ID, challenge: 'abc' });
    const hostile = [
      {},
      { response: null },
      { response: { ...valid, id: 'not base64url!' } },
      { response: { ...valid, type: 'password' } },
      { response: { ...valid, response: { ...valid.response, clientDataJSON: Buffer.from('no json').toString('base64url') } } },
      { response: { ...valid, response: { ...valid.response, clientDataJSON: Buffer.from('{"challenge":7}').toString('base64url') } } },
      { response: { ...valid, response: { ...valid.response, signature: 'x'.repeat(9000) } } },
    ];
    const statuses = await Promise.all(hostile.map(async (body) => (await t.post('/api/auth/passkey-sign-in', body)).status));
    expect(statuses).toEqual(hostile.map(() => 400));
    const cookie = await signInByCode();
    expect((await t.post('/api/auth/passkeys', { name: '', response: {} }, { cookie })).status).toBe(400);
    expect((await t.post('/api/auth/passkeys', { name: 'x'.repeat(61), response: authenticator.register({ origin: TEST_ORIGIN, rpID: RP_ID, challenge: 'abc' }) }, { cookie })).status).toBe(400);
  });

  it('throttles sign-in challenges per address with a clear 429 in Dutch', async () => {
    for (let i = 0; i < 60; i += 1) expect((await t.post('/api/auth/passkey-sign-in/options')).status).toBe(200);
    const res = await t.post('/api/auth/passkey-sign-in/options');
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/^U heeft dit te vaak geprobeerd/);
    // Another address is not held back.
    expect((await t.post('/api/auth/passkey-sign-in/options', undefined, { headers: { 'x-test-address': '198.51.100.7' } })).status).toBe(200);
  });
});

describe('passkeys on the site\'s origins in AWS', () => {
  const SITE = 'https://woonwijzer.example';
  const CDN = 'https://d111111abcdef8.cloudfront.net';

  it('names the host of the page asking as the relying party, and accepts an answer from any allowed origin only', async () => {
    const aws = await createStaffTestApp({ clock, allowedOrigins: [SITE, CDN] });
    await aws.createAccount(EMAIL, [{ role: 'provider-editor', organizationId: 'zorggroep-zuid' }], 'Eva Editor');
    expect((await aws.post('/api/auth/code', { email: EMAIL }, { base: SITE })).status).toBe(202);
    const code = codeIn((await aws.mails()).at(-1) as string);
    const cookie = cookieOf(await aws.post('/api/auth/sign-in', { email: EMAIL, code }, { base: SITE }));

    const options = (await (await aws.post('/api/auth/passkeys/registration-options', undefined, { cookie, base: SITE })).json()) as Options;
    expect(options.rp?.id).toBe('woonwijzer.example');
    const authenticator = new SoftwareAuthenticator();
    const stored = await aws.post('/api/auth/passkeys', {
      name: 'Telefoon', response: authenticator.register({ origin: SITE, rpID: 'woonwijzer.example', challenge: options.challenge }),
    }, { cookie, base: SITE });
    expect(stored.status).toBe(201);

    const fromCdn = (await (await aws.post('/api/auth/passkey-sign-in/options', undefined, { base: CDN })).json()) as Options;
    expect(fromCdn.rpId).toBe('d111111abcdef8.cloudfront.net');
    const { challenge } = (await (await aws.post('/api/auth/passkey-sign-in/options', undefined, { base: SITE })).json()) as Options;
    const signedIn = await aws.post('/api/auth/passkey-sign-in', {
      response: authenticator.assert({ origin: SITE, rpID: 'woonwijzer.example', challenge }),
    }, { base: SITE });
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get('set-cookie')).toMatch(/^__Secure-woonwijzer-session=/);

    // The staff API's own address is no page of the site: refused before any passkey is looked at.
    const direct = await aws.post('/api/auth/passkey-sign-in/options', undefined, { base: 'https://abc123.execute-api.eu-west-1.amazonaws.com' });
    expect(direct.status).toBe(403);
  });
});
