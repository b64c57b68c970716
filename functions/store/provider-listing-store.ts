// The storage port for a provider's own edits of its listing, item by item: read the whole listing
// with every item's version, change one housing form or location (or confirm many waiting lists),
// and read the audit trail. Every change is checked against the version the editor started from
// (VersionConflictError, carrying the item as it is now), touches only the organisation's own
// items (else ItemNotFoundError), and writes its audit record in the same transaction.
// Nothing about DynamoDB; the whole-listing import is the ListingWriter beside it.
import type { HousingForm, Organization, Photo, StoredLocation, WaitingList } from '../../shared/domain/index.ts';

export interface Versioned<T> {
  value: T;
  version: number;
}

export interface ListingLocation {
  location: StoredLocation;
  version: number;
  /** Sorted by id (the order they are stored in). */
  housingForms: Array<Versioned<HousingForm>>;
}

/** An organisation's whole listing, read consistently, each item with its version. */
export interface OrganizationListing {
  organization: Organization;
  version: number;
  locations: ListingLocation[];
}

/** Who makes a change and when: the audit record keeps both. */
export interface ChangeContext {
  by: { accountId: string; name: string };
  now: Date;
}

/** `photos`: a location's photos added, described, reordered or removed (its other fields unchanged). */
export const CHANGE_ACTIONS = ['created', 'updated', 'waiting-list', 'confirmed', 'removed', 'photos'] as const;
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];

/**
 * What a region's coordinator does to an organisation itself: `admitted` to the region (a new
 * organisation, before it has a location), `left-region` when removed from it (its locations
 * there removed, each with its own record).
 */
export const ORGANIZATION_ACTIONS = ['admitted', 'left-region'] as const;
export type OrganizationAction = (typeof ORGANIZATION_ACTIONS)[number];

/** One audit record of the organisation's whole listing, as a region's trail reads it: where the change was, and what. */
export interface OrganizationListingChange extends Omit<ListingChange, 'action'> {
  organizationId: string;
  action: ChangeAction | OrganizationAction;
  /** Absent for the organisation's own records. */
  locationId?: string;
  housingFormId?: string;
  /**
   * The region the record belongs to: an organisation record's region; a location's own record the
   * region it is in after the change (before it, for a removal); a housing form's record the region
   * of its location at the time. Absent on location and housing-form records written before
   * 2026-12-03: a region's trail then judges by the location's own records (audit.ts).
   */
  regionId?: string;
  /** A location's record of a move to another region: the region it left (the record belongs to both). */
  fromRegionId?: string;
  /** The locations removed with the organisation from the region. */
  removedLocationIds?: string[];
}

/** At most this many of an organisation's records are read for a region's trail, the newest per item first. */
export const ORGANIZATION_HISTORY_LIMIT = 5000;

/** One audit record: the item's data before and after (absent before a creation and after a removal). */
export interface ListingChange {
  changeId: string;
  /** ISO date-time. */
  at: string;
  by: { accountId: string; name: string };
  action: ChangeAction;
  before?: HousingForm | StoredLocation;
  after?: HousingForm | StoredLocation;
}

/** A waiting list as an editor reports it; the store stamps `updatedAt`. */
export type WaitingListReport = Omit<WaitingList, 'updatedAt'>;

export interface HousingFormRef {
  locationId: string;
  housingFormId: string;
}

export interface Confirmation extends HousingFormRef {
  version: number;
  updatedAt: string;
}

/** The VersionConflictError `current` of a confirmation: the housing forms whose version was stale. */
export interface StaleHousingForms {
  housingForms: Array<HousingFormRef & { housingForm: HousingForm; version: number }>;
}

/** At most this many housing forms are confirmed in one call: each takes two writes of one transaction. */
export const MAX_CONFIRMATIONS = 50;

/** At most this many housing forms come or go with a location at once (with their audit records, in one transaction). */
export const MAX_FORMS_PER_LOCATION_CHANGE = 48;

/**
 * At most this many housing forms are changed by one upload of the organisation's CSV, all or
 * nothing: each takes two writes of one transaction, and a location's summary may take one more.
 */
export const MAX_BULK_CHANGES = 45;

/** One row of an upload that changes something: a housing form replaced (at the version exported) or added. */
export type BulkHousingFormChange =
  | { kind: 'update'; locationId: string; housingForm: HousingForm; expectedVersion: number }
  | { kind: 'create'; locationId: string; housingForm: HousingForm };

/** At most this many changes are read back in a history, the newest. */
export const HISTORY_LIMIT = 200;

export interface ProviderListingStore {
  /** Every organisation, by id; a caller keeps those active in a region (`regionIds`). */
  listOrganizations(): Promise<Organization[]>;
  /** A new organisation without locations yet (a coordinator admits it); IdTakenError when the id is taken. Audited as `admitted`. */
  createOrganization(organization: Organization, ctx: ChangeContext): Promise<Versioned<Organization>>;
  /**
   * Admits again an organisation removed from every region (its coordinator's mistake undone):
   * `organization` replaces its data, naming the one region it is admitted to, based on the version
   * read (VersionConflictError otherwise). Audited as `admitted`, beside the earlier `left-region`.
   */
  readmitOrganization(organization: Organization, expectedVersion: number, ctx: ChangeContext): Promise<Versioned<Organization>>;
  /**
   * Takes the organisation out of the region: each of its locations there is removed with its
   * housing forms (each audited as `removed`, so the data stays readable in the trail), then the
   * region leaves its `regionIds` (audited as `left-region`, naming the locations). Its locations
   * in other regions stay. ChangeTooLargeError for a location with more housing forms than one
   * change may remove (nothing of that location is removed then; the ones before it are).
   */
  leaveRegion(organizationId: string, regionId: string, ctx: ChangeContext): Promise<{ removedLocationIds: string[] }>;
  /** Every organisation's own records (admitted, left-region) about the region, newest first: who came and went. */
  regionOrganizationChanges(regionId: string): Promise<OrganizationListingChange[]>;
  /** Every audit record of the organisation (its own, its locations', its housing forms'), at most ORGANIZATION_HISTORY_LIMIT, newest first. */
  organizationHistory(organizationId: string): Promise<OrganizationListingChange[]>;
  getOrganization(organizationId: string): Promise<Versioned<Organization> | undefined>;
  readListing(organizationId: string): Promise<OrganizationListing | undefined>;
  readHousingForm(organizationId: string, ref: HousingFormRef): Promise<Versioned<HousingForm> | undefined>;
  readLocation(organizationId: string, locationId: string): Promise<Versioned<StoredLocation> | undefined>;

  /** Replaces a housing form's data; its waiting list's `updatedAt` becomes now when the list changed. */
  updateHousingForm(organizationId: string, locationId: string, form: HousingForm, expectedVersion: number, ctx: ChangeContext): Promise<Versioned<HousingForm>>;
  /** IdTakenError when the location has a housing form with this id. */
  createHousingForm(organizationId: string, locationId: string, form: HousingForm, ctx: ChangeContext): Promise<Versioned<HousingForm>>;
  /** LastHousingFormError for a location's only housing form. */
  removeHousingForm(organizationId: string, ref: HousingFormRef, expectedVersion: number, ctx: ChangeContext): Promise<void>;
  updateWaitingList(organizationId: string, ref: HousingFormRef, report: WaitingListReport, expectedVersion: number, ctx: ChangeContext): Promise<Versioned<HousingForm>>;
  /**
   * "Still correct": each waiting list unchanged but confirmed now. All or nothing: any stale
   * version is a VersionConflictError whose `current` is StaleHousingForms.
   */
  confirmWaitingLists(organizationId: string, forms: ReadonlyArray<HousingFormRef & { version: number }>, ctx: ChangeContext): Promise<Confirmation[]>;

  /**
   * Replaces and adds housing forms of several locations at once, all or nothing (an upload of the
   * CSV), each with its audit record; waiting-list dates as `updateHousingForm` sets them.
   * ChangeTooLargeError beyond MAX_BULK_CHANGES. Returns each housing form's new version, in order.
   */
  applyHousingFormChanges(organizationId: string, changes: readonly BulkHousingFormChange[], ctx: ChangeContext): Promise<Array<Versioned<HousingForm>>>;

  /**
   * `location` is resolved (region and point) by the caller; its housing forms' candidates follow.
   * Its photos stay as stored: only updateLocationPhotos changes them.
   */
  updateLocation(organizationId: string, location: StoredLocation, expectedVersion: number, ctx: ChangeContext): Promise<Versioned<StoredLocation>>;
  /** IdTakenError when any organisation uses the location id. */
  createLocation(organizationId: string, location: StoredLocation, forms: readonly HousingForm[], ctx: ChangeContext): Promise<Versioned<StoredLocation>>;
  /**
   * Replaces the location's photos (the list as it will be shown, in order), its other fields
   * unchanged; audited as `photos`. The photo files are the caller's (functions/photos).
   */
  updateLocationPhotos(organizationId: string, locationId: string, photos: readonly Photo[], expectedVersion: number, ctx: ChangeContext): Promise<Versioned<StoredLocation>>;
  /** Removes the location with its housing forms. */
  removeLocation(organizationId: string, locationId: string, expectedVersion: number, ctx: ChangeContext): Promise<void>;

  /** Newest first, at most HISTORY_LIMIT; kept after the item is removed. */
  housingFormHistory(organizationId: string, ref: HousingFormRef): Promise<ListingChange[]>;
  /** The location's own changes (not its housing forms'), newest first, at most HISTORY_LIMIT. */
  locationHistory(organizationId: string, locationId: string): Promise<ListingChange[]>;
}
