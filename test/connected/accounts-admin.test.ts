// The platform operator's account command and the demonstration accounts over DynamoDB Local: a
// membership given to a new or existing address, unknown regions, organisations and support
// organisations refused with nothing written, support organisations created, the command line
// validated, the demonstration supporters with their example dossier, and the local server
// answering the staff API beside the public one.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { grantMembership, putSupportOrganization, seedDemoAccounts, UnknownScopeError } from '../../functions/accounts/accounts-admin.ts';
import { DEMO_DOSSIER_LABEL, seedDemoDossiers } from '../../functions/dossiers/demo-dossiers.ts';
import { ORG, OTHER_ORG, otherListing, testListing } from '../support/test-provider-app.ts';
import { importListing } from '../../functions/listings/import-listing.ts';
import { demoOrganizations, loadRegions } from '../../functions/listings/seed-demo.ts';
import { createLocalServerApp } from '../../functions/local/local-server.ts';
import type { Stores } from '../../functions/store/create-store.ts';
import { fixedClock } from '../../shared/clock.ts';
import { parseCommand } from '../../scripts/accounts.ts';
import { createTestApp } from '../support/test-app.ts';
import { createTestStore } from '../support/test-store.ts';
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
  it('makes a coordinator, and a support organisation with a supporter and its admin, per demonstration region once', async () => {
    const regions = await stores.regions.listRegions();
    expect((await seedDemoAccounts(deps(), regions)).sort()).toEqual([
      'beheer@clientondersteuning-rotterdam.example', 'beheer@clientondersteuning-zuid-limburg.example',
      'coordinator@rotterdam.example', 'coordinator@zuid-limburg.example',
      'ondersteuner@clientondersteuning-rotterdam.example', 'ondersteuner@clientondersteuning-zuid-limburg.example',
    ]);
    expect(await seedDemoAccounts(deps(), regions)).toEqual([]);
    const zl = await stores.accounts.findAccountByEmail('coordinator@zuid-limburg.example');
    expect((await stores.accounts.getAccount(zl?.id as string))?.memberships).toEqual([{ role: 'coordinator', regionId: 'zuid-limburg' }]);
    const supporter = await stores.accounts.findAccountByEmail('ondersteuner@clientondersteuning-zuid-limburg.example');
    expect((await stores.accounts.getAccount(supporter?.id as string))?.memberships)
      .toEqual([{ role: 'supporter', supportOrganizationId: 'clientondersteuning-zuid-limburg' }]);
    expect(await stores.supportOrganizations.getSupportOrganization('clientondersteuning-zuid-limburg'))
      .toMatchObject({ name: 'Cliëntondersteuning Zuid-Limburg (demo)', regionIds: ['zuid-limburg'] });
  });

  it('makes one example dossier per demonstration support organisation, with consent for two of the region\'s providers', async () => {
    // A store of its own: the listings imported here would take location ids the other tests use.
    const { stores: own } = await createTestStore();
    const ownDeps = { ...own, clock };
    const regions = await loadRegions(own.regions);
    await seedDemoAccounts(ownDeps, regions);
    for (const doc of [testListing(), otherListing()]) expect((await importListing(doc, ownDeps)).ok).toBe(true);
    const organizations = [{ id: ORG, regionIds: ['zuid-limburg'] }, { id: OTHER_ORG, regionIds: ['zuid-limburg'] }, { id: 'nergens', regionIds: ['zuid-limburg'] }];
    // Rotterdam has no stored providers here: no dossier there.
    expect(await seedDemoDossiers(ownDeps, regions, organizations)).toEqual(['clientondersteuning-zuid-limburg']);
    expect(await seedDemoDossiers(ownDeps, regions, organizations)).toEqual([]);
    const [dossier] = await own.dossiers.listDossiers('clientondersteuning-zuid-limburg');
    expect(dossier).toMatchObject({ label: DEMO_DOSSIER_LABEL, regionId: 'zuid-limburg', assignedTo: { name: 'Ondersteuner Zuid-Limburg' } });
    const file = await own.dossiers.readDossier('clientondersteuning-zuid-limburg', dossier?.id as string, { by: { accountId: 'test', name: 'Test' }, now: clock.now() });
    expect(file?.consents).toEqual([expect.objectContaining({ providers: [OTHER_ORG, ORG], givenOn: '2026-12-01', expiresOn: '2027-12-01' })]);
    // Its report is shared with the first of the two, whose editor finds it in the inbox; the other has none.
    const [inbox] = await own.dossiers.listInbox(OTHER_ORG);
    expect(inbox?.share).toMatchObject({ dossierId: dossier?.id, regionId: 'zuid-limburg', reference: expect.stringMatching(/^WW-[2-9A-Z]{6}$/) });
    expect(inbox?.share.report.ownWords).toEqual([expect.objectContaining({ answer: expect.stringContaining('Heerlen') })]);
    expect(inbox?.share.report.shortlist).toEqual([expect.objectContaining({ locationId: expect.any(String) })]);
    expect(await own.dossiers.listInbox(ORG)).toEqual([]);
  });
});

describe('support organisations', () => {
  it('are parsed from the command line with one or more regions', () => {
    expect(parseCommand(['create-support-organization', '--id', 'mee-zuid', '--name', 'MEE Zuid', '--region', 'zuid-limburg', '--region', 'rotterdam']))
      .toEqual({ ok: true, supportOrganization: { id: 'mee-zuid', name: 'MEE Zuid', regionIds: ['zuid-limburg', 'rotterdam'] } });
    expect(parseCommand(['create-support-organization', '--id', 'mee-zuid', '--name', 'MEE Zuid'])).toMatchObject({ ok: false, message: expect.stringContaining('--region') as string });
    expect(parseCommand(['create-support-organization', '--id', 'MEE Zuid', '--name', 'MEE', '--region', 'x'])).toMatchObject({ ok: false, message: expect.stringContaining('--id') as string });
    expect(parseCommand(['create', '--email', 'a@b.nl', '--name', 'B', '--role', 'supporter-admin', '--support-organization', 'mee-zuid']))
      .toMatchObject({ ok: true, membership: { role: 'supporter-admin', supportOrganizationId: 'mee-zuid' } });
  });

  it('are made only in configured regions, and a supporter only of one that exists', async () => {
    await expect(putSupportOrganization(deps(), { id: 'mee-atlantis', name: 'MEE', regionIds: ['atlantis'] })).rejects.toThrow(/Region "atlantis" does not exist/);
    expect(await stores.supportOrganizations.getSupportOrganization('mee-atlantis')).toBeUndefined();
    await expect(grantMembership(deps(), { email: 's@example.nl', name: 'S', membership: { role: 'supporter', supportOrganizationId: 'mee-west' } }))
      .rejects.toThrow(/Support organisation "mee-west" does not exist/);
    expect(await stores.accounts.findAccountByEmail('s@example.nl')).toBeUndefined();

    expect((await putSupportOrganization(deps(), { id: 'mee-west', name: 'MEE West', regionIds: ['rotterdam'] })).created).toBe(true);
    const granted = await grantMembership(deps(), { email: 's@example.nl', name: 'S', membership: { role: 'supporter-admin', supportOrganizationId: 'mee-west' } });
    expect((await stores.accounts.getAccount(granted.accountId))?.memberships).toEqual([{ role: 'supporter-admin', supportOrganizationId: 'mee-west' }]);
  });
});

describe('demonstration provider accounts', () => {
  it('makes an admin and an editor for each stored demonstration organisation, once, who can sign in to their listing', async () => {
    const organizations = await demoOrganizations();
    expect(organizations.length).toBeGreaterThanOrEqual(16);
    const [first, second] = organizations as unknown as [{ id: string; name: string }, { id: string; name: string }];
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
