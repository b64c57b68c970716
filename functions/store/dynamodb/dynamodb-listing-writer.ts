// The listing write port on DynamoDB: an import replaces an organisation's whole listing, writing
// only what changed, each write checked against the version it read (versioned-write.ts).
import type { ChangeCounts, ListingWriter, ResolvedListing, SaveSummary } from '../listing-writer.ts';
import { IdConflictError, IdTakenError, VersionConflictError } from '../store-errors.ts';
import { type DynamoDbTable, type Item, versionOf } from './dynamodb-table.ts';
import { entities } from './keys.ts';
import { housingFormItem, locationItem, organizationItem, type LocationItem, type OrganizationItem } from './listing-items.ts';
import { type VersionedWrite, type WriteCondition, writeVersioned } from './versioned-write.ts';

/** Parallel reads of an organisation's location partitions while importing. */
const READ_CONCURRENCY = 8;

/** What one location partition holds now. */
interface Partition {
  location?: LocationItem & Item;
  /** By housing-form id. */
  housingForms: Map<string, Item>;
}

const unique = <T>(xs: Iterable<T>) => [...new Set(xs)];

export class DynamoDbListingWriter implements ListingWriter {
  constructor(private readonly table: DynamoDbTable) {}

  async saveListing(listing: ResolvedListing, now: Date): Promise<SaveSummary> {
    const org = listing.organization;
    const existingOrg = (await this.table.get(entities.organization.key({ organizationId: org.id }), { consistent: true })) as
      | (OrganizationItem & Item)
      | undefined;
    const wantedIds = listing.locations.map((l) => l.location.id);
    const existing = await this.readPartitions(unique([...(existingOrg?.locationIds ?? []), ...wantedIds]));

    for (const id of wantedIds) {
      const owner = foreignOwner(existing.get(id), org.id);
      if (owner !== undefined) throw new IdConflictError(id, owner);
    }
    // On every update and delete: the id checks above read the owners, and this keeps another
    // organisation's items (a location, or housing forms left without their location) from being
    // overwritten or removed, whatever changed since.
    const ownedByOrg: WriteCondition = { expression: 'organizationId = :org', values: { ':org': org.id } };

    const updatedAt = now.toISOString();
    const locations: ChangeCounts = { created: 0, updated: 0, unchanged: 0, removed: 0 };
    const housingForms: ChangeCounts = { created: 0, updated: 0, unchanged: 0, removed: 0 };
    const writes: VersionedWrite[] = [];

    const putIfChanged = (counts: ChangeCounts, item: Item & { hash: string }, old: Item | undefined) => {
      if (old?.hash === item.hash) {
        counts.unchanged++;
        return;
      }
      const stamped = { ...item, updatedAt };
      if (old) {
        counts.updated++;
        writes.push({ kind: 'update', item: stamped, expectedVersion: versionOf(old), condition: ownedByOrg });
      } else {
        counts.created++;
        writes.push({ kind: 'create', item: stamped });
      }
    };
    const remove = (counts: ChangeCounts, key: { pk: string; sk: string }, gone: Item) => {
      counts.removed++;
      writes.push({ kind: 'delete', key, expectedVersion: versionOf(gone), condition: ownedByOrg });
    };

    for (const { location, housingForms: forms } of listing.locations) {
      const old = existing.get(location.id) ?? { housingForms: new Map<string, Item>() };
      // Photos are not part of the import format: a location keeps the ones its provider added.
      const photos = old.location?.data.photos;
      putIfChanged(locations, locationItem(org, photos ? { ...location, photos } : location, forms), old.location);
      for (const form of forms) {
        putIfChanged(housingForms, housingFormItem(org, location, form), old.housingForms.get(form.id));
      }
      const wantedForms = new Set(forms.map((f) => f.id));
      for (const [housingFormId, gone] of old.housingForms) {
        if (!wantedForms.has(housingFormId)) remove(housingForms, entities.housingForm.key({ locationId: location.id, housingFormId }), gone);
      }
    }
    const wanted = new Set(wantedIds);
    for (const locationId of existingOrg?.locationIds ?? []) {
      const gone = existing.get(locationId);
      if (wanted.has(locationId) || !gone) continue;
      // Item by item: a partition can hold a housing form without its location (a crash between
      // two transactions of a large import), and never removes what another organisation holds.
      if (gone.location?.organizationId === org.id) remove(locations, entities.location.key({ locationId }), gone.location);
      for (const [housingFormId, form] of gone.housingForms) {
        if (form.organizationId === org.id) remove(housingForms, entities.housingForm.key({ locationId, housingFormId }), form);
      }
    }

    const builtOrg = organizationItem(org, wantedIds);
    const orgChanged = existingOrg?.hash !== builtOrg.hash;
    if (!orgChanged && writes.length === 0) {
      return { organization: 'unchanged', locations, housingForms };
    }
    // Every change to a listing bumps its organisation's version, checked in the first
    // transaction: two imports of one organisation at once cannot interleave unnoticed.
    const orgItem = { ...builtOrg, updatedAt };
    const supportUnderId = entities.supportOrganization.key({ supportOrganizationId: org.id });
    // A new organisation: never beside a support organisation under its id (one id, one organisation).
    writes.unshift(...(existingOrg
      ? [{ kind: 'update', item: orgItem, expectedVersion: versionOf(existingOrg) } as const]
      : [{ kind: 'create', item: orgItem } as const, { kind: 'absent', key: supportUnderId } as const]));
    try {
      await writeVersioned(this.table, writes);
    } catch (error) {
      if (error instanceof VersionConflictError && error.entity === entities.supportOrganization.type) {
        throw new IdTakenError('organization', { organizationId: org.id }, {
          path: 'organization.id', message: `The code "${org.id}" is a client support organisation's: choose another code for the care provider.`,
        });
      }
      // A location partition changed meanwhile is either another organisation's now (an id
      // conflict, said so) or changed by a concurrent import of this organisation (a version conflict).
      const partitionOf = [entities.location.type, entities.housingForm.type];
      if (error instanceof VersionConflictError && partitionOf.includes(error.entity) && error.ids.locationId !== undefined) {
        const id = String(error.ids.locationId);
        const owner = foreignOwner((await this.readPartitions([id])).get(id), org.id);
        if (owner !== undefined) throw new IdConflictError(id, owner);
      }
      throw error;
    }
    return { organization: existingOrg ? (orgChanged ? 'updated' : 'unchanged') : 'created', locations, housingForms };
  }

  /** The current items of location partitions, read consistently, by location id. */
  private async readPartitions(locationIds: string[]): Promise<Map<string, Partition>> {
    const result = new Map<string, Partition>();
    for (let i = 0; i < locationIds.length; i += READ_CONCURRENCY) {
      const batch = locationIds.slice(i, i + READ_CONCURRENCY);
      const parts = await Promise.all(
        batch.map((locationId) => this.table.queryAll({ ...entities.location.query('primary', { locationId }), ConsistentRead: true })),
      );
      batch.forEach((id, j) => {
        const items = parts[j] ?? [];
        if (items.length === 0) return;
        const partition: Partition = { housingForms: new Map() };
        for (const item of items) {
          if (entities.location.is(item)) partition.location = item as unknown as LocationItem & Item;
          const form = entities.housingForm.parseKey(item);
          if (form) partition.housingForms.set(form.housingFormId, item);
        }
        result.set(id, partition);
      });
    }
    return result;
  }
}

/**
 * Another organisation holding items in a location partition: its location's, or else that of a
 * housing form left there without its location (the location item removed, or a crash between
 * two transactions of that organisation's import). Such a location id is not free to take.
 */
function foreignOwner(partition: Partition | undefined, organizationId: string): string | undefined {
  const owners = [partition?.location?.organizationId, ...[...(partition?.housingForms.values() ?? [])].map((form) => form.organizationId)];
  return owners.find((owner): owner is string => typeof owner === 'string' && owner !== organizationId);
}
