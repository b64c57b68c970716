// What every route gets from the app: its dependencies, injected once at start.
import type { Clock } from '../../shared/clock.ts';
import type { ListingStore } from '../store/listing-store.ts';

export interface ApiDeps {
  store: ListingStore;
  clock: Clock;
}

export interface ApiEnv {
  Variables: { deps: ApiDeps };
}
