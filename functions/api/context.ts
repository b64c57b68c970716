// What every route gets from the app: its dependencies, injected once at start.
import type { Clock } from '../../shared/clock.ts';
import type { SearchEngine } from '../search/search-engine.ts';
import type { ListingStore } from '../store/listing-store.ts';

export interface ApiDeps {
  store: ListingStore;
  clock: Clock;
  /** Matching and direct search (the embedded engine locally, OpenSearch in AWS). */
  search: SearchEngine;
}

export interface ApiEnv {
  Variables: { deps: ApiDeps };
}
