// Random and hostile input (fast-check) at every write route of the supporters' dossier API
// (functions/api/staff/supporter/), over DynamoDB Local, as staff-write-properties.test.ts does for
// the invitations and imports: bodies near the valid one (any field, however deep, replaced by
// anything), far from it (anything at all, text that is no JSON) and paths with an id replaced by
// something hostile. Whoever sends them, the answer is never a 500; from someone the route is not
// for, every request is refused; and a refused request changes nothing in the dossier table.
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ORG, OTHER_ORG, type Method } from '../support/test-provider-app.ts';
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

const hostileText = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '', ' ', '../..', '%00', '#', 'DOSSIER#mee-test#x', 'AUDIT#mee-test', "' OR 1=1 --", '<script>', '\u0000', 'a'.repeat(300), '__proto__',
    'constructor', 'zorgbelang-test', 'mee-test', 'Mee-Test', '111222333', '12-03-1945', '00000000-0000-0000-0000-000000000000',
  ),
);
const hostileValue = fc.oneof(
  hostileText, fc.integer(), fc.double(), fc.boolean(), fc.constant(null),
  fc.constantFrom(-1, 0, 2 ** 53, 1e308, 'closed', 'supporter-admin', '2026-02-30', '9999-12-31'), fc.array(fc.string(), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
);

function pathsOf(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  if (value === null || typeof value !== 'object') return [path];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [path, ...entries.flatMap(([key, v]) => pathsOf(v, [...path, key]))];
}

function replaced(value: unknown, path: Array<string | number>, replacement: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return replacement;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[head] = replaced(copy[head], rest, replacement);
  return copy;
}

const bodyFor = (route: Route) => {
  const valid = route.body();
  const fields = pathsOf(valid).filter((p) => p.length > 0);
  return fc.oneof(
    fc.record({ path: fc.constantFrom(...fields), value: hostileValue }).map(({ path, value }) => replaced(valid, path, value)),
    fc.record({ key: hostileText, value: hostileValue }).map(({ key, value }) => ({ ...valid, [key]: value })),
    fc.anything().map((a) => JSON.stringify(a) ?? ''),
    fc.dictionary(hostileText, hostileValue, { maxKeys: 4 }).map((d) => JSON.stringify(d)),
    fc.string(),
  ).filter((body) => !isDeepStrictEqual(body, valid));
};

/** The route's path with one of its segments past `/api/supporter/` replaced by something hostile. */
const hostilePath = (route: Route) =>
  fc.oneof(hostileText.map(encodeURIComponent), fc.uuid()).map((segment) => {
    const parts = route.path().split('/');
    const at = 4 + (segment.length % Math.max(1, parts.length - 4));
    return parts.map((p, i) => (i === at ? segment : p)).join('/');
  });

/** Sends the request; when refused, checks that the dossier table did not change. The status. */
async function sendChecked(method: Method, path: string, body: unknown, caller: Caller): Promise<number> {
  const before = await t.storedDossierState();
  const res = await t.send(method, path, body, cookieOf(caller));
  expect(res.status, `${method} ${path}`).toBeLessThan(500);
  if (res.status >= 400) expect(await t.storedDossierState()).toEqual(before);
  return res.status;
}

describe.each(routes)('$name ($method)', (route) => {
  it('from someone it is not for, with the valid body or any other, at its path or a hostile one: refused, nothing changed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...OUTSIDERS),
        fc.oneof(fc.constant(route.body()), bodyFor(route)),
        fc.oneof(fc.constant(route.path()), hostilePath(route)),
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
      fc.asyncProperty(bodyFor(route), fc.oneof(fc.constant(route.path()), hostilePath(route)), async (body, path) => {
        if ((await sendChecked(route.method, path, body, 'supporter')) >= 400) refused++;
      }),
      { numRuns: 40 },
    );
    // A field replaced by chance with a usable value is rightly accepted; most of these are not.
    expect(refused).toBeGreaterThan(10);
  }, 90_000);
});
