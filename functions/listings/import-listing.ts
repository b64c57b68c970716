// Importing one listing document: validate it whole, resolve each location's point and region,
// then hand it to the store. Used by the import command and by the API route alike.
import {
  ListingDocumentSchema, fieldPath, toFieldErrors, type FieldError, type ListingDocument, type Location, type Region,
  type StoredLocation,
} from '../../shared/domain/index.ts';
import { pc4CareOfficeRegion, pc4Point } from '../../shared/geo/pc4.ts';
import type { Clock } from '../../shared/clock.ts';
import type { ListingWriter, ResolvedListing, SaveSummary } from '../store/listing-writer.ts';
import type { RegionReader } from '../store/region-store.ts';
import { IdConflictError, IdTakenError, VersionConflictError } from '../store/store-errors.ts';

export type ImportOutcome =
  | { ok: true; organizationId: string; summary: SaveSummary }
  | { ok: false; status: 400 | 409; code: ImportRefusal; organizationId?: string; errors: FieldError[] };

/**
 * Why a document was refused: a problem in it (`validation_error`), a location id another
 * organisation holds (`id_conflict`), a new organisation under a support organisation's id (`id_taken`),
 * or another write to the listing during this one (`version_conflict`).
 */
export type ImportRefusal = 'validation_error' | 'id_conflict' | 'id_taken' | 'version_conflict';

/** A waiting list confirmed "tomorrow" is a typo or a wrong clock; a day of slack covers time zones. */
const FUTURE_SLACK_MS = 24 * 60 * 60 * 1000;

export interface ImportDeps {
  regions: Pick<RegionReader, 'listRegions'>;
  listingWriter: ListingWriter;
  clock: Clock;
}

export async function importListing(raw: unknown, deps: ImportDeps): Promise<ImportOutcome> {
  const parsed = ListingDocumentSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, status: 400, code: 'validation_error', organizationId: organizationIdOf(raw), errors: toFieldErrors(parsed.error) };
  }
  const doc = parsed.data;
  const regions = new Map((await deps.regions.listRegions()).map((r) => [r.id, r]));
  const resolved = resolve(doc, regions, deps.clock.now());
  if (!resolved.ok) return { ok: false, status: 400, code: 'validation_error', organizationId: doc.organization.id, errors: resolved.errors };

  try {
    const summary = await deps.listingWriter.saveListing(resolved.listing, deps.clock.now());
    return { ok: true, organizationId: doc.organization.id, summary };
  } catch (error) {
    if (error instanceof IdConflictError) {
      const index = doc.locations.findIndex((l) => l.id === error.locationId);
      return {
        ok: false,
        status: 409,
        code: 'id_conflict',
        organizationId: doc.organization.id,
        errors: [{ path: fieldPath(['locations', index, 'id']), message: `${error.message} Choose another id.` }],
      };
    }
    if (error instanceof IdTakenError) {
      return { ok: false, status: 409, code: 'id_taken', organizationId: doc.organization.id, errors: error.at ? [error.at] : [] };
    }
    if (error instanceof VersionConflictError) {
      const message = `The listing of "${doc.organization.id}" was changed by someone else during this import. Try again.`;
      return { ok: false, status: 409, code: 'version_conflict', organizationId: doc.organization.id, errors: [{ path: '(document)', message }] };
    }
    throw error;
  }
}

type Resolution = { ok: true; listing: ResolvedListing } | { ok: false; errors: FieldError[] };

function resolve(doc: ListingDocument, regions: Map<string, Region>, now: Date): Resolution {
  const errors: FieldError[] = [];
  const orgRegions: Region[] = [];
  doc.organization.regionIds.forEach((id, i) => {
    const region = regions.get(id);
    if (region) orgRegions.push(region);
    else errors.push({ path: fieldPath(['organization', 'regionIds', i]), message: `Unknown region "${id}". Known regions: ${[...regions.keys()].join(', ')}.` });
  });

  const locations = doc.locations.map((location, li) => {
    const { housingForms, ...rest } = location;
    const placed = placeLocation(rest, doc.organization.id, orgRegions, ['locations', li]);
    errors.push(...placed.errors);
    housingForms.forEach((form, hi) => {
      const confirmed = Date.parse(form.waitingList.updatedAt);
      if (confirmed > now.getTime() + FUTURE_SLACK_MS) {
        errors.push({
          path: fieldPath(['locations', li, 'housingForms', hi, 'waitingList', 'updatedAt']),
          message: 'This date lies in the future. Give the date the waiting list was last confirmed.',
        });
      }
    });
    return { location: placed.location, housingForms };
  });

  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, listing: { organization: doc.organization, locations } };
}

/**
 * Where a location lies: its point (its `geo`, else its postcode area's centroid) and its region
 * (see regionOf), as the import and the provider's own edits place it. Errors are named at `path`
 * + `address.postcode`; with errors the location holds placeholders and must not be stored.
 */
export function placeLocation(
  location: Omit<Location, 'housingForms'>,
  organizationId: string,
  orgRegions: readonly Region[],
  path: readonly PropertyKey[],
): { location: StoredLocation; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const pc4 = location.address.postcode.slice(0, 4);
  const point = location.geo ?? pc4Point(pc4);
  if (!point) {
    errors.push({
      path: fieldPath([...path, 'address', 'postcode']),
      message: `Postcode area ${pc4} is unknown, so the location cannot be placed on the map. Check the postcode or give geo { lat, lon }.`,
    });
  }
  const regionId = regionOf(pc4, orgRegions);
  if (orgRegions.length > 0 && regionId === undefined) {
    errors.push({
      path: fieldPath([...path, 'address', 'postcode']),
      message: `Postcode ${location.address.postcode} lies in none of the organisation's regions (${orgRegions.map((r) => r.id).join(', ')}).`,
    });
  }
  return { location: { ...location, regionId: regionId ?? '', organizationId, point: point ?? { lat: 0, lon: 0 } }, errors };
}

/**
 * A location belongs to one region: the organisation's only region, or else the one of its
 * regions whose care-office area holds the postcode.
 */
function regionOf(pc4: string, orgRegions: readonly Region[]): string | undefined {
  if (orgRegions.length === 1) return orgRegions[0]?.id;
  const careOffice = pc4CareOfficeRegion(pc4);
  return orgRegions.find((r) => r.careOfficeRegionCode === careOffice)?.id;
}

function organizationIdOf(raw: unknown): string | undefined {
  const id = (raw as { organization?: { id?: unknown } } | null)?.organization?.id;
  return typeof id === 'string' ? id : undefined;
}
