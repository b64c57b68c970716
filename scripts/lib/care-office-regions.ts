// Every care-office region (CBS 2025, 31 of them) as a region of the product, derived from the
// municipality table in data/reference: a readable id (the CBS name as a slug, so the hand-made
// `zuid-limburg` and `rotterdam` keep theirs), the name, the ZK code and the municipalities. A
// hand-made region (data/regions.json) replaces the generated one of its code whole, after a check
// that both name the same municipalities.
import { RegionSchema, type Region } from '../../shared/domain/index.ts';
import { slugify } from './listing-builder.ts';
import type { MunicipalityRow } from './reference-data.ts';
import { generatedRegionSupport } from './support-organizations.ts';

export interface CareOfficeRegion {
  id: string;
  name: string;
  careOfficeRegionCode: string;
  municipalities: { code: string; name: string }[];
}

/** The regions in code order, each with its municipalities in code order (as data/regions.json). */
export function deriveCareOfficeRegions(municipalities: readonly MunicipalityRow[]): CareOfficeRegion[] {
  const byCode = new Map<string, CareOfficeRegion>();
  for (const m of municipalities) {
    if (!/^ZK[0-9]{2}$/.test(m.careOffice) || m.careOfficeName === '') throw new Error(`Municipality ${m.code} has no care-office region.`);
    const region = byCode.get(m.careOffice) ?? { id: slugify(m.careOfficeName), name: m.careOfficeName, careOfficeRegionCode: m.careOffice, municipalities: [] };
    if (region.name !== m.careOfficeName) throw new Error(`${m.careOffice} is named both "${region.name}" and "${m.careOfficeName}".`);
    region.municipalities.push({ code: m.code, name: m.name });
    byCode.set(m.careOffice, region);
  }
  const regions = [...byCode.values()].sort((a, b) => a.careOfficeRegionCode.localeCompare(b.careOfficeRegionCode));
  for (const region of regions) region.municipalities.sort((a, b) => a.code.localeCompare(b.code));
  const ids = new Set(regions.map((r) => r.id));
  if (ids.size !== regions.length) throw new Error('Two care-office regions have the same id.');
  return regions;
}

/** The region a generated care-office region is on the site: demonstration, elderly care first, the plain help text. */
export function generatedRegion(region: CareOfficeRegion): Region {
  return RegionSchema.parse({
    id: region.id,
    name: region.name,
    careOfficeRegionCode: region.careOfficeRegionCode,
    primarySector: 'VV',
    municipalities: region.municipalities,
    description:
      `Wonen met zorg in ${region.municipalities.length === 1 ? 'de gemeente' : `de ${region.municipalities.length} gemeenten van`} de zorgkantoorregio ${region.name}: ` +
      'ouderenzorg, zorg voor mensen met een beperking en beschermd wonen. ' +
      'Dit is een demonstratie: de organisaties en woonplekken zijn verzonnen en op echte postcodes gezet.',
    supportOrganizations: generatedRegionSupport(region.name),
    demonstration: true,
  });
}

/**
 * All regions of the country: the hand-made ones where they exist, generated ones elsewhere.
 * Throws when a hand-made region's municipalities differ from the reference table's.
 */
export function nationalRegions(derived: readonly CareOfficeRegion[], handMade: readonly Region[]): Region[] {
  const byCode = new Map(handMade.map((r) => [r.careOfficeRegionCode, r]));
  for (const region of handMade) {
    const match = derived.find((d) => d.careOfficeRegionCode === region.careOfficeRegionCode);
    if (!match) throw new Error(`Hand-made region ${region.id} has code ${region.careOfficeRegionCode}, which is no 2025 care-office region.`);
    const want = match.municipalities.map((m) => `${m.code} ${m.name}`).join(', ');
    const have = [...region.municipalities].sort((a, b) => a.code.localeCompare(b.code)).map((m) => `${m.code} ${m.name}`).join(', ');
    if (want !== have) throw new Error(`Hand-made region ${region.id} names other municipalities than ${region.careOfficeRegionCode} in the reference data:\n  hand-made: ${have}\n  reference: ${want}`);
  }
  return derived.map((d) => byCode.get(d.careOfficeRegionCode) ?? generatedRegion(d));
}
