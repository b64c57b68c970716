// The demonstration data as shipped: every file valid, enough of every kind, placed in its region.
// Regenerate with `npm run demo-data`; this test reads the committed files, not the generator.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { HOUSING_TYPES, ListingDocumentSchema, RegionSchema, type ListingDocument } from '../../shared/domain/index.ts';
import { haversineKm } from '../../shared/geo/distance.ts';
import { pc4CareOfficeRegion, pc4Point } from '../../shared/geo/pc4.ts';

const DATA = fileURLToPath(new URL('../../data/', import.meta.url));
const REFERENCE_DATE = Date.parse('2026-11-20');
const DAY_MS = 86_400_000;

const regions = z.array(RegionSchema).parse(JSON.parse(readFileSync(join(DATA, 'regions.json'), 'utf8')));

interface DemoFile {
  regionId: string;
  file: string;
  raw: unknown;
}

const demoFiles: DemoFile[] = readdirSync(join(DATA, 'demo'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(join(DATA, 'demo', d.name))
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => ({ regionId: d.name, file: `${d.name}/${name}`, raw: JSON.parse(readFileSync(join(DATA, 'demo', d.name, name), 'utf8')) as unknown })),
  );

const parsed = demoFiles.map((f) => ({ ...f, doc: ListingDocumentSchema.safeParse(f.raw) }));
const valid = parsed.flatMap((p) => (p.doc.success ? [{ regionId: p.regionId, file: p.file, doc: p.doc.data }] : []));
const docsOf = (regionId: string): ListingDocument[] => valid.filter((v) => v.regionId === regionId).map((v) => v.doc);

describe('data/regions.json', () => {
  it('holds the two demonstration regions, valid and flagged as demonstration', () => {
    expect(regions.map((r) => r.id).sort()).toEqual(['rotterdam', 'zuid-limburg']);
    for (const region of regions) expect(region.demonstration).toBe(true);
  });

  it('lists the 16 municipalities of Zuid-Limburg and the 3 of Rotterdam', () => {
    const byId = new Map(regions.map((r) => [r.id, r]));
    expect(byId.get('zuid-limburg')?.careOfficeRegionCode).toBe('ZK31');
    expect(byId.get('zuid-limburg')?.municipalities).toHaveLength(16);
    expect(byId.get('rotterdam')?.careOfficeRegionCode).toBe('ZK20');
    expect(byId.get('rotterdam')?.municipalities.map((m) => m.code).sort()).toEqual(['GM0502', 'GM0542', 'GM0599']);
  });

  it('has a folder of demonstration listings for every region, and no other folder', () => {
    expect([...new Set(demoFiles.map((f) => f.regionId))].sort()).toEqual(regions.map((r) => r.id).sort());
  });
});

describe('demonstration listings', () => {
  it('are all valid listing documents', () => {
    const invalid = parsed.filter((p) => !p.doc.success).map((p) => `${p.file}: ${p.doc.success ? '' : z.prettifyError(p.doc.error)}`);
    expect(invalid).toEqual([]);
    expect(valid.length).toBeGreaterThanOrEqual(12);
  });

  it('name the file after the organisation and list the folder region', () => {
    for (const { file, regionId, doc } of valid) {
      expect(file).toBe(`${regionId}/${doc.organization.id}.json`);
      expect(doc.organization.regionIds).toEqual([regionId]);
    }
  });

  it('use location ids that are unique across all files', () => {
    const ids = valid.flatMap((v) => v.doc.locations.map((l) => l.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('use housing-form ids that are unique within each document', () => {
    for (const { file, doc } of valid) {
      const ids = doc.locations.flatMap((l) => l.housingForms.map((hf) => hf.id));
      expect(new Set(ids).size, file).toBe(ids.length);
    }
  });

  it('keep waiting lists confirmed in the 90 days up to the reference date, some older than 30 days', () => {
    const ages = valid.flatMap((v) => v.doc.locations.flatMap((l) => l.housingForms.map((hf) => (REFERENCE_DATE - Date.parse(hf.waitingList.updatedAt)) / DAY_MS)));
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...ages)).toBeLessThan(90);
    const stale = ages.filter((a) => a > 30).length / ages.length;
    expect(stale).toBeGreaterThan(0.1);
    expect(stale).toBeLessThan(0.4);
  });

  it('give every organisation and most locations a phone number in a range no one has (area code, then 000)', () => {
    const organizations = valid.map((v) => v.doc.organization.phone);
    const locations = valid.flatMap((v) => v.doc.locations.map((l) => l.phone));
    const given = [...organizations, ...locations].filter((phone) => phone !== undefined);
    // A Dutch subscriber number never starts with 0: these reach nobody.
    for (const phone of given) expect(phone).toMatch(/^0(?:10|43|45|46|181) 000 [0-9 ]+$/);
    for (const phone of given) expect(phone.replace(/\D/g, '')).toHaveLength(10);
    expect(organizations.every((phone) => phone !== undefined)).toBe(true);
    // Some leave it out, so the pages show the organisation's number instead.
    const share = locations.filter((phone) => phone !== undefined).length / locations.length;
    expect(share).toBeGreaterThan(0.6);
    expect(share).toBeLessThan(1);
  });

  it('leave some booleans and lists unknown and give some lists explicitly empty', () => {
    const forms = valid.flatMap((v) => v.doc.locations.flatMap((l) => l.housingForms));
    expect(forms.some((hf) => hf.pets === undefined)).toBe(true);
    expect(forms.some((hf) => hf.cultures === undefined)).toBe(true);
    expect(forms.some((hf) => hf.cultures?.length === 0)).toBe(true);
  });

  for (const region of regions) {
    describe(region.id, () => {
      const docs = docsOf(region.id);
      const locations = docs.flatMap((d) => d.locations);
      const forms = locations.flatMap((l) => l.housingForms);

      it('has at least 60 housing forms from at least 6 organisations', () => {
        expect(forms.length).toBeGreaterThanOrEqual(60);
        expect(docs.length).toBeGreaterThanOrEqual(6);
      });

      it('has every housing type', () => {
        const types = new Set(forms.map((hf) => hf.type));
        for (const type of HOUSING_TYPES) expect(types.has(type), type).toBe(true);
      });

      it("places every location at a known PC4 inside the region's care-office region", () => {
        for (const location of locations) {
          const pc4 = location.address.postcode.slice(0, 4);
          expect(pc4Point(pc4), `${location.id} ${pc4}`).toBeDefined();
          expect(pc4CareOfficeRegion(pc4), `${location.id} ${pc4}`).toBe(region.careOfficeRegionCode);
        }
      });

      it('puts given coordinates within 300 m of the PC4 point, and leaves geo out on some locations', () => {
        for (const location of locations) {
          const point = pc4Point(location.address.postcode.slice(0, 4));
          if (location.geo && point) expect(haversineKm(location.geo, point), location.id).toBeLessThan(0.3);
        }
        expect(locations.some((l) => l.geo)).toBe(true);
        expect(locations.some((l) => !l.geo)).toBe(true);
      });

      it("serves the region's primary sector first", () => {
        const primary = forms.filter((hf) => hf.sectors.includes(region.primarySector)).length;
        expect(primary / forms.length).toBeGreaterThan(0.5);
      });
    });
  }
});
