// Every care-office region derived from data/reference: 31 regions, each municipality in exactly
// one, readable ids, and the two hand-made regions exactly as the reference data has them.
import { describe, expect, it } from 'vitest';
import { readRegions } from '../../../functions/listings/listing-files.ts';
import { RegionSchema } from '../../../shared/domain/index.ts';
import { deriveCareOfficeRegions, generatedRegion, nationalRegions } from '../../../scripts/lib/care-office-regions.ts';
import { readMunicipalities, readRegionPopulations } from '../../../scripts/lib/reference-data.ts';

const municipalities = readMunicipalities();
const derived = deriveCareOfficeRegions(municipalities);
const handMade = await readRegions();

describe('the care-office regions derived from the reference data', () => {
  it('are the 31 regions of 2025 (ZK05 and ZK15 no longer exist), in code order', () => {
    expect(derived).toHaveLength(31);
    const codes = derived.map((r) => r.careOfficeRegionCode);
    expect(codes).toEqual([...codes].sort());
    expect(codes).not.toContain('ZK05');
    expect(codes).not.toContain('ZK15');
    expect(codes[0]).toBe('ZK01');
    expect(codes.at(-1)).toBe('ZK33');
  });

  it('put each of the 342 municipalities in exactly one region', () => {
    const all = derived.flatMap((r) => r.municipalities.map((m) => m.code));
    expect(all).toHaveLength(342);
    expect(new Set(all).size).toBe(342);
    expect(new Set(all)).toEqual(new Set(municipalities.map((m) => m.code)));
  });

  it('get readable, unique ids from their CBS names', () => {
    const ids = derived.map((r) => r.id);
    expect(new Set(ids).size).toBe(31);
    expect(ids).toEqual(expect.arrayContaining(['zuid-limburg', 'rotterdam', 'noord-en-midden-limburg', 'amsterdam', 'friesland', 't-gooi', 'apeldoorn-zutphen']));
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('keep the hand-made regions unchanged: same ids, and the municipalities the reference data gives their codes', () => {
    expect(handMade.map((r) => r.id).sort()).toEqual(['rotterdam', 'zuid-limburg']);
    const regions = nationalRegions(derived, handMade);
    for (const region of handMade) {
      expect(regions.find((r) => r.careOfficeRegionCode === region.careOfficeRegionCode)).toEqual(region);
      const match = derived.find((d) => d.careOfficeRegionCode === region.careOfficeRegionCode);
      expect(match?.id).toBe(region.id);
      expect(match?.municipalities).toEqual(region.municipalities);
    }
    expect(regions.find((r) => r.id === 'zuid-limburg')?.municipalities).toHaveLength(16);
    expect(new Set(regions.find((r) => r.id === 'rotterdam')?.municipalities.map((m) => m.name))).toEqual(new Set(['Rotterdam', 'Capelle aan den IJssel', 'Krimpen aan den IJssel']));
  });

  it('refuses a hand-made region whose municipalities differ from the reference data', () => {
    const zuidLimburg = handMade.find((r) => r.id === 'zuid-limburg')!;
    const short = { ...zuidLimburg, municipalities: zuidLimburg.municipalities.slice(1) };
    expect(() => nationalRegions(derived, [short])).toThrow(/zuid-limburg names other municipalities/);
  });

  it('make valid demonstration regions whose help page names no phone number and says the listings are made up', () => {
    for (const region of derived) {
      const made = generatedRegion(region);
      expect(RegionSchema.safeParse(made).success).toBe(true);
      expect(made.demonstration).toBe(true);
      expect(made.description).toContain('demonstratie');
      expect(made.supportOrganizations.length).toBeGreaterThan(0);
      for (const organization of made.supportOrganizations) expect(organization.phone).toBeUndefined();
      const careOffice = made.supportOrganizations.find((o) => o.id === 'zorgkantoor');
      expect(careOffice?.description.nl).toContain('demonstratie');
      expect(careOffice?.website).toBeUndefined();
    }
  });

  it('have a population each, adding up to the country', () => {
    const populations = readRegionPopulations(municipalities);
    expect([...populations.keys()].sort()).toEqual(derived.map((r) => r.careOfficeRegionCode));
    const total = [...populations.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(16_500_000);
    expect(total).toBeLessThan(18_500_000);
    // ZK33 is the 2019 regions Westland Schieland Delfland and Nieuwe Waterweg Noord together.
    expect(populations.get('ZK33')).toBe(333_377 + 180_706);
  });
});
