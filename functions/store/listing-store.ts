// The storage port for listings: what the API and the import need, nothing about DynamoDB.
import type { MatchCandidate } from '../../shared/matching/index.ts';
import type { Questionnaire } from '../../shared/questionnaire/index.ts';
import type {
  HousingForm, HousingFormPage, LocationDetail, LocationSummary, Organization, Region, RegionSummary,
  StoredLocation,
} from '../../shared/domain/index.ts';

/** A listing document after the import resolved each location's region and point. */
export interface ResolvedListing {
  organization: Organization;
  locations: Array<{ location: StoredLocation; housingForms: HousingForm[] }>;
}

export interface ChangeCounts {
  created: number;
  updated: number;
  unchanged: number;
  removed: number;
}

export interface SaveSummary {
  organization: 'created' | 'updated' | 'unchanged';
  locations: ChangeCounts;
  housingForms: ChangeCounts;
}

/** A location id that another organisation already uses. */
export class IdConflictError extends Error {
  constructor(
    readonly locationId: string,
    readonly ownerOrganizationId: string,
  ) {
    super(`Location id "${locationId}" belongs to organisation "${ownerOrganizationId}".`);
    this.name = 'IdConflictError';
  }
}

/** The listing changed between reading and writing (another import ran at the same time). */
export class ConcurrentChangeError extends Error {
  constructor(readonly organizationId: string) {
    super(`The listing of "${organizationId}" was changed by someone else during this import. Try again.`);
    this.name = 'ConcurrentChangeError';
  }
}

/** Everything a region holds: its locations, and each housing form as a search candidate. */
export interface RegionContents {
  locations: StoredLocation[];
  candidates: MatchCandidate[];
}

export interface ListingStore {
  putRegion(region: Region): Promise<void>;
  getRegion(regionId: string): Promise<Region | undefined>;
  listRegions(): Promise<Region[]>;
  regionCounts(regionId: string): Promise<Pick<RegionSummary, 'housingFormCount' | 'locationCount'>>;
  listLocations(regionId: string): Promise<LocationSummary[]>;
  getLocation(locationId: string): Promise<LocationDetail | undefined>;
  listHousingForms(regionId: string, page: { limit: number; cursor?: string }): Promise<HousingFormPage>;
  /** Everything a region holds, for building a search index. */
  loadRegion(regionId: string): Promise<RegionContents>;
  getOrganization(organizationId: string): Promise<Organization | undefined>;
  /** Stores a questionnaire version; versions are kept, the highest is the current one. */
  putQuestionnaire(questionnaire: Questionnaire): Promise<void>;
  getQuestionnaire(regionId: string): Promise<Questionnaire | undefined>;
  /** Replaces an organisation's whole listing: creates, updates in place, removes what is gone. */
  saveListing(listing: ResolvedListing, now: Date): Promise<SaveSummary>;
}

/** Thrown for a paging cursor that this store did not hand out. */
export class BadCursorError extends Error {
  constructor() {
    super('The cursor is not valid. Start again from the first page.');
    this.name = 'BadCursorError';
  }
}
