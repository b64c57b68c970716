// The provider edit port on DynamoDB: single-item changes of one organisation's listing, each one
// transaction of versioned writes (versioned-write.ts) with its audit records.
//
// Derived data and two editors at once. A housing form item carries its search candidate (built
// from its location and organisation) and a location item the summary of its housing forms. Two
// editors saving two different housing forms of one location must not 409 each other because the
// summary moved, yet neither may write a summary or candidate built from a state that is gone.
// So every change is planned from a consistent read and written with two kinds of check: the
// version the editor started from (their conflict: a 409 with the item as it is now) and each
// written item's `revision`, which every provider write bumps, derived refreshes included. When a
// check fails the change is planned again from a fresh read: if the editor's versions still hold,
// only derived data moved and the retry goes through with it recomputed; if not, the plan throws
// the 409. A housing-form edit writes the location item only when the summary changes (its type
// or waiting-list status, or the count); a location edit refreshes every housing form's candidate
// (their versions stay: the refresh is not the editor's change), so an edit built on the old
// location fails its revision check and is planned again.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { isDeepStrictEqual } from 'node:util';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { datedWaitingList, type HousingForm, type Organization, type Photo, type StoredLocation } from '../../../shared/domain/index.ts';
import {
  MAX_BULK_CHANGES, MAX_CONFIRMATIONS, MAX_FORMS_PER_LOCATION_CHANGE, HISTORY_LIMIT, ORGANIZATION_HISTORY_LIMIT, type BulkHousingFormChange, type ChangeAction,
  type ChangeContext, type Confirmation, type HousingFormRef, type ListingChange, type ListingLocation, type OrganizationAction,
  type OrganizationListing, type OrganizationListingChange, type ProviderListingStore,
  type StaleHousingForms, type Versioned, type WaitingListReport,
} from '../provider-listing-store.ts';
import {
  ChangeTooLargeError, IdTakenError, ItemNotFoundError, LastHousingFormError, VersionConflictError,
} from '../store-errors.ts';
import { type DynamoDbTable, type Item, versionOf } from './dynamodb-table.ts';
import { entities } from './keys.ts';
import {
  contentHash, housingFormItem, locationItem, locationSummaryOf, organizationItem,
  type HousingFormItem, type LocationItem, type OrganizationItem,
} from './listing-items.ts';
import { MAX_TRANSACTION_ITEMS, type VersionedWrite, type WriteCondition, writeVersioned } from './versioned-write.ts';

/** Plans tried before a change that keeps meeting other writes gives up (with the last conflict). */
const MAX_ATTEMPTS = 5;
/** Parallel partition reads for a whole listing. */
const READ_CONCURRENCY = 8;

type Stored<T> = T & Item;
type OrgItem = Stored<OrganizationItem>;
type LocItem = Stored<LocationItem>;
type FormItem = Stored<HousingFormItem>;

/** One location partition as read: the organisation's own items, and every housing-form id in it. */
interface Partition {
  location?: LocItem;
  /** The organisation's housing forms, by id, in id order. */
  forms: Map<string, FormItem>;
  /** Every housing-form id in the partition, whoever holds it: none can be created again. */
  takenFormIds: Set<string>;
  /** Whether anything at all is stored under the location id. */
  used: boolean;
}

interface State {
  org: OrgItem;
  partitions: Map<string, Partition>;
}

const revisionOf = (item: { revision?: unknown }): number => (typeof item.revision === 'number' ? item.revision : 0);

/** Only the organisation's own item, and only as read: its revision (every write's) unchanged. */
function guardOf(organizationId: string, item: Item): WriteCondition {
  const revision = revisionOf(item);
  return {
    expression: `#org = :org AND ${revision === 0 ? 'attribute_not_exists(#revision)' : '#revision = :revision'}`,
    names: { '#org': 'organizationId', '#revision': 'revision' },
    values: { ':org': organizationId, ...(revision === 0 ? {} : { ':revision': revision }) },
  };
}

const stamp = (built: Item, previous: Item | undefined, now: Date): Item =>
  ({ ...built, updatedAt: now.toISOString(), revision: (previous ? revisionOf(previous) : 0) + 1 });

const update = (organizationId: string, previous: Item, built: Item, now: Date): VersionedWrite =>
  ({ kind: 'update', item: stamp(built, previous, now), expectedVersion: versionOf(previous), condition: guardOf(organizationId, previous) });
const refresh = (organizationId: string, previous: Item, built: Item, now: Date): VersionedWrite =>
  ({ kind: 'refresh', item: stamp(built, previous, now), expectedVersion: versionOf(previous), condition: guardOf(organizationId, previous) });
const create = (built: Item, now: Date): VersionedWrite => ({ kind: 'create', item: stamp(built, undefined, now) });
const remove = (organizationId: string, previous: Item): VersionedWrite => ({
  kind: 'delete',
  key: { pk: String(previous.pk), sk: String(previous.sk) },
  expectedVersion: versionOf(previous),
  condition: guardOf(organizationId, previous),
});

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const sameContent = (a: unknown, b: unknown) => contentHash(a) === contentHash(b);

/** A cancelled transaction that met another one on the same item: planned again after a short pause. */
function isTransactionClash(error: unknown): boolean {
  return error instanceof TransactionCanceledException && (error.CancellationReasons ?? []).some((r) => r.Code === 'TransactionConflict');
}

export class DynamoDbProviderListingStore implements ProviderListingStore {
  constructor(private readonly table: DynamoDbTable) {}

  // ---- reads -------------------------------------------------------------------------------

  async listOrganizations(): Promise<Organization[]> {
    const items = await this.table.queryAll(entities.organization.query('gsi2', {}));
    return items.map((item) => (item as OrgItem).data);
  }

  async regionOrganizationChanges(regionId: string): Promise<OrganizationListingChange[]> {
    const items = await this.table.queryAll({ ...entities.regionOrganizationChange.query('primary', { regionId }), ScanIndexForward: false, ConsistentRead: true });
    return items.map((item) => {
      const { organizationId, changeId, at, by, action, removedLocationIds } = item as unknown as OrganizationListingChange;
      return { organizationId, changeId, at, by, action, regionId, ...(removedLocationIds ? { removedLocationIds } : {}) };
    });
  }

  async organizationHistory(organizationId: string): Promise<OrganizationListingChange[]> {
    const condition = { ...entities.organizationChange.query('primary', { organizationId }), ConsistentRead: true };
    const items: Item[] = [];
    let start: Item | undefined;
    do {
      const page = await this.table.queryPage(condition, start);
      items.push(...page.items);
      start = page.next;
    } while (start && items.length < ORGANIZATION_HISTORY_LIMIT);
    return items.flatMap((item): OrganizationListingChange[] => {
      const kind = [entities.organizationChange, entities.locationChange, entities.housingFormChange].find((e) => e.is(item));
      if (!kind) return [];
      const { changeId, at, by, action, before, after, locationId, housingFormId, regionId, fromRegionId, removedLocationIds } = item as unknown as OrganizationListingChange;
      return [{
        organizationId, changeId, at, by, action,
        ...(locationId ? { locationId } : {}), ...(housingFormId ? { housingFormId } : {}),
        ...(regionId ? { regionId } : {}), ...(fromRegionId ? { fromRegionId } : {}), ...(removedLocationIds ? { removedLocationIds } : {}),
        ...(before ? { before } : {}), ...(after ? { after } : {}),
      }];
    }).sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.changeId < b.changeId ? 1 : -1)).slice(0, ORGANIZATION_HISTORY_LIMIT);
  }

  async getOrganization(organizationId: string): Promise<Versioned<Organization> | undefined> {
    const org = await this.readOrg(organizationId);
    return org && { value: org.data, version: versionOf(org) };
  }

  async readListing(organizationId: string): Promise<OrganizationListing | undefined> {
    const org = await this.readOrg(organizationId);
    if (!org) return undefined;
    const partitions = await this.readPartitions(organizationId, org.locationIds);
    const locations: ListingLocation[] = [];
    for (const locationId of org.locationIds) {
      const part = partitions.get(locationId);
      if (!part?.location) continue;
      locations.push({
        location: part.location.data,
        version: versionOf(part.location),
        housingForms: [...part.forms.values()].map((f) => ({ value: f.data, version: versionOf(f) })),
      });
    }
    return { organization: org.data, version: versionOf(org), locations };
  }

  async readHousingForm(organizationId: string, ref: HousingFormRef): Promise<Versioned<HousingForm> | undefined> {
    const part = (await this.readPartitions(organizationId, [ref.locationId])).get(ref.locationId);
    const form = part?.location ? part.forms.get(ref.housingFormId) : undefined;
    return form && { value: form.data, version: versionOf(form) };
  }

  async readLocation(organizationId: string, locationId: string): Promise<Versioned<StoredLocation> | undefined> {
    const location = (await this.readPartitions(organizationId, [locationId])).get(locationId)?.location;
    return location && { value: location.data, version: versionOf(location) };
  }

  async housingFormHistory(organizationId: string, ref: HousingFormRef): Promise<ListingChange[]> {
    return this.history(entities.housingFormChange.query('primary', { organizationId }, { within: { locationId: ref.locationId, housingFormId: ref.housingFormId } }));
  }

  async locationHistory(organizationId: string, locationId: string): Promise<ListingChange[]> {
    return this.history(entities.locationChange.query('primary', { organizationId }, { within: { locationId } }));
  }

  private async history(condition: ReturnType<typeof entities.locationChange.query>): Promise<ListingChange[]> {
    const page = await this.table.queryPage({ ...condition, ScanIndexForward: false, Limit: HISTORY_LIMIT, ConsistentRead: true });
    return page.items.map((item) => {
      const { changeId, at, by, action, before, after } = item as unknown as ListingChange;
      return { changeId, at, by, action, ...(before ? { before } : {}), ...(after ? { after } : {}) };
    });
  }

  // ---- housing forms -----------------------------------------------------------------------

  async updateHousingForm(organizationId: string, locationId: string, form: HousingForm, expectedVersion: number, ctx: ChangeContext) {
    const ref = { locationId, housingFormId: form.id };
    return this.change(organizationId, [locationId], ctx, (state, plan) => {
      const { part, location } = ownLocation(state, locationId);
      const previous = expectForm(part, ref, expectedVersion);
      const next: HousingForm = { ...form, waitingList: datedWaitingList(previous.data.waitingList, form.waitingList, ctx.now) };
      if (sameContent(next, previous.data)) return plan.nothing({ value: previous.data, version: versionOf(previous) });
      plan.write(update(organizationId, previous, housingFormItem(state.org.data, location.data, next), ctx.now));
      plan.summary(part, formsWith(part, next));
      plan.audit(ref, 'updated', previous.data, next);
      return { value: next, version: versionOf(previous) + 1 };
    });
  }

  async createHousingForm(organizationId: string, locationId: string, form: HousingForm, ctx: ChangeContext) {
    const ref = { locationId, housingFormId: form.id };
    return this.change(organizationId, [locationId], ctx, (state, plan) => {
      const { part, location } = ownLocation(state, locationId);
      if (part.takenFormIds.has(form.id)) throw new IdTakenError('housingForm', { ...ref });
      const next: HousingForm = { ...form, waitingList: { ...form.waitingList, updatedAt: ctx.now.toISOString() } };
      plan.write(create(housingFormItem(state.org.data, location.data, next), ctx.now));
      plan.summary(part, formsWith(part, next));
      plan.audit(ref, 'created', undefined, next);
      return { value: next, version: 1 };
    });
  }

  async removeHousingForm(organizationId: string, ref: HousingFormRef, expectedVersion: number, ctx: ChangeContext) {
    return this.change(organizationId, [ref.locationId], ctx, (state, plan) => {
      const { part } = ownLocation(state, ref.locationId);
      const previous = expectForm(part, ref, expectedVersion);
      if (part.forms.size === 1) throw new LastHousingFormError(ref.locationId);
      plan.write(remove(organizationId, previous));
      plan.summary(part, [...part.forms.values()].map((f) => f.data).filter((f) => f.id !== ref.housingFormId));
      plan.audit(ref, 'removed', previous.data, undefined);
      return undefined;
    });
  }

  async applyHousingFormChanges(organizationId: string, changes: readonly BulkHousingFormChange[], ctx: ChangeContext) {
    if (changes.length > MAX_BULK_CHANGES) throw new ChangeTooLargeError(`at most ${MAX_BULK_CHANGES} housing forms are changed at once.`);
    const keys = new Set(changes.map((c) => `${c.locationId}/${c.housingForm.id}`));
    if (keys.size !== changes.length) throw new Error('applyHousingFormChanges was given a housing form twice.');
    if (changes.length === 0) return [];
    const locationIds = [...new Set(changes.map((c) => c.locationId))];
    return this.change(organizationId, locationIds, ctx, (state, plan) => {
      // Each location's housing forms as they will be, for its summary, written once per location.
      const formsAfter = new Map<string, Map<string, HousingForm>>();
      let written = 0;
      const results = changes.map((change): Versioned<HousingForm> => {
        const { locationId } = change;
        const ref = { locationId, housingFormId: change.housingForm.id };
        const { part, location } = ownLocation(state, locationId);
        const forms = formsAfter.get(locationId) ?? new Map([...part.forms].map(([id, form]) => [id, form.data]));
        formsAfter.set(locationId, forms);
        if (change.kind === 'create') {
          if (part.takenFormIds.has(ref.housingFormId)) throw new IdTakenError('housingForm', { ...ref });
          const next: HousingForm = { ...change.housingForm, waitingList: { ...change.housingForm.waitingList, updatedAt: ctx.now.toISOString() } };
          plan.write(create(housingFormItem(state.org.data, location.data, next), ctx.now));
          plan.audit(ref, 'created', undefined, next);
          forms.set(next.id, next);
          written++;
          return { value: next, version: 1 };
        }
        const previous = expectForm(part, ref, change.expectedVersion);
        const next: HousingForm = { ...change.housingForm, waitingList: datedWaitingList(previous.data.waitingList, change.housingForm.waitingList, ctx.now) };
        if (sameContent(next, previous.data)) return { value: previous.data, version: versionOf(previous) };
        plan.write(update(organizationId, previous, housingFormItem(state.org.data, location.data, next), ctx.now));
        plan.audit(ref, 'updated', previous.data, next);
        forms.set(next.id, next);
        written++;
        return { value: next, version: versionOf(previous) + 1 };
      });
      if (written === 0) return plan.nothing(results);
      for (const [locationId, forms] of formsAfter) plan.summary(ownLocation(state, locationId).part, [...forms.values()].sort(byId));
      return results;
    });
  }

  async updateWaitingList(organizationId: string, ref: HousingFormRef, report: WaitingListReport, expectedVersion: number, ctx: ChangeContext) {
    return this.change(organizationId, [ref.locationId], ctx, (state, plan) => {
      const { part, location } = ownLocation(state, ref.locationId);
      const previous = expectForm(part, ref, expectedVersion);
      const waitingList = {
        status: report.status,
        ...(report.weeks !== undefined ? { weeks: report.weeks } : {}),
        ...(report.placesAvailable !== undefined ? { placesAvailable: report.placesAvailable } : {}),
        updatedAt: ctx.now.toISOString(),
      };
      const next: HousingForm = { ...previous.data, waitingList };
      plan.write(update(organizationId, previous, housingFormItem(state.org.data, location.data, next), ctx.now));
      plan.summary(part, formsWith(part, next));
      plan.audit(ref, 'waiting-list', previous.data, next);
      return { value: next, version: versionOf(previous) + 1 };
    });
  }

  async confirmWaitingLists(organizationId: string, forms: ReadonlyArray<HousingFormRef & { version: number }>, ctx: ChangeContext) {
    if (forms.length > MAX_CONFIRMATIONS) throw new ChangeTooLargeError(`at most ${MAX_CONFIRMATIONS} housing forms are confirmed at once.`);
    const keys = new Set(forms.map((f) => `${f.locationId}/${f.housingFormId}`));
    if (keys.size !== forms.length) throw new Error('confirmWaitingLists was given a housing form twice.');
    const locationIds = [...new Set(forms.map((f) => f.locationId))];
    return this.change(organizationId, locationIds, ctx, (state, plan) => {
      const stale: StaleHousingForms['housingForms'] = [];
      const found = forms.map((ref) => {
        const { part, location } = ownLocation(state, ref.locationId);
        const form = part.forms.get(ref.housingFormId);
        if (!form) throw new ItemNotFoundError('housingForm', { locationId: ref.locationId, housingFormId: ref.housingFormId });
        if (versionOf(form) !== ref.version) stale.push({ locationId: ref.locationId, housingFormId: ref.housingFormId, housingForm: form.data, version: versionOf(form) });
        return { ref, form, location };
      });
      const first = stale[0];
      if (first) {
        const expected = forms.find((f) => f.locationId === first.locationId && f.housingFormId === first.housingFormId)?.version;
        throw new VersionConflictError('housingForm', { locationId: first.locationId, housingFormId: first.housingFormId }, expected, { housingForms: stale });
      }
      const updatedAt = ctx.now.toISOString();
      // The waiting lists' reports stay as they are, so no location summary changes.
      return found.map(({ ref, form, location }): Confirmation => {
        const next: HousingForm = { ...form.data, waitingList: { ...form.data.waitingList, updatedAt } };
        plan.write(update(organizationId, form, housingFormItem(state.org.data, location.data, next), ctx.now));
        plan.audit({ locationId: ref.locationId, housingFormId: ref.housingFormId }, 'confirmed', form.data, next);
        return { locationId: ref.locationId, housingFormId: ref.housingFormId, version: versionOf(form) + 1, updatedAt };
      });
    });
  }

  // ---- locations ---------------------------------------------------------------------------

  async updateLocation(organizationId: string, location: StoredLocation, expectedVersion: number, ctx: ChangeContext) {
    return this.changeLocation(organizationId, location.id, expectedVersion, ctx, 'updated', (previous) => {
      const { photos: _ignored, ...fields } = location;
      return { ...fields, organizationId, ...(previous.photos ? { photos: previous.photos } : {}) };
    });
  }

  async updateLocationPhotos(organizationId: string, locationId: string, photos: readonly Photo[], expectedVersion: number, ctx: ChangeContext) {
    return this.changeLocation(organizationId, locationId, expectedVersion, ctx, 'photos', (previous) => {
      const { photos: _old, ...fields } = previous;
      return photos.length > 0 ? { ...fields, photos: [...photos] } : fields;
    });
  }

  /** A location's own fields changed from the version the editor read, its housing forms' candidates kept in step. */
  private changeLocation(
    organizationId: string, locationId: string, expectedVersion: number, ctx: ChangeContext, action: ChangeAction,
    nextOf: (previous: StoredLocation) => StoredLocation,
  ) {
    return this.change(organizationId, [locationId], ctx, (state, plan) => {
      const { part, location: previous } = ownLocation(state, locationId);
      if (versionOf(previous) !== expectedVersion) {
        throw new VersionConflictError('location', { locationId }, expectedVersion, { location: previous.data, version: versionOf(previous) });
      }
      const next = nextOf(previous.data);
      if (sameContent(next, previous.data)) return plan.nothing({ value: previous.data, version: versionOf(previous) });
      const forms = [...part.forms.values()];
      plan.write(update(organizationId, previous, locationItem(state.org.data, next, forms.map((f) => f.data)), ctx.now));
      // Each housing form's candidate carries the location's facts (its name, place, flags...).
      for (const form of forms) {
        const built = housingFormItem(state.org.data, next, form.data);
        if (built.hash !== form.hash || built.gsi1pk !== form.gsi1pk) plan.write(refresh(organizationId, form, built, ctx.now));
      }
      plan.audit({ locationId }, action, previous.data, next);
      return { value: next, version: versionOf(previous) + 1 };
    });
  }

  async createLocation(organizationId: string, location: StoredLocation, forms: readonly HousingForm[], ctx: ChangeContext) {
    if (forms.length > MAX_FORMS_PER_LOCATION_CHANGE) {
      throw new ChangeTooLargeError(`a new location brings at most ${MAX_FORMS_PER_LOCATION_CHANGE} housing forms; add the others one by one.`);
    }
    return this.change(organizationId, [location.id], ctx, (state, plan) => {
      const part = state.partitions.get(location.id);
      if (part?.used || state.org.locationIds.includes(location.id)) throw new IdTakenError('location', { locationId: location.id });
      const updatedAt = ctx.now.toISOString();
      const next: StoredLocation = { ...location, organizationId };
      const nextForms = forms.map((f): HousingForm => ({ ...f, waitingList: { ...f.waitingList, updatedAt } })).sort(byId);
      plan.write(create(locationItem(state.org.data, next, nextForms), ctx.now));
      // The location's record first: its housing forms' records take their region from it.
      plan.audit({ locationId: location.id }, 'created', undefined, next);
      for (const form of nextForms) {
        plan.write(create(housingFormItem(state.org.data, next, form), ctx.now));
        plan.audit({ locationId: location.id, housingFormId: form.id }, 'created', undefined, form);
      }
      plan.organization([...state.org.locationIds, location.id]);
      return { value: next, version: 1 };
    });
  }

  async removeLocation(organizationId: string, locationId: string, expectedVersion: number, ctx: ChangeContext) {
    return this.change(organizationId, [locationId], ctx, (state, plan) => {
      const { part, location } = ownLocation(state, locationId);
      if (versionOf(location) !== expectedVersion) {
        throw new VersionConflictError('location', { locationId }, expectedVersion, { location: location.data, version: versionOf(location) });
      }
      if (part.forms.size > MAX_FORMS_PER_LOCATION_CHANGE) {
        throw new ChangeTooLargeError(`a location goes with at most ${MAX_FORMS_PER_LOCATION_CHANGE} housing forms; remove some of them first.`);
      }
      for (const form of part.forms.values()) {
        plan.write(remove(organizationId, form));
        plan.audit({ locationId, housingFormId: form.data.id }, 'removed', form.data, undefined);
      }
      plan.write(remove(organizationId, location));
      plan.organization(state.org.locationIds.filter((id) => id !== locationId));
      plan.audit({ locationId }, 'removed', location.data, undefined);
      return undefined;
    });
  }

  // ---- the organisation in a region --------------------------------------------------------

  async createOrganization(organization: Organization, ctx: ChangeContext): Promise<Versioned<Organization>> {
    const [regionId] = organization.regionIds;
    if (!regionId) throw new Error('An organisation is admitted to a region: regionIds names it.');
    const audit = organizationAudit(organization.id, 'admitted', ctx, { regionId });
    try {
      // One id, one organisation: never beside a support organisation admitted under it meanwhile.
      const supportUnderId = { kind: 'absent' as const, key: entities.supportOrganization.key({ supportOrganizationId: organization.id }) };
      await writeVersioned(this.table, [create(organizationItem(organization, []), ctx.now), supportUnderId], audit);
    } catch (error) {
      if (error instanceof VersionConflictError) throw new IdTakenError('organization', { organizationId: organization.id });
      throw error;
    }
    return { value: organization, version: 1 };
  }

  async readmitOrganization(organization: Organization, expectedVersion: number, ctx: ChangeContext): Promise<Versioned<Organization>> {
    const [regionId] = organization.regionIds;
    if (!regionId) throw new Error('An organisation is admitted to a region: regionIds names it.');
    const org = await this.readOrg(organization.id);
    if (!org) throw new ItemNotFoundError('organization', { organizationId: organization.id });
    await writeVersioned(this.table, [{
      kind: 'update',
      item: { ...organizationItem(organization, org.locationIds), updatedAt: ctx.now.toISOString() },
      expectedVersion,
    }], organizationAudit(organization.id, 'admitted', ctx, { regionId }));
    return { value: organization, version: expectedVersion + 1 };
  }

  async leaveRegion(organizationId: string, regionId: string, ctx: ChangeContext): Promise<{ removedLocationIds: string[] }> {
    const listing = await this.readListing(organizationId);
    if (!listing) throw new ItemNotFoundError('organization', { organizationId });
    const removedLocationIds: string[] = [];
    // Location by location, each with its own audited transaction: a large listing does not fit one.
    for (const { location, version } of listing.locations) {
      if (location.regionId !== regionId) continue;
      await this.removeLocation(organizationId, location.id, version, ctx);
      removedLocationIds.push(location.id);
    }
    for (let attempt = 1; ; attempt++) {
      const org = await this.readOrg(organizationId);
      if (!org) throw new ItemNotFoundError('organization', { organizationId });
      const data: Organization = { ...org.data, regionIds: org.data.regionIds.filter((id) => id !== regionId) };
      const audit = organizationAudit(organizationId, 'left-region', ctx, { regionId, removedLocationIds });
      try {
        await writeVersioned(this.table, [{
          kind: 'update',
          item: { ...organizationItem(data, org.locationIds), updatedAt: ctx.now.toISOString() },
          expectedVersion: versionOf(org),
        }], audit);
        return { removedLocationIds };
      } catch (error) {
        // Only the organisation's list of locations moved meanwhile (an editor's change): read again.
        if (!(error instanceof VersionConflictError) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  // ---- the change loop ---------------------------------------------------------------------

  /**
   * Plans the change from a consistent read and writes it in one transaction; when a check fails
   * it plans again from a fresh read (see the module comment), so only a real conflict reaches
   * the caller, thrown by the plan with the item as it is now.
   */
  private async change<T>(
    organizationId: string,
    locationIds: readonly string[],
    ctx: ChangeContext,
    planOf: (state: State, plan: PlanBuilder) => T | NothingToDo<T>,
  ): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const org = await this.readOrg(organizationId);
      if (!org) throw new ItemNotFoundError('organization', { organizationId });
      const state: State = { org, partitions: await this.readPartitions(organizationId, locationIds) };
      const builder = new PlanBuilder(state, ctx);
      const outcome = planOf(state, builder);
      if (outcome instanceof NothingToDo) return outcome.result;
      const { writes, audits } = builder.done();
      if (writes.length + audits.length > MAX_TRANSACTION_ITEMS) {
        throw new ChangeTooLargeError(`it needs ${writes.length + audits.length} writes and one transaction holds ${MAX_TRANSACTION_ITEMS}.`);
      }
      try {
        await writeVersioned(this.table, writes, audits);
        return outcome;
      } catch (error) {
        const retry = error instanceof VersionConflictError || isTransactionClash(error);
        if (!retry || attempt >= MAX_ATTEMPTS) throw error;
        // Two transactions that clashed would clash again at once: a random pause parts them.
        if (isTransactionClash(error)) await sleep(5 + Math.random() * 20 * attempt);
      }
    }
  }

  private async readOrg(organizationId: string): Promise<OrgItem | undefined> {
    return (await this.table.get(entities.organization.key({ organizationId }), { consistent: true })) as OrgItem | undefined;
  }

  /** Location partitions read consistently, keeping only the organisation's own location and housing forms. */
  private async readPartitions(organizationId: string, locationIds: readonly string[]): Promise<Map<string, Partition>> {
    const result = new Map<string, Partition>();
    for (let i = 0; i < locationIds.length; i += READ_CONCURRENCY) {
      const batch = locationIds.slice(i, i + READ_CONCURRENCY);
      const parts = await Promise.all(
        batch.map((locationId) => this.table.queryAll({ ...entities.location.query('primary', { locationId }), ConsistentRead: true })),
      );
      batch.forEach((locationId, j) => {
        const items = parts[j] ?? [];
        const part: Partition = { forms: new Map(), takenFormIds: new Set(), used: items.length > 0 };
        for (const item of items) {
          const own = item.organizationId === organizationId;
          if (entities.location.is(item) && own) part.location = item as LocItem;
          const form = entities.housingForm.parseKey(item);
          if (form) {
            part.takenFormIds.add(form.housingFormId);
            if (own) part.forms.set(form.housingFormId, item as FormItem);
          }
        }
        result.set(locationId, part);
      });
    }
    return result;
  }
}

/** A plan's answer when the change would change nothing: nothing is written, no audit record made. */
class NothingToDo<T> {
  constructor(readonly result: T) {}
}

/** Collects a change's writes and audit records, adding the derived writes it implies. */
class PlanBuilder {
  private readonly writes: VersionedWrite[] = [];
  private readonly audits: Item[] = [];
  /** The region of each location whose own record this change writes (a new location's, before its housing forms'). */
  private readonly locationRegions = new Map<string, string>();

  constructor(
    private readonly state: State,
    private readonly ctx: ChangeContext,
  ) {}

  nothing<T>(result: T): NothingToDo<T> {
    return new NothingToDo(result);
  }

  write(write: VersionedWrite): void {
    this.writes.push(write);
  }

  /** The location's summary of `forms`, refreshed when it differs from the stored one. */
  summary(part: Partition, forms: HousingForm[]): void {
    const location = part.location as LocItem;
    if (isDeepStrictEqual(locationSummaryOf(forms), location.summary)) return;
    this.writes.push(refresh(this.state.org.data.id, location, locationItem(this.state.org.data, location.data, forms), this.ctx.now));
  }

  /** The organisation's list of locations: a new version, checked against the one read. */
  organization(locationIds: string[]): void {
    const org = this.state.org;
    this.writes.push({
      kind: 'update',
      item: { ...organizationItem(org.data, locationIds), updatedAt: this.ctx.now.toISOString() },
      expectedVersion: versionOf(org),
    });
  }

  /**
   * The change's audit record, naming the region it belongs to (see OrganizationListingChange), so a
   * region's trail never judges it by where the location went later.
   */
  audit(ref: { locationId: string; housingFormId?: string }, action: ChangeAction, before: HousingForm | StoredLocation | undefined, after: HousingForm | StoredLocation | undefined): void {
    const organizationId = this.state.org.data.id;
    const atMs = this.ctx.now.getTime();
    const changeId = randomUUID();
    const regionOf = (data: HousingForm | StoredLocation | undefined) => (data as StoredLocation | undefined)?.regionId;
    const regionId = ref.housingFormId
      ? this.locationRegions.get(ref.locationId) ?? this.state.partitions.get(ref.locationId)?.location?.data.regionId
      : regionOf(after) ?? regionOf(before);
    if (!ref.housingFormId && regionId) this.locationRegions.set(ref.locationId, regionId);
    const fromRegionId = !ref.housingFormId && before && after && regionOf(before) !== regionId ? regionOf(before) : undefined;
    const body = {
      organizationId,
      locationId: ref.locationId,
      ...(ref.housingFormId ? { housingFormId: ref.housingFormId } : {}),
      ...(regionId ? { regionId } : {}),
      ...(fromRegionId ? { fromRegionId } : {}),
      changeId,
      at: this.ctx.now.toISOString(),
      by: { accountId: this.ctx.by.accountId, name: this.ctx.by.name },
      action,
      before,
      after,
    };
    this.audits.push(ref.housingFormId
      ? entities.housingFormChange.item({ organizationId, locationId: ref.locationId, housingFormId: ref.housingFormId, atMs, changeId }, body)
      : entities.locationChange.item({ organizationId, locationId: ref.locationId, atMs, changeId }, body));
  }

  done(): { writes: VersionedWrite[]; audits: Item[] } {
    return { writes: this.writes, audits: this.audits };
  }
}

/** An audit record of the organisation itself (admitted to or removed from a region). */
function organizationAudit(organizationId: string, action: OrganizationAction, ctx: ChangeContext, about: { regionId: string; removedLocationIds?: string[] }): Item[] {
  const atMs = ctx.now.getTime();
  const changeId = randomUUID();
  const body = { organizationId, changeId, at: ctx.now.toISOString(), by: { accountId: ctx.by.accountId, name: ctx.by.name }, action, ...about };
  return [
    entities.organizationChange.item({ organizationId, atMs, changeId }, body),
    entities.regionOrganizationChange.item({ regionId: about.regionId, atMs, changeId }, body),
  ];
}

/** The organisation's location in the partition read, else a 404. */
function ownLocation(state: State, locationId: string): { part: Partition; location: LocItem } {
  const part = state.partitions.get(locationId);
  if (!part?.location) throw new ItemNotFoundError('location', { locationId });
  return { part, location: part.location };
}

/** The organisation's housing form at the version the editor started from: else a 404, or a 409 with it as it is now. */
function expectForm(part: Partition, ref: HousingFormRef, expectedVersion: number): FormItem {
  const form = part.forms.get(ref.housingFormId);
  if (!form) throw new ItemNotFoundError('housingForm', { locationId: ref.locationId, housingFormId: ref.housingFormId });
  if (versionOf(form) !== expectedVersion) {
    throw new VersionConflictError('housingForm', { ...ref }, expectedVersion, { housingForm: form.data, version: versionOf(form) });
  }
  return form;
}

/** The partition's housing forms with `next` in place (or added), in id order. */
function formsWith(part: Partition, next: HousingForm): HousingForm[] {
  return [...[...part.forms.values()].map((f) => f.data).filter((f) => f.id !== next.id), next].sort(byId);
}
