// The API on AWS Lambda, behind API Gateway's HTTP API.
import { handle } from 'hono/aws-lambda';
import { systemClock } from '../../shared/clock.ts';
import { readConfig } from '../platform/config.ts';
import { createListingStore } from '../store/create-store.ts';
import { createApp } from './app.ts';

export const handler = handle(createApp({ store: createListingStore(readConfig()), clock: systemClock }));
