// A search engine that records how its reads went as metrics (latency, results, near misses),
// wrapped around whichever engine the API was given. Counts and times only: never what was asked.
import { performance } from 'node:perf_hooks';
import { recordMetric } from '../platform/metrics.ts';
import type { SearchEngine } from './search-engine.ts';

export function measuredSearchEngine(engine: SearchEngine): SearchEngine {
  return {
    match: async (request, asOf, origin) => {
      const started = performance.now();
      const response = await engine.match(request, asOf, origin);
      recordMetric('matchLatency', performance.now() - started);
      recordMetric('matchResults', response.total);
      recordMetric('matchNearMisses', response.nearMisses.length);
      return response;
    },
    search: async (query, origin) => {
      const started = performance.now();
      const response = await engine.search(query, origin);
      recordMetric('searchLatency', performance.now() - started);
      recordMetric('searchResults', response.total);
      return response;
    },
    upsert: (candidates) => engine.upsert(candidates),
    remove: (candidateIds) => engine.remove(candidateIds),
    regionCounts: () => engine.regionCounts(),
    ping: () => engine.ping(),
  };
}
