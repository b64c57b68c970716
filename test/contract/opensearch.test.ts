// The search-engine contract on OpenSearch, when OPENSEARCH_URL names one (none can be installed
// on the development machines); otherwise reported as skipped, with the reason. Each engine gets
// its own index prefix, and its indexes are deleted afterwards.
import { randomUUID } from 'node:crypto';
import { describe } from 'vitest';
import { LIMBURG } from '../fixtures/limburg.ts';
import { FIXTURES, describeSearchEngineContract } from './search-engine.contract.ts';

const url = process.env.OPENSEARCH_URL;
const KNOWN_REGIONS = new Set([...Object.values(FIXTURES), ...Object.values(LIMBURG)].map((c) => c.regionId));

describe.skipIf(!url)('opensearch contract (skipped: set OPENSEARCH_URL to run against a real OpenSearch)', () => {
  describeSearchEngineContract('opensearch', async () => {
    const { createOpenSearchEngine } = await import('../../functions/search/opensearch/create-opensearch-engine.ts');
    const engine = createOpenSearchEngine(
      { url: url as string, indexPrefix: `contract-${randomUUID().slice(0, 8)}` },
      // What the store would answer: the fixtures' regions exist, no other.
      { regionExists: async (regionId) => KNOWN_REGIONS.has(regionId) },
    );
    const { client, alias } = engine.index;
    return {
      engine,
      // Writes become searchable at the next refresh (about 1 s); the contract reads at once.
      settle: async () => {
        await client.indices.refresh({ index: alias }, { ignore: [404] });
      },
      close: async () => {
        await client.indices.delete({ index: `${alias}*` }, { ignore: [404] });
      },
    };
  });
});
