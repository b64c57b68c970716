// The stored shapes of a listing's items, shared by the listing reader and the writers, and the one
// way to build each item. Keys come from keys.ts; each item also carries `type`, a content `hash`
// (to skip unchanged writes), `version` (see versioned-write.ts) and `updatedAt`.
import { createHash } from 'node:crypto';
import type { HousingForm, LocationSummary, Organization, StoredLocation } from '../../../shared/domain/index.ts';
import { toCandidate, type CandidateOrganization, type MatchCandidate } from '../../../shared/matching/index.ts';
import { entities } from './keys.ts';

interface Stored {
  hash: string;
  /** Absent on items stored before versions existed. */
  version?: number;
  /**
   * Counts every write of the item by a provider edit, derived ones (a refresh) too, which keep
   * the version: an edit checks it, so it never builds on derived data that changed meanwhile.
   * Absent (0) on items the import wrote.
   */
  revision?: number;
}

export interface OrganizationItem extends Stored {
  data: Organization;
  /** What the import reads to find the locations a new document no longer holds. */
  locationIds: string[];
}

export interface LocationItem extends Stored {
  organizationId: string;
  regionId: string;
  organizationName: string;
  data: StoredLocation;
  summary: Pick<LocationSummary, 'housingFormCount' | 'housingTypes' | 'waitingListStatuses'>;
}

/**
 * A housing form carries its search candidate (the housing form with what the matcher needs of its
 * location and organisation), so a stream record alone is enough to index it.
 */
export interface HousingFormItem extends Stored {
  organizationId: string;
  regionId: string;
  locationId: string;
  data: HousingForm;
  candidate: MatchCandidate;
}

/**
 * A content hash of an item's body: the import skips a write whose hash is unchanged, so every
 * writer (the import and the provider edits) builds items with the builders below, or a re-import
 * would take an edited item for unchanged.
 */
export const contentHash = (value: unknown) => createHash('sha256').update(stableJson(value)).digest('base64url');

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const unique = <T>(xs: Iterable<T>) => [...new Set(xs)];

/** A built item: its keys, type and attributes, with the hash of its body. */
export type BuiltItem = Record<string, unknown> & { hash: string };

/** What a location item says of its housing forms, for the region's list of locations. */
export function locationSummaryOf(forms: readonly HousingForm[]): LocationItem['summary'] {
  return {
    housingFormCount: forms.length,
    housingTypes: unique(forms.map((f) => f.type)),
    waitingListStatuses: unique(forms.map((f) => f.waitingList.status)),
  };
}

/** The organisation item (without version and updatedAt), with its hash. */
export function organizationItem(org: Organization, locationIds: readonly string[]): BuiltItem {
  const body = { data: org, locationIds: [...locationIds] };
  return { ...entities.organization.item({ organizationId: org.id }, body), hash: contentHash(body) };
}

/** A location item (without version and updatedAt), with its summary of `forms` and its hash. */
export function locationItem(org: Pick<Organization, 'id' | 'name'>, location: StoredLocation, forms: readonly HousingForm[]): BuiltItem {
  const body = {
    type: entities.location.type,
    organizationId: org.id,
    regionId: location.regionId,
    organizationName: org.name,
    data: location,
    summary: locationSummaryOf(forms),
  };
  const fields = { locationId: location.id, organizationId: org.id, regionId: location.regionId };
  return { ...entities.location.item(fields, body), hash: contentHash(body) };
}

/** A housing-form item (without version and updatedAt), with its search candidate and its hash. */
export function housingFormItem(org: CandidateOrganization, location: StoredLocation, form: HousingForm): BuiltItem {
  const body = {
    type: entities.housingForm.type,
    organizationId: org.id,
    regionId: location.regionId,
    locationId: location.id,
    data: form,
    candidate: toCandidate(location.regionId, org, location, location.point, form),
  };
  const fields = { locationId: location.id, housingFormId: form.id, regionId: location.regionId };
  return { ...entities.housingForm.item(fields, body), hash: contentHash(body) };
}
