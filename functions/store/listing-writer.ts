// The storage port for writing listings: the import's whole-listing save today, provider edits
// of single items next. Writes are versioned: a change based on a stale read fails with
// VersionConflictError (store-errors.ts) and writes nothing.
import type { HousingForm, Organization, StoredLocation } from '../../shared/domain/index.ts';

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

export interface ListingWriter {
  /**
   * Replaces an organisation's whole listing: creates, updates in place, removes what is gone.
   * Throws IdConflictError for a location id another organisation holds, VersionConflictError
   * when another write to the listing came in between.
   */
  saveListing(listing: ResolvedListing, now: Date): Promise<SaveSummary>;
}
