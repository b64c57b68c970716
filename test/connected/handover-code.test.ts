// A citizen's hand-over code over DynamoDB Local, as the citizen and the supporter would use it:
// the report page makes a code (no session, same-origin JSON only), the supporter types it in
// (any case, with or without the dash) and the dossier gets the answers as a new version and the
// shortlist merged, audited. What must not happen: a code working twice (one after the other or
// two at once), after 24 hours, from another site, or guessed at without limit; and the table
// holding more of the citizen than the answers and shortlist under a hash of the code.
import { beforeAll, describe, expect, it } from 'vitest';
import { HANDOVER_CODE_ALPHABET } from '../../functions/dossiers/handover-code.ts';
import { ADDRESS_HEADER, movableClock } from '../support/test-staff-app.ts';
import { createSupporterTestApp, OTHER_SUPPORT_BASE, SUPPORT_BASE, type SupporterTestApp } from '../support/test-supporter-app.ts';

const clock = movableClock('2026-12-03T10:00:00Z');
let t: SupporterTestApp;

beforeAll(async () => {
  t = await createSupporterTestApp({ clock });
}, 30_000);

const ANSWERS = { 'care-need': { choice: 'dementia' }, wishes: { text: 'Een eigen voordeur en een tuin.' } };
const CITIZEN = {
  questionnaireId: 'zuid-limburg',
  questionnaireVersion: 1,
  answers: ANSWERS,
  shortlist: [{ locationId: 'de-linde-maastricht', housingFormId: 'kleinschalig-wonen' }, { locationId: 'het-anker', housingFormId: 'groepswonen' }],
};

let addresses = 0;
/** A citizen on a network of their own makes a code (so the per-address limit of one test does not touch another's). */
async function makeCode(body: unknown = CITIZEN) {
  const res = await t.send('POST', '/api/handover', body, undefined, { [ADDRESS_HEADER]: `198.51.100.${++addresses}` });
  return { status: res.status, body: (await res.json()) as { code: string; expiresAt: string; error?: { code: string } } };
}

async function newDossier(base = SUPPORT_BASE, cookie = t.people.supporter) {
  const res = await t.call('POST', `${base}/dossiers`, { label: 'H.O.', regionId: 'zuid-limburg' }, cookie);
  expect(res.status).toBe(201);
  return res.body.id as string;
}

const redeem = (dossierId: string, code: string, cookie = t.people.supporter, base = SUPPORT_BASE) =>
  t.call('POST', `${base}/dossiers/${dossierId}/handover-codes`, { code }, cookie);

describe('a citizen\'s hand-over code', () => {
  it('is 8 characters in two groups, valid for 24 hours, and kept only as a hash with the answers and shortlist', async () => {
    const made = await makeCode();
    expect(made.status).toBe(201);
    expect(made.body.code).toMatch(new RegExp(`^[${HANDOVER_CODE_ALPHABET}]{4}-[${HANDOVER_CODE_ALPHABET}]{4}$`));
    expect(Date.parse(made.body.expiresAt) - clock.now().getTime()).toBe(24 * 3_600_000);

    const stored = (await t.storedDossierState()).filter((i) => String(i.pk).startsWith('HANDOVERCODE#'));
    const mine = stored.find((i) => JSON.stringify(i).includes('Een eigen voordeur'));
    expect(mine).toBeDefined();
    const text = JSON.stringify(mine);
    expect(text).not.toContain(made.body.code.replace('-', ''));
    expect(text).not.toContain(made.body.code);
    expect(text).not.toContain('198.51.100');
    // TTL removes it within 24 hours of its end (epoch seconds).
    expect(mine?.expiresAt).toBe(Math.ceil(Date.parse(made.body.expiresAt) / 1000));
  });

  it('hands the answers and shortlist into a dossier once: a new answers version, the shortlist merged, audited', async () => {
    const id = await newDossier();
    const base = `${SUPPORT_BASE}/dossiers/${id}`;
    expect((await t.call('POST', `${base}/answers`, { basedOn: 0, questionnaireId: 'zuid-limburg', questionnaireVersion: 1, answers: { wishes: { text: 'Oud.' } } }, t.people.supporter)).status).toBe(201);
    const kept = { locationId: 'de-linde-maastricht', housingFormId: 'kleinschalig-wonen', note: 'Al bekeken met de dochter.' };
    expect((await t.call('PUT', `${base}/shortlist`, { version: 0, entries: [kept] }, t.people.supporter)).status).toBe(200);

    const codes = async () => (await t.storedDossierState()).filter((i) => String(i.pk).startsWith('HANDOVERCODE#')).length;
    const { body: { code } } = await makeCode();
    const held = await codes();
    // Read over the phone: typed in lower case with a space instead of the dash.
    const redeemed = await redeem(id, code.toLowerCase().replace('-', ' '));
    expect(redeemed.status).toBe(200);
    expect(redeemed.body.answers).toMatchObject({ answersVersion: 2, savedBy: { name: 'Sanne Steun' } });
    expect(redeemed.body.shortlist.entries).toEqual([kept, { locationId: 'het-anker', housingFormId: 'groepswonen' }]);
    expect(redeemed.body.shortlist.version).toBe(2);

    const answers = await t.call('GET', `${base}/answers/2`, undefined, t.people.supporter);
    expect(answers.body).toMatchObject({ questionnaireId: 'zuid-limburg', questionnaireVersion: 1, answers: ANSWERS });
    const audit = await t.call('GET', `${base}/audit`, undefined, t.people.supportAdmin);
    expect(audit.body.records.map((r: { kind: string }) => r.kind)).toContain('handover-code-redeemed');

    const again = await redeem(id, code);
    expect(again.status).toBe(404);
    expect(again.body.error).toMatchObject({ code: 'handover_code_unknown', fields: [{ path: 'code', message: expect.stringContaining('al gebruikt') }] });
    // Nothing of the citizen is left outside the dossier once it is redeemed.
    expect(await codes()).toBe(held - 1);
  });

  it('starts the shortlist of a dossier that had none, and its first answers version', async () => {
    const id = await newDossier();
    const { body: { code } } = await makeCode();
    const redeemed = await redeem(id, code);
    expect(redeemed.status).toBe(200);
    expect(redeemed.body.answers.answersVersion).toBe(1);
    expect(redeemed.body.shortlist).toMatchObject({ entries: CITIZEN.shortlist, version: 1 });
  });

  it('works for one of two supporters redeeming it at the same moment', async () => {
    const [first, second] = [await newDossier(), await newDossier(SUPPORT_BASE, t.people.colleague)];
    const { body: { code } } = await makeCode();
    const results = await Promise.all([redeem(first, code), redeem(second, code, t.people.colleague)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 404]);
    const files = await Promise.all([first, second].map((id) => t.call('GET', `${SUPPORT_BASE}/dossiers/${id}/answers`, undefined, t.people.supporter)));
    expect(files.map((f) => f.body.versions.length).sort()).toEqual([0, 1]);
  });

  it('no longer works after 24 hours (410, in Dutch), and the dossier is left as it was', async () => {
    const id = await newDossier();
    const { body: { code } } = await makeCode();
    clock.advance(24 * 3_600_000 - 1000);
    try {
      const justInTime = await makeCode();
      // The sessions of the test's people end sooner than a day: a colleague signs in afresh.
      const fresh = await t.signIn('laat@mee-test.example', [{ role: 'supporter', supportOrganizationId: 'mee-test' }], 'Lotte Laat');
      clock.advance(1000);
      const before = await t.storedDossierState();
      const late = await redeem(id, code, fresh);
      expect(late.status).toBe(410);
      expect(late.body.error).toMatchObject({ code: 'handover_code_expired', message: expect.stringContaining('verlopen') });
      expect(await t.storedDossierState()).toEqual(before);
      // A code made later still works until its own end.
      expect((await redeem(id, justInTime.body.code, fresh)).status).toBe(200);
    } finally {
      clock.advance(-24 * 3_600_000);
    }
  });

  it('is redeemed only by a supporter of the dossier\'s organisation, into a dossier of it', async () => {
    const id = await newDossier();
    const { body: { code } } = await makeCode();
    expect((await redeem(id, code, t.people.otherSupporter)).status).toBe(403);
    expect((await redeem(id, code, t.people.editor)).status).toBe(403);
    const anonymous = await t.send('POST', `${SUPPORT_BASE}/dossiers/${id}/handover-codes`, { code });
    expect(anonymous.status).toBe(401);
    const foreign = await newDossier(OTHER_SUPPORT_BASE, t.people.otherSupporter);
    expect((await redeem(foreign, code)).status).toBe(404);
    // None of these used the code up.
    expect((await redeem(id, code)).status).toBe(200);
  });

  it('refuses bad input with Dutch field errors, and a request from another site', async () => {
    const bad = await makeCode({ ...CITIZEN, answers: 'alles', extra: 1 });
    expect(bad.status).toBe(400);
    const crossSite = await t.send('POST', '/api/handover', CITIZEN, undefined, { 'sec-fetch-site': 'cross-site', [ADDRESS_HEADER]: '198.51.100.250' });
    expect(crossSite.status).toBe(403);
    const formPost = await t.send('POST', '/api/handover', 'answers=1', undefined, { 'content-type': 'application/x-www-form-urlencoded', [ADDRESS_HEADER]: '198.51.100.251' });
    // A form cannot send JSON: refused before anything runs.
    expect(formPost.status).toBe(415);

    const id = await newDossier();
    const malformed = await redeem(id, 'K7M-4Q');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.fields[0]).toMatchObject({ path: 'code', message: expect.stringContaining('8 tekens') });
  });
});

describe('guessing', () => {
  it('is throttled: a supporter gets 20 tries a day, right or wrong, then a 429 in Dutch', async () => {
    const id = await newDossier(OTHER_SUPPORT_BASE, t.people.otherSupporter);
    const { body: { code } } = await makeCode();
    const wrong = code.startsWith('2') ? code.replace(/^2/, '3') : `2${code.slice(1)}`;
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await redeem(id, wrong, t.people.otherSupporter, OTHER_SUPPORT_BASE)).status);
    expect(statuses.every((s) => s === 404)).toBe(true);
    const blocked = await redeem(id, code, t.people.otherSupporter, OTHER_SUPPORT_BASE);
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.message).toContain('te vaak');
  });

  it('making codes is throttled per network address', async () => {
    const address = { [ADDRESS_HEADER]: '203.0.113.9' };
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await t.send('POST', '/api/handover', CITIZEN, undefined, address)).status);
    expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});
