// The OpenSearch settings of the indexer, the reindex and `npm run reindex`, from the one config
// reader (OPENSEARCH_URL, OPENSEARCH_INDEX_PREFIX, AWS_REGION; the search stack sets them).
import { type Config } from '../platform/config.ts';
import { type OpenSearchSettings } from '../search/opensearch/create-opensearch-index.ts';

/** Thrown when OPENSEARCH_URL is not set; the message says what to do instead. */
export class OpenSearchNotConfiguredError extends Error {
  constructor() {
    super(
      'OPENSEARCH_URL is not set, so there is no OpenSearch index to rebuild. Locally the embedded ' +
        'search engine needs no reindex: it builds itself from the table when `npm start` starts. ' +
        'To rebuild an OpenSearch index, set OPENSEARCH_URL (e.g. https://search-...es.amazonaws.com ' +
        'or http://localhost:9200) and, if needed, OPENSEARCH_INDEX_PREFIX.',
    );
    this.name = 'OpenSearchNotConfiguredError';
  }
}

export function openSearchSettings(config: Pick<Config, 'OPENSEARCH_URL' | 'OPENSEARCH_INDEX_PREFIX' | 'AWS_REGION'>): OpenSearchSettings {
  if (!config.OPENSEARCH_URL) throw new OpenSearchNotConfiguredError();
  return { url: config.OPENSEARCH_URL, indexPrefix: config.OPENSEARCH_INDEX_PREFIX, awsRegion: config.AWS_REGION };
}
