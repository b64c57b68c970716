// The supporters' dossier API over DynamoDB Local, as a supporter would use it: start a dossier,
// save answers in versions, keep a shortlist and notes, record and withdraw consent for named
// providers, hand the dossier to a colleague; and what is refused: nobody signed in (401), another
// support organisation or a provider (403), a dossier of another organisation under one's own
// (404), a stale version (409), a label that reads as a BSN or a date and other bad input (400,
// in Dutch), a request from another site. The audit trail records each view and change, never
// the content, and only the organisation's admin reads it.
import { beforeAll, describe, expect, it } from 'vitest';
import { OTHER_ORG, ORG } from '../support/test-provider-app.ts';
import { movableClock, TEST_ORIGIN } from '../support/test-staff-app.ts';
import { createSupporterTestApp, OTHER_SUPPORT_BASE, SUPPORT_BASE, type SupporterTestApp } from '../support/test-supporter-app.ts';

const clock = movableClock('2026-12-03T10:00:00Z');
let t: SupporterTestApp;

beforeAll(async () => {
  t = await createSupporterTestApp({ clock });
}, 30_000);

const ANSWERS = { 'care-need': { choice: 'dementia' }, wishes: { text: 'Wil graag een tuin.' } };

async function newDossier(label = 'M.J.', cookie = t.people.supporter) {
  const res = await t.call('POST', `${SUPPORT_BASE}/dossiers`, { label, regionId: 'zuid-limburg' }, cookie);
  expect(res.status).toBe(201);
  return res.body as { id: string; version: number };
}

describe('a supporter\'s dossier', () => {
  it('is started, listed, read whole and changed with its version', async () => {
    const dossier = await newDossier('Mevr. K.');
    expect(dossier).toMatchObject({ label: 'Mevr. K.', regionId: 'zuid-limburg', status: 'exploring', version: 1, assignedTo: { name: 'Sanne Steun' } });

    const list = await t.call('GET', `${SUPPORT_BASE}/dossiers`, undefined, t.people.colleague);
    expect(list.status).toBe(200);
    expect(list.body.dossiers.map((d: { id: string }) => d.id)).toContain(dossier.id);

    const changed = await t.call('PATCH', `${SUPPORT_BASE}/dossiers/${dossier.id}`, { version: 1, status: 'indication-applied' }, t.people.supporter);
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ status: 'indication-applied', label: 'Mevr. K.', version: 2 });

    const stale = await t.call('PATCH', `${SUPPORT_BASE}/dossiers/${dossier.id}`, { version: 1, label: 'K.' }, t.people.colleague);
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'version_conflict', current: { version: 2, status: 'indication-applied' } });

    const read = await t.call('GET', `${SUPPORT_BASE}/dossiers/${dossier.id}`, undefined, t.people.colleague);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ dossier: { label: 'Mevr. K.', version: 2 }, shortlist: { entries: [], version: 0 }, notes: [], consents: [] });
  });

  it('keeps every saved version of the answers, refuses a save based on an old one, and reads each back', async () => {
    const { id } = await newDossier();
    const path = `${SUPPORT_BASE}/dossiers/${id}/answers`;
    const first = await t.call('POST', path, { basedOn: 0, questionnaireId: 'zuid-limburg', questionnaireVersion: 1, answers: ANSWERS }, t.people.supporter);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ answersVersion: 1, savedBy: { name: 'Sanne Steun' } });
    clock.advance(60_000);
    const changed = { ...ANSWERS, wishes: { text: 'Wil nu liever dicht bij haar dochter wonen.' } };
    const second = await t.call('POST', path, { basedOn: 1, questionnaireId: 'zuid-limburg', questionnaireVersion: 1, answers: changed }, t.people.colleague);
    expect(second.status).toBe(201);
    expect(second.body.answersVersion).toBe(2);

    const late = await t.call('POST', path, { basedOn: 1, questionnaireId: 'zuid-limburg', questionnaireVersion: 1, answers: ANSWERS }, t.people.supporter);
    expect(late.status).toBe(409);
    expect(late.body.error.current.latest).toMatchObject({ answersVersion: 2, savedBy: { name: 'Chris Collega' } });
    const ahead = await t.call('POST', path, { basedOn: 5, questionnaireId: 'zuid-limburg', questionnaireVersion: 1, answers: ANSWERS }, t.people.supporter);
    expect(ahead.status).toBe(409);

    const versions = await t.call('GET', path, undefined, t.people.supporter);
    expect(versions.body.versions.map((v: { answersVersion: number; savedBy: { name: string } }) => [v.answersVersion, v.savedBy.name]))
      .toEqual([[1, 'Sanne Steun'], [2, 'Chris Collega']]);
    expect(JSON.stringify(versions.body)).not.toContain('tuin');
    expect((await t.call('GET', `${path}/1`, undefined, t.people.supporter)).body.answers).toEqual(ANSWERS);
    expect((await t.call('GET', `${path}/2`, undefined, t.people.supporter)).body.answers).toEqual(changed);
    expect((await t.call('GET', `${path}/3`, undefined, t.people.supporter)).status).toBe(404);
    const file = await t.call('GET', `${SUPPORT_BASE}/dossiers/${id}`, undefined, t.people.supporter);
    expect(file.body.latestAnswers).toMatchObject({ answersVersion: 2 });
  });

  it('keeps a shortlist with notes (versioned) and free-text notes', async () => {
    const { id } = await newDossier();
    const path = `${SUPPORT_BASE}/dossiers/${id}/shortlist`;
    const entries = [{ locationId: 'de-linde-maastricht', housingFormId: 'kleinschalig-wonen', note: 'Dicht bij de dochter.' }];
    const saved = await t.call('PUT', path, { version: 0, entries }, t.people.supporter);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ entries, version: 1 });
    expect((await t.call('PUT', path, { version: 0, entries: [] }, t.people.colleague)).status).toBe(409);
    expect((await t.call('PUT', path, { version: 1, entries: [...entries, ...entries] }, t.people.colleague)).status).toBe(400);

    const note = await t.call('POST', `${SUPPORT_BASE}/dossiers/${id}/notes`, { text: 'Gesprek gehad met de dochter.' }, t.people.supporter);
    expect(note.status).toBe(201);
    const file = await t.call('GET', `${SUPPORT_BASE}/dossiers/${id}`, undefined, t.people.supporter);
    expect(file.body.shortlist).toMatchObject({ entries, version: 1 });
    expect(file.body.notes.map((n: { text: string }) => n.text)).toEqual(['Gesprek gehad met de dochter.']);
  });
});

describe('consents', () => {
  it('are recorded for named providers with a 12-month default, valid now, and end at once on withdrawal', async () => {
    const { id } = await newDossier();
    const path = `${SUPPORT_BASE}/dossiers/${id}/consents`;
    const given = await t.call('POST', path, { providers: [ORG, OTHER_ORG], method: 'signed-form', givenBy: 'client', givenOn: '2026-12-01' }, t.people.supporter);
    expect(given.status).toBe(201);
    expect(given.body).toMatchObject({ providers: [ORG, OTHER_ORG], expiresOn: '2027-12-01', state: 'valid', validNow: true, version: 1 });

    const withdrawn = await t.call('POST', `${path}/${given.body.id}/withdraw`, { version: 1 }, t.people.colleague);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ state: 'withdrawn', validNow: false, withdrawnBy: { name: 'Chris Collega' } });
    const again = await t.call('POST', `${path}/${given.body.id}/withdraw`, { version: 2 }, t.people.supporter);
    expect(again.status).toBe(409);
    expect(again.body.error.current.withdrawnAt).toBe(withdrawn.body.withdrawnAt);

    const list = await t.call('GET', path, undefined, t.people.supporter);
    expect(list.body.consents).toEqual([expect.objectContaining({ id: given.body.id, state: 'withdrawn', validNow: false })]);
  });

  it('hold until the day before their end date, and no longer on it', async () => {
    const { id } = await newDossier();
    const path = `${SUPPORT_BASE}/dossiers/${id}/consents`;
    const base = { providers: [ORG], method: 'spoken-noted', givenBy: 'legal-representative', givenOn: '2026-11-01' };
    // The test's clock says 3 December 2026.
    const endsTomorrow = await t.call('POST', path, { ...base, expiresOn: '2026-12-04' }, t.people.supporter);
    // A second later, so the list (oldest first) has them in this order.
    clock.advance(1000);
    const endsToday = await t.call('POST', path, { ...base, expiresOn: '2026-12-03' }, t.people.supporter);
    expect([endsTomorrow.status, endsToday.status]).toEqual([201, 201]);
    const list = await t.call('GET', path, undefined, t.people.supporter);
    expect(list.body.consents.map((c: { expiresOn: string; state: string; validNow: boolean }) => [c.expiresOn, c.state, c.validNow])).toEqual([
      ['2026-12-04', 'valid', true], ['2026-12-03', 'expired', false],
    ]);
  });

  it('refuses unknown providers, a day in the future, an end before the start and unknown ways of giving, in Dutch', async () => {
    const { id } = await newDossier();
    const path = `${SUPPORT_BASE}/dossiers/${id}/consents`;
    const base = { providers: [ORG], method: 'digital', givenBy: 'client', givenOn: '2026-12-01' };
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ ...base, providers: [ORG, 'bestaat-niet'] }, 'providers.1', /kennen we niet/],
      [{ ...base, givenOn: '2026-12-04' }, 'givenOn', /toekomst/],
      [{ ...base, expiresOn: '2026-11-30' }, 'expiresOn', /na de datum/],
      [{ ...base, givenOn: '2026-02-30' }, 'givenOn', /jaar-maand-dag/],
      [{ ...base, method: 'telepathy' }, 'method', /Kies uit/],
      [{ ...base, providers: [] }, 'providers', /minstens 1/],
    ];
    for (const [body, field, message] of cases) {
      const res = await t.call('POST', path, body, t.people.supporter);
      expect(res.status, field).toBe(400);
      expect(res.body.error.fields, field).toEqual(expect.arrayContaining([expect.objectContaining({ path: field, message: expect.stringMatching(message) })]));
    }
    const list = await t.call('GET', path, undefined, t.people.supporter);
    expect(list.body.consents).toEqual([]);
  });
});

describe('client labels', () => {
  it('refuses what reads as a citizen service number or a date of birth, with a Dutch message, and stores nothing', async () => {
    const before = await t.storedDossierState();
    for (const [label, message] of [
      ['111222333', /burgerservicenummer/], ['M. 1112.22.333', /burgerservicenummer/], ['J.K. 12-03-1945', /geboortedatum/],
      ['12 maart 1945', /geboortedatum/], ['', /initialen/], ['x'.repeat(41), /hoogstens 40/],
    ] as const) {
      const res = await t.call('POST', `${SUPPORT_BASE}/dossiers`, { label, regionId: 'zuid-limburg' }, t.people.supporter);
      expect(res.status, label).toBe(400);
      expect(res.body.error.fields, label).toEqual([expect.objectContaining({ path: 'label', message: expect.stringMatching(message) })]);
    }
    expect(await t.storedDossierState()).toEqual(before);
  });

  it('refuses a region the organisation does not work in', async () => {
    const res = await t.call('POST', `${SUPPORT_BASE}/dossiers`, { label: 'A.B.', regionId: 'rotterdam' }, t.people.supporter);
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([expect.objectContaining({ path: 'regionId', message: expect.stringMatching(/werkt niet in regio/) })]);
  });
});

describe('hand-over', () => {
  it('gives the dossier to a colleague of the same organisation, recorded in the dossier', async () => {
    const { id } = await newDossier();
    const colleagues = await t.call('GET', `${SUPPORT_BASE}/colleagues`, undefined, t.people.supporter);
    const chris = colleagues.body.colleagues.find((c: { name: string }) => c.name === 'Chris Collega');
    expect(chris).toMatchObject({ roles: ['supporter'] });
    const other = (await t.stores.accounts.findAccountByEmail('ondersteuner@zorgbelang-test.example'))?.id;

    const refused = await t.call('POST', `${SUPPORT_BASE}/dossiers/${id}/hand-over`, { version: 1, toAccountId: other }, t.people.supporter);
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields[0]).toMatchObject({ path: 'toAccountId' });
    // Found by fast-check: an id that is no account id at all is a 400 too, not a 500.
    for (const toAccountId of ['__proto__', ' ', 'ACCOUNT#x']) {
      expect((await t.call('POST', `${SUPPORT_BASE}/dossiers/${id}/hand-over`, { version: 1, toAccountId }, t.people.supporter)).status).toBe(400);
    }

    const handed = await t.call('POST', `${SUPPORT_BASE}/dossiers/${id}/hand-over`, { version: 1, toAccountId: chris.accountId }, t.people.supporter);
    expect(handed.status).toBe(200);
    expect(handed.body).toMatchObject({ assignedTo: { name: 'Chris Collega' }, version: 2 });
    const file = await t.call('GET', `${SUPPORT_BASE}/dossiers/${id}`, undefined, t.people.colleague);
    expect(file.body.handovers).toEqual([expect.objectContaining({ from: expect.objectContaining({ name: 'Sanne Steun' }), to: expect.objectContaining({ name: 'Chris Collega' }), by: expect.objectContaining({ name: 'Sanne Steun' }) })]);
    expect((await t.call('POST', `${SUPPORT_BASE}/dossiers/${id}/hand-over`, { version: 1, toAccountId: chris.accountId }, t.people.supporter)).status).toBe(400);
  });
});

describe('the audit trail', () => {
  it('records each view and change with who and when, never the content, and only the admin reads it', async () => {
    const { id } = await newDossier('P.Q.');
    // A second apart, so the newest-first order is the order of the steps.
    clock.advance(1000);
    await t.call('POST', `${SUPPORT_BASE}/dossiers/${id}/notes`, { text: 'Geheime notitie over de gezondheid.' }, t.people.supporter);
    clock.advance(1000);
    await t.call('GET', `${SUPPORT_BASE}/dossiers/${id}`, undefined, t.people.colleague);
    clock.advance(1000);
    await t.call('POST', `${SUPPORT_BASE}/dossiers/${id}/consents`, { providers: [ORG], method: 'digital', givenBy: 'client', givenOn: '2026-12-02' }, t.people.supporter);

    for (const cookie of [t.people.supporter, t.people.colleague, t.people.otherSupporter, t.people.admin]) {
      expect((await t.call('GET', `${SUPPORT_BASE}/dossiers/${id}/audit`, undefined, cookie)).status).toBe(403);
    }
    const audit = await t.call('GET', `${SUPPORT_BASE}/dossiers/${id}/audit`, undefined, t.people.supportAdmin);
    expect(audit.status).toBe(200);
    expect(audit.body.records.map((r: { kind: string; by: { name: string } }) => [r.kind, r.by.name])).toEqual([
      ['consent-given', 'Sanne Steun'], ['viewed', 'Chris Collega'], ['note-added', 'Sanne Steun'], ['created', 'Sanne Steun'],
    ]);
    expect(JSON.stringify(audit.body)).not.toMatch(/Geheime|P\.Q\./);
  });
});

describe('who may', () => {
  let id: string;
  beforeAll(async () => {
    ({ id } = await newDossier('Z.Z.'));
  });

  it('nobody signed in: 401 everywhere', async () => {
    expect((await t.call('GET', `${SUPPORT_BASE}/dossiers`, undefined, undefined)).status).toBe(401);
    expect((await t.call('GET', `${SUPPORT_BASE}/dossiers/${id}`, undefined, undefined)).status).toBe(401);
    expect((await t.call('POST', `${SUPPORT_BASE}/dossiers`, { label: 'A.', regionId: 'zuid-limburg' }, undefined)).status).toBe(401);
  });

  it('another support organisation, a provider or a coordinator: 403 at the dossier\'s address', async () => {
    for (const cookie of [t.people.otherSupporter, t.people.editor, t.people.admin, t.people.coordinator]) {
      expect((await t.call('GET', `${SUPPORT_BASE}/dossiers/${id}`, undefined, cookie)).status).toBe(403);
      expect((await t.call('GET', `${SUPPORT_BASE}/dossiers`, undefined, cookie)).status).toBe(403);
      expect((await t.call('PATCH', `${SUPPORT_BASE}/dossiers/${id}`, { version: 1, status: 'closed' }, cookie)).status).toBe(403);
    }
  });

  it('under one\'s own organisation, another organisation\'s dossier is not there (404), alike with an id that never was', async () => {
    const theirs = await t.call('POST', `${OTHER_SUPPORT_BASE}/dossiers`, { label: 'O.', regionId: 'rotterdam' }, t.people.otherSupporter);
    expect(theirs.status).toBe(201);
    for (const dossierId of [theirs.body.id as string, '00000000-0000-0000-0000-000000000000']) {
      const read = await t.call('GET', `${SUPPORT_BASE}/dossiers/${dossierId}`, undefined, t.people.supporter);
      expect(read.status).toBe(404);
      expect((await t.call('POST', `${SUPPORT_BASE}/dossiers/${dossierId}/notes`, { text: 'x' }, t.people.supporter)).status).toBe(404);
      expect((await t.call('PATCH', `${SUPPORT_BASE}/dossiers/${dossierId}`, { version: 1, status: 'closed' }, t.people.supporter)).status).toBe(404);
    }
    const mine = await t.call('GET', `${SUPPORT_BASE}/dossiers`, undefined, t.people.supporter);
    expect(mine.body.dossiers.map((d: { id: string }) => d.id)).not.toContain(theirs.body.id);
  });

  it('a change from another site is refused and stores nothing', async () => {
    const before = await t.storedDossierState();
    const res = await t.send('POST', `${SUPPORT_BASE}/dossiers`, { label: 'X.', regionId: 'zuid-limburg' }, t.people.supporter, {
      origin: 'https://evil.example', 'sec-fetch-site': 'cross-site',
    });
    expect(res.status).toBe(403);
    const noOrigin = await t.app.request(`${TEST_ORIGIN}${SUPPORT_BASE}/dossiers`, {
      method: 'POST', headers: { cookie: t.people.supporter, 'content-type': 'application/json' }, body: JSON.stringify({ label: 'X.', regionId: 'zuid-limburg' }),
    });
    expect(noOrigin.status).toBe(403);
    expect(await t.storedDossierState()).toEqual(before);
  });

  it('lists the caller\'s support organisations with the role', async () => {
    const mine = await t.call('GET', '/api/supporter/organizations', undefined, t.people.supportAdmin);
    expect(mine.body.organizations).toEqual([{ id: 'mee-test', name: 'MEE Test', regionIds: ['zuid-limburg'], role: 'supporter-admin' }]);
  });
});

describe('kept apart', () => {
  it('writes dossiers only to the dossier table: the listing table holds nothing of them', async () => {
    await newDossier('Apart');
    const listing = await t.storedState();
    expect(listing.filter((i) => /^(DOSSIER|AUDIT)/.test(String(i.pk)) || JSON.stringify(i).includes('Apart'))).toEqual([]);
    expect((await t.storedDossierState()).some((i) => JSON.stringify(i).includes('Apart'))).toBe(true);
  });
});
