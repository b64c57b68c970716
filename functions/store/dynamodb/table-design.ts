// The single-table design in one place: key attributes, indexes and how each entity composes
// its keys. The local table setup and the CDK stack both read it, so keys are written once.
// See docs/data-model.md for the access patterns these keys serve.
import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

export const KEY = { pk: 'pk', sk: 'sk' } as const;
export const GSI1 = { name: 'gsi1', pk: 'gsi1pk', sk: 'gsi1sk' } as const;
export const GSI2 = { name: 'gsi2', pk: 'gsi2pk', sk: 'gsi2sk' } as const;
export const TTL_ATTRIBUTE = 'expiresAt';

export const keys = {
  region: (regionId: string) => ({ pk: `REGION#${regionId}`, sk: 'REGION', gsi2pk: 'REGIONS', gsi2sk: regionId }),
  /** Zero-padded so the newest version sorts last. */
  questionnaire: (regionId: string, version: number) => ({ pk: `REGION#${regionId}`, sk: `QUESTIONNAIRE#${String(version).padStart(6, '0')}` }),
  organization: (organizationId: string) => ({ pk: `ORG#${organizationId}`, sk: 'ORG' }),
  location: (locationId: string, organizationId: string, regionId: string) => ({
    pk: `LOC#${locationId}`,
    sk: 'LOC',
    gsi1pk: `REGION#${regionId}`,
    gsi1sk: `LOC#${locationId}`,
    gsi2pk: `ORG#${organizationId}`,
    gsi2sk: `LOC#${locationId}`,
  }),
  housingForm: (locationId: string, housingFormId: string, regionId: string) => ({
    pk: `LOC#${locationId}`,
    sk: `HF#${housingFormId}`,
    gsi1pk: `REGION#${regionId}`,
    gsi1sk: `HF#${locationId}#${housingFormId}`,
  }),
} as const;

/** The prefixes of gsi1sk inside a region partition. */
export const REGION_MEMBER = { location: 'LOC#', housingForm: 'HF#' } as const;
export const ALL_REGIONS = 'REGIONS';

export function tableDefinition(tableName: string): CreateTableCommandInput {
  const gsi = (g: typeof GSI1 | typeof GSI2) => ({
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
    AttributeDefinitions: [KEY.pk, KEY.sk, GSI1.pk, GSI1.sk, GSI2.pk, GSI2.sk].map((name) => ({
      AttributeName: name,
      AttributeType: 'S' as const,
    })),
    KeySchema: [
      { AttributeName: KEY.pk, KeyType: 'HASH' },
      { AttributeName: KEY.sk, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: [gsi(GSI1), gsi(GSI2)],
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
  };
}
