// The API on AWS Lambda, behind API Gateway's HTTP API.
import { handle } from 'hono/aws-lambda';
import { systemClock } from '../../shared/clock.ts';
import { readConfig } from '../platform/config.ts';
import { createSearchEngine, lazySearchEngine } from '../search/create-search-engine.ts';
import { createListingStore } from '../store/create-store.ts';
import { createApp } from './app.ts';

const config = readConfig();
const store = createListingStore(config);
// Built on the first request that needs it (SEARCH_ENGINE: OpenSearch in AWS).
const search = lazySearchEngine(() => createSearchEngine(config, store));

export const handler = handle(createApp({ store, clock: systemClock, search }));
