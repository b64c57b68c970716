// Random and hostile input (fast-check, the helpers of staff-write-properties.test.ts) at the
// coordinator's region routes: the support list and the questionnaire's draft, validation and
// publishing, over DynamoDB Local. Whoever sends it, the answer is never a 500; from anyone but the
// region's coordinator every request is refused; and a refused request changes nothing stored.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { readQuestionnaire } from '../../functions/listings/listing-files.ts';
import { loadRegions } from '../../functions/listings/seed-demo.ts';
import { bodyFor, hostilePath } from '../support/hostile-input.ts';
import { createProviderTestApp, type Method, type ProviderTestApp } from '../support/test-provider-app.ts';
import { movableClock } from '../support/test-staff-app.ts';

const REGION = '/api/coordinator/regions/zuid-limburg';

let t: ProviderTestApp;
let rotterdamCoordinator: string;
let questionnaire: Record<string, unknown>;

beforeAll(async () => {
  t = await createProviderTestApp({ clock: movableClock('2026-12-03T10:00:00Z') });
  await loadRegions(t.stores.regions);
  rotterdamCoordinator = await t.signIn('coordinator@rotterdam.example', [{ role: 'coordinator', regionId: 'rotterdam' }], 'Ruud Rotterdam');
  questionnaire = (await readQuestionnaire('zuid-limburg')) as unknown as Record<string, unknown>;
  // A draft to aim the saves, discards and publishes at.
  expect((await t.send('POST', `${REGION}/questionnaire/draft`, {}, t.people.coordinator)).status).toBe(201);
}, 60_000);

type Caller = 'anonymous' | 'editor' | 'admin' | 'coordinator' | 'rotterdamCoordinator';
const cookieOf = (caller: Caller) =>
  caller === 'anonymous' ? undefined : caller === 'rotterdamCoordinator' ? rotterdamCoordinator : t.people[caller];

interface Route { name: string; method: Method; path: () => string; body: () => Record<string, unknown> }

const supportBody = () => ({
  organizations: [{
    id: 'mee', name: 'MEE', description: { nl: 'Helpt u kiezen.', en: 'Helps you choose.' }, phone: '043 321 43 00',
    openingHours: { periods: [{ days: ['mon', 'fri'], opens: '09:00', closes: '17:00' }], note: { nl: 'Bel eerst.', en: 'Call first.' } },
    municipalities: ['GM0935'],
  }],
  version: 0,
});

const routes: Route[] = [
  { name: 'save the support list', method: 'PUT', path: () => `${REGION}/support-list`, body: supportBody },
  { name: 'copy into a draft', method: 'POST', path: () => `${REGION}/questionnaire/draft`, body: () => ({}) },
  // Only the small fields: fuzzing every path of a 55 KB questionnaire would mostly test zod.
  { name: 'save the draft', method: 'PUT', path: () => `${REGION}/questionnaire/draft`, body: () => ({ questionnaire: { id: questionnaire.id, regionId: 'zuid-limburg' }, version: 1 }) },
  { name: 'validate', method: 'POST', path: () => `${REGION}/questionnaire/validate`, body: () => ({ questionnaire: { id: questionnaire.id, version: 2 } }) },
  { name: 'discard the draft', method: 'DELETE', path: () => `${REGION}/questionnaire/draft`, body: () => ({ version: 7 }) },
  { name: 'publish', method: 'POST', path: () => `${REGION}/questionnaire/publish`, body: () => ({ version: 7 }) },
];

async function sendChecked(method: Method, path: string, body: unknown, caller: Caller): Promise<number> {
  const before = await t.storedState();
  const res = await t.send(method, path, body, cookieOf(caller));
  expect(res.status).toBeLessThan(500);
  if (res.status >= 400) expect(await t.storedState()).toEqual(before);
  return res.status;
}

describe.each(routes)('$name ($method)', (route) => {
  it('from anyone but the region\'s coordinator, with any body, at its path or a hostile one: refused, nothing changed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<Caller>('anonymous', 'editor', 'admin', 'rotterdamCoordinator'),
        fc.oneof(fc.constant(route.body()), bodyFor(route.body())),
        fc.oneof(fc.constant(route.path()), hostilePath(route.path())),
        async (caller, body, path) => {
          // A hostile path may name Rotterdam itself: there its own coordinator may act, rightly.
          fc.pre(!(caller === 'rotterdamCoordinator' && path.split('/').includes('rotterdam')));
          expect(await sendChecked(route.method, path, body, caller)).toBeGreaterThanOrEqual(400);
        },
      ),
      { numRuns: 30 },
    );
  }, 90_000);

  it('from the region\'s coordinator, with hostile bodies: never a 500; what is refused changes nothing', async () => {
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(bodyFor(route.body()), async (body) => {
        if ((await sendChecked(route.method, route.path(), body, 'coordinator')) >= 400) refused++;
      }),
      { numRuns: 30 },
    );
    expect(refused).toBeGreaterThan(10);
  }, 90_000);
});
