// What every public route gets from the app: its dependencies, injected once at start. The public
// API only reads; the staff apps (staff/context.ts) get their own dependencies with write rights.
import type { Clock } from '../../shared/clock.ts';
import type { SearchEngine } from '../search/search-engine.ts';
import type { ListingReader } from '../store/listing-reader.ts';
import type { RegionReader } from '../store/region-store.ts';
import type { ApiAppEnv } from './app-factory.ts';
import type { DemandCounter } from './demand-counter.ts';

export interface ApiDeps {
  regions: RegionReader;
  listings: ListingReader;
  clock: Clock;
  /** Matching and direct search (the embedded engine locally, OpenSearch in AWS). */
  search: SearchEngine;
  /** Where each answered match adds its anonymous counts (shared/statistics/demand.ts), written in batches. */
  demandCounter: DemandCounter;
}

/** The context of the public read API: anyone may call it, so it holds no identity. */
export type PublicEnv = ApiAppEnv<ApiDeps>;
