// Everything one region holds, read through the listing port for the open-data export: its
// locations (one query), its housing forms page by page, and the organisations behind them.
// Versions are dropped: they are ours (ETags), not part of the published data.
import type { HousingForm, Organization } from '../../shared/domain/index.ts';
import type { ListingReader } from '../store/listing-reader.ts';
import type { RegionReader } from '../store/region-store.ts';
import type { RegionListings } from './hsds.ts';

const PAGE_SIZE = 100;

/** The region's listings, or undefined when there is no such region. */
export async function loadRegionListings(
  stores: { regions: Pick<RegionReader, 'getRegion'>; listings: Pick<ListingReader, 'loadRegion' | 'listHousingForms' | 'getOrganization'> },
  regionId: string,
): Promise<RegionListings | undefined> {
  const region = await stores.regions.getRegion(regionId);
  if (!region) return undefined;
  const { locations } = await stores.listings.loadRegion(regionId);
  const housingForms: RegionListings['housingForms'] = [];
  let cursor: string | undefined;
  do {
    const page = await stores.listings.listHousingForms(regionId, { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) });
    for (const item of page.items) {
      const { version: _version, ...housingForm } = item.housingForm;
      housingForms.push({ locationId: item.locationId, housingForm: housingForm as HousingForm });
    }
    cursor = page.nextCursor;
  } while (cursor);
  const organizationIds = [...new Set(locations.map((l) => l.organizationId))];
  const organizations = (await Promise.all(organizationIds.map((id) => stores.listings.getOrganization(id))))
    .flatMap((view): Organization[] => {
      if (!view) return [];
      const { version: _version, ...organization } = view;
      return [organization];
    });
  return { region, organizations, locations, housingForms };
}
