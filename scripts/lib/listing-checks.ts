// Checks on made-up listings before anything is written: every document valid against the
// import's own schema (ListingDocumentSchema), ids unique, each location's PC4 known and inside its
// region, given coordinates near their PC4, waiting lists not confirmed in the future.
import * as z from 'zod';
import { HOUSING_TYPES, ListingDocumentSchema, type ListingDocumentInput, type Region } from '../../shared/domain/index.ts';
import { haversineKm } from '../../shared/geo/distance.ts';
import { REFERENCE_DATE } from './listing-builder.ts';

/** A region and its organisations' listing documents, as written to data/demo/<region>/<org>.json. */
export interface BuiltRegion {
  region: Region;
  documents: { organizationId: string; document: ListingDocumentInput }[];
}

/** PC4 → [lat, lon, care-office region code] (reference-data.ts buildPc4Points). */
export type Pc4Points = Record<string, [number, number, string | null]>;

/** Throws with every problem found, so one run shows them all. */
export function checkBuilt(built: readonly BuiltRegion[], points: Pc4Points, expect: { minFormsPerRegion: number; everyHousingType: boolean }): void {
  const problems: string[] = [];
  const locationIds = new Map<string, string>();
  for (const { region, documents } of built) {
    const typeCounts = new Map<string, number>();
    let forms = 0;
    for (const { organizationId, document } of documents) {
      const where = `${region.id}/${organizationId}.json`;
      const parsed = ListingDocumentSchema.safeParse(document);
      if (!parsed.success) problems.push(`${where}: ${z.prettifyError(parsed.error)}`);
      if (!document.organization.regionIds.includes(region.id)) problems.push(`${where}: organisation is not in region ${region.id}.`);
      const formIds = new Set<string>();
      for (const location of document.locations) {
        const other = locationIds.get(location.id);
        if (other !== undefined) problems.push(`${where}: location id ${location.id} is also used in ${other}.`);
        locationIds.set(location.id, where);
        const pc4 = location.address.postcode.slice(0, 4);
        const point = points[pc4];
        if (!point) problems.push(`${where}: ${location.id} has unknown PC4 ${pc4}.`);
        else {
          if (point[2] !== region.careOfficeRegionCode) problems.push(`${where}: ${location.id} PC4 ${pc4} lies in ${point[2]}, not ${region.careOfficeRegionCode}.`);
          if (location.geo && haversineKm(location.geo, { lat: point[0], lon: point[1] }) >= 0.3) problems.push(`${where}: ${location.id} geo is 300 m or more from its PC4.`);
        }
        for (const form of location.housingForms) {
          if (formIds.has(form.id)) problems.push(`${where}: housing form id ${form.id} is used twice.`);
          formIds.add(form.id);
          typeCounts.set(form.type, (typeCounts.get(form.type) ?? 0) + 1);
          forms++;
          if (Date.parse(form.waitingList.updatedAt) > Date.parse(REFERENCE_DATE)) problems.push(`${where}: ${form.id} is confirmed after the reference date.`);
        }
      }
    }
    if (forms < expect.minFormsPerRegion) problems.push(`${region.id}: only ${forms} housing forms, at least ${expect.minFormsPerRegion} wanted.`);
    if (expect.everyHousingType) for (const type of HOUSING_TYPES) if (!typeCounts.has(type)) problems.push(`${region.id}: no housing form of type ${type}.`);
  }
  if (problems.length > 0) throw new Error(`The demonstration data is not valid:\n- ${problems.join('\n- ')}`);
}
