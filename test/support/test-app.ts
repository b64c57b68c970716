// The API app for tests, built the way the real start script builds it. The one place that knows
// the shape of createPublicApp's dependencies, so a new dependency is added here and not in every test.
import { DemandCounter, type DemandCounterOptions } from '../../functions/api/demand-counter.ts';
import { createPublicApp } from '../../functions/api/public/app.ts';
import { seedDemo } from '../../functions/listings/seed-demo.ts';
import { lazySearchEngine } from '../../functions/search/create-search-engine.ts';
import { loadEmbeddedEngine } from '../../functions/search/embedded/load-embedded-engine.ts';
import type { SearchEngine } from '../../functions/search/search-engine.ts';
import type { Clock } from '../../shared/clock.ts';
import type { Stores } from '../../functions/store/create-store.ts';
import { createTestStore } from './test-store.ts';

export type TestAppDeps = Parameters<typeof createPublicApp>[0];

/**
 * Without a search engine given, the embedded one is loaded from the store on the first request
 * that needs it: seed the store before that request (nothing keeps it current afterwards).
 */
export function testAppDeps(stores: Stores, clock: Clock, search?: SearchEngine, counting?: DemandCounterOptions): TestAppDeps {
  const { regions, listings, demandStatistics } = stores;
  const demandCounter = new DemandCounter(demandStatistics, clock, counting);
  return { regions, listings, demandCounter, clock, search: search ?? lazySearchEngine(() => loadEmbeddedEngine(stores)) };
}

/** `counting`: when the demand counts are written (by default as in production: batched, every 5 s of the clock). */
export function createTestApp(stores: Stores, clock: Clock, search?: SearchEngine, counting?: DemandCounterOptions) {
  return createPublicApp(testAppDeps(stores, clock, search, counting));
}

/** The API over a fresh table holding the demonstration data, with the embedded engine loaded from it. */
export async function createDemoApp(clock: Clock) {
  const { stores } = await createTestStore();
  await seedDemo(stores, clock);
  return { stores, app: createTestApp(stores, clock, await loadEmbeddedEngine(stores)) };
}
