// Choosing the engine from config, and the lazily built engine the Lambda uses.
import { describe, expect, it, vi } from 'vitest';
import { createSearchEngine, lazySearchEngine } from '../../../functions/search/create-search-engine.ts';
import { EmbeddedSearchEngine } from '../../../functions/search/embedded/embedded-search-engine.ts';
import { readConfig } from '../../../functions/platform/config.ts';
import { AS_OF, matchRequest } from '../../fixtures/candidates.ts';

/** Neither engine reads a store while it is built. */
const untouchedStores = { regions: {}, listings: {} } as Parameters<typeof createSearchEngine>[1];

describe('search engine config', () => {
  it('defaults to the embedded engine and the woonwijzer index prefix', () => {
    const config = readConfig({});
    expect(config.SEARCH_ENGINE).toBe('embedded');
    expect(config.OPENSEARCH_INDEX_PREFIX).toBe('woonwijzer');
    expect(config.OPENSEARCH_URL).toBeUndefined();
  });

  it('refuses an unknown engine and an index prefix OpenSearch would refuse', () => {
    expect(() => readConfig({ SEARCH_ENGINE: 'solr' })).toThrow(/SEARCH_ENGINE/);
    expect(() => readConfig({ OPENSEARCH_INDEX_PREFIX: 'Woonwijzer' })).toThrow(/OPENSEARCH_INDEX_PREFIX/);
  });

  it('needs OPENSEARCH_URL for OpenSearch, and says so', async () => {
    const config = readConfig({ SEARCH_ENGINE: 'opensearch' });
    await expect(createSearchEngine(config, untouchedStores)).rejects.toThrow(/OPENSEARCH_URL is not set/);
  });

  it('builds the OpenSearch engine without contacting it', async () => {
    const config = readConfig({ SEARCH_ENGINE: 'opensearch', OPENSEARCH_URL: 'http://127.0.0.1:9' });
    const engine = await createSearchEngine(config, untouchedStores);
    expect(engine.constructor.name).toBe('OpenSearchSearchEngine');
  });
});

describe('lazySearchEngine', () => {
  it('builds the engine once, on first use', async () => {
    const inner = new EmbeddedSearchEngine();
    inner.addRegion('zuid-limburg');
    const build = vi.fn(async () => inner);
    const engine = lazySearchEngine(build);
    expect(build).not.toHaveBeenCalled();
    await Promise.all([engine.match(matchRequest({}), AS_OF), engine.match(matchRequest({}), AS_OF)]);
    expect(build).toHaveBeenCalledTimes(1);
  });

  it('tries again after a failed build instead of failing for good', async () => {
    const inner = new EmbeddedSearchEngine();
    inner.addRegion('zuid-limburg');
    const build = vi.fn().mockRejectedValueOnce(new Error('store not reachable')).mockResolvedValue(inner);
    const engine = lazySearchEngine(build);
    await expect(engine.match(matchRequest({}), AS_OF)).rejects.toThrow('store not reachable');
    expect((await engine.match(matchRequest({}), AS_OF)).total).toBe(0);
    expect(build).toHaveBeenCalledTimes(2);
  });
});
