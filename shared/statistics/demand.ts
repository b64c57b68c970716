// Demand statistics, pure: what one match request adds to the counts, and how the counts are
// published. The grain is fixed here and nowhere else: (region, month, municipality of the postcode
// area, criterion, value, importance) for what people ask, and (organisation, month, criterion) for
// a result that had the criterion unknown. Nothing else of a request is kept: no postcode, no
// answers as a whole, no free text, no identifiers of a person, no time finer than the month.
//
// Publishing. A stored counter at that grain is a cell; a cell below SMALL_COUNT_THRESHOLD is never
// shown and never added into anything that is shown. Every figure shown (a month, a municipality,
// the region, a must or important column) is the sum of the published cells under it, itself shown
// as "<5" when below the threshold. So no total minus the others gives a hidden cell: each
// difference between two figures is a sum of cells that were published anyway.
import type { Criterion, CriterionName, MatchRequest, MatchResponse } from '../domain/index.ts';
import { pc4Municipality } from '../geo/pc4-municipality.ts';

/** Below this a count could single out a person (a small municipality, a rare wish). */
export const SMALL_COUNT_THRESHOLD = 5;
/** What a count below the threshold is shown as, in the API, the CSV and on the dashboard. */
export const SMALL_COUNT = '<5' as const;
export type PublishedCount = number | typeof SMALL_COUNT;

/** Months are the finest time the statistics know (UTC, YYYY-MM). */
export const MONTH_PATTERN = /^[0-9]{4}-(0[1-9]|1[0-2])$/;
/** Counters are kept this many months after their month (the table's TTL), then removed. */
export const STATISTICS_KEPT_MONTHS = 36;
/** A request without a postcode, or one in an area no municipality is known for. */
export const NO_MUNICIPALITY = 'unknown';
/** The importances the demand side counts: `nice` ranks only, and is counted like the others so the data stays whole. */
export type CountedImportance = Criterion['importance'];

export function monthOf(date: Date): string {
  return date.toISOString().slice(0, 7);
}

/** The months from..to inclusive, oldest first. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number) as [number, number];
  const [endYear, endMonth] = to.split('-').map(Number) as [number, number];
  while (year < endYear || (year === endYear && month <= endMonth)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/** The first moment after which a month's counters may be removed (TTL, seconds since the epoch). */
export function expiryOfMonth(month: string): number {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return Math.floor(Date.UTC(year, m - 1 + STATISTICS_KEPT_MONTHS + 1, 1) / 1000);
}

/** A criterion's value as the counters key it: a code, an age as digits, nothing for a yes/no criterion. */
export function valueKey(criterion: Criterion): string {
  return 'value' in criterion ? String(criterion.value) : '';
}

export interface DemandCell {
  regionId: string;
  month: string;
  /** CBS code of the municipality of the postcode area, or NO_MUNICIPALITY. */
  municipality: string;
  criterion: CriterionName;
  value: string;
  importance: CountedImportance;
}

export interface UnknownCell {
  organizationId: string;
  month: string;
  criterion: CriterionName;
  /** How many results of this answer, of this organisation, had the criterion unknown. */
  results: number;
}

/** What one answered match request adds: one count per criterion asked, and per organisation and criterion left unknown. */
export interface MatchCounts {
  demand: DemandCell[];
  unknown: UnknownCell[];
}

/** The municipality a request's postcode lies in, coarsened to its CBS code: nothing finer is kept. */
export function municipalityOfPostcode(postcode: string | undefined): string {
  if (postcode === undefined) return NO_MUNICIPALITY;
  return pc4Municipality(postcode.slice(0, 4))?.code ?? NO_MUNICIPALITY;
}

export function countsOfMatch(request: MatchRequest, answer: MatchResponse, asOf: Date): MatchCounts {
  const month = monthOf(asOf);
  const municipality = municipalityOfPostcode(request.postcode);
  const demand = request.criteria.map((c): DemandCell => ({
    regionId: request.regionId, month, municipality, criterion: c.criterion, value: valueKey(c), importance: c.importance,
  }));
  // Every housing form the person was shown, results and near misses alike.
  const perOrganization = new Map<string, UnknownCell>();
  for (const shown of [...answer.results, ...answer.nearMisses]) {
    for (let i = 0; i < shown.outcomes.length; i++) {
      const criterion = answer.criteria[i]?.criterion;
      if (shown.outcomes[i] !== 'unknown' || criterion === undefined || criterion === 'distance') continue;
      const key = `${shown.organizationId}\u0000${criterion}`;
      const cell = perOrganization.get(key) ?? { organizationId: shown.organizationId, month, criterion, results: 0 };
      cell.results += 1;
      perOrganization.set(key, cell);
    }
  }
  return { demand, unknown: [...perOrganization.values()] };
}

export interface DemandTotal extends DemandCell {
  count: number;
}

/** Counts summed per counter: what one write of the statistics adds, each counter once. */
export interface CountTotals {
  demand: DemandTotal[];
  unknown: UnknownCell[];
}

const KEY_SEPARATOR = '\u0000';

/**
 * Sums the counts of many match requests per counter, so a batch of them is written as one ADD per
 * counter rather than one per request. Holds nothing but the counters themselves (the grain above).
 */
export class CountAccumulator {
  private demand = new Map<string, DemandTotal>();
  private unknown = new Map<string, UnknownCell>();

  add(counts: MatchCounts): void {
    for (const cell of counts.demand) {
      const key = [cell.regionId, cell.month, cell.municipality, cell.criterion, cell.value, cell.importance].join(KEY_SEPARATOR);
      const total = this.demand.get(key);
      if (total) total.count += 1;
      else this.demand.set(key, { ...cell, count: 1 });
    }
    for (const cell of counts.unknown) {
      const key = [cell.organizationId, cell.month, cell.criterion].join(KEY_SEPARATOR);
      const total = this.unknown.get(key);
      if (total) total.results += cell.results;
      else this.unknown.set(key, { ...cell });
    }
  }

  /** How many distinct counters a write of the totals would touch. */
  get size(): number {
    return this.demand.size + this.unknown.size;
  }

  /** The totals so far; the accumulator starts empty again. */
  drain(): CountTotals {
    const totals = { demand: [...this.demand.values()], unknown: [...this.unknown.values()] };
    this.demand = new Map();
    this.unknown = new Map();
    return totals;
  }
}

/** A cell's count if it may be shown, else 0: what it adds to any figure built from it. */
export function publishable(count: number): number {
  return count >= SMALL_COUNT_THRESHOLD ? count : 0;
}

/** A figure as it leaves the API: the number from the threshold up, else "<5". */
export function publish(count: number): PublishedCount {
  return count >= SMALL_COUNT_THRESHOLD ? count : SMALL_COUNT;
}
