// Searching across care-office borders through the API, over DynamoDB Local: Zuid-Limburg's
// demonstration data and a small Noord-Limburg listing of this test (Echt, Roermond, Venlo), the
// embedded engine loaded from the table as `npm start` loads it. From postcode 6131 (Sittard):
// the person's region by default, Noord-Limburg too within 25 km when asked, the whole country when
// asked; every result names its region; and the request is checked field by field.
import { beforeAll, describe, expect, it } from 'vitest';
import { importListing } from '../../functions/listings/import-listing.ts';
import { seedDemo } from '../../functions/listings/seed-demo.ts';
import { loadEmbeddedEngine } from '../../functions/search/embedded/load-embedded-engine.ts';
import { fixedClock } from '../../shared/clock.ts';
import { type ErrorResponse, type MatchAnswer, type MatchRequestInput, type SearchResponse } from '../../shared/domain/index.ts';
import { housingForm, listingDocument, location } from '../fixtures/listing.ts';
import { NOORD_LIMBURG, SITTARD_POSTCODE } from '../fixtures/limburg.ts';
import { createTestApp } from '../support/test-app.ts';
import { createTestStore } from '../support/test-store.ts';

const clock = fixedClock('2026-11-23T09:00:00Z');
let app: ReturnType<typeof createTestApp>;

/** Noord-Limburg's listing: Echt (12.5 km from Sittard), Roermond (23.7 km), Venlo (46.8 km). */
const noordLimburg = listingDocument({
  organization: { id: 'zorg-noord', name: 'Zorg Noord', regionIds: ['noord-limburg'] },
  locations: [
    location({ id: 'de-maasbloem', name: 'De Maasbloem', address: { street: 'Markt', houseNumber: '1', postcode: '6101 AA', city: 'Echt' }, housingForms: [housingForm({ id: 'groep' })] }),
    location({ id: 'munsterhof', name: 'Munsterhof', address: { street: 'Munsterplein', houseNumber: '2', postcode: '6041 AB', city: 'Roermond' }, housingForms: [housingForm({ id: 'groep' })] }),
    location({ id: 'maaspoort', name: 'Maaspoort', address: { street: 'Maaskade', houseNumber: '3', postcode: '5911 AC', city: 'Venlo' }, housingForms: [housingForm({ id: 'groep' })] }),
  ],
});

beforeAll(async () => {
  const { stores } = await createTestStore();
  await seedDemo(stores, clock);
  await stores.regions.putRegion(NOORD_LIMBURG);
  const imported = await importListing(noordLimburg, { ...stores, clock });
  expect(imported.ok).toBe(true);
  app = createTestApp(stores, clock, await loadEmbeddedEngine(stores));
});

async function match<T = MatchAnswer>(body: Omit<Partial<MatchRequestInput>, 'scope'> & Record<string, unknown>) {
  const res = await app.request('/api/match', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ regionId: 'zuid-limburg', postcode: SITTARD_POSTCODE, ...body }),
  });
  return { status: res.status, body: (await res.json()) as T };
}

async function search<T = SearchResponse>(query: string) {
  const res = await app.request(`/api/search?regionId=zuid-limburg&${query}`);
  return { status: res.status, body: (await res.json()) as T };
}

const dementia = [{ criterion: 'targetGroup', importance: 'must', value: 'dementia' }] as const;
const regionsOf = (items: ReadonlyArray<{ regionId: string; regionName?: string }>) => new Set(items.map((i) => `${i.regionId}: ${i.regionName ?? '?'}`));
const citiesOf = (items: ReadonlyArray<{ regionId: string; city: string }>, regionId: string) =>
  items.filter((i) => i.regionId === regionId).map((i) => i.city).sort();

describe('a match from Sittard (6131) with 25 km', () => {
  it('stays in Zuid-Limburg by default, naming the region on every result', async () => {
    const { status, body } = await match({ maxDistanceKm: 25, criteria: [...dementia], limit: 200 });
    expect(status).toBe(200);
    expect(body.total).toBeGreaterThan(10);
    expect(regionsOf([...body.results, ...body.nearMisses])).toEqual(new Set(['zuid-limburg: Zuid-Limburg']));
  });

  it('finds housing forms in both Zuid-Limburg and Noord-Limburg nearby, each naming its region, none beyond 25 km', async () => {
    const { status, body } = await match({ maxDistanceKm: 25, scope: 'nearby', criteria: [...dementia], limit: 200 });
    expect(status).toBe(200);
    expect(regionsOf(body.results)).toEqual(new Set(['zuid-limburg: Zuid-Limburg', 'noord-limburg: Noord-Limburg']));
    expect(citiesOf(body.results, 'noord-limburg')).toEqual(['Echt', 'Roermond']);
    for (const result of body.results) expect(result.distanceKm).toBeLessThanOrEqual(25);
    // Venlo lies outside what was asked: not even a near miss.
    expect(body.nearMisses.filter((m) => m.regionId === 'noord-limburg')).toEqual([]);
    const own = await match({ maxDistanceKm: 25, criteria: [...dementia], limit: 200 });
    expect(body.total).toBe(own.body.total + 2);
  });

  it('searches the whole country when asked, Venlo and Rotterdam included', async () => {
    const { status, body } = await match({ scope: 'country', limit: 200 });
    expect(status).toBe(200);
    expect(citiesOf(body.results, 'noord-limburg')).toEqual(['Echt', 'Roermond', 'Venlo']);
    expect(regionsOf(body.results)).toContain('rotterdam: Rotterdam');
    // Nearest first: the three Noord-Limburg places in order of distance from Sittard among the rest.
    const noord = body.results.filter((r) => r.regionId === 'noord-limburg').map((r) => r.distanceKm);
    expect(noord).toEqual([...noord].sort((a, b) => (a ?? 0) - (b ?? 0)));
  });
});

describe('a direct search across borders', () => {
  it('adds Noord-Limburg within the distance with scope=nearby, and names each hit\'s region', async () => {
    const own = await search(`postcode=${SITTARD_POSTCODE}&maxDistanceKm=25&limit=100`);
    expect(own.status).toBe(200);
    expect(citiesOf(own.body.items, 'noord-limburg')).toEqual([]);
    const nearby = await search(`scope=nearby&postcode=${SITTARD_POSTCODE}&maxDistanceKm=25&limit=100`);
    expect(nearby.status).toBe(200);
    expect(citiesOf(nearby.body.items, 'noord-limburg')).toEqual(['Echt', 'Roermond']);
    expect(nearby.body.total).toBe(own.body.total + 2);
    expect(nearby.body.items.find((i) => i.city === 'Roermond')?.regionName).toBe('Noord-Limburg');
    const words = await search(`scope=country&q=Venlo`);
    expect(words.body.items.map((i) => `${i.locationName} (${i.regionName ?? '?'})`)).toEqual(['Maaspoort (Noord-Limburg)']);
  });
});

describe('the request is checked, field by field', () => {
  const fieldsOf = (body: ErrorResponse) => body.error.fields?.map((f) => f.path).sort();

  it('refuses nearby without a maximum distance or without a postcode, and an unknown scope', async () => {
    const noDistance = await match<ErrorResponse>({ scope: 'nearby' });
    expect(noDistance.status).toBe(400);
    expect(noDistance.body.error.fields).toEqual([{ path: 'maxDistanceKm', message: 'Searching nearby regions needs a maximum distance.' }]);
    const noPlace = await match<ErrorResponse>({ scope: 'nearby', postcode: undefined });
    expect(noPlace.status).toBe(400);
    expect(fieldsOf(noPlace.body)).toEqual(['maxDistanceKm', 'postcode']);
    const planet = await match<ErrorResponse>({ scope: 'planet' });
    expect(planet.status).toBe(400);
    expect(fieldsOf(planet.body)).toEqual(['scope']);
  });

  it('refuses the same in a search, a distance that is not a number, and a postcode nobody can place', async () => {
    expect(fieldsOf((await search<ErrorResponse>('scope=nearby&maxDistanceKm=25')).body)).toEqual(['query.postcode']);
    expect(fieldsOf((await search<ErrorResponse>(`scope=nearby&postcode=${SITTARD_POSTCODE}`)).body)).toEqual(['query.maxDistanceKm']);
    const notNumber = await search<ErrorResponse>(`scope=nearby&postcode=${SITTARD_POSTCODE}&maxDistanceKm=ver`);
    expect(notNumber.status).toBe(400);
    expect(fieldsOf(notNumber.body)).toEqual(['query.maxDistanceKm']);
    const unknownArea = await search<ErrorResponse>('scope=nearby&postcode=1000&maxDistanceKm=25');
    expect(unknownArea.status).toBe(400);
    expect(fieldsOf(unknownArea.body)).toEqual(['query.postcode']);
    expect((await search<ErrorResponse>('scope=world')).status).toBe(400);
  });

  it('answers 404 for an unknown region, also when searching the country', async () => {
    const res = await app.request('/api/match', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ regionId: 'atlantis', scope: 'country' }),
    });
    expect(res.status).toBe(404);
    expect((await app.request('/api/search?regionId=atlantis&scope=country')).status).toBe(404);
  });
});
