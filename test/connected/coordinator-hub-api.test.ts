// The coordinator's hub API over DynamoDB Local (functions/api/staff/coordinator/organizations.ts,
// attention.ts, audit.ts), as the coordinator meets it: the region's organisations with their
// staff's last sign-in and listing freshness; admitting a new provider by inviting its admin (the
// mail in the outbox); the stale and incomplete listings and a reminder, once a day; removing an
// organisation from the region (its locations leave the results, the trail keeps them); the audit
// trail filtered and paged. And as an attacker meets it: anonymous 401, another region's coordinator
// and the providers' staff 403, a page of another site refused, and fuzzing finds no 500 and no
// change stored by a refused request.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { bodyFor, hostilePath } from '../support/hostile-input.ts';
import { HF2, LOC, ORG, OTHER_LOC, OTHER_ORG, createProviderTestApp, type Method, type ProviderTestApp } from '../support/test-provider-app.ts';
import { movableClock, TEST_ORIGIN } from '../support/test-staff-app.ts';

const REGION = '/api/coordinator/regions/zuid-limburg';
const clock = movableClock('2026-11-20T12:00:00Z');

interface Provider {
  id: string; name: string; lastSignInAt?: string; locations: Array<{ id: string; name: string }>; housingForms: number;
  staff: Array<{ name: string; role: string; lastSignInAt?: string }>;
  openInvitations: Array<{ id: string; email: string }>;
  freshness: { oldestConfirmation?: string; oldestDays?: number; stale: number };
}
interface AttentionItem { organizationId: string; locationId: string; housingFormId?: string; attention: Array<{ kind: string; days?: number; fields?: string[] }> }
interface AuditRecord { changeId: string; at: string; by: { name: string }; action: string; organizationId: string; locationId?: string; housingFormId?: string; fields: string[]; removedLocationIds?: string[] }

let t: ProviderTestApp;
let rotterdamCoordinator: string;
const json = async <T>(res: Response) => (await res.json()) as T;
const providers = async (cookie = t.people.coordinator) => (await json<{ providers: Provider[] }>(await t.send('GET', `${REGION}/organizations`, undefined, cookie))).providers;
const audit = async (query = '') => json<{ records: AuditRecord[]; next?: string; error?: unknown }>(await t.send('GET', `${REGION}/audit${query}`, undefined, t.people.coordinator));

beforeAll(async () => {
  t = await createProviderTestApp({ clock });
  rotterdamCoordinator = await t.signIn('coordinator@rotterdam.example', [{ role: 'coordinator', regionId: 'rotterdam' }], 'Ruud Rotterdam');
  // An edit by the editor, for the trail: the small-scale form's waiting list closed an hour later.
  clock.advance(60 * 60_000);
  const form = `/api/provider/organizations/${ORG}/locations/${LOC}/housing-forms/kleinschalig-wonen`;
  const current = await json<{ locations: Array<{ housingForms: Array<{ housingForm: { id: string }; version: number }> }> }>(await t.send('GET', `/api/provider/organizations/${ORG}`, undefined, t.people.editor));
  const version = current.locations[0]?.housingForms.find((f) => f.housingForm.id === 'kleinschalig-wonen')?.version;
  expect((await t.send('PATCH', `${form}/waiting-list`, { version, waitingList: { status: 'closed' } }, t.people.editor)).status).toBe(200);
}, 60_000);

describe('the organisations of the region', () => {
  it('lists each provider with its staff\'s last sign-in (no addresses) and its listing\'s freshness', async () => {
    const list = await providers();
    expect(list.map((p) => p.id)).toEqual([OTHER_ORG, ORG]);
    const org = list.find((p) => p.id === ORG) as Provider;
    expect(org.staff).toEqual([
      { name: 'Bram Beheer', role: 'provider-admin', lastSignInAt: '2026-11-20T12:00:00.000Z' },
      { name: 'Eva Editor', role: 'provider-editor', lastSignInAt: '2026-11-20T12:00:00.000Z' },
    ]);
    expect(org.lastSignInAt).toBe('2026-11-20T12:00:00.000Z');
    expect(JSON.stringify(list)).not.toContain('@');
    // Logeren was confirmed on 1 October: 50 days by now, the one stale waiting list.
    expect(org.freshness).toEqual({ oldestConfirmation: '2026-10-01', oldestDays: 50, stale: 1 });
    expect(org.locations).toEqual([{ id: LOC, name: 'De Linde' }, { id: 'het-anker', name: 'Het Anker' }]);
    expect(org.housingForms).toBe(3);
  });

  it('admits a new provider by inviting its first admin: the mail is in the outbox, the organisation listed with the open invitation', async () => {
    clock.advance(60_000);
    const mails = (await t.mails()).length;
    const res = await t.send('POST', `${REGION}/organizations`, {
      organization: { id: 'nieuwe-zorg', name: 'Nieuwe Zorg' }, admin: { email: 'Directie@Nieuwe-Zorg.example', name: 'Dirk Directie' },
    }, t.people.coordinator);
    expect(res.status).toBe(201);
    const body = await json<{ organization: { regionIds: string[] }; invitation: { id: string; email: string } }>(res);
    expect(body.organization.regionIds).toEqual(['zuid-limburg']);
    const sent = (await t.mails()).slice(mails);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('To: directie@nieuwe-zorg.example');
    expect(sent[0]).toContain('Nieuwe Zorg');
    const admitted = (await providers()).find((p) => p.id === 'nieuwe-zorg');
    expect(admitted).toMatchObject({ name: 'Nieuwe Zorg', staff: [], locations: [], freshness: { stale: 0 } });
    expect(admitted?.openInvitations.map((i) => i.email)).toEqual(['directie@nieuwe-zorg.example']);

    const again = await t.send('POST', `${REGION}/organizations`, { organization: { id: ORG, name: 'Dubbel' }, admin: { email: 'x@example.nl', name: 'X' } }, t.people.coordinator);
    expect(again.status).toBe(409);
    expect((await t.mails()).length).toBe(mails + 1);
  });

  it('admits a support organisation by inviting its first admin, who accepts and becomes its supporter-admin', async () => {
    const mails = (await t.mails()).length;
    const res = await t.send('POST', `${REGION}/support-organizations`, {
      supportOrganization: { id: 'mee-heuvelland', name: 'MEE Heuvelland' }, admin: { email: 'coordinatie@mee-heuvelland.example', name: 'Mia Mee' },
    }, t.people.coordinator);
    expect(res.status).toBe(201);
    const mail = (await t.mails()).slice(mails).find((m) => m.includes('To: coordinatie@mee-heuvelland.example')) ?? '';
    expect(mail).toContain('MEE Heuvelland');
    const { supportOrganizations } = await json<{ supportOrganizations: Array<{ id: string; regionIds?: string[]; openInvitations: Array<{ email: string }> }> }>(
      await t.send('GET', `${REGION}/organizations`, undefined, t.people.coordinator));
    expect(supportOrganizations.find((s) => s.id === 'mee-heuvelland')?.openInvitations.map((i) => i.email)).toEqual(['coordinatie@mee-heuvelland.example']);

    const token = /#token=([A-Za-z0-9_-]{43})/.exec(mail)?.[1] ?? '';
    const accepted = await t.send('POST', '/api/auth/invitations/accept', { token });
    expect(accepted.status).toBe(200);
    expect(await json(accepted)).toMatchObject({ organizationId: 'mee-heuvelland', role: 'supporter-admin', accountCreated: true });
    const account = await t.stores.accounts.findAccountByEmail('coordinatie@mee-heuvelland.example');
    expect((await t.stores.accounts.getAccount(account?.id ?? ''))?.memberships).toEqual([{ role: 'supporter-admin', supportOrganizationId: 'mee-heuvelland' }]);
    expect((await t.send('POST', `${REGION}/support-organizations`, {
      supportOrganization: { id: 'mee-heuvelland', name: 'Dubbel' }, admin: { email: 'x@example.nl', name: 'X' },
    }, t.people.coordinator)).status).toBe(409);
    expect((await t.send('POST', `${REGION}/support-organizations`, {
      supportOrganization: { id: 'mee-elders', name: 'Elders' }, admin: { email: 'y@example.nl', name: 'Y' },
    }, rotterdamCoordinator)).status).toBe(403);
  });

  it('refuses an admission with field errors, nothing admitted', async () => {
    const res = await t.send('POST', `${REGION}/organizations`, { organization: { id: 'Niet Goed', name: '' }, admin: { email: 'geen-adres', name: 'A' } }, t.people.coordinator);
    expect(res.status).toBe(400);
    const paths = (await json<{ error: { fields: Array<{ path: string }> } }>(res)).error.fields.map((f) => f.path).sort();
    expect(paths).toEqual(expect.arrayContaining(['admin.email', 'organization.id', 'organization.name']));
  });
});

describe('stale and incomplete listings', () => {
  it('names each item and what it lacks, stale waiting lists first; filters by organisation and kind', async () => {
    const res = await t.send('GET', `${REGION}/attention`, undefined, t.people.coordinator);
    expect(res.status).toBe(200);
    const { items } = await json<{ items: AttentionItem[] }>(res);
    expect(items[0]).toMatchObject({ organizationId: ORG, locationId: LOC, housingFormId: HF2, attention: expect.arrayContaining([{ kind: 'waiting-list-stale', days: 50 }]) });
    expect(items.some((i) => i.attention.some((a) => a.kind === 'no-photo'))).toBe(true);
    const stale = await json<{ items: AttentionItem[] }>(await t.send('GET', `${REGION}/attention?kind=waiting-list-stale&organizationId=${ORG}`, undefined, t.people.coordinator));
    expect(stale.items.map((i) => i.housingFormId)).toEqual([HF2]);
    expect((await t.send('GET', `${REGION}/attention?kind=everything`, undefined, t.people.coordinator)).status).toBe(400);
  });

  it('mails the organisation\'s staff what to update, once a day: the list says when the last reminder went', async () => {
    const mails = (await t.mails()).length;
    const res = await t.send('POST', `${REGION}/organizations/${ORG}/reminder`, {}, t.people.coordinator);
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ recipients: 2, sentAt: '2026-11-20T13:01:00.000Z', nextAllowedAt: '2026-11-21T13:01:00.000Z' });
    const sent = (await t.mails()).slice(mails);
    expect(sent.map((m) => /^To: (.*)$/m.exec(m)?.[1]).sort()).toEqual([`beheer@${ORG}.example`, `redactie@${ORG}.example`]);
    expect(sent[0]).toContain('Logeren, De Linde (Maastricht): wachtlijst 50 dagen niet bevestigd');
    expect(sent[0]).toContain('waiting list not confirmed for 50 days');

    const twice = await t.send('POST', `${REGION}/organizations/${ORG}/reminder`, {}, t.people.coordinator);
    expect(twice.status).toBe(429);
    expect(Number(twice.headers.get('retry-after'))).toBe(24 * 60 * 60);
    expect((await t.mails()).length).toBe(mails + 2);
    const { reminders } = await json<{ reminders: Array<{ organizationId: string; sentAt: string; by: { name: string } }> }>(await t.send('GET', `${REGION}/attention`, undefined, t.people.coordinator));
    expect(reminders).toEqual([{ organizationId: ORG, sentAt: '2026-11-20T13:01:00.000Z', by: { name: 'Carla Coördinator' }, nextAllowedAt: '2026-11-21T13:01:00.000Z' }]);
  });

  it('refuses a reminder when nothing needs updating, and to an organisation not in the region: nothing mailed', async () => {
    const mails = (await t.mails()).length;
    const empty = await t.send('POST', `${REGION}/organizations/nieuwe-zorg/reminder`, {}, t.people.coordinator);
    expect(empty.status).toBe(409);
    expect((await json<{ error: { code: string } }>(empty)).error.code).toBe('nothing_to_update');
    expect((await t.send('POST', `${REGION}/organizations/maaszorg/reminder`, {}, t.people.coordinator)).status).toBe(404);
    expect((await t.mails()).length).toBe(mails);
  });
});

describe('the audit trail', () => {
  it('shows who changed what and when, newest first, with the changed fields by name; filters and pages', async () => {
    const { records } = await audit();
    expect(records[0]).toMatchObject({ action: 'admitted', organizationId: 'nieuwe-zorg', by: { name: 'Carla Coördinator' } });
    const edit = records.find((r) => r.action === 'waiting-list');
    expect(edit).toMatchObject({ organizationId: ORG, locationId: LOC, housingFormId: 'kleinschalig-wonen', by: { name: 'Eva Editor' }, fields: ['waitingList'] });
    expect((await audit(`?action=waiting-list&organizationId=${ORG}&locationId=${LOC}`)).records.map((r) => r.changeId)).toEqual([edit?.changeId]);
    expect((await audit('?from=2026-11-21')).records).toEqual([]);
    expect((await audit('?from=2026-11-20&to=2026-11-20')).records.length).toBe(records.length);

    const first = await audit('?limit=1');
    expect(first.records).toHaveLength(1);
    const second = await audit(`?limit=1&cursor=${first.next ?? ''}`);
    expect(second.records.map((r) => r.changeId)).toEqual([records[1]?.changeId]);
    expect((await t.send('GET', `${REGION}/audit?cursor=bm90LWEtY3Vyc29y`, undefined, t.people.coordinator)).status).toBe(400);
    expect((await t.send('GET', `${REGION}/audit?from=2026-11-31`, undefined, t.people.coordinator)).status).toBe(400);
  });
});

describe('removing an organisation from the region', () => {
  it('asks for the id again; then its locations leave the region\'s results and the trail keeps them', async () => {
    const wrong = await t.send('DELETE', `${REGION}/organizations/${OTHER_ORG}`, { confirm: ORG }, t.people.coordinator);
    expect(wrong.status).toBe(400);
    expect(await t.stores.listings.getLocation(OTHER_LOC)).toBeDefined();

    clock.advance(60_000);
    const res = await t.send('DELETE', `${REGION}/organizations/${OTHER_ORG}`, { confirm: OTHER_ORG }, t.people.coordinator);
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ removed: true, removedLocationIds: [OTHER_LOC], activeElsewhere: [] });
    expect(await t.stores.listings.getLocation(OTHER_LOC)).toBeUndefined();
    expect((await t.stores.listings.loadRegion('zuid-limburg')).candidates.some((c) => c.organizationId === OTHER_ORG)).toBe(false);
    expect((await providers()).map((p) => p.id)).not.toContain(OTHER_ORG);
    // Its editor can no longer be reminded through the region, nor the organisation removed twice.
    expect((await t.send('DELETE', `${REGION}/organizations/${OTHER_ORG}`, { confirm: OTHER_ORG }, t.people.coordinator)).status).toBe(404);

    const { records } = await audit(`?organizationId=${OTHER_ORG}`);
    // One moment, so in no particular order among themselves.
    expect(records.map((r) => [r.action, r.locationId ?? '', r.housingFormId ?? ''].join(' ')).sort())
      .toEqual([`left-region  `, `removed ${OTHER_LOC} `, `removed ${OTHER_LOC} wonen`]);
    expect(records.find((r) => r.action === 'left-region')?.removedLocationIds).toEqual([OTHER_LOC]);
  });
});

describe('who may use the hub', () => {
  const reads = [`${REGION}/organizations`, `${REGION}/attention`, `${REGION}/audit`];

  it('nobody signed in: 401; another region\'s coordinator and the providers\' staff: 403', async () => {
    for (const path of reads) {
      expect((await t.send('GET', path)).status).toBe(401);
      for (const cookie of [rotterdamCoordinator, t.people.admin, t.people.editor]) expect((await t.send('GET', path, undefined, cookie)).status).toBe(403);
    }
    const admission = { organization: { id: 'van-elders', name: 'Van Elders' }, admin: { email: 'elders@example.nl', name: 'Elders' } };
    expect((await t.send('POST', `${REGION}/organizations`, admission, rotterdamCoordinator)).status).toBe(403);
    expect((await t.send('POST', `${REGION}/organizations/${ORG}/reminder`, {}, t.people.admin)).status).toBe(403);
  });

  it('a request from another site is refused and changes nothing', async () => {
    const before = await t.storedState();
    const mails = (await t.mails()).length;
    const hostile = { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' };
    const tries: Array<[Method, string, unknown]> = [
      ['POST', `${REGION}/organizations`, { organization: { id: 'kwaad', name: 'Kwaad' }, admin: { email: 'k@example.nl', name: 'K' } }],
      ['POST', `${REGION}/organizations/${ORG}/reminder`, {}],
      ['DELETE', `${REGION}/organizations/${ORG}`, { confirm: ORG }],
    ];
    for (const [method, path, body] of tries) {
      expect((await t.send(method, path, body, t.people.coordinator, hostile)).status).toBe(403);
      // A form post (no JSON) from the site itself is refused too.
      const form = await t.app.request(`${TEST_ORIGIN}${path}`, { method, headers: { origin: TEST_ORIGIN, 'content-type': 'application/x-www-form-urlencoded', cookie: t.people.coordinator }, body: 'confirm=x' });
      expect(form.status).toBeGreaterThanOrEqual(400);
    }
    expect(await t.storedState()).toEqual(before);
    expect((await t.mails()).length).toBe(mails);
  });
});

type Caller = 'anonymous' | 'editor' | 'admin' | 'coordinator' | 'rotterdamCoordinator';
const cookieOf = (caller: Caller) => (caller === 'anonymous' ? undefined : caller === 'rotterdamCoordinator' ? rotterdamCoordinator : t.people[caller]);

/** Sends the request; when refused, checks that nothing stored changed and no mail went out. */
async function sendChecked(method: Method, path: string, body: unknown, caller: Caller): Promise<number> {
  const before = await t.storedState();
  const mails = (await t.mails()).length;
  const res = await t.send(method, path, body, cookieOf(caller));
  expect(res.status).toBeLessThan(500);
  if (res.status >= 400) {
    expect(await t.storedState()).toEqual(before);
    expect((await t.mails()).length).toBe(mails);
  }
  return res.status;
}

const everyOutsider: Caller[] = ['anonymous', 'editor', 'admin', 'rotterdamCoordinator'];
const writeRoutes: Array<{ name: string; method: Method; path: string; body: Record<string, unknown>; outsiders: Caller[] }> = [
  // A hostile path may name Rotterdam, where its coordinator rightly admits: that one is tried apart.
  { name: 'admit an organisation', method: 'POST', path: `${REGION}/organizations`, body: { organization: { id: 'zorg-fuzz', name: 'Zorg Fuzz' }, admin: { email: 'fuzz@example.nl', name: 'Fuzz' } }, outsiders: ['anonymous', 'editor', 'admin'] },
  { name: 'remind an organisation', method: 'POST', path: `${REGION}/organizations/${ORG}/reminder`, body: {}, outsiders: everyOutsider },
  { name: 'remove an organisation', method: 'DELETE', path: `${REGION}/organizations/${ORG}`, body: { confirm: ORG }, outsiders: everyOutsider },
];

describe.each(writeRoutes)('fuzzing: $name', (route) => {
  it('from someone it is not for, with any body at its path or a hostile one: refused, nothing changed', async () => {
    await fc.assert(fc.asyncProperty(
      fc.constantFrom(...route.outsiders),
      fc.oneof(fc.constant(route.body), bodyFor(route.body)),
      fc.oneof(fc.constant(route.path), hostilePath(route.path)),
      async (caller, body, path) => {
        expect(await sendChecked(route.method, path, body, caller)).toBeGreaterThanOrEqual(400);
      },
    ), { numRuns: 25 });
  }, 120_000);

  it('from the coordinator, with hostile bodies: never a 500; what is refused changes nothing', async () => {
    await fc.assert(fc.asyncProperty(bodyFor(route.body), async (body) => {
      await sendChecked(route.method, route.path, body, 'coordinator');
    }), { numRuns: 25 });
  }, 120_000);
});

describe('fuzzing the reads', () => {
  it('any query to the trail and the attention list: never a 500', async () => {
    const value = fc.oneof(fc.string(), fc.constantFrom('2026-02-30', '9999-12-31', '-1', '0', '201', 'waiting-list', '%00', '__proto__'));
    await fc.assert(fc.asyncProperty(fc.constantFrom('audit', 'attention'), fc.dictionary(fc.constantFrom('organizationId', 'locationId', 'action', 'from', 'to', 'limit', 'cursor', 'kind', 'x'), value, { maxKeys: 4 }), async (path, query) => {
      const res = await t.send('GET', `${REGION}/${path}?${new URLSearchParams(query).toString()}`, undefined, t.people.coordinator);
      expect(res.status).toBeLessThan(500);
    }), { numRuns: 40 });
  }, 120_000);
});
