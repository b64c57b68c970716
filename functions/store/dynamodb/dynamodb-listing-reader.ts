// The listing read port on DynamoDB (keys in keys.ts, item shapes in listing-items.ts). The same
// code runs against AWS and against DynamoDB Local.
import { isDeepStrictEqual } from 'node:util';
import type {
  HousingFormPage, LocationDetail, LocationSummary, OrganizationView, StoredLocation,
} from '../../../shared/domain/index.ts';
import type { MatchCandidate } from '../../../shared/matching/index.ts';
import type { ListingReader, RegionContents, RegionListings } from '../listing-reader.ts';
import { BadCursorError } from '../store-errors.ts';
import { type DynamoDbTable, type Item, versionOf } from './dynamodb-table.ts';
import { entities } from './keys.ts';
import type { HousingFormItem, LocationItem, OrganizationItem } from './listing-items.ts';

export class DynamoDbListingReader implements ListingReader {
  constructor(private readonly table: DynamoDbTable) {}

  async regionCounts(regionId: string) {
    const [housingFormCount, locationCount] = await Promise.all([
      this.table.count(entities.housingForm.query('gsi1', { regionId }, { onlyThis: true })),
      this.table.count(entities.location.query('gsi1', { regionId }, { onlyThis: true })),
    ]);
    return { housingFormCount, locationCount };
  }

  async listLocations(regionId: string): Promise<LocationSummary[]> {
    const items = (await this.table.queryAll(entities.location.query('gsi1', { regionId }, { onlyThis: true }))) as unknown as LocationItem[];
    return items.map((i) => ({
      id: i.data.id,
      name: i.data.name,
      regionId: i.regionId,
      organizationId: i.organizationId,
      organizationName: i.organizationName,
      address: i.data.address,
      point: i.data.point,
      ...i.summary,
    }));
  }

  async getLocation(locationId: string): Promise<LocationDetail | undefined> {
    // The location and its housing forms share one partition.
    const items = await this.table.queryAll(entities.location.query('primary', { locationId }));
    const loc = items.find((i) => entities.location.is(i)) as unknown as LocationItem | undefined;
    if (!loc) return undefined;
    const organization = await this.getOrganization(loc.organizationId);
    if (!organization) return undefined;
    const housingForms = items
      .filter((i) => entities.housingForm.is(i))
      .map((i) => ({ ...(i as unknown as HousingFormItem).data, version: versionOf(i) }));
    return { location: { ...loc.data, version: versionOf(loc) }, organization, housingForms };
  }

  async listHousingForms(regionId: string, page: { limit: number; cursor?: string }): Promise<HousingFormPage> {
    const out = await this.table.queryPage(
      { ...entities.housingForm.query('gsi1', { regionId }, { onlyThis: true }), Limit: page.limit },
      page.cursor === undefined ? undefined : decodeCursor(page.cursor, regionId),
    );
    return {
      items: out.items.map((item) => {
        const i = item as unknown as HousingFormItem;
        return {
          housingForm: { ...i.data, version: versionOf(item) },
          locationId: i.locationId,
          locationName: i.candidate.locationName,
          organizationId: i.organizationId,
          organizationName: i.candidate.organizationName,
          city: i.candidate.city,
        };
      }),
      ...(out.next ? { nextCursor: encodeCursor(out.next) } : {}),
    };
  }

  async loadRegion(regionId: string): Promise<RegionContents> {
    // A region's gsi1 partition holds its locations and housing forms: one query for both.
    const items = await this.table.queryAll(entities.location.query('gsi1', { regionId }));
    const locations: StoredLocation[] = [];
    const candidates: MatchCandidate[] = [];
    for (const item of items) {
      if (entities.location.is(item)) locations.push((item as unknown as LocationItem).data);
      else if (entities.housingForm.is(item)) candidates.push((item as unknown as HousingFormItem).candidate);
    }
    return { locations, candidates };
  }

  async loadRegionListings(regionId: string): Promise<RegionListings> {
    const items = await this.table.queryAll(entities.location.query('gsi1', { regionId }));
    const listings: RegionListings = { locations: [], housingForms: [] };
    for (const item of items) {
      if (entities.location.is(item)) listings.locations.push((item as unknown as LocationItem).data);
      else if (entities.housingForm.is(item)) {
        const { organizationId, locationId, data } = item as unknown as HousingFormItem;
        listings.housingForms.push({ organizationId, locationId, housingForm: data });
      }
    }
    return listings;
  }

  async getOrganization(organizationId: string): Promise<OrganizationView | undefined> {
    const item = await this.table.get(entities.organization.key({ organizationId }));
    return item ? { ...(item as unknown as OrganizationItem).data, version: versionOf(item) } : undefined;
  }
}

function encodeCursor(key: Item): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/**
 * The cursor back as the key it was made from: exactly a housing form's keys in this region, else
 * a BadCursorError. Anything looser (an empty or oversized key value, another attribute) would
 * reach DynamoDB as ExclusiveStartKey and come back as a ValidationException, a 500.
 */
function decodeCursor(cursor: string, regionId: string): Item {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new BadCursorError();
  }
  if (!key || typeof key !== 'object' || Array.isArray(key)) throw new BadCursorError();
  const fields = entities.housingForm.parse(key as Item);
  if (!fields || fields.regionId !== regionId) throw new BadCursorError();
  const expected = entities.housingForm.keys(fields);
  if (!isDeepStrictEqual(key, expected)) throw new BadCursorError();
  return expected;
}
