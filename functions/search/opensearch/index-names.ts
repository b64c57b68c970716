// Index names. Every region lives in one index, reached through an alias that points at one
// versioned index; a full reindex builds the next version and swaps the alias atomically.
//
// One index for all regions rather than one per region, because the port removes documents by
// candidate id alone (`remove(ids)`: a DynamoDB REMOVE says which housing form went, the indexer
// need not know its region) and a location can move to another region in place (the item keeps
// its key; only the region attribute changes). With one index both are a plain delete or
// overwrite by id, exact and real-time; with one index per region the indexer would have to find
// the region first (a search, which only sees refreshed documents) or leave a stale copy behind.
// Queries filter on `regionId` (a keyword term on one shard: cheap).
import { type Clock } from '../../../shared/clock.ts';

/** The alias every reader and the stream indexer use. */
export function aliasName(prefix: string): string {
  return `${prefix}-housing-forms`;
}

/** All versions behind the alias (for cleanup after a swap). */
export function versionPattern(prefix: string): string {
  return `${aliasName(prefix)}-v*`;
}

/** A new version, named by its creation time: readable in the console, sortable, unique enough. */
export function versionName(prefix: string, clock: Clock): string {
  return `${aliasName(prefix)}-v${clock.now().toISOString().replace(/[-:.]/g, '').toLowerCase()}`;
}

/**
 * The version the stream indexer creates when it finds no index at all (a new deployment whose
 * first listing arrives before the first reindex). A fixed name, so two indexer invocations racing
 * to create it cannot both succeed and leave the alias on two indexes.
 */
export function firstVersionName(prefix: string): string {
  return `${aliasName(prefix)}-v0`;
}
