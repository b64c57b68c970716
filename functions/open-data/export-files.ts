// Writes a region's open-data export to a folder: the HSDS JSON document (hsds.json), or the
// tabular package (one CSV per table and datapackage.json). What `npm run export-hsds` runs.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ListingReader } from '../store/listing-reader.ts';
import type { RegionReader } from '../store/region-store.ts';
import { toHsds, type HsdsOptions } from './hsds.ts';
import { hsdsTabularFiles } from './hsds-tabular.ts';
import { loadRegionListings } from './region-listings.ts';

export const EXPORT_FORMATS = ['json', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportSummary {
  files: string[];
  organizations: number;
  locations: number;
  services: number;
}

export class UnknownExportRegionError extends Error {
  constructor(readonly regionId: string) {
    super(`There is no region "${regionId}".`);
    this.name = 'UnknownExportRegionError';
  }
}

export async function writeHsdsExport(
  stores: { regions: RegionReader; listings: ListingReader },
  regionId: string,
  target: { outDir: string; format: ExportFormat },
  options: HsdsOptions,
): Promise<ExportSummary> {
  const listings = await loadRegionListings(stores, regionId);
  if (!listings) throw new UnknownExportRegionError(regionId);
  const dataset = toHsds(listings, options);
  const files = target.format === 'json'
    ? [{ path: 'hsds.json', content: `${JSON.stringify(dataset, null, 2)}\n` }]
    : hsdsTabularFiles(dataset, `woonwijzer-${regionId}-hsds`);
  await mkdir(target.outDir, { recursive: true });
  for (const file of files) await writeFile(join(target.outDir, file.path), file.content);
  return {
    files: files.map((f) => join(target.outDir, f.path)),
    organizations: dataset.organizations.length,
    locations: dataset.locations.length,
    services: dataset.services.length,
  };
}
