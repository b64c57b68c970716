// The demand statistics on their own DynamoDB table (statistics-table-design.ts). One item per
// counter at the grain of shared/statistics/demand.ts, added to with `ADD`, so concurrent writers
// (every warm Lambda environment flushes its own batch) never lose each other's counts. A batch
// arrives summed per counter (functions/api/demand-counter.ts), so each counter is updated once per
// write, in TransactWriteItems of up to 100: each transaction lands whole or not at all, and its
// ClientRequestToken makes the SDK's retry of a transaction that did land (a timed-out answer)
// add nothing twice. A batch over 100 counters is several transactions; if one fails, the ones
// before it stay: an undercount, never an overcount.
import { randomUUID } from 'node:crypto';
import { QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { CRITERION_NAMES, type CriterionName } from '../../../shared/domain/index.ts';
import { expiryOfMonth, type CountTotals } from '../../../shared/statistics/demand.ts';
import type { DemandStatisticsStore, StoredDemandCell, StoredUnknownCell } from '../demand-statistics-store.ts';
import { STATISTICS_KEY, STATISTICS_TTL_ATTRIBUTE } from './statistics-table-design.ts';

/** DynamoDB's limit of items in one transaction. */
const TRANSACTION_ITEMS = 100;
const SEPARATOR = '#';

interface Counter {
  pk: string;
  sk: string;
  /** The grain's fields, kept as attributes too, so an item reads back without parsing its key. */
  fields: Record<string, string>;
  add: number;
  month: string;
}

const demandPk = (regionId: string, month: string) => ['DEMAND', regionId, month].join(SEPARATOR);
const unknownPk = (organizationId: string, month: string) => ['UNKNOWN', organizationId, month].join(SEPARATOR);
const isCriterion = (name: unknown): name is CriterionName => typeof name === 'string' && (CRITERION_NAMES as readonly string[]).includes(name);

export class DynamoDbDemandStatisticsStore implements DemandStatisticsStore {
  /** `doc`: the document client the single table's adapters share (dynamodb-table.ts): from() on the same client would replace its marshalling options. */
  constructor(private readonly doc: DynamoDBDocumentClient, readonly tableName: string) {}

  async add(totals: CountTotals): Promise<void> {
    const counters: Counter[] = [
      ...totals.demand.map((d) => ({
        pk: demandPk(d.regionId, d.month),
        sk: [d.municipality, d.criterion, d.value, d.importance].join(SEPARATOR),
        fields: { regionId: d.regionId, month: d.month, municipality: d.municipality, criterion: d.criterion, value: d.value, importance: d.importance },
        add: d.count,
        month: d.month,
      })),
      ...totals.unknown.map((u) => ({
        pk: unknownPk(u.organizationId, u.month),
        sk: u.criterion,
        fields: { organizationId: u.organizationId, month: u.month, criterion: u.criterion },
        add: u.results,
        month: u.month,
      })),
    ];
    for (let i = 0; i < counters.length; i += TRANSACTION_ITEMS) {
      const chunk = counters.slice(i, i + TRANSACTION_ITEMS);
      await this.doc.send(new TransactWriteCommand({
        ClientRequestToken: randomUUID(),
        TransactItems: chunk.map((counter) => ({ Update: this.update(counter) })),
      }));
    }
  }

  private update(counter: Counter) {
    const names: Record<string, string> = { '#count': 'count', '#expiresAt': STATISTICS_TTL_ATTRIBUTE };
    const values: Record<string, unknown> = { ':add': counter.add, ':expiresAt': expiryOfMonth(counter.month) };
    const sets = ['#expiresAt = :expiresAt'];
    Object.entries(counter.fields).forEach(([name, value], i) => {
      names[`#f${i}`] = name;
      values[`:f${i}`] = value;
      sets.push(`#f${i} = :f${i}`);
    });
    return {
      TableName: this.tableName,
      Key: { [STATISTICS_KEY.pk]: counter.pk, [STATISTICS_KEY.sk]: counter.sk },
      UpdateExpression: `ADD #count :add SET ${sets.join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    };
  }

  async demandCells(regionId: string, months: readonly string[]): Promise<StoredDemandCell[]> {
    const pages = await Promise.all(months.map((month) => this.queryAll(demandPk(regionId, month))));
    return pages.flat().flatMap((item): StoredDemandCell[] => {
      const { criterion, importance } = item;
      if (!isCriterion(criterion) || (importance !== 'must' && importance !== 'important' && importance !== 'nice')) return [];
      return [{
        regionId: String(item.regionId), month: String(item.month), municipality: String(item.municipality),
        criterion, value: String(item.value ?? ''), importance, count: Number(item.count ?? 0),
      }];
    });
  }

  async unknownCells(organizationId: string, month: string): Promise<StoredUnknownCell[]> {
    const items = await this.queryAll(unknownPk(organizationId, month));
    return items.flatMap((item): StoredUnknownCell[] =>
      isCriterion(item.criterion) ? [{ organizationId, month, criterion: item.criterion, count: Number(item.count ?? 0) }] : []);
  }

  private async queryAll(pk: string): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.doc.send(new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': STATISTICS_KEY.pk },
        ExpressionAttributeValues: { ':pk': pk },
        ExclusiveStartKey: start,
      }));
      items.push(...((out.Items ?? []) as Record<string, unknown>[]));
      start = out.LastEvaluatedKey;
    } while (start);
    return items;
  }
}
