import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../shared/clock.ts';
import type { PublicApiApp } from '../../functions/api/public/app.ts';
import { importListing } from '../../functions/listings/import-listing.ts';
import { readQuestionnaire } from '../../functions/listings/listing-files.ts';
import type { ErrorResponse, HousingFormPage, LocationDetail } from '../../shared/domain/index.ts';
import { housingForm, listingDocument, location } from '../fixtures/listing.ts';
import { createTestApp } from '../support/test-app.ts';
import { testRegions } from '../fixtures/regions.ts';
import { createTestStore } from '../support/test-store.ts';

const clock = fixedClock('2026-11-20T12:00:00Z');
let app: PublicApiApp;

beforeAll(async () => {
  const { stores } = await createTestStore();
  for (const region of testRegions) await stores.regions.putRegion(region);
  const forms = Array.from({ length: 5 }, (_, i) => housingForm({ id: `vorm-${i}`, name: `Woonvorm ${i}` }));
  const questionnaire = await readQuestionnaire('zuid-limburg');
  if (questionnaire) await stores.regions.putQuestionnaire(questionnaire);
  const outcome = await importListing(listingDocument({ locations: [location({ housingForms: forms })] }), { ...stores, clock });
  expect(outcome.ok).toBe(true);
  app = createTestApp(stores, clock);
});

const get = async <T>(path: string) => {
  const res = await app.request(path);
  return { status: res.status, body: (await res.json()) as T };
};

describe('the listings API', () => {
  it('is healthy', async () => {
    expect(await get('/api/health')).toEqual({ status: 200, body: { status: 'ok', regions: 2, dependencies: { store: 'ok', search: 'ok' } } });
  });

  it('lists the regions with their housing-form counts', async () => {
    const { status, body } = await get<{ regions: Array<{ id: string; housingFormCount: number; locationCount: number }> }>('/api/regions');
    expect(status).toBe(200);
    expect(body.regions).toEqual([
      expect.objectContaining({ id: 'rotterdam', housingFormCount: 0, locationCount: 0 }),
      expect.objectContaining({ id: 'zuid-limburg', housingFormCount: 5, locationCount: 1 }),
    ]);
  });

  it('answers one region, and 404 for an unknown one, 400 for a malformed id', async () => {
    const one = await get<{ region: { name: string }; housingFormCount: number }>('/api/regions/zuid-limburg');
    expect(one.status).toBe(200);
    expect(one.body.region.name).toBe('Zuid-Limburg');
    const missing = await get<ErrorResponse>('/api/regions/atlantis');
    expect(missing).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    const bad = await get<ErrorResponse>('/api/regions/Not%20A%20Slug');
    expect(bad).toMatchObject({ status: 400, body: { error: { code: 'validation_error', fields: [{ path: 'param.regionId' }] } } });
  });

  it("lists a region's locations with a summary of their housing forms", async () => {
    const { body } = await get<{ locations: Array<{ id: string; housingFormCount: number; housingTypes: string[] }> }>('/api/regions/zuid-limburg/locations');
    expect(body.locations).toEqual([expect.objectContaining({ id: 'de-linde-maastricht', housingFormCount: 5, housingTypes: ['small-scale-group'] })]);
  });

  it('pages through housing forms with a cursor, and refuses bad paging input', async () => {
    const first = await get<HousingFormPage>('/api/regions/zuid-limburg/housing-forms?limit=3');
    expect(first.body.items).toHaveLength(3);
    expect(first.body.nextCursor).toBeTypeOf('string');
    const second = await get<HousingFormPage>(`/api/regions/zuid-limburg/housing-forms?limit=3&cursor=${first.body.nextCursor}`);
    const ids = [...first.body.items, ...second.body.items].map((i) => i.housingForm.id);
    expect(new Set(ids).size).toBe(5);
    expect(second.body.nextCursor).toBeUndefined();

    const tooMany = await get<ErrorResponse>('/api/regions/zuid-limburg/housing-forms?limit=1000');
    expect(tooMany).toMatchObject({ status: 400, body: { error: { fields: [{ path: 'query.limit' }] } } });
    const forged = await get<ErrorResponse>('/api/regions/zuid-limburg/housing-forms?cursor=bm9wZQ');
    expect(forged).toMatchObject({ status: 400, body: { error: { fields: [{ path: 'query.cursor' }] } } });
  });

  it('answers a location with its organisation and housing forms, and 404 for an unknown one', async () => {
    const { status, body } = await get<LocationDetail>('/api/locations/de-linde-maastricht');
    expect(status).toBe(200);
    expect(body.organization.name).toBe('Zorggroep Test');
    expect(body.housingForms).toHaveLength(5);
    expect(body.location.address.postcode).toBe('6211 AB');
    // Each item's version, from which an ETag is built.
    expect([body.organization.version, body.location.version, ...body.housingForms.map((f) => f.version)]).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect((await get<ErrorResponse>('/api/locations/bestaat-niet')).status).toBe(404);
  });

  it("serves the region's current questionnaire, and 404 where there is none", async () => {
    const { status, body } = await get<{ questionnaire: { regionId: string; version: number; themes: unknown[] } }>('/api/regions/zuid-limburg/questionnaire');
    expect(status).toBe(200);
    expect(body.questionnaire.regionId).toBe('zuid-limburg');
    expect(body.questionnaire.themes.length).toBeGreaterThanOrEqual(8);
    expect((await get<ErrorResponse>('/api/regions/rotterdam/questionnaire')).status).toBe(404);
  });

  it('serves its OpenAPI document and answers unknown paths with the error shape', async () => {
    const doc = await get<{ openapi: string; paths: Record<string, unknown> }>('/api/openapi.json');
    expect(doc.body.openapi).toBe('3.1.0');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/regions', '/api/regions/{regionId}', '/api/regions/{regionId}/housing-forms', '/api/locations/{locationId}', '/api/health', '/api/regions/{regionId}/questionnaire']),
    );
    expect(await get<ErrorResponse>('/api/nothing-here')).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
  });
});
