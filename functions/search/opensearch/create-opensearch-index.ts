// Builds the OpenSearch index writer from settings: what the stream indexer and the reindex use
// (they never query, so they bundle neither the matcher nor the query builders).
import { type Clock, systemClock } from '../../../shared/clock.ts';
import type { CallProfile } from '../../platform/outbound-calls.ts';
import { createOpenSearchClient } from './opensearch-client.ts';
import { OpenSearchIndex } from './opensearch-index.ts';

export interface OpenSearchSettings {
  /** The domain endpoint (`https://...es.amazonaws.com`) or any other OpenSearch URL. */
  url: string;
  /** Every index name starts with it (the IAM and security-plugin grants are `<prefix>*`). */
  indexPrefix: string;
  awsRegion?: string;
  clock?: Clock;
  /** How long a call may take: 'batch' (the default) for the indexer and reindex, 'interactive' for the API. */
  profile?: CallProfile;
}

export function createOpenSearchIndex(settings: OpenSearchSettings): OpenSearchIndex {
  return new OpenSearchIndex(createOpenSearchClient(settings.url, settings.awsRegion, settings.profile ?? 'batch'), settings.indexPrefix, settings.clock ?? systemClock);
}
