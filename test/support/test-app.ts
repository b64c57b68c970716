// The API app for tests, built the way the real start script builds it. The one place that knows
// the shape of createApp's dependencies, so a new dependency is added here and not in every test.
import { createApp } from '../../functions/api/app.ts';
import type { Clock } from '../../shared/clock.ts';
import type { ListingStore } from '../../functions/store/listing-store.ts';

export type TestAppDeps = Parameters<typeof createApp>[0];

export function testAppDeps(store: ListingStore, clock: Clock): TestAppDeps {
  return { store, clock } as TestAppDeps;
}

export function createTestApp(store: ListingStore, clock: Clock) {
  return createApp(testAppDeps(store, clock));
}
