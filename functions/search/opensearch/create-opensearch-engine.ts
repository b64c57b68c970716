// Builds the OpenSearch search engine (the port's adapter, for the API) from settings.
import { createOpenSearchIndex, type OpenSearchSettings } from './create-opensearch-index.ts';
import { type OpenSearchEngineOptions, OpenSearchSearchEngine } from './opensearch-search-engine.ts';

export type { OpenSearchSettings } from './create-opensearch-index.ts';

export function createOpenSearchEngine(settings: OpenSearchSettings, options: OpenSearchEngineOptions = {}): OpenSearchSearchEngine {
  return new OpenSearchSearchEngine(createOpenSearchIndex(settings), options);
}
