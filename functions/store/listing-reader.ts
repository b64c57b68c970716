// The storage port for reading listings: what the public API, the site build and the search
// indexes need. Read views carry each item's version, so an ETag can be built from it.
import type { MatchCandidate } from '../../shared/matching/index.ts';
import type { RegionReader } from './region-store.ts';
import type {
  HousingForm, HousingFormPage, LocationDetail, LocationSummary, OrganizationView, RegionSummary, StoredLocation,
} from '../../shared/domain/index.ts';

/** Everything a region holds: its locations, and each housing form as a search candidate. */
export interface RegionContents {
  locations: StoredLocation[];
  candidates: MatchCandidate[];
}

/** A region's listings as stored (not as the matcher reads them): what a coordinator checks for gaps. */
export interface RegionListings {
  locations: StoredLocation[];
  housingForms: Array<{ organizationId: string; locationId: string; housingForm: HousingForm }>;
}

export interface ListingReader {
  regionCounts(regionId: string): Promise<Pick<RegionSummary, 'housingFormCount' | 'locationCount'>>;
  listLocations(regionId: string): Promise<LocationSummary[]>;
  getLocation(locationId: string): Promise<LocationDetail | undefined>;
  /** Throws BadCursorError for a cursor this store did not hand out. */
  listHousingForms(regionId: string, page: { limit: number; cursor?: string }): Promise<HousingFormPage>;
  /** Everything a region holds, for building a search index. */
  loadRegion(regionId: string): Promise<RegionContents>;
  /** The region's locations and housing forms as stored, in one read (eventually consistent). */
  loadRegionListings(regionId: string): Promise<RegionListings>;
  getOrganization(organizationId: string): Promise<OrganizationView | undefined>;
}

/** What a search index is built from: the regions, and everything each one holds. */
export interface IndexSource {
  regions: Pick<RegionReader, 'listRegions'>;
  listings: Pick<ListingReader, 'loadRegion'>;
}
