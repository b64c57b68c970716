// The statistics table's physical layout: a table of its own for the demand counters, apart from the
// single table. It has no stream, so the search indexer and the site rebuilder (which follow the
// single table's stream) never see a counter write, and the public API can be granted UpdateItem on
// it alone while it stays read-only on the listings. Counters expire by TTL (STATISTICS_KEPT_MONTHS
// after their month). Read by the local setup and the CDK stack alike. See docs/data-model.md.
import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { KEY, TTL_ATTRIBUTE } from './table-design.ts';

export const STATISTICS_KEY = KEY;
export const STATISTICS_TTL_ATTRIBUTE = TTL_ATTRIBUTE;

/** The statistics table that belongs with a single table, when no name is configured. */
export function statisticsTableNameFor(tableName: string): string {
  return `${tableName}-statistics`;
}

export function statisticsTableDefinition(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [STATISTICS_KEY.pk, STATISTICS_KEY.sk].map((name) => ({ AttributeName: name, AttributeType: 'S' as const })),
    KeySchema: [
      { AttributeName: STATISTICS_KEY.pk, KeyType: 'HASH' },
      { AttributeName: STATISTICS_KEY.sk, KeyType: 'RANGE' },
    ],
  };
}
