// The storage port for the demand statistics (shared/statistics/demand.ts): counters only, added to
// atomically, at the grain the pure module fixes. The public API records through it; the
// coordinator's and the provider's routes read it. Nothing about DynamoDB.
import type { DemandCell, MatchCounts, UnknownCell } from '../../shared/statistics/demand.ts';

export interface StoredDemandCell extends DemandCell {
  count: number;
}

export interface StoredUnknownCell extends Omit<UnknownCell, 'results'> {
  count: number;
}

export interface DemandStatisticsRecorder {
  /** Adds one answered match request's counts; all of them or (on failure) none. */
  record(counts: MatchCounts): Promise<void>;
}

export interface DemandStatisticsReader {
  /** Every demand cell of a region in the given months. */
  demandCells(regionId: string, months: readonly string[]): Promise<StoredDemandCell[]>;
  /** Every unknown-criterion cell of an organisation in a month. */
  unknownCells(organizationId: string, month: string): Promise<StoredUnknownCell[]>;
}

export interface DemandStatisticsStore extends DemandStatisticsRecorder, DemandStatisticsReader {}
