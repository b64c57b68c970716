// An attacker's pass over the supporters' dossier API over DynamoDB Local: a dossier reached through
// another support organisation's path or body, role confusion (provider staff, a coordinator, a
// supporter who is also a provider editor), hand-overs to people outside the organisation, races
// and forged versions, oversized and deeply nested bodies, and client labels that hide a citizen
// service number or a date of birth in other characters. Each refused attempt changes nothing in
// the dossier table; each accepted change leaves exactly one audit record.
import { beforeAll, describe, expect, it } from 'vitest';
import { ORG } from '../support/test-provider-app.ts';
import { movableClock } from '../support/test-staff-app.ts';
import { createSupporterTestApp, OTHER_SUPPORT, OTHER_SUPPORT_BASE, SUPPORT, SUPPORT_BASE, type SupporterTestApp } from '../support/test-supporter-app.ts';

const clock = movableClock('2026-12-03T10:00:00Z');
let t: SupporterTestApp;
let dualRole: string;

beforeAll(async () => {
  t = await createSupporterTestApp({ clock });
  dualRole = await t.signIn(`dubbel@${SUPPORT}.example`, [
    { role: 'supporter', supportOrganizationId: SUPPORT }, { role: 'provider-editor', organizationId: ORG },
  ], 'Dirk Dubbel');
}, 30_000);

const ANSWERS = { 'care-need': { choice: 'dementia' } };
const answersBody = (basedOn: unknown, answers: unknown = ANSWERS) => ({ basedOn, questionnaireId: 'zuid-limburg', questionnaireVersion: 1, answers });

async function newDossier(label = 'M.J.') {
  const res = await t.call('POST', `${SUPPORT_BASE}/dossiers`, { label, regionId: 'zuid-limburg' }, t.people.supporter);
  expect(res.status).toBe(201);
  return res.body as { id: string; version: number };
}

const accountId = async (email: string) => (await t.stores.accounts.findAccountByEmail(email))?.id as string;

/** The calls that reach a dossier, each with a body that would be accepted from its own supporter. */
const dossierCalls = (base: string, id: string): Array<[string, string, unknown]> => [
  ['GET', `${base}/dossiers/${id}`, undefined],
  ['PATCH', `${base}/dossiers/${id}`, { version: 1, status: 'closed' }],
  ['POST', `${base}/dossiers/${id}/answers`, answersBody(0)],
  ['GET', `${base}/dossiers/${id}/answers`, undefined],
  ['GET', `${base}/dossiers/${id}/answers/1`, undefined],
  ['PUT', `${base}/dossiers/${id}/shortlist`, { version: 0, entries: [] }],
  ['POST', `${base}/dossiers/${id}/notes`, { text: 'Ingebroken.' }],
  ['POST', `${base}/dossiers/${id}/consents`, { providers: [ORG], method: 'digital', givenBy: 'client', givenOn: '2026-12-01' }],
  ['GET', `${base}/dossiers/${id}/consents`, undefined],
  ['GET', `${base}/dossiers/${id}/audit`, undefined],
];

describe('a dossier of another support organisation', () => {
  it('is not found under the attacker\'s own organisation, and forbidden under its own; nothing changes', async () => {
    const { id } = await newDossier();
    await t.call('POST', `${SUPPORT_BASE}/dossiers/${id}/answers`, answersBody(0), t.people.supporter);
    const before = await t.storedDossierState();
    for (const [method, path, body] of dossierCalls(OTHER_SUPPORT_BASE, id)) {
      const res = await t.call(method as 'GET', path, body, t.people.otherSupporter);
      expect(res.status, `${method} ${path}`).toBe(path.endsWith('/audit') ? 403 : 404);
    }
    for (const [method, path, body] of dossierCalls(SUPPORT_BASE, id)) {
      expect((await t.call(method as 'GET', path, body, t.people.otherSupporter)).status, `${method} ${path}`).toBe(403);
    }
    expect(await t.storedDossierState()).toEqual(before);
  });

  it('cannot be taken over through a hand-over in the attacker\'s organisation', async () => {
    const { id } = await newDossier();
    const before = await t.storedDossierState();
    const otherColleague = await t.signIn(`collega@${OTHER_SUPPORT}.example`, [{ role: 'supporter', supportOrganizationId: OTHER_SUPPORT }], 'Olaf Ander');
    expect(otherColleague).toBeTruthy();
    const res = await t.call('POST', `${OTHER_SUPPORT_BASE}/dossiers/${id}/hand-over`,
      { version: 1, toAccountId: await accountId(`collega@${OTHER_SUPPORT}.example`) }, t.people.otherSupporter);
    expect(res.status).toBe(404);
    expect(await t.storedDossierState()).toEqual(before);
  });
});

describe('role confusion', () => {
  it('provider staff and a coordinator are refused on every supporter route; nothing changes', async () => {
    const { id } = await newDossier();
    const before = await t.storedDossierState();
    for (const cookie of [t.people.editor, t.people.admin, t.people.otherEditor, t.people.coordinator]) {
      expect((await t.call('POST', `${SUPPORT_BASE}/dossiers`, { label: 'X.', regionId: 'zuid-limburg' }, cookie)).status).toBe(403);
      expect((await t.call('GET', `${SUPPORT_BASE}/dossiers`, undefined, cookie)).status).toBe(403);
      expect((await t.call('GET', `${SUPPORT_BASE}/colleagues`, undefined, cookie)).status).toBe(403);
      for (const [method, path, body] of dossierCalls(SUPPORT_BASE, id)) {
        expect((await t.call(method as 'GET', path, body, cookie)).status, `${method} ${path}`).toBe(403);
      }
    }
    const orgs = await t.call('GET', '/api/supporter/organizations', undefined, t.people.editor);
    expect(orgs.body.organizations).toEqual([]);
    expect(await t.storedDossierState()).toEqual(before);
  });

  it('a supporter who is also a provider editor works as a supporter of their own organisation only, and is no admin', async () => {
    const { id } = await newDossier();
    expect((await t.call('GET', `${SUPPORT_BASE}/dossiers/${id}`, undefined, dualRole)).status).toBe(200);
    expect((await t.call('GET', `${SUPPORT_BASE}/dossiers/${id}/audit`, undefined, dualRole)).status).toBe(403);
    expect((await t.call('GET', `${OTHER_SUPPORT_BASE}/dossiers`, undefined, dualRole)).status).toBe(403);
    // The provider membership opens no supporter door, nor does the supporter one a provider door of another organisation.
    expect((await t.call('GET', '/api/provider/organizations/andere-zorg', undefined, dualRole)).status).toBe(403);
  });
});

describe('hand-over', () => {
  it('to someone outside the organisation (another support organisation, provider staff, nobody) is refused at the field', async () => {
    const { id } = await newDossier();
    const before = await t.storedDossierState();
    const outsiders = [
      await accountId(`ondersteuner@${OTHER_SUPPORT}.example`),
      await accountId(`redactie@${ORG}.example`),
      await accountId('coordinator@zuid-limburg.example'),
      'no-such-account',
    ];
    for (const toAccountId of outsiders) {
      const res = await t.call('POST', `${SUPPORT_BASE}/dossiers/${id}/hand-over`, { version: 1, toAccountId }, t.people.supporter);
      expect(res.status, toAccountId).toBe(400);
      expect(res.body.error.fields[0].path).toBe('toAccountId');
    }
    expect(await t.storedDossierState()).toEqual(before);
  });

  it('to a colleague names the colleague as the store has them, not as the request says', async () => {
    const { id } = await newDossier();
    const res = await t.call('POST', `${SUPPORT_BASE}/dossiers/${id}/hand-over`,
      { version: 1, toAccountId: await accountId(`collega@${SUPPORT}.example`), name: 'Iemand Anders' }, t.people.supporter);
    expect(res.status).toBe(400);
    const ok = await t.call('POST', `${SUPPORT_BASE}/dossiers/${id}/hand-over`,
      { version: 1, toAccountId: await accountId(`collega@${SUPPORT}.example`) }, t.people.supporter);
    expect(ok.status).toBe(200);
    expect(ok.body.assignedTo.name).toBe('Chris Collega');
  });
});

describe('versions and races', () => {
  it('two parallel saves of the answers from the same version: one saved, one 409, one version and one audit record', async () => {
    const { id } = await newDossier();
    const path = `${SUPPORT_BASE}/dossiers/${id}/answers`;
    const results = await Promise.all([
      t.call('POST', path, answersBody(0), t.people.supporter),
      t.call('POST', path, answersBody(0, { 'care-need': { choice: 'other' } }), t.people.colleague),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect((await t.call('GET', path, undefined, t.people.supporter)).body.versions).toHaveLength(1);
    const audit = await t.call('GET', `${SUPPORT_BASE}/dossiers/${id}/audit`, undefined, t.people.supportAdmin);
    expect(audit.body.records.filter((r: { kind: string }) => r.kind === 'answers-saved')).toHaveLength(1);
  });

  it('two parallel changes of the dossier from the same version: one 200, one 409, one audit record', async () => {
    const { id } = await newDossier();
    const results = await Promise.all([
      t.call('PATCH', `${SUPPORT_BASE}/dossiers/${id}`, { version: 1, status: 'choosing' }, t.people.supporter),
      t.call('PATCH', `${SUPPORT_BASE}/dossiers/${id}`, { version: 1, status: 'closed' }, t.people.colleague),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const audit = await t.call('GET', `${SUPPORT_BASE}/dossiers/${id}/audit`, undefined, t.people.supportAdmin);
    expect(audit.body.records.map((r: { kind: string }) => r.kind).sort()).toEqual(['created', 'updated']);
  });

  it('forged version numbers are a 400 or a 409, never a save', async () => {
    const { id } = await newDossier();
    const path = `${SUPPORT_BASE}/dossiers/${id}/answers`;
    const before = await t.storedDossierState();
    for (const basedOn of [-1, 0.5, '0', null, 1e300, Number.MAX_SAFE_INTEGER]) {
      expect((await t.call('POST', path, answersBody(basedOn), t.people.supporter)).status, String(basedOn)).toBe(400);
    }
    expect((await t.call('POST', path, answersBody(7), t.people.supporter)).status).toBe(409);
    for (const version of [0, -1, 2, 1.5]) {
      expect([400, 409], String(version)).toContain((await t.call('PATCH', `${SUPPORT_BASE}/dossiers/${id}`, { version, status: 'closed' }, t.people.supporter)).status);
    }
    expect(await t.storedDossierState()).toEqual(before);
  });
});

describe('hostile bodies', () => {
  it('oversized answers are a 413 and deeply nested ones a 400; nothing is stored', async () => {
    const { id } = await newDossier();
    const path = `${SUPPORT_BASE}/dossiers/${id}/answers`;
    const before = await t.storedDossierState();
    const big = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`q${i}`, { text: 'x'.repeat(9_000) }]));
    expect((await t.call('POST', path, answersBody(0, big), t.people.supporter)).status).toBe(413);
    const deep = `{"basedOn":0,"questionnaireId":"zuid-limburg","questionnaireVersion":1,"answers":{"a":{"text":${'['.repeat(50_000)}${']'.repeat(50_000)}}}}`;
    expect((await t.call('POST', path, deep, t.people.supporter)).status).toBe(400);
    const nested = answersBody(0, { a: { choice: 'x', extra: JSON.parse(`${'{"a":'.repeat(2_000)}1${'}'.repeat(2_000)}`) } });
    const stripped = await t.call('POST', path, nested, t.people.supporter);
    // Unknown keys of an answer are dropped (answers of a newer site still load): saved without them.
    expect(stripped.status).toBe(201);
    const saved = await t.call('GET', `${path}/1`, undefined, t.people.supporter);
    expect(saved.body.answers).toEqual({ a: { choice: 'x' } });
    expect((await t.storedDossierState()).length).toBeGreaterThan(before.length);
  });
});

describe('client labels', () => {
  it('refuse a citizen service number or a date however its digits and separators are written', async () => {
    const before = await t.storedDossierState();
    const bsn = [
      '１２３４５６７８２', // full-width digits
      '١٢٣٤٥٦٧٨٢', // Arabic-Indic digits
      '1 2 3 4 5 6 7 8 2',
      '123/456/782',
      '123_456_782',
      '123\u00a0456\u00a0782', // no-break spaces
      'A 12-34-56-782',
    ];
    for (const label of bsn) {
      const res = await t.call('POST', `${SUPPORT_BASE}/dossiers`, { label, regionId: 'zuid-limburg' }, t.people.supporter);
      expect(res.status, label).toBe(400);
      expect(res.body.error.fields[0].message, label).toContain('burgerservicenummer');
    }
    for (const label of ['１２-０３-１９４５', '12\u00a0maart\u00a01945']) {
      const res = await t.call('POST', `${SUPPORT_BASE}/dossiers`, { label, regionId: 'zuid-limburg' }, t.people.supporter);
      expect(res.status, label).toBe(400);
      expect(res.body.error.fields[0].message, label).toContain('geboortedatum');
    }
    expect(await t.storedDossierState()).toEqual(before);
    // Ordinary labels still pass.
    for (const label of ['M.J.', 'Oma Riet', 'Kamer 12', 'Dhr. V. 2']) {
      expect((await t.call('POST', `${SUPPORT_BASE}/dossiers`, { label, regionId: 'zuid-limburg' }, t.people.supporter)).status, label).toBe(201);
    }
  });
});

describe('consents', () => {
  it('naming a provider that does not exist, or an id shaped to escape, is refused at the field; nothing changes', async () => {
    const { id } = await newDossier();
    const before = await t.storedDossierState();
    for (const providers of [['bestaat-niet'], [ORG, 'bestaat-niet'], ['../andere-zorg'], ['ORG#andere-zorg']]) {
      const res = await t.call('POST', `${SUPPORT_BASE}/dossiers/${id}/consents`, { providers, method: 'digital', givenBy: 'client', givenOn: '2026-12-01' }, t.people.supporter);
      expect(res.status, providers.join()).toBe(400);
    }
    expect(await t.storedDossierState()).toEqual(before);
  });

  it('a consent id of another dossier cannot be withdrawn through this one', async () => {
    const a = await newDossier();
    const b = await newDossier();
    const given = await t.call('POST', `${SUPPORT_BASE}/dossiers/${a.id}/consents`, { providers: [ORG], method: 'digital', givenBy: 'client', givenOn: '2026-12-01' }, t.people.supporter);
    expect(given.status).toBe(201);
    const before = await t.storedDossierState();
    const res = await t.call('POST', `${SUPPORT_BASE}/dossiers/${b.id}/consents/${given.body.id}/withdraw`, { version: 1 }, t.people.supporter);
    expect(res.status).toBe(404);
    expect(await t.storedDossierState()).toEqual(before);
  });
});

describe('the audit trail', () => {
  // Records made within the same millisecond have no order among them: compared as a set.
  it('records every change and every view of content, by whom', async () => {
    const { id } = await newDossier();
    const path = `${SUPPORT_BASE}/dossiers/${id}`;
    await t.call('POST', `${path}/answers`, answersBody(0), t.people.supporter);
    await t.call('GET', `${path}/answers/1`, undefined, t.people.colleague);
    await t.call('PUT', `${path}/shortlist`, { version: 0, entries: [] }, t.people.supporter);
    await t.call('POST', `${path}/notes`, { text: 'Notitie.' }, t.people.supporter);
    const consent = await t.call('POST', `${path}/consents`, { providers: [ORG], method: 'digital', givenBy: 'client', givenOn: '2026-12-01' }, t.people.supporter);
    await t.call('POST', `${path}/consents/${consent.body.id}/withdraw`, { version: 1 }, t.people.supporter);
    await t.call('GET', `${path}/consents`, undefined, t.people.colleague);
    await t.call('PATCH', path, { version: 1, status: 'choosing' }, t.people.supporter);
    await t.call('POST', `${path}/hand-over`, { version: 2, toAccountId: await accountId(`collega@${SUPPORT}.example`) }, t.people.supporter);
    await t.call('GET', path, undefined, t.people.colleague);
    const audit = await t.call('GET', `${path}/audit`, undefined, t.people.supportAdmin);
    expect(audit.body.records.map((r: { kind: string; by: { name: string } }) => `${r.kind} ${r.by.name}`).sort()).toEqual([
      'created Sanne Steun', 'answers-saved Sanne Steun', 'answers-viewed Chris Collega', 'shortlist-changed Sanne Steun',
      'note-added Sanne Steun', 'consent-given Sanne Steun', 'consent-withdrawn Sanne Steun', 'consents-viewed Chris Collega',
      'updated Sanne Steun', 'handed-over Sanne Steun', 'viewed Chris Collega',
    ].sort());
  });
});
