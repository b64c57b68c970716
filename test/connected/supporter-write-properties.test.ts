// Random and hostile input (fast-check) at every write route of the supporters' dossier API
// (functions/api/staff/supporter/), over DynamoDB Local, as staff-write-properties.test.ts does for
// the invitations and imports: bodies near the valid one (any field, however deep, replaced by
// anything), far from it (anything at all, text that is no JSON) and paths with an id replaced by
// something hostile. Whoever sends them, the answer is never a 500; from someone the route is not
// for, every request is refused; and a refused request changes nothing in the dossier table.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ORG, OTHER_ORG, type Method } from '../support/test-provider-app.ts';
import { bodyFor, hostilePath } from '../support/hostile-input.ts';
import { sendUnchangedIfRefused } from '../support/hostile-requests.ts';
import { movableClock } from '../support/test-staff-app.ts';
import { createSupporterTestApp, SUPPORT_BASE, type SupporterTestApp } from '../support/test-supporter-app.ts';

let t: SupporterTestApp;
let dossierPath: string;
let consentId: string;
let colleagueId: string;

beforeAll(async () => {
  t = await createSupporterTestApp({ clock: movableClock('2026-12-03T10:00:00Z') });
  const dossier = await t.call('POST', `${SUPPORT_BASE}/dossiers`, { label: 'F.C.', regionId: 'zuid-limburg' }, t.people.supporter);
  expect(dossier.status).toBe(201);
  dossierPath = `${SUPPORT_BASE}/dossiers/${dossier.body.id as string}`;
  const consent = await t.call('POST', `${dossierPath}/consents`, { providers: [ORG], method: 'digital', givenBy: 'client', givenOn: '2026-12-01' }, t.people.supporter);
  expect(consent.status).toBe(201);
  consentId = consent.body.id as string;
  colleagueId = (await t.stores.accounts.findAccountByEmail('collega@mee-test.example'))?.id as string;
}, 30_000);

type Caller = 'anonymous' | 'supporter' | 'otherSupporter' | 'editor' | 'coordinator';
const cookieOf = (caller: Caller) => (caller === 'anonymous' ? undefined : t.people[caller]);
const OUTSIDERS: Caller[] = ['anonymous', 'otherSupporter', 'editor', 'coordinator'];

interface Route {
  name: string;
  method: Method;
  path: () => string;
  body: () => Record<string, unknown>;
}

const routes: Route[] = [
  { name: 'start a dossier', method: 'POST', path: () => `${SUPPORT_BASE}/dossiers`, body: () => ({ label: 'A.B.', regionId: 'zuid-limburg', status: 'exploring' }) },
  { name: 'change a dossier', method: 'PATCH', path: () => dossierPath, body: () => ({ version: 1, label: 'A.B.', status: 'choosing', regionId: 'zuid-limburg' }) },
  {
    name: 'save answers', method: 'POST', path: () => `${dossierPath}/answers`,
    body: () => ({ basedOn: 0, questionnaireId: 'zuid-limburg', questionnaireVersion: 1, answers: { wens: { choice: 'tuin', importance: 'must' } } }),
  },
  {
    name: 'replace the shortlist', method: 'PUT', path: () => `${dossierPath}/shortlist`,
    body: () => ({ version: 0, entries: [{ locationId: 'de-linde-maastricht', housingFormId: 'kleinschalig-wonen', note: 'Mooi.' }] }),
  },
  { name: 'add a note', method: 'POST', path: () => `${dossierPath}/notes`, body: () => ({ text: 'Een notitie.' }) },
  {
    name: 'record consent', method: 'POST', path: () => `${dossierPath}/consents`,
    body: () => ({ providers: [ORG, OTHER_ORG], method: 'signed-form', givenBy: 'legal-representative', givenOn: '2026-12-02', expiresOn: '2027-06-01' }),
  },
  { name: 'withdraw consent', method: 'POST', path: () => `${dossierPath}/consents/${consentId}/withdraw`, body: () => ({ version: 1 }) },
  { name: 'hand over', method: 'POST', path: () => `${dossierPath}/hand-over`, body: () => ({ version: 1, toAccountId: colleagueId }) },
];


/** Sends the request; when refused, checks that the dossier table did not change. The status. */
const sendChecked = (method: Method, path: string, body: unknown, caller: Caller) =>
  sendUnchangedIfRefused(t.storedDossierState, () => t.send(method, path, body, cookieOf(caller)), `${method} ${path}`);

describe.each(routes)('$name ($method)', (route) => {
  it('from someone it is not for, with the valid body or any other, at its path or a hostile one: refused, nothing changed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...OUTSIDERS),
        fc.oneof(fc.constant(route.body()), bodyFor(route.body())),
        fc.oneof(fc.constant(route.path()), hostilePath(route.path())),
        async (caller, body, path) => {
          expect(await sendChecked(route.method, path, body, caller)).toBeGreaterThanOrEqual(400);
        },
      ),
      { numRuns: 40 },
    );
  }, 90_000);

  it('from a supporter of the organisation, with hostile bodies or paths: never a 500; what is refused changes nothing', async () => {
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(bodyFor(route.body()), fc.oneof(fc.constant(route.path()), hostilePath(route.path())), async (body, path) => {
        if ((await sendChecked(route.method, path, body, 'supporter')) >= 400) refused++;
      }),
      { numRuns: 40 },
    );
    // A field replaced by chance with a usable value is rightly accepted; most of these are not.
    expect(refused).toBeGreaterThan(10);
  }, 90_000);
});
