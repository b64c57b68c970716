// GET /api/search over DynamoDB Local with the demonstration data: Dutch full text over names and
// descriptions, repeated filters in the query string, disjunctive facets, paging, and the shared
// error shape.
import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../shared/clock.ts';
import type { ErrorResponse, SearchResponse } from '../../shared/domain/index.ts';
import type { MatchCandidate } from '../../shared/matching/index.ts';
import { createDemoApp, type createTestApp } from '../support/test-app.ts';

const clock = fixedClock('2026-11-23T09:00:00Z');
let app: ReturnType<typeof createTestApp>;
/** The region as the table holds it, to count expectations independently of the engine. */
let zuidLimburg: MatchCandidate[];

beforeAll(async () => {
  const demo = await createDemoApp(clock);
  app = demo.app;
  zuidLimburg = (await demo.stores.listings.loadRegion('zuid-limburg')).candidates;
});

async function get<T>(query: string) {
  const res = await app.request(`/api/search?${query}`);
  return { status: res.status, body: (await res.json()) as T };
}

const count = (test: (c: MatchCandidate) => boolean) => zuidLimburg.filter(test).length;

describe('GET /api/search on the demonstration data', () => {
  it("finds Dutch words by their stem: 'boerderijen' finds every 'boerderij'", async () => {
    const { status, body } = await get<SearchResponse>('regionId=zuid-limburg&q=boerderijen');
    expect(status).toBe(200);
    expect(body.total).toBe(count((c) => /\bboerderij\b/i.test(c.name)));
    expect(body.total).toBeGreaterThanOrEqual(3);
    for (const item of body.items) expect(item.name.toLowerCase()).toContain('boerderij');
  });

  it("searches the descriptions too: 'tuinen' finds the housing forms whose texts speak of a 'tuin'", async () => {
    const { status, body } = await get<SearchResponse>('regionId=zuid-limburg&q=tuinen&limit=100');
    expect(status).toBe(200);
    // No name in the region holds the word; the hits come from the descriptions alone.
    expect(count((c) => /\btuin\b/i.test(`${c.name} ${c.locationName} ${c.organizationName}`))).toBe(0);
    expect(body.total).toBe(count((c) => /\btuin\b/i.test(c.searchText ?? '')));
    expect(body.total).toBeGreaterThanOrEqual(3);
    // A whole word: a 'moestuin' alone is no 'tuin'.
    const moestuin = await get<SearchResponse>('regionId=zuid-limburg&q=moestuin&limit=100');
    expect(moestuin.body.total).toBe(count((c) => /\bmoestuin\b/i.test(c.searchText ?? '')));
  });

  it('needs every word of the query, in any name, the city or a description', async () => {
    const { body } = await get<SearchResponse>('regionId=zuid-limburg&q=kleinschalig+maastricht');
    const textOf = (c: MatchCandidate) => `${c.name} ${c.locationName} ${c.organizationName} ${c.city} ${c.searchText ?? ''}`;
    expect(body.total).toBe(count((c) => /kleinschalig/i.test(textOf(c)) && /\bmaastricht\b/i.test(textOf(c))));
    // Beyond those named so in Maastricht: an organisation working 'between Maastricht and Heerlen'.
    expect(body.total).toBeGreaterThan(count((c) => /kleinschalig/i.test(c.name) && c.city === 'Maastricht'));
  });

  it('takes a repeated filter as OR within it, and different filters as AND', async () => {
    const types = await get<SearchResponse>('regionId=zuid-limburg&housingType=care-farm&housingType=respite&limit=100');
    expect(types.status).toBe(200);
    expect(types.body.total).toBe(count((c) => c.type === 'care-farm' || c.type === 'respite'));
    expect(new Set(types.body.items.map((i) => i.type))).toEqual(new Set(['care-farm', 'respite']));

    const withGarden = await get<SearchResponse>('regionId=zuid-limburg&housingType=care-farm&housingType=respite&garden=true&limit=100');
    const gardenCount = count((c) => (c.type === 'care-farm' || c.type === 'respite') && c.facilities?.includes('garden') === true);
    expect(withGarden.body.total).toBe(gardenCount);
    expect(gardenCount).toBeLessThan(types.body.total);

    const one = await get<SearchResponse>('regionId=zuid-limburg&housingType=care-farm');
    expect(one.body.total).toBe(count((c) => c.type === 'care-farm'));
  });

  it('filters on day activities on site or nearby, and on site alone', async () => {
    const either = await get<SearchResponse>('regionId=zuid-limburg&dayActivities=true&limit=100');
    expect(either.body.total).toBe(count((c) => c.dayActivities === 'on-site' || c.dayActivities === 'nearby'));
    const onSite = await get<SearchResponse>('regionId=zuid-limburg&dayActivitiesOnSite=true&limit=100');
    expect(onSite.body.total).toBe(count((c) => c.dayActivities === 'on-site'));
    expect(count((c) => c.dayActivities === 'nearby')).toBeGreaterThan(0);
    expect(onSite.body.total).toBeLessThan(either.body.total);
  });

  it('counts each code of a facet with the other filters applied, not its own', async () => {
    const { body } = await get<SearchResponse>('regionId=zuid-limburg&housingType=care-farm&waitingList=available');
    // housingType facet: every type, under waitingList=available alone.
    expect(body.facets.housingType?.['nursing-home']).toBe(count((c) => c.type === 'nursing-home' && c.waitingList.status === 'available'));
    expect(body.facets.housingType?.['care-farm']).toBe(body.total);
    // waitingList facet: every status, under housingType=care-farm alone.
    expect(body.facets.waitingList?.long).toBe(count((c) => c.type === 'care-farm' && c.waitingList.status === 'long'));
    // A facet without a filter of its own counts the hits.
    const hits = zuidLimburg.filter((c) => c.type === 'care-farm' && c.waitingList.status === 'available');
    expect(body.total).toBe(hits.length);
    const sectors: Record<string, number> = {};
    for (const sector of hits.flatMap((c) => c.sectors)) sectors[sector] = (sectors[sector] ?? 0) + 1;
    expect(body.facets.sector).toEqual(sectors);
  });

  it('pages in a stable order by name without overlap', async () => {
    const first = await get<SearchResponse>('regionId=zuid-limburg&limit=10');
    const second = await get<SearchResponse>('regionId=zuid-limburg&limit=10&offset=10');
    expect(first.body.total).toBe(zuidLimburg.length);
    expect(second.body.total).toBe(zuidLimburg.length);
    const keys = [...first.body.items, ...second.body.items].map((i) => `${i.locationId}:${i.housingFormId}`);
    expect(new Set(keys).size).toBe(20);
    const names = [...first.body.items, ...second.body.items].map((i) => i.name.toLowerCase());
    expect(names).toEqual([...names].sort());
  });

  it('answers each hit with its heading, waiting list and point', async () => {
    const { body } = await get<SearchResponse>('regionId=rotterdam&q=tuinderij');
    expect(body.items).toEqual([
      expect.objectContaining({
        housingFormId: 'wonen-en-werken-in-de-tuinderij',
        locationName: 'Tuinderij De Zevenkamp',
        organizationName: 'Zorgboerderij De Buitenpolder',
        city: 'Rotterdam',
        type: 'care-farm',
        waitingList: expect.objectContaining({ status: 'long' }),
        point: { lat: expect.any(Number), lon: expect.any(Number) },
      }),
    ]);
  });
});

describe('GET /api/search refuses what it cannot answer', () => {
  it('unknown codes, flags and parameters, each with its path', async () => {
    const { status, body } = await get<ErrorResponse>('regionId=zuid-limburg&housingType=castle&garden=yes&colour=blue');
    expect(status).toBe(400);
    expect(body.error.code).toBe('validation_error');
    expect(body.error.fields?.map((f) => f.path)).toEqual(['query.housingType.0', 'query.garden', 'query']);
  });

  it('a limit out of range and a missing region', async () => {
    const { status, body } = await get<ErrorResponse>('limit=500');
    expect(status).toBe(400);
    expect(body.error.fields?.map((f) => f.path).sort()).toEqual(['query.limit', 'query.regionId']);
  });

  it('an unknown region with 404', async () => {
    const { status, body } = await get<ErrorResponse>('regionId=atlantis&q=tuin');
    expect(status).toBe(404);
    expect(body.error.code).toBe('not_found');
  });
});
