// GET /api/postcodes/{postcode}: where a place lies, and clear answers for what is not a place.
import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../shared/clock.ts';
import type { ErrorResponse, PostcodeAnswer } from '../../shared/domain/index.ts';
import { haversineKm } from '../../shared/geo/distance.ts';
import { createTestApp } from '../support/test-app.ts';
import { createTestStore } from '../support/test-store.ts';

let app: ReturnType<typeof createTestApp>;

beforeAll(async () => {
  const { stores } = await createTestStore();
  app = createTestApp(stores, fixedClock('2026-11-23T09:00:00Z'));
});

async function get<T>(postcode: string) {
  const res = await app.request(`/api/postcodes/${encodeURIComponent(postcode)}`);
  return { status: res.status, body: (await res.json()) as T };
}

describe('GET /api/postcodes/{postcode}', () => {
  it("answers a postcode's point and care-office region", async () => {
    const { status, body } = await get<PostcodeAnswer>('6211');
    expect(status).toBe(200);
    expect(body).toMatchObject({ postcode: '6211', pc4: '6211', careOfficeRegionCode: 'ZK31' });
    // Maastricht's centre (Vrijthof).
    expect(haversineKm(body.point, { lat: 50.8487, lon: 5.6889 })).toBeLessThan(2);
  });

  it('names the municipality and care-office region, also of a postcode far from any served region', async () => {
    const amsterdam = await get<PostcodeAnswer>('1012');
    expect(amsterdam.status).toBe(200);
    expect(amsterdam.body).toEqual({
      postcode: '1012', pc4: '1012', point: expect.any(Object),
      careOfficeRegionCode: 'ZK02', careOfficeRegionName: 'Amsterdam', municipality: { code: 'GM0363', name: 'Amsterdam' },
    });
    const maastricht = await get<PostcodeAnswer>('6211');
    expect(maastricht.body).toMatchObject({ careOfficeRegionName: 'Zuid-Limburg', municipality: { code: 'GM0935', name: 'Maastricht' } });
    // Capelle aan den IJssel lies in the Rotterdam care-office region.
    const capelle = await get<PostcodeAnswer>('2902');
    expect(capelle.body).toMatchObject({ careOfficeRegionCode: 'ZK20', careOfficeRegionName: 'Rotterdam', municipality: { name: 'Capelle aan den IJssel' } });
  });

  it('leaves out what the reference data cannot tell: a place whose old municipality was split', async () => {
    // Haaren (5076) was divided over four municipalities in 2021; the area keeps its point.
    const { status, body } = await get<PostcodeAnswer>('5076');
    expect(status).toBe(200);
    expect(body).not.toHaveProperty('municipality');
    expect(body).not.toHaveProperty('careOfficeRegionCode');
    expect(body).not.toHaveProperty('careOfficeRegionName');
  });

  it('lets the browser keep an answer for a day, but no shared cache', async () => {
    const res = await app.request('/api/postcodes/1012');
    expect(res.headers.get('cache-control')).toBe('private, max-age=86400');
    // A small answer: a phone looks a postcode up on every search.
    expect((await res.text()).length).toBeLessThan(300);
    const unknown = await app.request('/api/postcodes/1000');
    expect(unknown.headers.get('cache-control')).toBeNull();
  });

  it('accepts a full postcode written either way, and normalises it', async () => {
    for (const written of ['3011ab', '3011 AB']) {
      const { status, body } = await get<PostcodeAnswer>(written);
      expect(status).toBe(200);
      expect(body).toMatchObject({ postcode: '3011 AB', pc4: '3011', careOfficeRegionCode: 'ZK20' });
    }
  });

  it('refuses what is not a postcode with 400, naming the field', async () => {
    for (const bad of ['62', '0123', '6211-AB', 'abcd']) {
      const { status, body } = await get<ErrorResponse>(bad);
      expect(status, bad).toBe(400);
      expect(body.error.code).toBe('validation_error');
      expect(body.error.fields).toEqual([{ path: 'param.postcode', message: expect.stringContaining('4 digits') }]);
    }
  });

  it('answers 404 for an area that cannot be placed', async () => {
    const { status, body } = await get<ErrorResponse>('1000');
    expect(status).toBe(404);
    expect(body.error).toMatchObject({ code: 'not_found', message: expect.stringContaining('1000 is not known') });
  });
});

describe('the OpenAPI document', () => {
  it('describes the compare, postcode and criteria routes', async () => {
    const res = await app.request('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths['/api/compare'] ?? {})).toEqual(['post']);
    expect(Object.keys(doc.paths['/api/postcodes/{postcode}'] ?? {})).toEqual(['get']);
    expect(Object.keys(doc.paths['/api/regions/{regionId}/questionnaire/criteria'] ?? {})).toEqual(['post']);
  });
});
