// Invitations to a provider's organisation over DynamoDB Local, as the people involved meet them:
// a coordinator invites an organisation's first admin, the admin invites colleagues, the invitee
// accepts with the link's token (signed in or not) and then signs in with a code; and as an
// attacker meets them: every route refuses anonymous callers, other organisations, other regions,
// editors and foreign origins, and a token that expired, was withdrawn, used or meant for another
// address; on every refusal nothing in the table changes and no mail goes out.
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { INVITATION_LIFETIME_MS } from '../../functions/accounts/invitations.ts';
import { importListing } from '../../functions/listings/import-listing.ts';
import type { Membership } from '../../functions/store/account-store.ts';
import { housingForm, listingDocument, location } from '../fixtures/listing.ts';
import { testRegions } from '../fixtures/regions.ts';
import { ADDRESS_HEADER, codeIn, cookieOf, createStaffTestApp, movableClock, TEST_ORIGIN } from '../support/test-staff-app.ts';

const ORG = 'zorggroep-test';
const OTHER_ORG = 'maaszorg-rotterdam';
const PROVIDER = `/api/provider/organizations/${ORG}`;
const COORDINATOR_ZL = `/api/coordinator/regions/zuid-limburg/organizations/${ORG}`;
const ACCEPT = '/api/auth/invitations/accept';

let clock: ReturnType<typeof movableClock>;
let t: Awaited<ReturnType<typeof createStaffTestApp>>;
let signIns = 0;

beforeEach(async () => {
  clock = movableClock('2026-12-01T09:00:00Z');
  t = await createStaffTestApp({ clock });
  for (const region of testRegions) await t.stores.regions.putRegion(region);
  const deps = { ...t.stores, clock };
  expect((await importListing(listingDocument(), deps)).ok).toBe(true);
  expect((await importListing(listingDocument({
    organization: { id: OTHER_ORG, name: 'Maaszorg Rotterdam', regionIds: ['rotterdam'] },
    locations: [location({
      id: 'maaskade', name: 'Maaskade',
      address: { street: 'Boompjes', houseNumber: '1', postcode: '3011 XB', city: 'Rotterdam' },
      housingForms: [housingForm({ id: 'groepswonen', sectors: ['VG'], careProfiles: ['4VG'], targetGroups: ['intellectual-disability'] })],
    })],
  }), deps)).ok).toBe(true);
});

/** Makes the account and signs it in (each from a network address of its own, so throttling stays out of the way). */
async function person(email: string, memberships: Membership[], name = 'Test Persoon') {
  await t.createAccount(email, memberships, name);
  return signIn(email);
}

async function signIn(email: string) {
  const headers = { [ADDRESS_HEADER]: `198.51.100.${(signIns += 1)}` };
  expect((await t.post('/api/auth/code', { email }, { headers })).status).toBe(202);
  const mail = (await t.mails()).reverse().find((m) => m.includes(`To: ${email}`) && m.includes('inlogcode')) as string;
  const res = await t.post('/api/auth/sign-in', { email, code: codeIn(mail) }, { headers });
  expect(res.status).toBe(200);
  return cookieOf(res);
}

const tokenIn = (mail: string) => {
  const token = /\/beheer\/uitnodiging#token=([A-Za-z0-9_-]{43})$/m.exec(mail)?.[1];
  if (!token) throw new Error('No invitation link in this mail.');
  return token;
};
const invitationMails = async () => (await t.mails()).filter((m) => m.includes('uitnodiging#token='));

/** Everything in the table a refused request could have changed: all but throttle counters and sessions. */
async function snapshot() {
  const { Items = [] } = await t.client.send(new ScanCommand({ TableName: t.tableName, ConsistentRead: true }));
  return Items.map((i) => unmarshall(i))
    .filter((i) => i.type !== 'throttle' && i.type !== 'session')
    .map((i) => JSON.stringify(i))
    .sort();
}

async function memberships(email: string) {
  const account = await t.stores.accounts.findAccountByEmail(email);
  return account ? (await t.stores.accounts.getAccount(account.id))?.memberships : undefined;
}

describe('a coordinator invites an organisation\'s first admin', () => {
  it('mails a link naming who invites, for which organisation and role; the invitee accepts, then signs in with a code', async () => {
    const coordinator = await person('coordinator@zuid-limburg.example', [{ role: 'coordinator', regionId: 'zuid-limburg' }], 'Carla Coördinator');
    const res = await t.post(`${COORDINATOR_ZL}/invitations`, { email: 'Anna@Zorggroep-Test.example', name: 'Anna Admin' }, { cookie: coordinator });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      email: 'anna@zorggroep-test.example', name: 'Anna Admin', role: 'provider-admin', organizationId: ORG,
      invitedBy: { name: 'Carla Coördinator' }, createdAt: '2026-12-01T09:00:00.000Z', expiresAt: '2026-12-08T09:00:00.000Z',
    });

    const [mail] = await invitationMails();
    expect(mail).toMatch(/^To: anna@zorggroep-test\.example$/m);
    expect(mail).toContain('Beste Anna Admin,');
    expect(mail).toContain('Carla Coördinator nodigt u uit om beheerder te worden van Zorggroep Test op Woonwijzer.');
    expect(mail).toContain('Carla Coördinator invites you to become administrator of Zorggroep Test on Woonwijzer');
    const token = tokenIn(mail as string);
    expect(mail).toContain(`${TEST_ORIGIN}/en/manage/invitation#token=${token}`);
    expect(t.notices.at(-1)).toBe(`Invitation for anna@zorggroep-test.example (provider-admin of Zorggroep Test): ${TEST_ORIGIN}/beheer/uitnodiging#token=${token}`);
    // The table holds the token's hash, never the token.
    expect((await snapshot()).join('\n')).not.toContain(token);

    const accepted = await t.post(ACCEPT, { token });
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toEqual({
      email: 'anna@zorggroep-test.example', organizationId: ORG, organizationName: 'Zorggroep Test', role: 'provider-admin', accountCreated: true,
    });
    // Accepting opens no session: the new admin signs in with a code sent to the invited address.
    expect(accepted.headers.get('set-cookie')).toBeNull();
    const anna = await signIn('anna@zorggroep-test.example');
    const me = (await (await t.get('/api/auth/me', anna)).json()) as { account: { name: string }; memberships: Membership[] };
    expect(me.account.name).toBe('Anna Admin');
    expect(me.memberships).toEqual([{ role: 'provider-admin', organizationId: ORG }]);
    // And she may now invite colleagues.
    expect((await t.post(`${PROVIDER}/invitations`, { email: 'bram@zorggroep-test.example', name: 'Bram', role: 'provider-editor' }, { cookie: anna })).status).toBe(201);
  });

  it('lists and withdraws the admin invitations it sent; a withdrawn link no longer works', async () => {
    const coordinator = await person('coordinator@zuid-limburg.example', [{ role: 'coordinator', regionId: 'zuid-limburg' }]);
    const created = (await (await t.post(`${COORDINATOR_ZL}/invitations`, { email: 'anna@zorggroep-test.example', name: 'Anna' }, { cookie: coordinator })).json()) as { id: string };
    const list = (await (await t.get(`${COORDINATOR_ZL}/invitations`, coordinator)).json()) as { invitations: Array<{ id: string }> };
    expect(list.invitations.map((i) => i.id)).toEqual([created.id]);
    expect(JSON.stringify(list)).not.toMatch(/token/i);

    expect((await t.del(`${COORDINATOR_ZL}/invitations/${created.id}`, coordinator)).status).toBe(200);
    expect((await (await t.get(`${COORDINATOR_ZL}/invitations`, coordinator)).json())).toEqual({ invitations: [] });
    expect((await t.del(`${COORDINATOR_ZL}/invitations/${created.id}`, coordinator)).status).toBe(404);
    const before = await snapshot();
    const res = await t.post(ACCEPT, { token: tokenIn((await invitationMails())[0] as string) });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string; fields: Array<{ path: string }> } }).error).toMatchObject({
      code: 'invitation_unusable', fields: [{ path: 'token' }],
    });
    expect(await snapshot()).toEqual(before);
    expect(await memberships('anna@zorggroep-test.example')).toBeUndefined();
  });
});

describe('an admin invites colleagues', () => {
  it('an existing account accepts while signed in; the member list shows everyone with their roles', async () => {
    const admin = await person('anna@zorggroep-test.example', [{ role: 'provider-admin', organizationId: ORG }], 'Anna Admin');
    // Bram already works for another organisation on Woonwijzer.
    const bram = await person('bram@example.nl', [{ role: 'provider-editor', organizationId: OTHER_ORG }], 'Bram Bakker');
    expect((await t.post(`${PROVIDER}/invitations`, { email: 'bram@example.nl', name: 'Bram', role: 'provider-editor' }, { cookie: admin })).status).toBe(201);
    const mail = (await invitationMails()).at(-1) as string;
    expect(mail).toContain('Anna Admin nodigt u uit om redacteur te worden van Zorggroep Test');

    const accepted = await t.post(ACCEPT, { token: tokenIn(mail) }, { cookie: bram });
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toMatchObject({ role: 'provider-editor', accountCreated: false });
    const me = (await (await t.get('/api/auth/me', bram)).json()) as { account: { name: string }; memberships: Membership[] };
    expect(me.account.name).toBe('Bram Bakker');
    expect(me.memberships).toContainEqual({ role: 'provider-editor', organizationId: ORG });
    expect(me.memberships).toContainEqual({ role: 'provider-editor', organizationId: OTHER_ORG });

    const members = await t.get(`${PROVIDER}/members`, admin);
    expect(members.status).toBe(200);
    expect(await members.json()).toEqual({
      members: [
        { accountId: expect.any(String) as string, name: 'Anna Admin', email: 'anna@zorggroep-test.example', roles: ['provider-admin'] },
        { accountId: expect.any(String) as string, name: 'Bram Bakker', email: 'bram@example.nl', roles: ['provider-editor'] },
      ],
    });
  });

  it('a new invitation to the same address replaces the earlier one; an address with the role already is refused', async () => {
    const admin = await person('anna@zorggroep-test.example', [{ role: 'provider-admin', organizationId: ORG }]);
    const invite = () => t.post(`${PROVIDER}/invitations`, { email: 'cees@example.nl', name: 'Cees', role: 'provider-admin' }, { cookie: admin });
    expect((await invite()).status).toBe(201);
    expect((await invite()).status).toBe(201);
    const [first, second] = (await invitationMails()).map(tokenIn);
    expect(((await (await t.get(`${PROVIDER}/invitations`, admin)).json()) as { invitations: unknown[] }).invitations).toHaveLength(1);
    expect((await t.post(ACCEPT, { token: first })).status).toBe(400);
    expect((await t.post(ACCEPT, { token: second })).status).toBe(200);
    expect(await memberships('cees@example.nl')).toEqual([{ role: 'provider-admin', organizationId: ORG }]);

    const before = await snapshot();
    const again = await invite();
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('already_member');
    expect(await snapshot()).toEqual(before);
    expect(await invitationMails()).toHaveLength(2);
  });

  it('throttles invitations to one address like code requests: a 429 with when to try again', async () => {
    const admin = await person('anna@zorggroep-test.example', [{ role: 'provider-admin', organizationId: ORG }]);
    for (let i = 0; i < 5; i++) {
      expect((await t.post(`${PROVIDER}/invitations`, { email: 'dirk@example.nl', name: 'Dirk', role: 'provider-editor' }, { cookie: admin })).status).toBe(201);
    }
    const res = await t.post(`${PROVIDER}/invitations`, { email: 'dirk@example.nl', name: 'Dirk', role: 'provider-editor' }, { cookie: admin });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBe(15 * 60);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/^U heeft dit te vaak geprobeerd/);
    expect(await invitationMails()).toHaveLength(5);
  });
});

describe('refused, with nothing changed and no mail sent', () => {
  async function expectRefused(send: () => Response | Promise<Response>, status: number, code?: string) {
    const before = await snapshot();
    const mailsBefore = (await t.mails()).length;
    const res = await send();
    expect(res.status).toBe(status);
    if (code) expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
    expect(await snapshot()).toEqual(before);
    expect(await t.mails()).toHaveLength(mailsBefore);
  }

  const invitation = { email: 'eva@example.nl', name: 'Eva', role: 'provider-editor' };

  it('every route refuses anonymous callers with 401', async () => {
    const admin = await person('anna@zorggroep-test.example', [{ role: 'provider-admin', organizationId: ORG }]);
    const { id } = (await (await t.post(`${PROVIDER}/invitations`, invitation, { cookie: admin })).json()) as { id: string };
    await expectRefused(() => t.post(`${PROVIDER}/invitations`, invitation), 401, 'unauthorized');
    await expectRefused(() => t.get(`${PROVIDER}/invitations`), 401);
    await expectRefused(() => t.del(`${PROVIDER}/invitations/${id}`), 401);
    await expectRefused(() => t.get(`${PROVIDER}/members`), 401);
    await expectRefused(() => t.post(`${COORDINATOR_ZL}/invitations`, { email: 'x@example.nl', name: 'X' }), 401);
    await expectRefused(() => t.get(`${COORDINATOR_ZL}/invitations`), 401);
    await expectRefused(() => t.del(`${COORDINATOR_ZL}/invitations/${id}`), 401);
  });

  it('an editor cannot invite, list, withdraw or see the members; another organisation\'s admin neither', async () => {
    const admin = await person('anna@zorggroep-test.example', [{ role: 'provider-admin', organizationId: ORG }]);
    const editor = await person('eddy@zorggroep-test.example', [{ role: 'provider-editor', organizationId: ORG }]);
    const otherAdmin = await person('olga@maaszorg.example', [{ role: 'provider-admin', organizationId: OTHER_ORG }]);
    const { id } = (await (await t.post(`${PROVIDER}/invitations`, invitation, { cookie: admin })).json()) as { id: string };
    for (const cookie of [editor, otherAdmin]) {
      await expectRefused(() => t.post(`${PROVIDER}/invitations`, { ...invitation, email: 'fien@example.nl' }, { cookie }), 403, 'forbidden');
      await expectRefused(() => t.get(`${PROVIDER}/invitations`, cookie), 403);
      await expectRefused(() => t.del(`${PROVIDER}/invitations/${id}`, cookie), 403);
      await expectRefused(() => t.get(`${PROVIDER}/members`, cookie), 403);
    }
    // Nor through the other organisation's path with this organisation's invitation id.
    await expectRefused(() => t.del(`/api/provider/organizations/${OTHER_ORG}/invitations/${id}`, otherAdmin), 404);
  });

  it('a coordinator of another region cannot invite for, list or withdraw this organisation\'s invitations, nor act as its admin', async () => {
    const coordinator = await person('coordinator@zuid-limburg.example', [{ role: 'coordinator', regionId: 'zuid-limburg' }]);
    const rotterdam = await person('coordinator@rotterdam.example', [{ role: 'coordinator', regionId: 'rotterdam' }]);
    const { id } = (await (await t.post(`${COORDINATOR_ZL}/invitations`, { email: 'anna@example.nl', name: 'Anna' }, { cookie: coordinator })).json()) as { id: string };
    const viaRotterdam = `/api/coordinator/regions/rotterdam/organizations/${ORG}`;
    await expectRefused(() => t.post(`${COORDINATOR_ZL}/invitations`, { email: 'x@example.nl', name: 'X' }, { cookie: rotterdam }), 403, 'forbidden');
    await expectRefused(() => t.get(`${COORDINATOR_ZL}/invitations`, rotterdam), 403);
    await expectRefused(() => t.del(`${COORDINATOR_ZL}/invitations/${id}`, rotterdam), 403);
    // Through their own region's path: the organisation is not active in Rotterdam.
    await expectRefused(() => t.post(`${viaRotterdam}/invitations`, { email: 'x@example.nl', name: 'X' }, { cookie: rotterdam }), 403, 'forbidden');
    await expectRefused(() => t.del(`${viaRotterdam}/invitations/${id}`, rotterdam), 403);
    // A coordinator is no provider admin: the provider routes are not theirs.
    await expectRefused(() => t.post(`${PROVIDER}/invitations`, invitation, { cookie: coordinator }), 403);
    await expectRefused(() => t.get(`${PROVIDER}/members`, coordinator), 403);
  });

  it('a coordinator cannot withdraw an admin\'s invitation of an editor, nor invite an editor', async () => {
    const admin = await person('anna@zorggroep-test.example', [{ role: 'provider-admin', organizationId: ORG }]);
    const coordinator = await person('coordinator@zuid-limburg.example', [{ role: 'coordinator', regionId: 'zuid-limburg' }]);
    const { id } = (await (await t.post(`${PROVIDER}/invitations`, invitation, { cookie: admin })).json()) as { id: string };
    expect(await (await t.get(`${COORDINATOR_ZL}/invitations`, coordinator)).json()).toEqual({ invitations: [] });
    await expectRefused(() => t.del(`${COORDINATOR_ZL}/invitations/${id}`, coordinator), 404);
    // The coordinator's body has no role: a role sent along is not taken.
    await t.post(`${COORDINATOR_ZL}/invitations`, { email: 'gijs@example.nl', name: 'Gijs', role: 'provider-editor' }, { cookie: coordinator });
    expect((await invitationMails()).at(-1)).toContain('beheerder te worden');
  });

  it('refuses a foreign Origin on every unsafe route', async () => {
    const admin = await person('anna@zorggroep-test.example', [{ role: 'provider-admin', organizationId: ORG }]);
    const coordinator = await person('coordinator@zuid-limburg.example', [{ role: 'coordinator', regionId: 'zuid-limburg' }]);
    const { id } = (await (await t.post(`${PROVIDER}/invitations`, invitation, { cookie: admin })).json()) as { id: string };
    const token = tokenIn((await invitationMails())[0] as string);
    const evil = { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' };
    await expectRefused(() => t.post(`${PROVIDER}/invitations`, { ...invitation, email: 'h@example.nl' }, { cookie: admin, headers: evil }), 403, 'cross_site_request');
    await expectRefused(() => t.del(`${PROVIDER}/invitations/${id}`, admin, evil), 403, 'cross_site_request');
    await expectRefused(() => t.post(`${COORDINATOR_ZL}/invitations`, { email: 'h@example.nl', name: 'H' }, { cookie: coordinator, headers: evil }), 403, 'cross_site_request');
    await expectRefused(() => t.post(ACCEPT, { token }, { headers: evil }), 403, 'cross_site_request');
    await expectRefused(() => t.post(ACCEPT, { token }, { headers: { origin: 'https://evil.example' } }), 403, 'cross_site_request');
  });

  it('refuses bad bodies and ids with field errors', async () => {
    const admin = await person('anna@zorggroep-test.example', [{ role: 'provider-admin', organizationId: ORG }]);
    const res = await t.post(`${PROVIDER}/invitations`, { email: 'geen-adres', name: ' ', role: 'owner' }, { cookie: admin });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { fields: Array<{ path: string }> } }).error.fields.map((f) => f.path).sort()).toEqual(['email', 'name', 'role']);
    await expectRefused(() => t.del(`${PROVIDER}/invitations/not-an-id`, admin), 400);
    await expectRefused(() => t.post('/api/provider/organizations/Bad_Id/invitations', invitation, { cookie: admin }), 400);
    await expectRefused(() => t.post('/api/provider/organizations/bestaat-niet/invitations', invitation, { cookie: admin }), 403);
  });
});

describe('tokens that are refused, with nothing changed', () => {
  async function invited() {
    const admin = await person('anna@zorggroep-test.example', [{ role: 'provider-admin', organizationId: ORG }]);
    expect((await t.post(`${PROVIDER}/invitations`, { email: 'ivo@example.nl', name: 'Ivo', role: 'provider-editor' }, { cookie: admin })).status).toBe(201);
    return tokenIn((await invitationMails()).at(-1) as string);
  }

  async function refusedToken(token: string, cookie?: string, status = 400, code = 'invitation_unusable') {
    const before = await snapshot();
    const res = await t.post(ACCEPT, { token }, cookie ? { cookie } : {});
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
    expect(await snapshot()).toEqual(before);
  }

  it('an expired token, 7 days on; it still works just before', async () => {
    const token = await invited();
    clock.advance(INVITATION_LIFETIME_MS);
    await refusedToken(token);
    clock.advance(-1000);
    expect((await t.post(ACCEPT, { token })).status).toBe(200);
  });

  it('a used token, also when two requests race for it', async () => {
    const token = await invited();
    const both = await Promise.all([t.post(ACCEPT, { token }), t.post(ACCEPT, { token })]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 400]);
    await refusedToken(token);
    expect(await memberships('ivo@example.nl')).toEqual([{ role: 'provider-editor', organizationId: ORG }]);
  });

  it('a token for another address than the signed-in one', async () => {
    const token = await invited();
    const someoneElse = await person('jan@example.nl', [{ role: 'provider-editor', organizationId: OTHER_ORG }]);
    await refusedToken(token, someoneElse, 403, 'invitation_for_other_address');
    expect(await memberships('jan@example.nl')).toEqual([{ role: 'provider-editor', organizationId: OTHER_ORG }]);
    expect(await memberships('ivo@example.nl')).toBeUndefined();
  });

  it('a made-up or malformed token', async () => {
    await invited();
    await refusedToken('A'.repeat(43));
    await refusedToken('kort');
  });
});
