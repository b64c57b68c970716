// The open-data export of both demonstration regions, over DynamoDB Local: from the API
// (GET /api/regions/{regionId}/hsds) and from the export command's writer (JSON and the tabular
// package), each record valid by the official HSDS 3.1 schemas with zero errors, every location and
// housing form of the region in it, and the same ids on a second export.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../shared/clock.ts';
import type { PublicApiApp } from '../../functions/api/public/app.ts';
import { seedDemo } from '../../functions/listings/seed-demo.ts';
import type { HsdsDataset } from '../../functions/open-data/hsds.ts';
import { UnknownExportRegionError, writeHsdsExport } from '../../functions/open-data/export-files.ts';
import type { Stores } from '../../functions/store/create-store.ts';
import type { ErrorResponse, LocationSummary } from '../../shared/domain/index.ts';
import { parseExportArgs } from '../../scripts/export-hsds.ts';
import { hsdsErrors, type HsdsObject } from '../support/hsds-validator.ts';
import { createTestApp } from '../support/test-app.ts';
import { createTestStore } from '../support/test-store.ts';

const clock = fixedClock('2026-11-23T09:00:00Z');
const REGIONS = ['zuid-limburg', 'rotterdam'];
let stores: Stores;
let app: PublicApiApp;
const outDir = await mkdtemp(join(tmpdir(), 'ww-hsds-'));

beforeAll(async () => {
  ({ stores } = await createTestStore());
  await seedDemo(stores, clock);
  app = createTestApp(stores, clock);
});
afterAll(() => rm(outDir, { recursive: true, force: true }));

async function exportOf(regionId: string): Promise<HsdsDataset> {
  const res = await app.request(`/api/regions/${regionId}/hsds`);
  expect(res.status).toBe(200);
  return (await res.json()) as HsdsDataset;
}

/** Every record of the JSON form against its official schema: "object/path: message" lines. */
function schemaErrors(dataset: HsdsDataset): string[] {
  const records: Array<[HsdsObject, unknown[]]> = [
    ['taxonomy', dataset.taxonomies], ['taxonomy_term', dataset.taxonomy_terms], ['organization', dataset.organizations],
    ['location', dataset.locations], ['service', dataset.services], ['service_at_location', dataset.service_at_locations],
  ];
  return records.flatMap(([object, list]) => list.flatMap((record) => hsdsErrors(object, record)));
}

describe.each(REGIONS)('the HSDS export of %s from the API', (regionId) => {
  it('is valid by the official HSDS schemas, with zero errors', async () => {
    const dataset = await exportOf(regionId);
    expect(dataset.services.length).toBeGreaterThan(30);
    expect(schemaErrors(dataset)).toEqual([]);
  });

  it('holds every location and housing form of the region, each service at its location', async () => {
    const dataset = await exportOf(regionId);
    const { locations } = (await (await app.request(`/api/regions/${regionId}/locations`)).json()) as { locations: LocationSummary[] };
    expect(dataset.locations.map((l) => l.external_identifier).sort()).toEqual(locations.map((l) => l.id).sort());
    expect(dataset.services).toHaveLength(locations.reduce((sum, l) => sum + l.housingFormCount, 0));
    expect(new Set(dataset.organizations.map((o) => o.name))).toEqual(new Set(locations.map((l) => l.organizationName)));
    const locationIds = new Set(dataset.locations.map((l) => l.id));
    const serviceIds = new Set(dataset.services.map((s) => s.id));
    expect(dataset.service_at_locations).toHaveLength(dataset.services.length);
    for (const sal of dataset.service_at_locations) {
      expect(locationIds.has(sal.location_id) && serviceIds.has(sal.service_id)).toBe(true);
    }
    // Every attribute names a published term.
    const termIds = new Set(dataset.taxonomy_terms.map((t) => t.id));
    const attributes = [...dataset.locations, ...dataset.services].flatMap((r) => r.attributes);
    expect(attributes.length).toBeGreaterThan(dataset.services.length * 3);
    expect(attributes.filter((a) => !termIds.has(a.taxonomy_term_id))).toEqual([]);
  });

  it('gives the same document, ids and all, a second time', async () => {
    expect(JSON.stringify(await exportOf(regionId))).toBe(JSON.stringify(await exportOf(regionId)));
  });
});

describe('the HSDS route', () => {
  it('answers an unknown region with 404 and a malformed id with 400, in the API\'s error shape', async () => {
    const unknown = await app.request('/api/regions/nergens/hsds');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as ErrorResponse).error.code).toBe('not_found');
    const malformed = await app.request('/api/regions/Not%20A%20Slug/hsds');
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as ErrorResponse).error.fields?.[0]?.path).toBe('param.regionId');
  });
});

describe('the export command', () => {
  it('reads its arguments, and refuses a missing region or an unknown format', () => {
    expect(parseExportArgs(['--', '--region', 'zuid-limburg', '--format', 'csv', '--out', '/tmp/x'])).toEqual({ ok: true, regionId: 'zuid-limburg', outDir: '/tmp/x', format: 'csv' });
    expect(parseExportArgs(['--format', 'json'])).toMatchObject({ ok: false, message: 'Name the region with --region.' });
    expect(parseExportArgs(['--region', 'x', '--format', 'xml'])).toMatchObject({ ok: false });
  });

  it('writes the JSON form the API serves', async () => {
    const dir = join(outDir, 'json');
    const summary = await writeHsdsExport(stores, 'zuid-limburg', { outDir: dir, format: 'json' }, { asOf: clock.now() });
    const written = JSON.parse(await readFile(join(dir, 'hsds.json'), 'utf8')) as HsdsDataset;
    expect(written).toEqual(await exportOf('zuid-limburg'));
    expect(summary.services).toBe(written.services.length);
  });

  it.each(REGIONS)('writes the tabular package of %s: CSV rows valid by the official tabular schema, datapackage.json with the licence', async (regionId) => {
    const dir = join(outDir, `csv-${regionId}`);
    await writeHsdsExport(stores, regionId, { outDir: dir, format: 'csv' }, { asOf: clock.now() });
    const descriptor = JSON.parse(await readFile(join(dir, 'datapackage.json'), 'utf8')) as {
      licenses: Array<{ name: string }>;
      resources: Array<{ name: string; path: string; schema: { fields: Array<{ name: string; type: string }> } }>;
    };
    expect(descriptor.licenses.map((l) => l.name)).toEqual(['CC-BY-4.0']);
    expect((await readdir(dir)).sort()).toEqual([...descriptor.resources.map((r) => r.path), 'datapackage.json'].sort());
    // The CSV read back, typed by the descriptor, is what the official tabular schema describes.
    const tables: Record<string, unknown[]> = {};
    for (const resource of descriptor.resources) {
      const rows = parse(await readFile(join(dir, resource.path), 'utf8'), { columns: true }) as Array<Record<string, string>>;
      const types = new Map(resource.schema.fields.map((f) => [f.name, f.type]));
      tables[resource.name] = rows.map((row) => Object.fromEntries(Object.entries(row)
        .filter(([, value]) => value !== '')
        .map(([name, value]) => [name, types.get(name) === 'number' ? Number(value) : value])));
    }
    expect(tables.location!.length).toBeGreaterThan(30);
    expect(hsdsErrors('tabular', tables)).toEqual([]);
  });

  it('says so for a region that does not exist', async () => {
    await expect(writeHsdsExport(stores, 'nergens', { outDir: join(outDir, 'none'), format: 'json' }, { asOf: clock.now() }))
      .rejects.toBeInstanceOf(UnknownExportRegionError);
  });
});
