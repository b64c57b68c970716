// The API on AWS Lambda, behind API Gateway's HTTP API.
import { handle } from 'hono/aws-lambda';
import { systemClock } from '../../shared/clock.ts';
import { readConfig } from '../platform/config.ts';
import { openSearchEngineFromConfig } from '../search/opensearch/create-opensearch-engine.ts';
import { createListingStore } from '../store/create-store.ts';
import { createPublicApp } from './public/app.ts';

const config = readConfig();
const store = createListingStore(config);
// In AWS the engine is always OpenSearch; naming it here (not through create-search-engine.ts)
// keeps the embedded engine and its index library out of this bundle.
const search = openSearchEngineFromConfig(config, store);

export const handler = handle(createPublicApp({ store, clock: systemClock, search }));
