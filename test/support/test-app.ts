// The API app for tests, built the way the real start script builds it. The one place that knows
// the shape of createPublicApp's dependencies, so a new dependency is added here and not in every test.
import { createPublicApp } from '../../functions/api/public/app.ts';
import { seedDemo } from '../../functions/listings/seed-demo.ts';
import { lazySearchEngine } from '../../functions/search/create-search-engine.ts';
import { loadEmbeddedEngine } from '../../functions/search/embedded/load-embedded-engine.ts';
import type { SearchEngine } from '../../functions/search/search-engine.ts';
import type { Clock } from '../../shared/clock.ts';
import type { ListingStore } from '../../functions/store/listing-store.ts';
import { createTestStore } from './test-store.ts';

export type TestAppDeps = Parameters<typeof createPublicApp>[0];

/**
 * Without a search engine given, the embedded one is loaded from the store on the first request
 * that needs it: seed the store before that request (nothing keeps it current afterwards).
 */
export function testAppDeps(store: ListingStore, clock: Clock, search?: SearchEngine): TestAppDeps {
  return { store, clock, search: search ?? lazySearchEngine(() => loadEmbeddedEngine(store)) };
}

export function createTestApp(store: ListingStore, clock: Clock, search?: SearchEngine) {
  return createPublicApp(testAppDeps(store, clock, search));
}

/** The API over a fresh table holding the demonstration data, with the embedded engine loaded from it. */
export async function createDemoApp(clock: Clock) {
  const { store } = await createTestStore();
  await seedDemo(store, clock);
  return { store, app: createTestApp(store, clock, await loadEmbeddedEngine(store)) };
}
