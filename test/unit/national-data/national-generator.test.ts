// The national demonstration set's generator: the same seed gives the same set; the counts are
// those of the real supply; every listing passes the import's schema; every location lies at an
// address PC4 of its own region; regions get locations in proportion to their inhabitants.
import { describe, expect, it } from 'vitest';
import { ListingDocumentSchema } from '../../../shared/domain/index.ts';
import { pc4CareOfficeRegion, pc4Point } from '../../../shared/geo/pc4.ts';
import { deriveCareOfficeRegions, nationalRegions } from '../../../scripts/lib/care-office-regions.ts';
import { buildNationalSet } from '../../../scripts/lib/national-data.ts';
import { NATIONAL_SEED, OTHER_LOCATIONS, VV_LOCATIONS, apportion, countSet, generateNational } from '../../../scripts/lib/national-generator.ts';
import { readMunicipalities, readPc4Rows, readRegionPopulations } from '../../../scripts/lib/reference-data.ts';
import { readRegions } from '../../../functions/listings/listing-files.ts';

const municipalities = readMunicipalities();
const pc4Rows = readPc4Rows();
const populations = readRegionPopulations(municipalities);
const regions = nationalRegions(deriveCareOfficeRegions(municipalities), await readRegions());
const generate = (seed: string, scale = 1) => generateNational({ seed, regions, pc4Rows, populations, scale });

// The full national set, generated once for the tests that need its size (a few seconds).
const full = generate(NATIONAL_SEED);
const fullCounts = countSet(full);

describe('the national demonstration set', () => {
  it('is the same for the same seed, and different for another', () => {
    const a = JSON.stringify(generate('test-seed', 0.05));
    expect(JSON.stringify(generate('test-seed', 0.05))).toBe(a);
    expect(JSON.stringify(generate('another-seed', 0.05))).not.toBe(a);
  });

  it('has about 2,500 elderly-care and 4,000 other locations, about 15,000 housing forms, in all 31 regions', () => {
    expect(full).toHaveLength(31);
    expect(fullCounts.vvLocations).toBe(VV_LOCATIONS);
    expect(fullCounts.otherLocations).toBe(OTHER_LOCATIONS);
    expect(fullCounts.forms).toBeGreaterThanOrEqual(13_500);
    expect(fullCounts.forms).toBeLessThanOrEqual(16_500);
    expect(fullCounts.organizations).toBeGreaterThan(1_000);
    for (const { documents } of full) expect(documents.length).toBeGreaterThan(0);
  });

  it('covers every sector of the Wlz, disability care most among the non-elderly', () => {
    const { bySector } = fullCounts;
    for (const sector of ['VV', 'VG', 'LVG', 'LG', 'ZGvis', 'ZGaud', 'GGZ'] as const) expect(bySector[sector], sector).toBeGreaterThan(50);
    expect(bySector.VG).toBeGreaterThan(bySector.GGZ);
    expect(bySector.GGZ).toBeGreaterThan(bySector.LG);
  });

  it('gives each region locations in proportion to its inhabitants (within 2 locations of its exact share: elderly care and the rest are split apart)', () => {
    const total = [...populations.values()].reduce((a, b) => a + b, 0);
    for (const { region, documents } of full) {
      const locations = documents.reduce((n, d) => n + d.document.locations.length, 0);
      const share = ((VV_LOCATIONS + OTHER_LOCATIONS) * populations.get(region.careOfficeRegionCode)!) / total;
      expect(Math.abs(locations - share), region.id).toBeLessThanOrEqual(2);
    }
    // Utrecht (1.3 million) has more than five times Midden-IJssel (0.18 million).
    const count = (id: string) => full.find((b) => b.region.id === id)!.documents.reduce((n, d) => n + d.document.locations.length, 0);
    expect(count('utrecht')).toBeGreaterThan(5 * count('midden-ijssel'));
  });

  it('places every location at an address PC4 of its own region, with coordinates (when given) near that point', () => {
    const addressAreas = new Set(pc4Rows.filter((r) => r.kind === 'Adres').map((r) => r.pc4));
    for (const { region, documents } of full) {
      for (const { document } of documents) {
        for (const location of document.locations) {
          const pc4 = location.address.postcode.slice(0, 4);
          expect(addressAreas.has(pc4), pc4).toBe(true);
          expect(pc4CareOfficeRegion(pc4)).toBe(region.careOfficeRegionCode);
          const point = pc4Point(pc4)!;
          if (location.geo) {
            expect(Math.abs(location.geo.lat - point.lat)).toBeLessThan(0.003);
            expect(Math.abs(location.geo.lon - point.lon)).toBeLessThan(0.004);
          }
        }
      }
    }
  });

  it('spreads waiting lists and unknowns as the hand-made demonstration does', () => {
    const forms = full.flatMap((b) => b.documents.flatMap((d) => d.document.locations.flatMap((l) => l.housingForms)));
    const share = (pred: (f: (typeof forms)[number]) => boolean) => forms.filter(pred).length / forms.length;
    for (const status of ['available', 'short', 'long', 'closed'] as const) {
      expect(share((f) => f.waitingList.status === status), status).toBeGreaterThan(0.05);
    }
    expect(share((f) => f.ownBathroom === undefined)).toBeGreaterThan(0.05);
    expect(share((f) => f.ownBathroom === undefined)).toBeLessThan(0.15);
    expect(share((f) => (f.cultures?.length ?? 0) > 0)).toBeGreaterThan(0.005);
  });

  it('names organisations plainly made up, with made-up contact details no one has', () => {
    for (const { documents } of full) {
      for (const { document } of documents) {
        expect(document.organization.description).toMatch(/^Dit is een verzonnen organisatie/);
        expect(document.organization.website).toMatch(/\.example\/$/);
        expect(document.organization.phone).toMatch(/^088 000 /);
      }
    }
  });

  it('is valid against the import schema throughout, with the hand-made listings kept in their regions (a small scale of the set)', async () => {
    const built = await buildNationalSet('test-seed', 0.05);
    const ids = new Set<string>();
    for (const { region, documents } of built) {
      for (const { document } of documents) {
        expect(ListingDocumentSchema.safeParse(document).success).toBe(true);
        expect(document.organization.regionIds).toEqual([region.id]);
        expect(ids.has(document.organization.id)).toBe(false);
        ids.add(document.organization.id);
      }
    }
    expect(ids.has('mergelland-zorg')).toBe(true);
  });
});

describe('apportion', () => {
  it('splits a total by weight, the parts adding up exactly', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(7, [5, 0, 2])).toEqual([5, 0, 2]);
    expect(apportion(100, [3, 3, 3, 1]).reduce((a, b) => a + b, 0)).toBe(100);
  });
});
