// A dossier is health data about a client: nothing of it (the label, answers, notes, the shortlist's
// notes, which providers a client consented to) may reach a log line. Every supporter route is
// driven with distinctive content: answered, refused by validation (the 400 names the field, the
// log does not), refused by membership, and failing inside (a dossier store whose errors carry the
// request, as a client library's errors can). Everything written to stdout and stderr is
// captured; the failures must be logged, without the content.
import { randomBytes } from 'node:crypto';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createStaffApp } from '../../functions/api/staff/app.ts';
import { log } from '../../functions/platform/log.ts';
import type { DossierStore } from '../../functions/store/dossier-store.ts';
import { captureOutput, type CapturedOutput } from '../support/output-capture.ts';
import { ORG } from '../support/test-provider-app.ts';
import { movableClock, TEST_ORIGIN } from '../support/test-staff-app.ts';
import { createSupporterTestApp, SUPPORT_BASE, type SupporterTestApp } from '../support/test-supporter-app.ts';

const LABEL = 'Qwixley';
const FREE_TEXT = 'Zij vergeet haar insuline sinds de zomer';
const POSTCODE = '6224 XK';
const NOTE = 'Dochter belde over de valpartij in de badkamer';
const SHORTLIST_NOTE = 'Voorkeur vanwege de zeldzaamheidsklinkers';
const SECRETS = [LABEL, FREE_TEXT, 'insuline', POSTCODE, '6224', NOTE, 'valpartij', SHORTLIST_NOTE, 'zeldzaamheidsklinkers'];

const answers = { 'over-mij': { text: FREE_TEXT }, plaats: { postcode: POSTCODE, maxDistanceKm: 10 }, zorg: { choice: 'dementie' } };

let t: SupporterTestApp;
let output: CapturedOutput;

beforeAll(async () => {
  t = await createSupporterTestApp({ clock: movableClock('2026-12-03T10:00:00Z') });
}, 30_000);

beforeEach(() => {
  log.setLogLevel('DEBUG');
  output = captureOutput();
});
afterEach(() => output.restore());

/** Whatever was logged, with no secret in it. */
function expectNoSecrets() {
  const text = output.text();
  for (const secret of SECRETS) expect(text, `"${secret}" in the log`).not.toContain(secret);
}

describe('dossier content never reaches a log line', () => {
  it('through every route, answered and refused', async () => {
    const created = await t.call('POST', `${SUPPORT_BASE}/dossiers`, { label: LABEL, regionId: 'zuid-limburg' }, t.people.supporter);
    expect(created.status).toBe(201);
    const path = `${SUPPORT_BASE}/dossiers/${created.body.id as string}`;
    const calls: Array<[string, string, unknown, string | undefined, number]> = [
      ['POST', `${path}/answers`, { basedOn: 0, questionnaireId: 'zuid-limburg', questionnaireVersion: 1, answers }, t.people.supporter, 201],
      ['GET', `${path}/answers/1`, undefined, t.people.supporter, 200],
      ['GET', `${path}/answers`, undefined, t.people.supporter, 200],
      ['POST', `${path}/notes`, { text: NOTE }, t.people.supporter, 201],
      ['PUT', `${path}/shortlist`, { version: 0, entries: [{ locationId: 'de-linde-maastricht', housingFormId: 'kleinschalig-wonen', note: SHORTLIST_NOTE }] }, t.people.supporter, 200],
      ['POST', `${path}/consents`, { providers: [ORG], method: 'signed-form', givenBy: 'client', givenOn: '2026-12-01' }, t.people.supporter, 201],
      ['GET', `${path}/consents`, undefined, t.people.supporter, 200],
      ['GET', path, undefined, t.people.colleague, 200],
      ['GET', `${SUPPORT_BASE}/dossiers`, undefined, t.people.supporter, 200],
      ['PATCH', path, { version: 1, label: `${LABEL} B.` }, t.people.supporter, 200],
      ['GET', `${path}/audit`, undefined, t.people.supportAdmin, 200],
      // Refused: bad input naming the content, stale versions, outsiders.
      ['POST', `${SUPPORT_BASE}/dossiers`, { label: `${LABEL} 111222333`, regionId: 'zuid-limburg' }, t.people.supporter, 400],
      ['POST', `${path}/notes`, { text: NOTE, extra: FREE_TEXT }, t.people.supporter, 400],
      ['POST', `${path}/answers`, { basedOn: 0, questionnaireId: 'zuid-limburg', questionnaireVersion: 1, answers }, t.people.supporter, 409],
      ['PATCH', path, { version: 1, label: LABEL }, t.people.supporter, 409],
      ['GET', path, undefined, t.people.otherSupporter, 403],
      ['POST', `${path}/notes`, { text: NOTE }, t.people.editor, 403],
      ['POST', `${path}/notes`, { text: NOTE }, undefined, 401],
    ];
    for (const [method, url, body, cookie, status] of calls) {
      const res = await t.send(method as 'GET', url, body, cookie);
      expect(res.status, `${method} ${url}`).toBe(status);
    }
    // The report shared, read and answered in the provider's inbox (a no-fit reason naming the content), and refused shares.
    const shared = await t.call('POST', `${path}/shares`, { providers: [ORG] }, t.people.supporter);
    expect(shared.status).toBe(201);
    const inbox = `/api/provider/organizations/${ORG}/inbox/${shared.body.shares[0].id as string}`;
    const read = await t.call('GET', inbox, undefined, t.people.editor);
    expect(read.status).toBe(200);
    expect((await t.call('POST', `${inbox}/answer`, { version: read.body.version, response: { kind: 'no-fit', reason: FREE_TEXT } }, t.people.editor)).status).toBe(200);
    expect((await t.call('POST', `${inbox}/answer`, { version: 1, response: { kind: 'no-fit', reason: FREE_TEXT } }, t.people.editor)).status).toBe(409);
    expect((await t.call('POST', `${path}/shares`, { providers: [ORG, LABEL] }, t.people.supporter)).status).toBe(400);
    expect((await t.call('GET', `${path}/shares`, undefined, t.people.supporter)).status).toBe(200);
    expectNoSecrets();
  });

  it('through the hand-over code: made, refused, redeemed, used up and expired', async () => {
    const created = await t.call('POST', `${SUPPORT_BASE}/dossiers`, { label: LABEL, regionId: 'zuid-limburg' }, t.people.supporter);
    const path = `${SUPPORT_BASE}/dossiers/${created.body.id as string}/handover-codes`;
    const citizen = { questionnaireId: 'zuid-limburg', questionnaireVersion: 1, answers, shortlist: [{ locationId: 'de-linde-maastricht', housingFormId: 'kleinschalig-wonen' }] };
    const made = await t.call('POST', '/api/handover', citizen, undefined);
    expect(made.status).toBe(201);
    const code = made.body.code as string;
    expect((await t.call('POST', '/api/handover', { ...citizen, extra: FREE_TEXT }, undefined)).status).toBe(400);
    expect((await t.call('POST', path, { code: `${code}-${POSTCODE}` }, t.people.supporter)).status).toBe(400);
    expect((await t.call('POST', path, { code }, t.people.otherSupporter)).status).toBe(403);
    expect((await t.call('POST', path, { code }, t.people.supporter)).status).toBe(200);
    expect((await t.call('POST', path, { code }, t.people.supporter)).status).toBe(404);
    expectNoSecrets();
    // The code itself is the key to the answers until it is redeemed: it is no log line either.
    expect(output.text()).not.toContain(code);
    expect(output.text()).not.toContain(code.replace('-', ''));
  });

  it('when the store fails inside, the 500 is logged without the content it was given', async () => {
    // The store's errors carry what it was asked to store, on the cause, as a client library's can.
    const failing = new Proxy(t.stores.dossiers, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => Promise.reject(new Error('Dossier table write failed', { cause: Object.assign(new Error('socket hang up'), { args }) }));
      },
    }) as DossierStore;
    const app = createStaffApp({
      ...t.stores, dossiers: failing, photos: t.photos, siteUrl: TEST_ORIGIN, mailer: { send: () => Promise.resolve() }, clock: movableClock('2026-12-03T10:00:00Z'),
      secret: randomBytes(32), clientAddress: () => '192.0.2.1',
    });
    const send = (method: string, path: string, body?: unknown) =>
      app.request(`${TEST_ORIGIN}${path}`, {
        method,
        headers: { cookie: t.people.supporter, ...(method === 'GET' ? {} : { origin: TEST_ORIGIN, 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    const path = `${SUPPORT_BASE}/dossiers/00000000-0000-0000-0000-000000000001`;
    const statuses = [
      (await send('POST', `${SUPPORT_BASE}/dossiers`, { label: LABEL, regionId: 'zuid-limburg' })).status,
      (await send('POST', `${path}/answers`, { basedOn: 0, questionnaireId: 'zuid-limburg', questionnaireVersion: 1, answers })).status,
      (await send('POST', `${path}/notes`, { text: NOTE })).status,
      (await send('PUT', `${path}/shortlist`, { version: 0, entries: [{ locationId: 'de-linde-maastricht', housingFormId: 'kleinschalig-wonen', note: SHORTLIST_NOTE }] })).status,
    ];
    expect(statuses).toEqual([500, 500, 500, 500]);
    const failures = output.jsonLines().filter((line) => line.message === 'request failed');
    expect(failures).toHaveLength(4);
    expect(failures.map((f) => f.route)).toContain('/api/supporter/organizations/:supportOrganizationId/dossiers/:dossierId/notes');
    expectNoSecrets();
  });
});
