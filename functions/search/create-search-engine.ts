// Builds the search engine the config names: 'embedded' (every region loaded from the store into
// this process; the local default) or 'opensearch' (AWS). Each engine is imported only when
// chosen, so a process never initialises the other one's client or index. (The API Lambda names
// OpenSearch directly instead, so its bundle does not carry the embedded engine: a bundler
// includes every engine a dynamic import can reach.)
import type { Config } from '../platform/config.ts';
import type { IndexSource } from '../store/listing-reader.ts';
import type { RegionReader } from '../store/region-store.ts';
import type { SearchEngine } from './search-engine.ts';

export type SearchEngineConfig = Pick<Config, 'SEARCH_ENGINE' | 'OPENSEARCH_URL' | 'OPENSEARCH_INDEX_PREFIX' | 'AWS_REGION'>;

export async function createSearchEngine(
  config: SearchEngineConfig,
  stores: IndexSource & { regions: Pick<RegionReader, 'getRegion'> },
): Promise<SearchEngine> {
  if (config.SEARCH_ENGINE === 'embedded') {
    const { loadEmbeddedEngine } = await import('./embedded/load-embedded-engine.ts');
    return loadEmbeddedEngine(stores);
  }
  const { openSearchEngineFromConfig } = await import('./opensearch/create-opensearch-engine.ts');
  return openSearchEngineFromConfig(config, stores.regions);
}

/**
 * An engine built on first use. For a Lambda, whose handler is created synchronously at import:
 * the engine is then made during the first request. A failed build is retried on the next call
 * rather than cached, so one network hiccup at a cold start does not break the instance for good.
 */
export function lazySearchEngine(build: () => Promise<SearchEngine>): SearchEngine {
  let pending: Promise<SearchEngine> | undefined;
  const engine = () => {
    pending ??= build().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
  return {
    match: async (request, asOf, origin) => (await engine()).match(request, asOf, origin),
    search: async (query, origin) => (await engine()).search(query, origin),
    upsert: async (candidates) => (await engine()).upsert(candidates),
    remove: async (candidateIds) => (await engine()).remove(candidateIds),
    regionCounts: async () => (await engine()).regionCounts(),
    ping: async () => (await engine()).ping(),
  };
}
