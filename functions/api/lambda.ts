// The API on AWS Lambda, behind API Gateway's HTTP API.
//
// No Powertools Tracer here: it brings aws-xray-sdk-core and its dependencies (~120 KB minified)
// and would leave this bundle at 496 of its 500 KB. X-Ray active tracing on the function still
// records every invocation; the indexer and the reindex trace their DynamoDB and OpenSearch calls.
import { handle, type LambdaEvent } from 'hono/aws-lambda';
import { systemClock } from '../../shared/clock.ts';
import { readConfig } from '../platform/config.ts';
import { httpCorrelationId, lambdaHandler } from '../platform/lambda-handler.ts';
import { openSearchEngineFromConfig } from '../search/opensearch/create-opensearch-engine.ts';
import { createPublicStores } from '../store/create-public-stores.ts';
import { DemandCounter } from './demand-counter.ts';
import { createPublicApp } from './public/app.ts';

const config = readConfig();
// The public API reads the listings only: it is handed the read ports, not the listing writer, and
// the demand counters, which it adds to (a table of its own: docs/data-model.md).
const { regions, listings, demandStatistics } = createPublicStores(config);
// In AWS the engine is always OpenSearch; naming it here (not through create-search-engine.ts)
// keeps the embedded engine and its index library out of this bundle.
const search = openSearchEngineFromConfig(config, regions);

// Each environment sums its matches' counts in memory (demand-counter.ts). Timers do not run while
// an environment waits for its next invocation, so a batch that came due meanwhile is sent as that
// invocation starts, and written while it works.
const demandCounter = new DemandCounter(demandStatistics, systemClock);

const app = handle(createPublicApp({ regions, listings, demandCounter, clock: systemClock, search }));
export const handler = lambdaHandler((event: LambdaEvent, context) => {
  demandCounter.flushIfDueInBackground();
  return app(event, context);
}, { correlationId: httpCorrelationId });
