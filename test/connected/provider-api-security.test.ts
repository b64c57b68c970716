// Every mutating provider route against who may not use it and what may not reach it: nobody
// signed in (401), another organisation's editor and a coordinator (403), a page of another site
// (foreign Origin), a stale version (409 with the current state), bad bodies (400 by field path),
// and random and hostile bodies and paths (fast-check): never a 500, and a refused request leaves
// every stored listing and audit item exactly as it was.
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeHousingFormsCsv } from '../../functions/listings/housing-form-csv.ts';
import { HousingFormSchema } from '../../shared/domain/index.ts';
import { housingForm, location } from '../fixtures/listing.ts';
import {
  base, createProviderTestApp, formPath, HF, HF2, LOC, OTHER_ORG, type Method, type ProviderTestApp,
} from '../support/test-provider-app.ts';
import { movableClock } from '../support/test-staff-app.ts';

let t: ProviderTestApp;

// One app for the file: every request here is refused, so nothing it does changes the listing
// (each test checks so), and signing in four people once keeps the file fast.
beforeAll(async () => {
  t = await createProviderTestApp({ clock: movableClock('2026-11-20T12:00:00Z') });
}, 30_000);

const { housingForms: _forms, ...lindeFields } = location();

interface Route {
  name: string;
  method: Method;
  path: string;
  /** A body the editor of the organisation could send successfully. */
  body: Record<string, unknown>;
  /** The same body at a version that is not the stored one, when the route takes a version. */
  stale?: Record<string, unknown>;
  /** A body with problems, and the field paths the 400 must name. */
  bad: { body: unknown; paths: string[] };
  /** What a 409 for a stale version says is current. */
  current?: unknown;
}

const routes: Route[] = [
  {
    name: 'replace a housing form', method: 'PUT', path: formPath(),
    body: { version: 1, housingForm: housingForm({ pets: true }) },
    stale: { version: 5, housingForm: housingForm({ pets: true }) },
    bad: { body: { version: 1, housingForm: { ...housingForm(), waitingList: { status: 'short', weeks: -2, updatedAt: '2026-11-10' } } }, paths: ['housingForm.waitingList.weeks'] },
    current: { version: 1, housingForm: { id: HF } },
  },
  {
    name: 'add a housing form', method: 'POST', path: `${base}/locations/${LOC}/housing-forms`,
    body: { housingForm: housingForm({ id: 'nieuw' }) },
    bad: { body: { housingForm: { ...housingForm({ id: 'Nieuw!' }), colour: 'blue' } }, paths: ['housingForm', 'housingForm.id'] },
  },
  {
    name: 'remove a housing form', method: 'DELETE', path: formPath(LOC, HF2),
    body: { version: 1 }, stale: { version: 2 },
    bad: { body: { version: 'één' }, paths: ['version'] },
    current: { version: 1, housingForm: { id: HF2 } },
  },
  {
    name: 'update a waiting list', method: 'PATCH', path: `${formPath()}/waiting-list`,
    body: { version: 1, waitingList: { status: 'available' } }, stale: { version: 0, waitingList: { status: 'available' } },
    bad: { body: { version: 1, waitingList: { status: 'available', placesAvailable: 5000, updatedAt: '2026-11-20' } }, paths: ['waitingList', 'waitingList.placesAvailable'] },
    current: { version: 1, housingForm: { id: HF } },
  },
  {
    name: 'confirm waiting lists', method: 'POST', path: `${base}/waiting-lists/confirm`,
    body: { housingForms: [{ locationId: LOC, housingFormId: HF, version: 1 }] },
    stale: { housingForms: [{ locationId: LOC, housingFormId: HF, version: 3 }] },
    bad: { body: { housingForms: [] }, paths: ['housingForms'] },
    current: { housingForms: [{ locationId: LOC, housingFormId: HF, version: 1 }] },
  },
  {
    name: 'replace a location', method: 'PUT', path: `${base}/locations/${LOC}`,
    body: { version: 1, location: { ...lindeFields, name: 'De Linde 2' } }, stale: { version: 2, location: lindeFields },
    bad: { body: { version: 1, location: { ...lindeFields, address: { ...lindeFields.address, postcode: '62111' } } }, paths: ['location.address.postcode'] },
    current: { version: 1, location: { id: LOC } },
  },
  {
    name: 'add a location', method: 'POST', path: `${base}/locations`,
    body: { location: location({ id: 'de-wilg' }) },
    bad: { body: { location: { ...location({ id: 'de-wilg' }), housingForms: [] } }, paths: ['location.housingForms'] },
  },
  {
    name: 'apply a CSV file', method: 'POST', path: `${base}/housing-forms/csv/apply`,
    body: { csv: writeHousingFormsCsv([{ locationId: LOC, housingForm: HousingFormSchema.parse(housingForm({ pets: true })), version: 1 }]) },
    bad: { body: { csv: '', sheet: 1 }, paths: ['(document)', 'csv'] },
  },
  {
    name: 'remove a location', method: 'DELETE', path: `${base}/locations/het-anker`,
    body: { version: 1 }, stale: { version: 4 },
    bad: { body: {}, paths: ['version'] },
    current: { version: 1, location: { id: 'het-anker' } },
  },
];

async function refusedWithoutChange(status: number, request: () => Response | Promise<Response>) {
  const before = await t.storedListing();
  const res = await request();
  expect(res.status).toBe(status);
  expect(await t.storedListing()).toEqual(before);
  return res;
}

describe.each(routes)('$name ($method)', (route) => {
  it('anybody not signed in: 401, nothing changed', async () => {
    await refusedWithoutChange(401, () => t.send(route.method, route.path, route.body));
  });

  it('another organisation\'s editor and a coordinator: 403, nothing changed', async () => {
    const res = await refusedWithoutChange(403, () => t.send(route.method, route.path, route.body, t.people.otherEditor));
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    await refusedWithoutChange(403, () => t.send(route.method, route.path, route.body, t.people.coordinator));
  });

  it('the editor, from a page of another site or without a JSON body: refused, nothing changed', async () => {
    const foreign = await refusedWithoutChange(403, () => t.send(route.method, route.path, route.body, t.people.editor, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }));
    expect(((await foreign.json()) as { error: { code: string } }).error.code).toBe('cross_site_request');
    await refusedWithoutChange(415, () => t.send(route.method, route.path, JSON.stringify(route.body), t.people.editor, { 'content-type': 'text/plain' }));
  });

  it('a bad body: 400 naming each field by its path, nothing changed', async () => {
    const res = await refusedWithoutChange(400, () => t.send(route.method, route.path, route.bad.body, t.people.editor));
    const { error } = (await res.json()) as { error: { code: string; fields: Array<{ path: string }> } };
    expect(error.code).toBe('validation_error');
    expect([...new Set(error.fields.map((f) => f.path))].sort()).toEqual(route.bad.paths);
  });

  it.runIf(route.stale)('a stale version: 409 with the current state, nothing changed', async () => {
    const res = await refusedWithoutChange(409, () => t.send(route.method, route.path, route.stale, t.people.editor));
    expect(await res.json()).toMatchObject({ error: { code: 'version_conflict', current: route.current } });
  });
});

describe('random and hostile input at every write route', () => {
  const hostileText = fc.oneof(
    fc.string(),
    fc.constantFrom('', ' ', '../..', '%00', '#', 'HF#x', 'LOC#de-linde-maastricht', "' OR 1=1 --", '<script>', '\u0000', 'a'.repeat(300), '__proto__', 'constructor'),
  );
  const hostileValue = fc.oneof(
    hostileText, fc.integer(), fc.double(), fc.boolean(), fc.constant(null),
    fc.constantFrom(-1, 2 ** 53, Number.MAX_SAFE_INTEGER, 1e308), fc.array(fc.string(), { maxLength: 3 }),
  );
  /** Bodies near the valid ones (a field replaced by anything) and far from them (anything at all). */
  const bodyFor = (route: Route) => fc.oneof(
    fc.anything(),
    fc.dictionary(hostileText, hostileValue, { maxKeys: 4 }),
    fc.record({ key: fc.constantFrom(...Object.keys(route.body)), value: fc.oneof(hostileValue, fc.object()) })
      .map(({ key, value }) => ({ ...route.body, [key]: value })),
    fc.record({ version: fc.oneof(fc.integer(), hostileValue) }).map(({ version }) => ({ ...route.body, version })),
  ).filter((body) => !isDeepStrictEqual(body, route.body));
  const segment = fc.oneof(hostileText.map(encodeURIComponent), fc.constantFrom(LOC, HF, OTHER_ORG, 'de-bron', 'wonen'));

  it.each(routes)('$name: never a 500, and a refused request changes nothing', async (route) => {
    await fc.assert(
      fc.asyncProperty(bodyFor(route), fc.boolean(), segment, async (body, hostilePath, replacement) => {
        // The path with one of its ids replaced by something hostile, or the route's own path.
        const parts = route.path.split('/');
        const at = 4 + (replacement.length % Math.max(1, parts.length - 4));
        const path = hostilePath ? parts.map((p, i) => (i === at ? replacement : p)).join('/') : route.path;
        const before = await t.storedListing();
        const res = await t.send(route.method, path, body === undefined ? undefined : JSON.stringify(body), t.people.otherEditor);
        expect(res.status).toBeLessThan(500);
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(await t.storedListing()).toEqual(before);
      }),
      { numRuns: 50 },
    );
  }, 120_000);

  it.each(routes)('$name, by the organisation\'s own editor: never a 500; what is refused changes nothing', async (route) => {
    await fc.assert(
      fc.asyncProperty(bodyFor(route), async (body) => {
        const before = await t.storedListing();
        const res = await t.send(route.method, route.path, body === undefined ? undefined : JSON.stringify(body), t.people.editor);
        expect(res.status).toBeLessThan(500);
        // None of these bodies is the valid one (filtered above), so each is refused.
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(await t.storedListing()).toEqual(before);
      }),
      { numRuns: 50 },
    );
  }, 120_000);
});
