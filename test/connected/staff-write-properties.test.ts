// Random and hostile input (fast-check) at every write route of the invitations
// (functions/api/staff/invitations.ts) and the coordinator's listing import
// (functions/api/staff/coordinator/listings.ts), over DynamoDB Local: bodies near the valid one
// (any field, however deep, replaced by anything), far from it (anything at all, text that is no
// JSON) and paths with an id replaced by something hostile. Whoever sends them, the answer is never
// a 500; from someone the route is not for, every request is refused; and a refused request
// changes nothing stored (throttle counters and sessions aside) and sends no mail. The provider's
// listing routes get the same treatment in provider-api-security.test.ts.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { bodyFor, hostilePath, hostileText } from '../support/hostile-input.ts';
import { sendUnchangedIfRefused } from '../support/hostile-requests.ts';
import { ORG, createProviderTestApp, testListing, type Method, type ProviderTestApp } from '../support/test-provider-app.ts';
import { movableClock } from '../support/test-staff-app.ts';

const PROVIDER = `/api/provider/organizations/${ORG}`;
const COORDINATOR = `/api/coordinator/regions/zuid-limburg/organizations/${ORG}`;

let t: ProviderTestApp;
let rotterdamCoordinator: string;
let colleagueInvitation: string;
let adminInvitation: string;

beforeAll(async () => {
  t = await createProviderTestApp({ clock: movableClock('2026-11-20T12:00:00Z') });
  rotterdamCoordinator = await t.signIn('coordinator@rotterdam.example', [{ role: 'coordinator', regionId: 'rotterdam' }], 'Ruud Rotterdam');
  // An open invitation of each kind, for the withdrawals to aim at.
  const colleague = await t.send('POST', `${PROVIDER}/invitations`, { email: 'collega@example.nl', name: 'Collega', role: 'provider-editor' }, t.people.admin);
  const admin = await t.send('POST', `${COORDINATOR}/invitations`, { email: 'beheer@example.nl', name: 'Beheer' }, t.people.coordinator);
  expect([colleague.status, admin.status]).toEqual([201, 201]);
  colleagueInvitation = ((await colleague.json()) as { id: string }).id;
  adminInvitation = ((await admin.json()) as { id: string }).id;
}, 30_000);

type Caller = 'anonymous' | 'editor' | 'admin' | 'otherEditor' | 'coordinator' | 'rotterdamCoordinator';
const cookieOf = (caller: Caller) =>
  caller === 'anonymous' ? undefined : caller === 'rotterdamCoordinator' ? rotterdamCoordinator : t.people[caller];

interface Route {
  name: string;
  method: Method;
  path: () => string;
  /** A body the route's own caller could send successfully (for a withdrawal: none). */
  body?: Record<string, unknown>;
  /** Who the route is for; undefined when every request with a made-up input is refused, whoever sends it. */
  allowed?: Caller;
  /** Who may never use it. */
  outsiders: Caller[];
}

const routes: Route[] = [
  {
    name: 'invite a colleague', method: 'POST', path: () => `${PROVIDER}/invitations`,
    body: { email: 'nieuw@example.nl', name: 'Nieuwe Collega', role: 'provider-editor' },
    allowed: 'admin', outsiders: ['anonymous', 'editor', 'otherEditor', 'coordinator'],
  },
  {
    name: 'withdraw an invitation', method: 'DELETE', path: () => `${PROVIDER}/invitations/${colleagueInvitation}`,
    outsiders: ['anonymous', 'editor', 'otherEditor', 'coordinator'],
  },
  {
    name: 'invite an organisation\'s admin', method: 'POST', path: () => `${COORDINATOR}/invitations`,
    body: { email: 'nieuwe-beheerder@example.nl', name: 'Nieuwe Beheerder' },
    allowed: 'coordinator', outsiders: ['anonymous', 'rotterdamCoordinator', 'admin', 'editor'],
  },
  {
    name: 'withdraw an admin invitation', method: 'DELETE', path: () => `${COORDINATOR}/invitations/${adminInvitation}`,
    outsiders: ['anonymous', 'rotterdamCoordinator', 'admin', 'editor'],
  },
  {
    // No token can be guessed, so every request here is refused, whoever sends it.
    name: 'accept an invitation', method: 'POST', path: () => '/api/auth/invitations/accept',
    body: { token: 'A'.repeat(43) },
    outsiders: ['anonymous', 'editor', 'otherEditor', 'rotterdamCoordinator'],
  },
  {
    name: 'import a listing', method: 'PUT', path: () => `/api/coordinator/regions/zuid-limburg/listings/${ORG}`,
    body: testListing() as unknown as Record<string, unknown>,
    allowed: 'coordinator', outsiders: ['anonymous', 'rotterdamCoordinator', 'admin', 'editor'],
  },
];

/** Sends the request; when refused, checks that nothing stored changed and no mail went out. The status. */
const sendChecked = (method: Method, path: string, body: unknown, caller: Caller) =>
  sendUnchangedIfRefused(async () => ({ stored: await t.storedState(), mails: (await t.mails()).length }), () => t.send(method, path, body, cookieOf(caller)), `${method} ${path}`);

describe.each(routes)('$name ($method)', (route) => {
  it('from someone it is not for, with the valid body or any other, at its path or a hostile one: refused, nothing changed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...route.outsiders),
        fc.oneof(fc.constant(route.body), bodyFor(route.body)),
        fc.oneof(fc.constant(route.path()), hostilePath(route.path())),
        async (caller, body, path) => {
          expect(await sendChecked(route.method, path, body, caller)).toBeGreaterThanOrEqual(400);
        },
      ),
      { numRuns: 50 },
    );
  }, 60_000);

  it.runIf(route.allowed)('from the caller it is for, with hostile bodies: never a 500; what is refused changes nothing', async () => {
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(bodyFor(route.body), async (body) => {
        if ((await sendChecked(route.method, route.path(), body, route.allowed as Caller)) >= 400) refused++;
      }),
      { numRuns: 50 },
    );
    // A field replaced by chance with a usable value is rightly accepted; many of these bodies are not.
    expect(refused).toBeGreaterThan(10);
  }, 60_000);

  it.runIf(!route.allowed)('with made-up ids or tokens, whoever sends them: refused, nothing changed', async () => {
    // A withdrawal with an invitation id nobody was given; an acceptance with a token nobody was sent.
    const madeUpId = fc.oneof(fc.uuid(), hostileText.map(encodeURIComponent)).map((id) => route.path().replace(/[^/]+$/, id));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom<Caller>('anonymous', 'admin', 'coordinator', 'editor'), bodyFor(route.body), madeUpId, async (caller, body, path) => {
        expect(await sendChecked(route.method, route.method === 'DELETE' ? path : route.path(), body, caller)).toBeGreaterThanOrEqual(400);
      }),
      { numRuns: 50 },
    );
  }, 60_000);
});
