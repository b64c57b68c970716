// An attacker's requests against the coordinators' admissions, the coordinator's audit trail and
// the provider inbox's marks, over DynamoDB Local: ids that only look like a taken one, admissions
// raced in parallel, another region taking over a removed provider (and with it an inbox of shared
// reports, which is health data), an invitation used after its organisation was removed, another
// region's audit records, and marking a share whose access ended or that went to another provider.
import { beforeAll, describe, expect, it } from 'vitest';
import { readQuestionnaire } from '../../functions/listings/listing-files.ts';
import { importListing } from '../../functions/listings/import-listing.ts';
import { housingForm, listingDocument, location } from '../fixtures/listing.ts';
import { HF, LOC, ORG, OTHER_ORG, createProviderTestApp, type ProviderTestApp } from '../support/test-provider-app.ts';
import { movableClock } from '../support/test-staff-app.ts';
import { createSupporterTestApp, SUPPORT_BASE, type SupporterTestApp } from '../support/test-supporter-app.ts';

const ZL = '/api/coordinator/regions/zuid-limburg';
const RDAM = '/api/coordinator/regions/rotterdam';
const ACCEPT = '/api/auth/invitations/accept';

interface Problem { error: { code: string; fields?: Array<{ path: string }> } }
interface AuditRecord { action: string; organizationId: string; locationId?: string; housingFormId?: string }
const json = async <T>(res: Response) => (await res.json()) as T;

describe('a coordinator\'s admissions, attacked', () => {
  const clock = movableClock('2026-12-03T09:00:00Z');
  let t: ProviderTestApp;
  let rotterdam: string;
  const admitProvider = async (id: string, email: string, cookie = t.people.coordinator, region = ZL) =>
    t.send('POST', `${region}/organizations`, { organization: { id, name: `Zorg ${id}` }, admin: { email, name: 'Anna Admin' } }, cookie);
  const admitSupport = async (id: string, email: string, cookie = t.people.coordinator, region = ZL) =>
    t.send('POST', `${region}/support-organizations`, { supportOrganization: { id, name: `Steun ${id}` }, admin: { email, name: 'Anna Admin' } }, cookie);
  const remove = (id: string, cookie = t.people.coordinator, region = ZL) => t.send('DELETE', `${region}/organizations/${id}`, { confirm: id }, cookie);
  const tokenMailedTo = async (email: string) => {
    const mail = (await t.mails()).filter((m) => m.includes(`To: ${email}`)).at(-1) ?? '';
    return /#token=([A-Za-z0-9_-]{43})/.exec(mail)?.[1] ?? '';
  };
  const auditOf = async (cookie: string, region: string, organizationId: string) => {
    const res = await t.send('GET', `${region}/audit?organizationId=${organizationId}`, undefined, cookie);
    expect(res.status).toBe(200);
    return (await json<{ records: AuditRecord[] }>(res)).records;
  };

  beforeAll(async () => {
    t = await createProviderTestApp({ clock });
    rotterdam = await t.signIn('coordinator@rotterdam.example', [{ role: 'coordinator', regionId: 'rotterdam' }], 'Ruud Rotterdam');
  }, 60_000);

  it('refuses ids that only look like a taken one (case, look-alike letters and dashes, spaces) as invalid, storing nothing', async () => {
    const lookAlikes = [
      ORG.toUpperCase(), `Zorggroep-test`, `${ORG} `, ` ${ORG}`, `${ORG}\t`,
      'zorggr\u043Eep-test', // Cyrillic o
      'zorggroep\u2010test', // Unicode hyphen
      'zorggroep-te\u0455t', // Cyrillic dze, looks like s
      `${ORG}\u200B`, // zero-width space
      'zorggroe\u0301p-test', // combining accent
    ];
    const before = await t.storedState();
    for (const id of lookAlikes) {
      for (const res of [await admitProvider(id, 'kaper@example.com'), await admitSupport(id, 'kaper@example.com')]) {
        expect(res.status, JSON.stringify(id)).toBe(400);
        expect((await json<Problem>(res)).error.code).toBe('validation_error');
      }
    }
    expect(await t.storedState()).toEqual(before);
  });

  it('admits one of two parallel admissions of the same id, of either kind, with one invitation', async () => {
    const races: Array<[string, () => Promise<Response>, () => Promise<Response>]> = [
      ['race-zorg', () => admitProvider('race-zorg', 'een@race.example'), () => admitProvider('race-zorg', 'twee@race.example', rotterdam, RDAM)],
      ['race-steun', () => admitSupport('race-steun', 'een@race.example'), () => admitSupport('race-steun', 'twee@race.example', rotterdam, RDAM)],
      // Before, both of these were admitted: a provider and a support organisation under one id.
      ...[1, 2, 3].map((n): [string, () => Promise<Response>, () => Promise<Response>] => [
        `race-mix-${n}`, () => admitProvider(`race-mix-${n}`, 'een@race.example'), () => admitSupport(`race-mix-${n}`, 'twee@race.example', rotterdam, RDAM),
      ]),
    ];
    for (const [id, first, second] of races) {
      const statuses = (await Promise.all([first(), second()])).map((r) => r.status).sort();
      expect(statuses, id).toEqual([201, 409]);
      const provider = await t.stores.providerListings.getOrganization(id);
      const support = await t.stores.supportOrganizations.getSupportOrganization(id);
      expect([provider, support].filter(Boolean), id).toHaveLength(1);
      expect(await t.stores.invitations.listInvitations(id), id).toHaveLength(1);
    }
  });

  it('keeps markup and line breaks in an organisation\'s name out of the invitation mail\'s headers', async () => {
    const hostile = 'Steun <img src=x onerror=alert(1)>\r\nBcc: kaper@evil.example';
    const res = await t.send('POST', `${ZL}/support-organizations`, {
      supportOrganization: { id: 'steun-met-kop', name: hostile }, admin: { email: 'beheer@steun-met-kop.example', name: 'Anna Admin' },
    }, t.people.coordinator);
    expect(res.status).toBe(201);
    const mail = (await t.mails()).filter((m) => m.includes('To: beheer@steun-met-kop.example')).at(-1) ?? '';
    const headers = mail.slice(0, mail.search(/\r?\n\r?\n/)).split(/\r?\n/);
    expect(headers.some((h) => /^bcc:/i.test(h))).toBe(false);
    expect(headers.filter((h) => /^to:/i.test(h))).toEqual(['To: beheer@steun-met-kop.example']);
    // The hub gets the name as typed, as text: its page writes it with text nodes only (no innerHTML).
    const hubRes = await t.send('GET', `${ZL}/organizations`, undefined, t.people.coordinator);
    const { supportOrganizations } = await json<{ supportOrganizations: Array<{ id: string; name: string }> }>(hubRes);
    expect(supportOrganizations.find((s) => s.id === 'steun-met-kop')?.name).toBe(hostile.trim());
  });

  it('refuses a coordinator\'s import that would make a provider under a support organisation\'s id (one id, one organisation)', async () => {
    const id = 'steun-als-zorg';
    expect((await admitSupport(id, 'beheer@steun-als-zorg.example')).status).toBe(201);
    const doc = listingDocument({
      organization: { id, name: 'Zorg onder een steun-code', regionIds: ['zuid-limburg'] },
      locations: [location({ id: 'steun-als-zorg-loc', name: 'Locatie', housingForms: [housingForm({ id: 'wonen', name: 'Wonen' })] })],
    });
    const before = await t.storedListing();
    // Before, this made a care provider beside the support organisation: their invitations are listed by the bare id.
    const res = await t.send('PUT', `${ZL}/listings/${id}`, doc, t.people.coordinator);
    expect(res.status).toBe(409);
    expect(await json<Problem>(res)).toMatchObject({ error: { code: 'id_taken', fields: [{ path: 'organization.id' }] } });
    expect(await t.stores.providerListings.getOrganization(id)).toBeUndefined();
    expect(await t.storedListing()).toEqual(before);
    // The operator's command line import is refused alike.
    expect(await importListing(doc, { ...t.stores, clock })).toMatchObject({ ok: false, status: 409, code: 'id_taken' });
  });

  it('keeps a removed provider from another region\'s coordinator, however it was removed', async () => {
    // Active in both regions; Rotterdam removes it first, Zuid-Limburg last: only Zuid-Limburg may admit it again.
    const id = 'twee-keer-weg';
    const doc = listingDocument({
      organization: { id, name: 'Twee Keer Weg', regionIds: ['zuid-limburg', 'rotterdam'] },
      locations: [location({ id: 'twee-keer-weg-loc', name: 'Locatie', housingForms: [housingForm({ id: 'wonen', name: 'Wonen' })] })],
    });
    expect((await importListing(doc, { ...t.stores, clock })).ok).toBe(true);
    clock.advance(60_000);
    expect((await remove(id, rotterdam, RDAM)).status).toBe(200);
    clock.advance(60_000);
    expect((await remove(id)).status).toBe(200);
    clock.advance(60_000);
    for (const res of [await admitProvider(id, 'overname@rotterdam.example', rotterdam, RDAM), await admitSupport(id, 'overname@rotterdam.example', rotterdam, RDAM)]) {
      expect(res.status).toBe(409);
    }
    expect((await t.stores.providerListings.getOrganization(id))?.value.regionIds).toEqual([]);
    expect(await t.stores.invitations.listInvitations(id)).toEqual([]);
    // Two parallel re-admissions by the region that removed it: one wins, one invitation stands.
    const statuses = (await Promise.all([admitProvider(id, 'een@terug.example'), admitProvider(id, 'twee@terug.example')])).map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409]);
    expect((await t.stores.invitations.listInvitations(id)).map((i) => i.email)).toHaveLength(1);
  });

  it('a removed provider\'s staff cannot place a location in another region, so no other region\'s hub lists it (and invites to it)', async () => {
    const id = 'staf-blijft';
    expect((await admitProvider(id, 'beheer@staf-blijft.example')).status).toBe(201);
    const editor = await t.signIn('redactie@staf-blijft.example', [{ role: 'provider-editor', organizationId: id }], 'Eef Editor');
    clock.advance(60_000);
    expect((await remove(id)).status).toBe(200);
    const rotterdamLocation = location({ id: 'staf-blijft-rotterdam', name: 'Aan de Maas', address: { street: 'Boompjes', houseNumber: '1', postcode: '3011 XB', city: 'Rotterdam' }, housingForms: [housingForm({ id: 'wonen', name: 'Wonen' })] });
    const res = await t.send('POST', `/api/provider/organizations/${id}/locations`, { location: rotterdamLocation }, editor);
    expect(res.status).toBe(400);
    expect((await t.stores.providerListings.getOrganization(id))?.value.regionIds).toEqual([]);
    const rotterdamHub = await json<{ providers: Array<{ id: string }> }>(await t.send('GET', `${RDAM}/organizations`, undefined, rotterdam));
    expect(rotterdamHub.providers.map((p) => p.id)).not.toContain(id);
    const hijack = await t.send('POST', `${RDAM}/organizations/${id}/invitations`, { email: 'kaper@rotterdam.example', name: 'Kees Kaper', role: 'provider-admin' }, rotterdam);
    expect(hijack.status).toBe(403);
    expect(await t.stores.invitations.listInvitations(id)).toEqual([]);
  });

  it('an invitation to a provider removed from its last region no longer gives access to it', async () => {
    const id = 'snel-weg';
    const email = 'beheer@snel-weg.example';
    expect((await admitProvider(id, email)).status).toBe(201);
    const token = await tokenMailedTo(email);
    expect(token).not.toBe('');
    clock.advance(60_000);
    expect((await remove(id)).status).toBe(200);

    // Before, the link still made its holder the admin of a provider no hub listed any more (so none could withdraw it).
    const accepted = await t.send('POST', ACCEPT, { token });
    expect(accepted.status).toBe(400);
    expect((await json<Problem>(accepted)).error.code).toBe('invitation_unusable');
    expect(await t.stores.accounts.findAccountByEmail(email)).toBeUndefined();
    expect(await t.stores.invitations.listInvitations(id)).toEqual([]);
  });

  it('shows a region\'s coordinator no audit record of a provider that was never there, nor of the time before a location moved in', async () => {
    // Zuid-Limburg's provider: nothing of it in Rotterdam's trail.
    expect(await auditOf(rotterdam, RDAM, ORG)).toEqual([]);
    expect(await auditOf(rotterdam, RDAM, OTHER_ORG)).toEqual([]);
    // Edited in Zuid-Limburg (audited), then moved to Rotterdam by an import (which writes no record):
    // Rotterdam's coordinator gets none of its Zuid-Limburg records; Zuid-Limburg's keeps them.
    const id = 'verhuist-per-import';
    const ref = { locationId: 'verhuis-loc', housingFormId: 'wonen' };
    const doc = (address: ReturnType<typeof location>['address']) => listingDocument({
      organization: { id, name: 'Verhuist', regionIds: ['zuid-limburg', 'rotterdam'] },
      locations: [location({ id: ref.locationId, name: 'Verhuis', address, housingForms: [housingForm({ id: ref.housingFormId, name: 'Wonen' })] })],
    });
    expect((await importListing(doc(location().address), { ...t.stores, clock })).ok).toBe(true);
    clock.advance(60_000);
    const form = await t.stores.providerListings.readHousingForm(id, ref);
    await t.stores.providerListings.updateWaitingList(id, ref, { status: 'closed' }, form?.version ?? -1, { by: { accountId: 'editor', name: 'Eva Editor' }, now: clock.now() });
    clock.advance(60_000);
    expect((await importListing(doc({ street: 'Boompjes', houseNumber: '1', postcode: '3011 XB', city: 'Rotterdam' }), { ...t.stores, clock })).ok).toBe(true);
    expect((await t.stores.providerListings.readLocation(id, ref.locationId))?.value.regionId).toBe('rotterdam');
    expect(await auditOf(rotterdam, RDAM, id)).toEqual([]);
    expect((await auditOf(t.people.coordinator, ZL, id)).map((r) => r.action)).toEqual(['waiting-list']);
  });
});

describe('the provider inbox\'s marks, attacked', () => {
  const clock = movableClock('2026-12-03T10:00:00Z');
  let t: SupporterTestApp;
  const inbox = (org = ORG) => `/api/provider/organizations/${org}/inbox`;
  const provider = () => ({ by: { accountId: 'provider-editor', name: 'Eva Editor' }, now: clock.now() });

  beforeAll(async () => {
    t = await createSupporterTestApp({ clock });
    const questionnaire = await readQuestionnaire('zuid-limburg');
    if (questionnaire) await t.stores.regions.putQuestionnaire(questionnaire);
  }, 60_000);

  async function sharedTo(providers: string[]) {
    const made = await t.call('POST', `${SUPPORT_BASE}/dossiers`, { label: 'K.L.', regionId: 'zuid-limburg' }, t.people.supporter);
    const path = `${SUPPORT_BASE}/dossiers/${made.body.id}`;
    const answers = { 'wie-vult-in': { choice: 'ondersteuner' }, 'over-mij': { text: 'Ik wandel graag.' } };
    expect((await t.call('POST', `${path}/answers`, { basedOn: 0, questionnaireId: 'zuid-limburg', questionnaireVersion: 1, answers }, t.people.supporter)).status).toBe(201);
    expect((await t.call('PUT', `${path}/shortlist`, { version: 0, entries: [{ locationId: LOC, housingFormId: HF, note: 'Vlakbij.' }] }, t.people.supporter)).status).toBe(200);
    const consent = await t.call('POST', `${path}/consents`, { providers, method: 'signed-form', givenBy: 'client', givenOn: '2026-12-01' }, t.people.supporter);
    expect(consent.status).toBe(201);
    const shared = await t.call('POST', `${path}/shares`, { providers: [providers[0]] }, t.people.supporter);
    expect(shared.status).toBe(201);
    const found = await t.stores.dossiers.getShare(providers[0] ?? '', shared.body.shares[0].id);
    if (!found) throw new Error('The share was just sent.');
    return { path, consentId: consent.body.id as string, share: found.share };
  }

  it('never marks a share whose dossier was deleted after access was judged, nor answers it', async () => {
    const { path, share } = await sharedTo([ORG]);
    const found = await t.stores.dossiers.getShare(ORG, share.id);
    if (!found) throw new Error('The share was just sent.');
    expect((await t.send('DELETE', path, undefined, t.people.supporter)).status).toBe(204);
    await expect(t.stores.dossiers.recordShareRead(found, provider())).rejects.toThrow();
    await expect(t.stores.dossiers.answerShare(found, { kind: 'meet' }, found.share.version, provider())).rejects.toThrow();
    expect(await t.stores.dossiers.getShare(ORG, share.id)).toBeUndefined();
    expect((await t.call('GET', `${inbox()}/${share.id}`, undefined, t.people.editor)).status).toBe(404);
    expect((await t.call('POST', `${inbox()}/${share.id}/answer`, { version: found.share.version, response: { kind: 'meet' } }, t.people.editor)).status).toBe(404);
  });

  it('never lets another provider mark or answer a share, through its own inbox or the owner\'s', async () => {
    const { path, share } = await sharedTo([ORG, OTHER_ORG]);
    const own = await t.call('GET', `${inbox(OTHER_ORG)}/${share.id}`, undefined, t.people.otherEditor);
    expect(own.status).toBe(404);
    expect((await t.call('POST', `${inbox(OTHER_ORG)}/${share.id}/answer`, { version: share.version, response: { kind: 'meet' } }, t.people.otherEditor)).status).toBe(404);
    expect((await t.call('GET', `${inbox()}/${share.id}`, undefined, t.people.otherEditor)).status).toBe(403);
    expect((await t.call('POST', `${inbox()}/${share.id}/answer`, { version: share.version, response: { kind: 'meet' } }, t.people.otherEditor)).status).toBe(403);
    const seen = (await t.call('GET', `${path}/shares`, undefined, t.people.supporter)).body.shares.find((s: { id: string }) => s.id === share.id);
    expect(seen.openedAt).toBeUndefined();
    expect(seen.answers).toEqual([]);
  });

  it('answers 404, marking nothing, for a share read after its consent was withdrawn', async () => {
    const { path, share, consentId } = await sharedTo([ORG]);
    expect((await t.call('POST', `${path}/consents/${consentId}/withdraw`, { version: 1 }, t.people.supporter)).status).toBe(200);
    expect((await t.call('GET', `${inbox()}/${share.id}`, undefined, t.people.editor)).status).toBe(404);
    expect((await t.call('POST', `${inbox()}/${share.id}/answer`, { version: share.version, response: { kind: 'meet' } }, t.people.editor)).status).toBe(404);
    const seen = (await t.call('GET', `${path}/shares`, undefined, t.people.supporter)).body.shares.find((s: { id: string }) => s.id === share.id);
    expect(seen.openedAt).toBeUndefined();
    expect(seen.answers).toEqual([]);
  });
});
