// The platform operator's account command and the demonstration accounts over DynamoDB Local: a
// membership given to a new or existing address, unknown regions and organisations refused with
// nothing written, the command line validated, and the local server answering the staff API
// beside the public one.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { grantMembership, seedDemoAccounts, UnknownScopeError } from '../../functions/accounts/accounts-admin.ts';
import { importListing } from '../../functions/listings/import-listing.ts';
import { demoOrganizations, loadRegions } from '../../functions/listings/seed-demo.ts';
import { createLocalServerApp } from '../../functions/local/local-server.ts';
import type { Stores } from '../../functions/store/create-store.ts';
import { fixedClock } from '../../shared/clock.ts';
import { parseCommand } from '../../scripts/accounts.ts';
import { createTestApp } from '../support/test-app.ts';
import { listingDocument } from '../fixtures/listing.ts';
import { codeIn, cookieOf, createStaffTestApp, TEST_ORIGIN } from '../support/test-staff-app.ts';

const clock = fixedClock('2026-12-01T09:00:00Z');
let stores: Stores;
let staff: Awaited<ReturnType<typeof createStaffTestApp>>;

beforeAll(async () => {
  staff = await createStaffTestApp({ clock });
  stores = staff.stores;
  await loadRegions(stores.regions);
});

const deps = () => ({ ...stores, clock });

describe('npm run accounts -- create', () => {
  it('parses a coordinator of a region, and names what is wrong otherwise', () => {
    expect(parseCommand(['--', 'create', '--email', 'An@Example.nl', '--name', 'An de Vries', '--role', 'coordinator', '--region', 'zuid-limburg']))
      .toEqual({ ok: true, email: 'An@Example.nl', name: 'An de Vries', membership: { role: 'coordinator', regionId: 'zuid-limburg' } });
    expect(parseCommand(['create', '--email', 'a@b.nl', '--name', 'B', '--role', 'provider-editor', '--organization', 'zorggroep-zuid']))
      .toMatchObject({ ok: true, membership: { role: 'provider-editor', organizationId: 'zorggroep-zuid' } });
    expect(parseCommand(['create', '--email', 'geen-adres', '--name', 'B', '--role', 'coordinator', '--region', 'zuid-limburg']))
      .toEqual({ ok: false, message: '--email: not a valid email address' });
    expect(parseCommand(['create', '--email', 'a@b.nl', '--name', 'B', '--role', 'coordinator'])).toMatchObject({ ok: false, message: expect.stringContaining('--region') as string });
    expect(parseCommand(['create', '--email', 'a@b.nl', '--name', 'B', '--role', 'admin', '--region', 'x'])).toMatchObject({ ok: false });
    expect(parseCommand(['create', '--email', 'a@b.nl', '--bogus', 'x'])).toMatchObject({ ok: false, message: expect.stringContaining('bogus') as string });
    expect(parseCommand(['delete'])).toEqual({ ok: false, message: 'Unknown command "delete".' });
  });

  it('creates the account, then adds a second membership to it, and the person can sign in with both', async () => {
    const first = await grantMembership(deps(), { email: ' Nieuw@Zuid-Limburg.example', name: 'Nina Nieuw', membership: { role: 'coordinator', regionId: 'zuid-limburg' } });
    expect(first.created).toBe(true);
    const second = await grantMembership(deps(), { email: 'nieuw@zuid-limburg.example', name: 'Nina Nieuw', membership: { role: 'coordinator', regionId: 'rotterdam' } });
    expect(second).toEqual({ accountId: first.accountId, created: false });
    const account = await stores.accounts.getAccount(first.accountId);
    expect(account?.account.email).toBe('nieuw@zuid-limburg.example');
    expect(account?.memberships).toHaveLength(2);
  });

  it('refuses an unknown region or organisation and writes nothing', async () => {
    const refused = grantMembership(deps(), { email: 'x@example.nl', name: 'X', membership: { role: 'coordinator', regionId: 'atlantis' } });
    await expect(refused).rejects.toThrow(UnknownScopeError);
    await expect(refused).rejects.toThrow(/Region "atlantis" does not exist. Known regions: rotterdam, zuid-limburg/);
    await expect(grantMembership(deps(), { email: 'x@example.nl', name: 'X', membership: { role: 'provider-admin', organizationId: 'bestaat-niet' } }))
      .rejects.toThrow(/Organisation "bestaat-niet" does not exist/);
    expect(await stores.accounts.findAccountByEmail('x@example.nl')).toBeUndefined();
  });
});

describe('demonstration accounts', () => {
  it('makes a coordinator per demonstration region once', async () => {
    const regions = await stores.regions.listRegions();
    expect((await seedDemoAccounts(deps(), regions)).sort()).toEqual(['coordinator@rotterdam.example', 'coordinator@zuid-limburg.example']);
    expect(await seedDemoAccounts(deps(), regions)).toEqual([]);
    const zl = await stores.accounts.findAccountByEmail('coordinator@zuid-limburg.example');
    expect((await stores.accounts.getAccount(zl?.id as string))?.memberships).toEqual([{ role: 'coordinator', regionId: 'zuid-limburg' }]);
  });
});

describe('demonstration provider accounts', () => {
  it('makes an admin and an editor for each stored demonstration organisation, once, who can sign in to their listing', async () => {
    const organizations = await demoOrganizations();
    expect(organizations.length).toBeGreaterThanOrEqual(16);
    const [first, second] = organizations as [{ id: string; name: string }, { id: string; name: string }];
    // Only the first is stored here: the second gets no accounts (its scope does not exist).
    const outcome = await importListing(listingDocument({ organization: { id: first.id, name: first.name, regionIds: ['zuid-limburg'] } }), { ...stores, clock });
    expect(outcome.ok).toBe(true);
    const made = await seedDemoAccounts(deps(), [], [first, second]);
    expect(made).toEqual([`beheer@${first.id}.example`, `redactie@${first.id}.example`]);
    expect(await seedDemoAccounts(deps(), [], [first, second])).toEqual([]);
    const editor = await stores.accounts.findAccountByEmail(`redactie@${first.id}.example`);
    expect((await stores.accounts.getAccount(editor?.id as string))?.memberships).toEqual([{ role: 'provider-editor', organizationId: first.id }]);

    expect((await staff.post('/api/auth/code', { email: `redactie@${first.id}.example` })).status).toBe(202);
    const signedIn = await staff.post('/api/auth/sign-in', { email: `redactie@${first.id}.example`, code: codeIn((await staff.mails()).at(-1) as string) });
    const listing = await staff.get(`/api/provider/organizations/${first.id}`, cookieOf(signedIn));
    expect(listing.status).toBe(200);
    expect((await staff.get(`/api/provider/organizations/${second.id}`, cookieOf(signedIn))).status).toBe(403);
  });
});

describe('the local server', () => {
  it('answers the staff API beside the public one', async () => {
    const server = createLocalServerApp(createTestApp(stores, clock), await mkdtemp(join(tmpdir(), 'woonwijzer-site-')), staff.app);
    expect((await server.request(`${TEST_ORIGIN}/api/regions`)).status).toBe(200);
    const me = await server.request(`${TEST_ORIGIN}/api/auth/me`);
    expect(me.status).toBe(401);
    const code = await server.request(`${TEST_ORIGIN}/api/auth/code`, {
      method: 'POST', headers: { origin: TEST_ORIGIN, 'content-type': 'application/json' }, body: JSON.stringify({ email: 'coordinator@rotterdam.example' }),
    });
    expect(code.status).toBe(202);
    expect((await server.request(`${TEST_ORIGIN}/api/nothing-here`)).status).toBe(404);
    // Each app's own document, on one origin.
    const publicDoc = (await (await server.request(`${TEST_ORIGIN}/api/openapi.json`)).json()) as { info: { title: string } };
    const staffDoc = (await (await server.request(`${TEST_ORIGIN}/api/staff/openapi.json`)).json()) as { info: { title: string }; paths: object };
    expect(publicDoc.info.title).toBe('Woonwijzer API');
    expect(staffDoc.info.title).toBe('Woonwijzer staff API');
    expect(Object.keys(staffDoc.paths)).toContain('/api/auth/sign-in');
  });
});
