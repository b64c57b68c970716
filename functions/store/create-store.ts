// Builds the stores from config: DynamoDB Local when an endpoint is set, else AWS. One document
// client serves every port's adapter; each caller takes only the ports it needs. The dossiers are
// in a table of their own; in AWS only the staff function may reach it, so the others' dossier
// port is never called.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Config } from '../platform/config.ts';
import { createDynamoDbClient } from './dynamodb/dynamodb-client.ts';
import type { AccountStore } from './account-store.ts';
import type { DemandStatisticsStore } from './demand-statistics-store.ts';
import { DynamoDbDemandStatisticsStore } from './dynamodb/dynamodb-demand-statistics-store.ts';
import { DynamoDbAccountStore } from './dynamodb/dynamodb-account-store.ts';
import { DynamoDbInvitationStore } from './dynamodb/dynamodb-invitation-store.ts';
import { DynamoDbReminderStore } from './dynamodb/dynamodb-reminder-store.ts';
import { DynamoDbThrottleStore } from './dynamodb/dynamodb-throttle-store.ts';
import { DynamoDbListingReader } from './dynamodb/dynamodb-listing-reader.ts';
import { DynamoDbListingWriter } from './dynamodb/dynamodb-listing-writer.ts';
import { DynamoDbProviderListingStore } from './dynamodb/dynamodb-provider-listing-store.ts';
import { DynamoDbRegionStore } from './dynamodb/dynamodb-region-store.ts';
import { DynamoDbRegionCoordinationStore } from './dynamodb/dynamodb-region-coordination-store.ts';
import type { RegionCoordinationStore } from './region-coordination-store.ts';
import { DynamoDbTable } from './dynamodb/dynamodb-table.ts';
import type { ListingReader } from './listing-reader.ts';
import type { ListingWriter } from './listing-writer.ts';
import type { ProviderListingStore } from './provider-listing-store.ts';
import type { InvitationStore } from './invitation-store.ts';
import type { RegionStore } from './region-store.ts';
import type { OrganizationReminderStore, ReminderStore } from './reminder-store.ts';
import type { ThrottleStore } from './throttle-store.ts';
import type { DossierStore } from './dossier-store.ts';
import type { SupportOrganizationStore } from './support-organization-store.ts';
import { DynamoDbDossierStore } from './dynamodb/dynamodb-dossier-store.ts';
import { DynamoDbHandoverCodeStore } from './dynamodb/dynamodb-handover-code-store.ts';
import type { HandoverCodeStore } from './handover-code-store.ts';
import { DynamoDbDossierRightsStore } from './dynamodb/dynamodb-dossier-rights-store.ts';
import type { DossierRightsStore } from './dossier-rights-store.ts';
import type { DossierRetentionStore } from './dossier-retention-store.ts';
import { DynamoDbDossierRetentionStore } from './dynamodb/dynamodb-dossier-retention-store.ts';
import { DynamoDbSupportOrganizationStore } from './dynamodb/dynamodb-support-organization-store.ts';
import { companionTableNames, type CompanionTableNames } from './dynamodb/ensure-table.ts';

// Made in their own module so the public function can build its few stores without this one's imports.
export { createDynamoDbClient, localDynamoDbClientConfig } from './dynamodb/dynamodb-client.ts';

/** Every store port: the demand counters and the dossiers over tables of their own, the rest over the listing table. */
export interface Stores {
  regions: RegionStore;
  /** What a region's coordinator keeps: the support list and the questionnaire's versions. */
  regionCoordination: RegionCoordinationStore;
  listings: ListingReader;
  listingWriter: ListingWriter;
  providerListings: ProviderListingStore;
  accounts: AccountStore;
  throttles: ThrottleStore;
  invitations: InvitationStore;
  reminders: ReminderStore & OrganizationReminderStore;
  demandStatistics: DemandStatisticsStore;
  supportOrganizations: SupportOrganizationStore;
  dossiers: DossierStore;
  /** The citizens' hand-over codes, in the dossier table. */
  handoverCodes: HandoverCodeStore;
  /** A client's export and deletion of their dossier. */
  dossierRights: DossierRightsStore;
  /** When each dossier was last touched, for its deletion after 12 months. */
  dossierRetention: DossierRetentionStore;
}

export function dynamoDbStores(client: DynamoDBClient, tableName: string, names: CompanionTableNames = {}): Stores {
  const table = new DynamoDbTable(client, tableName);
  const { statisticsTableName, dossierTableName } = companionTableNames(tableName, names);
  const dossierTable = new DynamoDbTable(client, dossierTableName);
  const dossiers = new DynamoDbDossierStore(dossierTable);
  return {
    regions: new DynamoDbRegionStore(table),
    regionCoordination: new DynamoDbRegionCoordinationStore(table),
    listings: new DynamoDbListingReader(table),
    listingWriter: new DynamoDbListingWriter(table),
    providerListings: new DynamoDbProviderListingStore(table),
    accounts: new DynamoDbAccountStore(table),
    throttles: new DynamoDbThrottleStore(table),
    invitations: new DynamoDbInvitationStore(table),
    reminders: new DynamoDbReminderStore(table),
    demandStatistics: new DynamoDbDemandStatisticsStore(table.doc, statisticsTableName),
    supportOrganizations: new DynamoDbSupportOrganizationStore(table),
    dossiers,
    handoverCodes: new DynamoDbHandoverCodeStore(dossierTable),
    dossierRights: new DynamoDbDossierRightsStore(dossierTable, dossiers),
    dossierRetention: new DynamoDbDossierRetentionStore(dossierTable),
  };
}

/** `client` lets a Lambda hand in a client it instruments (X-Ray); by default one is made from config. */
export function createStores(
  config: Pick<Config, 'DYNAMODB_ENDPOINT' | 'AWS_REGION' | 'TABLE_NAME' | 'STATISTICS_TABLE_NAME' | 'DOSSIER_TABLE_NAME'>,
  client: DynamoDBClient = createDynamoDbClient(config),
): Stores {
  return dynamoDbStores(client, config.TABLE_NAME, { statisticsTableName: config.STATISTICS_TABLE_NAME, dossierTableName: config.DOSSIER_TABLE_NAME });
}

