// Random and hostile input (fast-check) at the routes of sharing a report, the provider's inbox and
// the citizen's hand-over code, over DynamoDB Local, as supporter-write-properties.test.ts does for
// the dossier routes (the means are shared: test/support/hostile-requests.ts): bodies near the
// valid one and far from it, paths with an id replaced. Whoever sends them, the answer is never a
// 500; from someone the route is not for, every request is refused; and a refused request changes
// nothing in the dossier table (no share, no answer, no opened mark, no audit record, no activity).
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { bodyFor, hostilePath } from '../support/hostile-input.ts';
import { sendUnchangedIfRefused } from '../support/hostile-requests.ts';
import { ORG, type Method } from '../support/test-provider-app.ts';
import { ADDRESS_HEADER, movableClock } from '../support/test-staff-app.ts';
import { createSupporterTestApp, SUPPORT_BASE, type SupporterTestApp } from '../support/test-supporter-app.ts';

let t: SupporterTestApp;
let dossierPath: string;
let shareId: string;

beforeAll(async () => {
  t = await createSupporterTestApp({ clock: movableClock('2026-12-03T10:00:00Z') });
  const dossier = await t.call('POST', `${SUPPORT_BASE}/dossiers`, { label: 'P.T.', regionId: 'zuid-limburg' }, t.people.supporter);
  expect(dossier.status).toBe(201);
  dossierPath = `${SUPPORT_BASE}/dossiers/${dossier.body.id as string}`;
  const consent = await t.call('POST', `${dossierPath}/consents`, { providers: [ORG], method: 'digital', givenBy: 'client', givenOn: '2026-12-01' }, t.people.supporter);
  expect(consent.status).toBe(201);
  const shared = await t.call('POST', `${dossierPath}/shares`, { providers: [ORG] }, t.people.supporter);
  expect(shared.status).toBe(201);
  shareId = shared.body.shares[0].id as string;
}, 30_000);

type Caller = 'anonymous' | 'supporter' | 'otherSupporter' | 'editor' | 'admin' | 'otherEditor' | 'coordinator';
const cookieOf = (caller: Caller) => (caller === 'anonymous' ? undefined : t.people[caller]);

interface Route {
  name: string;
  method: Method;
  path: () => string;
  /** A body its own caller could send successfully (none for a read). */
  body?: () => Record<string, unknown>;
  /** Who it is for; undefined when every made-up request is refused, whoever sends it. */
  allowed?: Caller;
  outsiders: Caller[];
}

const inbox = () => `/api/provider/organizations/${ORG}/inbox`;
const routes: Route[] = [
  {
    name: 'share the report', method: 'POST', path: () => `${dossierPath}/shares`, body: () => ({ providers: [ORG] }),
    allowed: 'supporter', outsiders: ['anonymous', 'otherSupporter', 'editor', 'otherEditor', 'coordinator'],
  },
  { name: 'the inbox', method: 'GET', path: inbox, allowed: 'editor', outsiders: ['anonymous', 'otherEditor', 'supporter', 'coordinator'] },
  { name: 'read a shared report', method: 'GET', path: () => `${inbox()}/${shareId}`, allowed: 'editor', outsiders: ['anonymous', 'otherEditor', 'supporter', 'coordinator'] },
  {
    name: 'answer a shared report', method: 'POST', path: () => `${inbox()}/${shareId}/answer`,
    body: () => ({ version: 2, response: { kind: 'no-fit', reason: 'Geen plek voor een huisdier.' } }),
    allowed: 'admin', outsiders: ['anonymous', 'otherEditor', 'supporter', 'otherSupporter', 'coordinator'],
  },
  {
    // No code was handed out: every redemption is refused, whoever sends it.
    name: 'redeem a hand-over code', method: 'POST', path: () => `${dossierPath}/handover-codes`, body: () => ({ code: 'ABCD-EFGH' }),
    outsiders: ['anonymous', 'supporter', 'otherSupporter', 'editor'],
  },
  {
    name: 'make a hand-over code (a citizen)', method: 'POST', path: () => '/api/handover',
    body: () => ({ questionnaireId: 'zuid-limburg', questionnaireVersion: 1, answers: { 'over-mij': { text: 'Ik wil een tuin.' } }, shortlist: [] }),
    allowed: 'anonymous', outsiders: [],
  },
];


let network = 0;
/** Sends the request; when refused, checks that the dossier table did not change. The status. */
function sendChecked(method: Method, path: string, body: unknown, caller: Caller): Promise<number> {
  // Each from a network of its own: the per-address limit of hand-over codes would otherwise answer every later one.
  network += 1;
  const address = { [ADDRESS_HEADER]: `198.18.${Math.floor(network / 250)}.${network % 250}` };
  return sendUnchangedIfRefused(t.storedDossierState, () => t.send(method, path, method === 'GET' ? undefined : body, cookieOf(caller), address), `${caller} ${method} ${path}`);
}

describe.each(routes)('$name ($method)', (route) => {
  it.runIf(route.outsiders.length > 0)('from someone it is not for, with the valid body or any other, at its path or a hostile one: refused, nothing changed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...route.outsiders),
        fc.oneof(fc.constant(route.body?.()), bodyFor(route.body?.())),
        fc.oneof(fc.constant(route.path()), hostilePath(route.path())),
        async (caller, body, path) => {
          expect(await sendChecked(route.method, path, body, caller)).toBeGreaterThanOrEqual(400);
        },
      ),
      { numRuns: 30 },
    );
  }, 90_000);

  it.runIf(route.allowed)('from the caller it is for, with hostile bodies or paths: never a 500; what is refused changes nothing', async () => {
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(
        route.body ? bodyFor(route.body()) : fc.constant(undefined),
        route.body ? fc.oneof(fc.constant(route.path()), hostilePath(route.path())) : hostilePath(route.path()),
        async (body, path) => {
          if ((await sendChecked(route.method, path, body, route.allowed as Caller)) >= 400) refused++;
        },
      ),
      { numRuns: 30 },
    );
    // A field or id replaced by chance with a usable value is rightly accepted; most of these are not.
    expect(refused).toBeGreaterThan(10);
  }, 90_000);
});
