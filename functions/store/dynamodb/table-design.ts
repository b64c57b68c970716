// The single table's physical layout: key attributes, secondary indexes, TTL, stream. The local
// table setup and the CDK stack both read it, so the deployed table cannot disagree with the code.
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

export function tableDefinition(tableName: string): CreateTableCommandInput {
  const gsi = (g: SecondaryIndex) => ({
    IndexName: g.name,
    KeySchema: [
      { AttributeName: g.pk, KeyType: 'HASH' as const },
      { AttributeName: g.sk, KeyType: 'RANGE' as const },
    ],
    Projection: { ProjectionType: 'ALL' as const },
  });
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [KEY.pk, KEY.sk, ...SECONDARY_INDEXES.flatMap((g) => [g.pk, g.sk])].map((name) => ({
      AttributeName: name,
      AttributeType: 'S' as const,
    })),
    KeySchema: [
      { AttributeName: KEY.pk, KeyType: 'HASH' },
      { AttributeName: KEY.sk, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: SECONDARY_INDEXES.map(gsi),
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
  };
}
