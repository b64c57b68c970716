// The reindex task on AWS Lambda, invoked by an operator: `{}` rebuilds the whole index
// blue/green, `{ "regionId": "zuid-limburg" }` refreshes one region in place.
import { Slug } from '../../shared/domain/primitives.ts';
import { readConfig } from '../platform/config.ts';
import { lambdaHandler } from '../platform/lambda-handler.ts';
import { log } from '../platform/log.ts';
import { recordMetric } from '../platform/metrics.ts';
import { tracer } from '../platform/tracer.ts';
import { createOpenSearchIndex } from '../search/opensearch/create-opensearch-index.ts';
import { createDynamoDbClient, createStores } from '../store/create-store.ts';
import { reindex, type ReindexSummary } from './reindex-core.ts';
import { openSearchSettings } from './search-settings.ts';

const config = readConfig();
const stores = createStores(config, tracer.captureAWSv3Client(createDynamoDbClient(config, 'batch')));
const index = createOpenSearchIndex(openSearchSettings(config));

export interface ReindexEvent {
  regionId?: string;
}

export const handler = lambdaHandler(async (event: ReindexEvent | null = {}): Promise<ReindexSummary> => {
  const regionId = event?.regionId;
  if (regionId !== undefined && !Slug.safeParse(regionId).success) {
    throw new Error(`regionId must be a region id such as "zuid-limburg", not ${JSON.stringify(regionId)}.`);
  }
  const summary = await reindex(stores, index, regionId ? [regionId] : []);
  recordMetric('reindexDocuments', summary.regions.reduce((sum, r) => sum + r.indexed + r.caughtUp, 0));
  log.info('reindex: done', { ...summary });
  return summary;
});
