// The storage port for the demand statistics (shared/statistics/demand.ts): counters only, added to
// atomically, at the grain the pure module fixes. The public API's demand counter
// (functions/api/demand-counter.ts) writes its batches through it; the coordinator's and the
// provider's routes read it. Nothing about DynamoDB.
import type { CountTotals, DemandCell, UnknownCell } from '../../shared/statistics/demand.ts';

export interface StoredDemandCell extends DemandCell {
  count: number;
}

export interface StoredUnknownCell extends Omit<UnknownCell, 'results'> {
  count: number;
}

export interface DemandStatisticsWriter {
  /**
   * Adds summed counts, each counter once. A failure may leave part of them unwritten (never
   * written twice): the statistics undercount, never overcount.
   */
  add(totals: CountTotals): Promise<void>;
}

export interface DemandStatisticsReader {
  /** Every demand cell of a region in the given months. */
  demandCells(regionId: string, months: readonly string[]): Promise<StoredDemandCell[]>;
  /** Every unknown-criterion cell of an organisation in a month. */
  unknownCells(organizationId: string, month: string): Promise<StoredUnknownCell[]>;
}

export interface DemandStatisticsStore extends DemandStatisticsWriter, DemandStatisticsReader {}
