// Builds the OpenSearch search engine (the port's adapter, for the API) from settings.
import { createOpenSearchIndex, type OpenSearchSettings } from './create-opensearch-index.ts';
import type { RegionReader } from '../../store/region-store.ts';
import { type OpenSearchEngineOptions, OpenSearchSearchEngine } from './opensearch-search-engine.ts';

export type { OpenSearchSettings } from './create-opensearch-index.ts';

export function createOpenSearchEngine(settings: OpenSearchSettings, options: OpenSearchEngineOptions = {}): OpenSearchSearchEngine {
  return new OpenSearchSearchEngine(createOpenSearchIndex(settings), options);
}

/**
 * The OpenSearch engine as a deployment configures it; the region store answers whether a region exists,
 * so an unknown region is a 404 rather than an empty answer.
 */
export function openSearchEngineFromConfig(
  config: { OPENSEARCH_URL?: string | undefined; OPENSEARCH_INDEX_PREFIX: string; AWS_REGION: string },
  regions: Pick<RegionReader, 'getRegion'>,
): OpenSearchSearchEngine {
  if (!config.OPENSEARCH_URL) {
    throw new Error('SEARCH_ENGINE is "opensearch" but OPENSEARCH_URL is not set. Set it, or use SEARCH_ENGINE=embedded.');
  }
  return createOpenSearchEngine(
    { url: config.OPENSEARCH_URL, indexPrefix: config.OPENSEARCH_INDEX_PREFIX, awsRegion: config.AWS_REGION, profile: 'interactive' },
    { regionExists: async (regionId) => (await regions.getRegion(regionId)) !== undefined },
  );
}
