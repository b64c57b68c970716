// The boundaries of a coordinator's admissions and audit trail over DynamoDB Local, as an attacker
// read left them and as they hold now: a care provider and a support organisation never share an id
// (their invitations are listed by the bare id, so one kind's admission could withdraw the other's
// pending invitation); an organisation removed by mistake is admitted again by the region that
// removed it, and only by that one; a location that moved to another region shows each region's
// coordinator only the records of its own time there, also for records stored before they named
// their region.
import { createHash, randomUUID } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { putSupportOrganization } from '../../functions/accounts/accounts-admin.ts';
import { importListing } from '../../functions/listings/import-listing.ts';
import { DynamoDbTable } from '../../functions/store/dynamodb/dynamodb-table.ts';
import { housingForm, listingDocument, location } from '../fixtures/listing.ts';
import { ORG, OTHER_ORG, createProviderTestApp, type ProviderTestApp } from '../support/test-provider-app.ts';
import { movableClock } from '../support/test-staff-app.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const ZL = '/api/coordinator/regions/zuid-limburg';
const RDAM = '/api/coordinator/regions/rotterdam';
const clock = movableClock('2026-12-03T09:00:00Z');

interface Problem { error: { code: string; message: string; fields?: Array<{ path: string; message: string }> } }
interface Hub {
  providers: Array<{ id: string; openInvitations: Array<{ id: string; email: string }> }>;
  supportOrganizations: Array<{ id: string; openInvitations: Array<{ id: string; email: string }> }>;
}
interface AuditRecord { changeId: string; action: string; organizationId: string; locationId?: string; housingFormId?: string }

let t: ProviderTestApp;
let rotterdam: string;
const json = async <T>(res: Response) => (await res.json()) as T;
const hub = async (cookie = t.people.coordinator, region = ZL) => json<Hub>(await t.send('GET', `${region}/organizations`, undefined, cookie));
const auditOf = async (cookie: string, region: string, organizationId: string) =>
  (await json<{ records: AuditRecord[] }>(await t.send('GET', `${region}/audit?organizationId=${organizationId}`, undefined, cookie))).records;
const admitProvider = (id: string, email: string, cookie = t.people.coordinator, region = ZL) =>
  t.send('POST', `${region}/organizations`, { organization: { id, name: `Zorg ${id}` }, admin: { email, name: 'Anna Admin' } }, cookie);
const admitSupport = (id: string, email: string, cookie = t.people.coordinator, region = ZL) =>
  t.send('POST', `${region}/support-organizations`, { supportOrganization: { id, name: `Steun ${id}` }, admin: { email, name: 'Anna Admin' } }, cookie);

beforeAll(async () => {
  t = await createProviderTestApp({ clock });
  rotterdam = await t.signIn('coordinator@rotterdam.example', [{ role: 'coordinator', regionId: 'rotterdam' }], 'Ruud Rotterdam');
}, 60_000);

describe('one id, one organisation: a care provider and a support organisation never share one', () => {
  it('refuses a support organisation under a provider\'s id at the id\'s field; the provider\'s pending invitation stays', async () => {
    const email = 'beheer@gedeeld-een.example';
    expect((await admitProvider('gedeeld-een', email)).status).toBe(201);
    const mails = (await t.mails()).length;

    const res = await admitSupport('gedeeld-een', email);
    expect(res.status).toBe(409);
    const body = await json<Problem>(res);
    expect(body.error.code).toBe('id_taken');
    expect(body.error.fields).toEqual([{ path: 'supportOrganization.id', message: expect.stringContaining('"gedeeld-een" is in use') }]);
    // Before, this made the support organisation and, the address being the same, withdrew the provider's invitation.
    expect((await hub()).providers.find((p) => p.id === 'gedeeld-een')?.openInvitations.map((i) => i.email)).toEqual([email]);
    expect(await t.stores.supportOrganizations.getSupportOrganization('gedeeld-een')).toBeUndefined();
    expect((await t.mails()).length).toBe(mails);
  });

  it('refuses a provider under a support organisation\'s id; the support organisation\'s pending invitation stays', async () => {
    const email = 'beheer@gedeeld-twee.example';
    expect((await admitSupport('gedeeld-twee', email)).status).toBe(201);

    const res = await admitProvider('gedeeld-twee', email);
    expect(res.status).toBe(409);
    expect((await json<Problem>(res)).error.fields?.map((f) => f.path)).toEqual(['organization.id']);
    expect((await hub()).supportOrganizations.find((s) => s.id === 'gedeeld-twee')?.openInvitations.map((i) => i.email)).toEqual([email]);
    expect(await t.stores.providerListings.getOrganization('gedeeld-twee')).toBeUndefined();
  });

  it('refuses an id with a pending invitation of the other kind, even with no organisation stored under it yet', async () => {
    const now = clock.now().getTime();
    const pending = (id: string, membership: { role: 'supporter-admin'; supportOrganizationId: string } | { role: 'provider-admin'; organizationId: string }) =>
      t.stores.invitations.putInvitation({
        invitationId: randomUUID(), tokenHash: sha256(id), email: `wacht@${id}.example`, name: 'Wim Wacht', membership,
        organizationName: id, invitedBy: { accountId: 'x', name: 'Carla Coördinator', role: 'coordinator' }, createdAtMs: now, expiresAtMs: now + 86_400_000,
      });
    await pending('half-steun', { role: 'supporter-admin', supportOrganizationId: 'half-steun' });
    await pending('half-zorg', { role: 'provider-admin', organizationId: 'half-zorg' });
    expect((await admitProvider('half-steun', 'a@half-steun.example')).status).toBe(409);
    expect((await admitSupport('half-zorg', 'a@half-zorg.example')).status).toBe(409);
    expect((await t.stores.invitations.listInvitations('half-steun')).map((i) => i.email)).toEqual(['wacht@half-steun.example']);
    expect((await t.stores.invitations.listInvitations('half-zorg')).map((i) => i.email)).toEqual(['wacht@half-zorg.example']);
  });

  it('an invitation replaces only an earlier one of the same kind: a provider admin\'s invitation leaves a support organisation\'s under the same id', async () => {
    // Ids shared before this rule (stored data): the provider's admin invites the address a support organisation of the same id is inviting.
    const now = clock.now().getTime();
    await t.stores.invitations.putInvitation({
      invitationId: randomUUID(), tokenHash: sha256('oud-gedeeld'), email: 'zelfde@adres.example', name: 'Zoë Zelfde',
      membership: { role: 'supporter-admin', supportOrganizationId: ORG }, organizationName: 'Steun met dezelfde code',
      invitedBy: { accountId: 'x', name: 'Carla Coördinator', role: 'coordinator' }, createdAtMs: now, expiresAtMs: now + 86_400_000,
    });
    const res = await t.send('POST', `/api/provider/organizations/${ORG}/invitations`, { email: 'zelfde@adres.example', name: 'Zoë Zelfde', role: 'provider-editor' }, t.people.admin);
    expect(res.status).toBe(201);
    expect((await t.stores.invitations.listInvitations(ORG)).map((i) => i.membership.role).sort()).toEqual(['provider-editor', 'supporter-admin']);
  });

  it('the operator\'s command refuses a support organisation under a provider\'s id', async () => {
    await expect(putSupportOrganization({ ...t.stores, clock }, { id: ORG, name: 'Steun', regionIds: ['zuid-limburg'] })).rejects.toThrow(/care provider's id/);
    expect(await t.stores.supportOrganizations.getSupportOrganization(ORG)).toBeUndefined();
  });
});

describe('an organisation removed by mistake', () => {
  it('is admitted again by the region that removed it, with a new invitation; the trail shows both events; an active id stays refused', async () => {
    expect((await admitProvider(ORG, 'nog@een.example')).status).toBe(409);
    clock.advance(60_000);
    expect((await t.send('DELETE', `${ZL}/organizations/${OTHER_ORG}`, { confirm: OTHER_ORG }, t.people.coordinator)).status).toBe(200);

    // Another region's coordinator would get the removed organisation's inbox: refused.
    clock.advance(60_000);
    expect((await admitProvider(OTHER_ORG, 'overname@rotterdam.example', rotterdam, RDAM)).status).toBe(409);
    expect((await t.stores.providerListings.getOrganization(OTHER_ORG))?.value.regionIds).toEqual([]);

    const mails = (await t.mails()).length;
    const res = await admitProvider(OTHER_ORG, 'terug@andere-zorg.example');
    expect(res.status).toBe(201);
    expect(await json(res)).toMatchObject({ organization: { id: OTHER_ORG, name: `Zorg ${OTHER_ORG}`, regionIds: ['zuid-limburg'] }, invitation: { email: 'terug@andere-zorg.example' } });
    expect((await t.mails()).slice(mails).some((m) => m.includes('To: terug@andere-zorg.example'))).toBe(true);
    expect((await hub()).providers.find((p) => p.id === OTHER_ORG)?.openInvitations.map((i) => i.email)).toEqual(['terug@andere-zorg.example']);
    const trail = (await auditOf(t.people.coordinator, ZL, OTHER_ORG)).filter((r) => r.locationId === undefined).map((r) => r.action);
    expect(trail).toEqual(['admitted', 'left-region']);

    // Active again: admitting it once more is refused, as for any active organisation.
    expect((await admitProvider(OTHER_ORG, 'nog-eens@andere-zorg.example')).status).toBe(409);
  });
});

describe('a location that moved to another region', () => {
  const MOVER = 'twee-regios';
  const LOC = 'de-verhuizer';
  const HF = 'wonen';

  it('shows each region\'s coordinator only the records of its own time there, also records stored before they named their region', async () => {
    const doc = listingDocument({
      organization: { id: MOVER, name: 'Twee Regio\'s', regionIds: ['zuid-limburg', 'rotterdam'] },
      locations: [location({ id: LOC, name: 'De Verhuizer', housingForms: [housingForm({ id: HF, name: 'Wonen' })] })],
    });
    expect((await importListing(doc, { ...t.stores, clock })).ok).toBe(true);
    const by = { accountId: 'editor', name: 'Eva Editor' };
    const ref = { locationId: LOC, housingFormId: HF };
    const formVersion = async () => (await t.stores.providerListings.readHousingForm(MOVER, ref))?.version ?? -1;

    clock.advance(60_000);
    await t.stores.providerListings.updateWaitingList(MOVER, ref, { status: 'closed' }, await formVersion(), { by, now: clock.now() });
    clock.advance(60_000);
    const stored = await t.stores.providerListings.readLocation(MOVER, LOC);
    if (!stored) throw new Error('The location was imported.');
    await t.stores.providerListings.updateLocation(MOVER, {
      ...stored.value, address: { street: 'Boompjes', houseNumber: '1', postcode: '3011 XB', city: 'Rotterdam' }, regionId: 'rotterdam',
    }, stored.version, { by, now: clock.now() });
    clock.advance(60_000);
    await t.stores.providerListings.updateWaitingList(MOVER, ref, { status: 'short', weeks: 4 }, await formVersion(), { by, now: clock.now() });

    const kinds = (records: AuditRecord[]) => records.map((r) => `${r.action}${r.housingFormId ? ' form' : ' location'}`);
    const expectEachRegionItsOwn = async () => {
      // Zuid-Limburg: the waiting list closed while it was there, and the move away; not the later edit in Rotterdam.
      expect(kinds(await auditOf(t.people.coordinator, ZL, MOVER))).toEqual(['updated location', 'waiting-list form']);
      // Rotterdam: the move in and the edit since; not the record of its time in Zuid-Limburg.
      expect(kinds(await auditOf(rotterdam, RDAM, MOVER))).toEqual(['waiting-list form', 'updated location']);
    };
    await expectEachRegionItsOwn();

    // Records stored before they named their region: judged by the location's own records.
    const table = new DynamoDbTable(t.client, t.tableName);
    for (const item of (await t.storedListing()).filter((i) => i.pk === `HISTORY#${MOVER}`)) {
      await table.doc.send(new UpdateCommand({ TableName: t.tableName, Key: { pk: item.pk, sk: item.sk }, UpdateExpression: 'REMOVE regionId, fromRegionId' }));
    }
    expect((await t.storedListing()).filter((i) => i.pk === `HISTORY#${MOVER}`).some((i) => 'regionId' in i)).toBe(false);
    await expectEachRegionItsOwn();
  });
});
