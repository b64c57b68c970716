// The listing store on DynamoDB (single table; keys in table-design.ts). The same code runs
// against AWS and against DynamoDB Local.
import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { type DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, type QueryCommandInput,
  TransactWriteCommand, type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type {
  HousingForm, HousingFormPage, LocationDetail, LocationSummary, Organization, Region, StoredLocation,
} from '../../../shared/domain/index.ts';
import { Slug } from '../../../shared/domain/index.ts';
import { toCandidate, type MatchCandidate } from '../../../shared/matching/index.ts';
import type { Questionnaire } from '../../../shared/questionnaire/index.ts';
import {
  BadCursorError, ConcurrentChangeError, IdConflictError, type ChangeCounts, type ListingStore,
  type RegionContents, type ResolvedListing, type SaveSummary,
} from '../listing-store.ts';
import { ALL_REGIONS, GSI1, GSI2, REGION_MEMBER, keys } from './table-design.ts';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
type Item = Record<string, unknown>;

interface OrganizationItem {
  data: Organization;
  locationIds: string[];
  version: number;
  hash: string;
}
interface LocationItem {
  organizationId: string;
  regionId: string;
  organizationName: string;
  data: StoredLocation;
  summary: Pick<LocationSummary, 'housingFormCount' | 'housingTypes' | 'waitingListStatuses'>;
  hash: string;
}
/**
 * A housing form carries its search candidate (the housing form with what the matcher needs of its
 * location and organisation), so a stream record alone is enough to index it.
 */
export interface HousingFormItem {
  type: 'housingForm';
  organizationId: string;
  regionId: string;
  locationId: string;
  data: HousingForm;
  candidate: MatchCandidate;
  hash: string;
}

/** DynamoDB allows at most 100 actions in one transaction. */
const MAX_TRANSACTION_ITEMS = 100;
/** Parallel reads of an organisation's location partitions while importing. */
const READ_CONCURRENCY = 8;

const contentHash = (value: unknown) => createHash('sha256').update(stableJson(value)).digest('base64url');

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Item)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const unique = <T>(xs: Iterable<T>) => [...new Set(xs)];

export class DynamoDbListingStore implements ListingStore {
  private readonly doc: DynamoDBDocumentClient;

  constructor(
    client: DynamoDBClient,
    private readonly tableName: string,
  ) {
    this.doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  }

  async putRegion(region: Region): Promise<void> {
    await this.doc.send(new PutCommand({ TableName: this.tableName, Item: { ...keys.region(region.id), type: 'region', data: region } }));
  }

  async getRegion(regionId: string): Promise<Region | undefined> {
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: pkSk(keys.region(regionId)) }));
    return Item?.data as Region | undefined;
  }

  async listRegions(): Promise<Region[]> {
    const items = await this.queryAll({ IndexName: GSI2.name, KeyConditionExpression: '#pk = :pk', ExpressionAttributeNames: { '#pk': GSI2.pk }, ExpressionAttributeValues: { ':pk': ALL_REGIONS } });
    return items.map((i) => i.data as Region);
  }

  async regionCounts(regionId: string) {
    const count = async (prefix: string) => {
      let total = 0;
      let start: Item | undefined;
      do {
        const out = await this.doc.send(new QueryCommand({ ...this.regionMembers(regionId, prefix), Select: 'COUNT', ExclusiveStartKey: start }));
        total += out.Count ?? 0;
        start = out.LastEvaluatedKey;
      } while (start);
      return total;
    };
    const [housingFormCount, locationCount] = await Promise.all([count(REGION_MEMBER.housingForm), count(REGION_MEMBER.location)]);
    return { housingFormCount, locationCount };
  }

  async listLocations(regionId: string): Promise<LocationSummary[]> {
    const items = (await this.queryAll(this.regionMembers(regionId, REGION_MEMBER.location))) as unknown as LocationItem[];
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
    const items = await this.queryAll({
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `LOC#${locationId}` },
    });
    const loc = items.find((i) => i.sk === 'LOC') as unknown as LocationItem | undefined;
    if (!loc) return undefined;
    const organization = await this.getOrganization(loc.organizationId);
    if (!organization) return undefined;
    const housingForms = items.filter((i) => i.sk !== 'LOC').map((i) => (i as unknown as HousingFormItem).data);
    return { location: loc.data, organization, housingForms };
  }

  async listHousingForms(regionId: string, page: { limit: number; cursor?: string }): Promise<HousingFormPage> {
    const out = await this.doc.send(
      new QueryCommand({
        ...this.regionMembers(regionId, REGION_MEMBER.housingForm),
        Limit: page.limit,
        ExclusiveStartKey: page.cursor === undefined ? undefined : decodeCursor(page.cursor, regionId),
      }),
    );
    const items = (out.Items ?? []) as unknown as HousingFormItem[];
    return {
      items: items.map((i) => ({
        housingForm: i.data,
        locationId: i.locationId,
        locationName: i.candidate.locationName,
        organizationId: i.organizationId,
        organizationName: i.candidate.organizationName,
        city: i.candidate.city,
      })),
      ...(out.LastEvaluatedKey ? { nextCursor: encodeCursor(out.LastEvaluatedKey) } : {}),
    };
  }

  async loadRegion(regionId: string): Promise<RegionContents> {
    const items = await this.queryAll({
      IndexName: GSI1.name,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': GSI1.pk },
      ExpressionAttributeValues: { ':pk': `REGION#${regionId}` },
    });
    const locations: StoredLocation[] = [];
    const candidates: MatchCandidate[] = [];
    for (const item of items) {
      if (item.type === 'location') locations.push((item as unknown as LocationItem).data);
      else if (item.type === 'housingForm') candidates.push((item as unknown as HousingFormItem).candidate);
    }
    return { locations, candidates };
  }

  async putQuestionnaire(questionnaire: Questionnaire): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.questionnaire(questionnaire.regionId, questionnaire.version), type: 'questionnaire', data: questionnaire },
      }),
    );
  }

  async getQuestionnaire(regionId: string): Promise<Questionnaire | undefined> {
    const out = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': `REGION#${regionId}`, ':prefix': 'QUESTIONNAIRE#' },
        ScanIndexForward: false,
        Limit: 1,
      }),
    );
    return out.Items?.[0]?.data as Questionnaire | undefined;
  }

  async getOrganization(organizationId: string): Promise<Organization | undefined> {
    return (await this.getOrganizationItem(organizationId, false))?.data;
  }

  async saveListing(listing: ResolvedListing, now: Date): Promise<SaveSummary> {
    const org = listing.organization;
    const existingOrg = await this.getOrganizationItem(org.id, true);
    const wantedIds = listing.locations.map((l) => l.location.id);
    const existing = await this.readPartitions(unique([...(existingOrg?.locationIds ?? []), ...wantedIds]));

    for (const id of wantedIds) {
      const owner = (existing.get(id)?.find((i) => i.sk === 'LOC') as LocationItem | undefined)?.organizationId;
      if (owner !== undefined && owner !== org.id) throw new IdConflictError(id, owner);
    }

    const updatedAt = now.toISOString();
    const locations: ChangeCounts = { created: 0, updated: 0, unchanged: 0, removed: 0 };
    const housingForms: ChangeCounts = { created: 0, updated: 0, unchanged: 0, removed: 0 };
    const writes: TransactItem[] = [];

    type Condition = { ConditionExpression: string; ExpressionAttributeValues: Item };
    const putIfChanged = (counts: ChangeCounts, item: Item & { hash: string }, old: Item | undefined, condition?: Condition) => {
      if (old?.hash === item.hash) {
        counts.unchanged++;
        return;
      }
      counts[old ? 'updated' : 'created']++;
      writes.push({ Put: { ...condition, TableName: this.tableName, Item: { ...item, updatedAt } } });
    };

    for (const { location, housingForms: forms } of listing.locations) {
      const old = existing.get(location.id) ?? [];
      const locBody = {
        type: 'location',
        organizationId: org.id,
        regionId: location.regionId,
        organizationName: org.name,
        data: location,
        summary: {
          housingFormCount: forms.length,
          housingTypes: unique(forms.map((f) => f.type)),
          waitingListStatuses: unique(forms.map((f) => f.waitingList.status)),
        },
      };
      putIfChanged(
        locations,
        { ...keys.location(location.id, org.id, location.regionId), ...locBody, hash: contentHash(locBody) },
        old.find((i) => i.sk === 'LOC'),
        {
          // Guards the id check above against another organisation claiming the id meanwhile.
          ConditionExpression: 'attribute_not_exists(pk) OR organizationId = :org',
          ExpressionAttributeValues: { ':org': org.id },
        },
      );
      const wantedForms = new Set(forms.map((f) => `HF#${f.id}`));
      for (const form of forms) {
        const body = {
          type: 'housingForm',
          organizationId: org.id,
          regionId: location.regionId,
          locationId: location.id,
          data: form,
          candidate: toCandidate(location.regionId, org, location, location.point, form),
        };
        putIfChanged(
          housingForms,
          { ...keys.housingForm(location.id, form.id, location.regionId), ...body, hash: contentHash(body) },
          old.find((i) => i.sk === `HF#${form.id}`),
        );
      }
      for (const gone of old.filter((i) => i.sk !== 'LOC' && !wantedForms.has(i.sk as string))) {
        housingForms.removed++;
        writes.push(this.deleteOp(gone));
      }
    }
    const wanted = new Set(wantedIds);
    for (const id of existingOrg?.locationIds ?? []) {
      if (wanted.has(id)) continue;
      for (const gone of existing.get(id) ?? []) {
        if (gone.organizationId !== org.id) continue;
        (gone.sk === 'LOC' ? locations : housingForms).removed++;
        writes.push(this.deleteOp(gone));
      }
    }

    const orgBody = { data: org, locationIds: wantedIds };
    const orgHash = contentHash(orgBody);
    const orgChanged = existingOrg?.hash !== orgHash;
    if (!orgChanged && writes.length === 0) {
      return { organization: 'unchanged', locations, housingForms };
    }
    // The organisation item carries a version; every import bumps it under a condition, so two
    // imports of the same organisation at once cannot interleave unnoticed.
    const version = (existingOrg?.version ?? 0) + 1;
    writes.unshift({
      Put: {
        TableName: this.tableName,
        Item: { ...keys.organization(org.id), type: 'organization', ...orgBody, hash: orgHash, version, updatedAt },
        ConditionExpression: existingOrg ? 'version = :v' : 'attribute_not_exists(pk)',
        ...(existingOrg ? { ExpressionAttributeValues: { ':v': existingOrg.version } } : {}),
      },
    });
    await this.writeTransactions(writes, org.id);
    return { organization: existingOrg ? (orgChanged ? 'updated' : 'unchanged') : 'created', locations, housingForms };
  }

  /**
   * Up to 100 writes go in one transaction, all or nothing. A larger change (a first import of a
   * provider with many housing forms) is split; the first part holds the version check, so a
   * concurrent import fails before anything is written. Validation happens before any of this.
   */
  private async writeTransactions(writes: TransactItem[], organizationId: string) {
    for (let i = 0; i < writes.length; i += MAX_TRANSACTION_ITEMS) {
      const chunk = writes.slice(i, i + MAX_TRANSACTION_ITEMS);
      try {
        await this.doc.send(new TransactWriteCommand({ TransactItems: chunk }));
      } catch (error) {
        if (error instanceof TransactionCanceledException) {
          const failed = (error.CancellationReasons ?? []).findIndex((r) => r.Code === 'ConditionalCheckFailed');
          const item = chunk[failed]?.Put?.Item;
          if (item?.type === 'location') {
            const id = (item.data as StoredLocation).id;
            const owner = (await this.readPartitions([id])).get(id)?.find((x) => x.sk === 'LOC') as LocationItem | undefined;
            throw new IdConflictError(id, owner?.organizationId ?? 'unknown');
          }
          if (failed >= 0) throw new ConcurrentChangeError(organizationId);
        }
        throw error;
      }
    }
  }

  private deleteOp(item: Item): TransactItem {
    return { Delete: { TableName: this.tableName, Key: { pk: item.pk, sk: item.sk } } };
  }

  private async getOrganizationItem(organizationId: string, consistent: boolean): Promise<OrganizationItem | undefined> {
    const { Item } = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: keys.organization(organizationId), ConsistentRead: consistent }),
    );
    return Item as OrganizationItem | undefined;
  }

  private async readPartitions(locationIds: string[]): Promise<Map<string, Item[]>> {
    const result = new Map<string, Item[]>();
    for (let i = 0; i < locationIds.length; i += READ_CONCURRENCY) {
      const batch = locationIds.slice(i, i + READ_CONCURRENCY);
      const parts = await Promise.all(
        batch.map((id) =>
          this.queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `LOC#${id}` }, ConsistentRead: true }),
        ),
      );
      batch.forEach((id, j) => {
        const items = parts[j];
        if (items && items.length > 0) result.set(id, items);
      });
    }
    return result;
  }

  private regionMembers(regionId: string, prefix: string): QueryCommandInput {
    return {
      TableName: this.tableName,
      IndexName: GSI1.name,
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
      ExpressionAttributeNames: { '#pk': GSI1.pk, '#sk': GSI1.sk },
      ExpressionAttributeValues: { ':pk': `REGION#${regionId}`, ':prefix': prefix },
    };
  }

  private async queryAll(input: Omit<QueryCommandInput, 'TableName'>): Promise<Item[]> {
    const items: Item[] = [];
    let start: Item | undefined;
    do {
      const out = await this.doc.send(new QueryCommand({ TableName: this.tableName, ...input, ExclusiveStartKey: start }));
      items.push(...((out.Items ?? []) as Item[]));
      start = out.LastEvaluatedKey;
    } while (start);
    return items;
  }
}

const pkSk = (k: { pk: string; sk: string }) => ({ pk: k.pk, sk: k.sk });

function encodeCursor(key: Item): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/**
 * The cursor back as the key it was made from: exactly a housing form's key in this region, with
 * slug ids, else a BadCursorError. Anything looser (an empty or oversized key value) would reach
 * DynamoDB as ExclusiveStartKey and come back as a ValidationException, a 500.
 */
function decodeCursor(cursor: string, regionId: string): Item {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new BadCursorError();
  }
  if (!key || typeof key !== 'object' || Array.isArray(key)) throw new BadCursorError();
  const { pk, sk } = key as Record<string, unknown>;
  const locationId = typeof pk === 'string' && pk.startsWith('LOC#') ? pk.slice('LOC#'.length) : '';
  const housingFormId = typeof sk === 'string' && sk.startsWith('HF#') ? sk.slice('HF#'.length) : '';
  if (!Slug.safeParse(locationId).success || !Slug.safeParse(housingFormId).success) throw new BadCursorError();
  const expected = keys.housingForm(locationId, housingFormId, regionId);
  if (!isDeepStrictEqual(key, expected)) throw new BadCursorError();
  return expected;
}
