// The tables' physical layout: key attributes, secondary indexes, TTL, stream. The local table
// setup and the CDK stack both read it, so a deployed table cannot disagree with the code. Two
// tables: the single listing table (listings, accounts, configuration; streamed to the search
// indexer) and the dossier table of the client supporters (health data about clients, kept apart:
// its own key, no stream, reached only from the staff function).
// How each entity composes its keys onto these attributes lives beside it, in keys.ts.
// See docs/data-model.md for the access patterns these keys serve.
import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

export const KEY = { pk: 'pk', sk: 'sk' } as const;
export const GSI1 = { name: 'gsi1', pk: 'gsi1pk', sk: 'gsi1sk' } as const;
export const GSI2 = { name: 'gsi2', pk: 'gsi2pk', sk: 'gsi2sk' } as const;
/** Every secondary index, in one list: a new index added here reaches the local table and the CDK stack. */
export const SECONDARY_INDEXES = [GSI1, GSI2] as const;
export type SecondaryIndex = (typeof SECONDARY_INDEXES)[number];
export const TTL_ATTRIBUTE = 'expiresAt';
/**
 * The dossier table's indexes, with the listing table's attribute names: gsi1 a support
 * organisation's dossiers and one share by its id, gsi2 a provider organisation's inbox of shared
 * reports and every dossier by its last activity (the retention run).
 */
export const DOSSIER_SECONDARY_INDEXES = [GSI1, GSI2] as const;

/** The dossier table beside a listing table when none is named: `<table>-dossiers` (locally and in tests). */
export const dossierTableNameFor = (tableName: string) => `${tableName}-dossiers`;

const gsi = (g: SecondaryIndex) => ({
  IndexName: g.name,
  KeySchema: [
    { AttributeName: g.pk, KeyType: 'HASH' as const },
    { AttributeName: g.sk, KeyType: 'RANGE' as const },
  ],
  Projection: { ProjectionType: 'ALL' as const },
});

function definitionOf(tableName: string, indexes: readonly SecondaryIndex[]): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [KEY.pk, KEY.sk, ...indexes.flatMap((g) => [g.pk, g.sk])].map((name) => ({
      AttributeName: name,
      AttributeType: 'S' as const,
    })),
    KeySchema: [
      { AttributeName: KEY.pk, KeyType: 'HASH' },
      { AttributeName: KEY.sk, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: indexes.map(gsi),
  };
}

/** The listing table: its stream feeds the search indexer. */
export function tableDefinition(tableName: string): CreateTableCommandInput {
  return { ...definitionOf(tableName, SECONDARY_INDEXES), StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' } };
}

/** The dossier table: no stream, so nothing of a dossier can reach the indexer or any other consumer. */
export function dossierTableDefinition(tableName: string): CreateTableCommandInput {
  return definitionOf(tableName, DOSSIER_SECONDARY_INDEXES);
}
