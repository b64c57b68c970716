// Loads the configured regions, and the demonstration listings when the store holds none yet.
import type { Clock } from '../../shared/clock.ts';
import { OrganizationSchema } from '../../shared/domain/index.ts';
import type { ListingReader } from '../store/listing-reader.ts';
import type { ListingWriter } from '../store/listing-writer.ts';
import type { RegionStore, RegionWriter } from '../store/region-store.ts';
import { importListing } from './import-listing.ts';
import { DEMO_DATA_SET, demoFiles, readListingFile, readRegionQuestionnaire, readRegions, type DataSet } from './listing-files.ts';

/** The date the demonstration waiting lists were written against (see data/demo/README.md). */
export const DEMO_REFERENCE_DATE = '2026-11-20';
const DAY_MS = 24 * 60 * 60 * 1000;

export interface SeedReport {
  regions: number;
  demoDocuments: number;
}

/**
 * Writes the configured regions (data/regions.json, or the national set's) and their
 * questionnaires (a region's own, else the national default): configuration, always made current.
 */
export async function loadRegions(store: RegionWriter, dataSet: DataSet = DEMO_DATA_SET) {
  const regions = await readRegions(dataSet.regionsFile);
  for (const region of regions) {
    await store.putRegion(region);
    await store.putQuestionnaire((await readRegionQuestionnaire(region.id)).questionnaire);
  }
  return regions;
}

export interface SeedStores {
  regions: RegionStore;
  listings: Pick<ListingReader, 'regionCounts'>;
  listingWriter: ListingWriter;
}

/** The organisations of the demonstration listings (their ids, names and regions), for their demonstration accounts and the example dossiers. */
export async function demoOrganizations(dataSet: DataSet = DEMO_DATA_SET): Promise<Array<{ id: string; name: string; regionIds: string[] }>> {
  const organizations: Array<{ id: string; name: string; regionIds: string[] }> = [];
  for (const file of await demoFiles(dataSet.listingsDir)) {
    const read = await readListingFile(file);
    if (!read.ok) throw new Error(`${file}: ${read.message}`);
    const parsed = OrganizationSchema.safeParse((read.document as { organization?: unknown } | null)?.organization);
    if (parsed.success) organizations.push({ id: parsed.data.id, name: parsed.data.name, regionIds: parsed.data.regionIds });
  }
  return organizations;
}

export async function seedDemo(stores: SeedStores, clock: Clock, dataSet: DataSet = DEMO_DATA_SET): Promise<SeedReport> {
  const regions = await loadRegions(stores.regions, dataSet);

  const counts = await Promise.all(regions.map((r) => stores.listings.regionCounts(r.id)));
  if (counts.some((c) => c.housingFormCount > 0)) return { regions: regions.length, demoDocuments: 0 };

  const shiftDays = Math.max(0, Math.round((clock.now().getTime() - Date.parse(DEMO_REFERENCE_DATE)) / DAY_MS));
  let demoDocuments = 0;
  for (const file of await demoFiles(dataSet.listingsDir)) {
    const read = await readListingFile(file);
    if (!read.ok) throw new Error(`${file}: ${read.message}`);
    const outcome = await importListing(rebaseWaitingLists(read.document, shiftDays), { ...stores, clock });
    if (!outcome.ok) throw new Error(`${file}: ${outcome.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
    demoDocuments++;
  }
  return { regions: regions.length, demoDocuments };
}

/**
 * The demo's waiting lists were confirmed relative to DEMO_REFERENCE_DATE; moving them forward to
 * today keeps the demonstration's mix of fresh and possibly outdated states, whenever it runs.
 */
export function rebaseWaitingLists(document: unknown, shiftDays: number): unknown {
  if (shiftDays === 0) return document;
  const doc = structuredClone(document) as { locations?: Array<{ housingForms?: Array<{ waitingList?: { updatedAt?: string } }> }> };
  for (const location of doc.locations ?? []) {
    for (const form of location.housingForms ?? []) {
      const at = form.waitingList?.updatedAt;
      if (form.waitingList && typeof at === 'string' && !Number.isNaN(Date.parse(at))) {
        form.waitingList.updatedAt = new Date(Date.parse(at) + shiftDays * DAY_MS).toISOString().slice(0, 10);
      }
    }
  }
  return doc;
}
