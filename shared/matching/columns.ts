// The facts the matcher's scan reads, as columns over one array of candidates: each criterion's
// outcome as one byte per candidate, and the point and waiting list as numbers. Reading a
// candidate object per criterion made the scan a chain of megamorphic property reads (one
// predicate's code reads a different field for each criterion) over objects scattered in memory;
// a column is one sequential read. A criterion's outcome does not depend on the moment of the
// request unless it reads the waiting list, so for an array that stays the same between requests
// (the embedded engine's region and country arrays, replaced on any change) those columns are
// worked out once and kept (`keep`); a pool gathered for one request computes them once for
// that request.
import type { WaitingListStatus } from '../domain/index.ts';
import type { MatchCandidate } from './candidate.ts';
import type { CandidatePredicate } from './evaluate.ts';

/** A criterion's outcome in a column. */
export const MATCH = 0;
export const MISMATCH = 1;
export const UNKNOWN = 2;
const CODE = { match: MATCH, mismatch: MISMATCH, unknown: UNKNOWN } as const;

/** Kept columns per array at most: every criterion and value a questionnaire can ask, with room. */
const MAX_KEPT = 512;

export class CandidateColumns {
  /** The point and the waiting list, filled in the first pass of `outcomes`. */
  readonly lat: Float64Array;
  readonly lon: Float64Array;
  readonly confirmedMs: Float64Array;
  readonly status: WaitingListStatus[];
  private factsRead = false;
  private readonly kept = new Map<string, Uint8Array>();

  /** `keep`: the array stays the same between requests, so outcomes worth keeping are kept. */
  constructor(readonly candidates: readonly MatchCandidate[], private readonly keep = false) {
    const n = candidates.length;
    this.lat = new Float64Array(n);
    this.lon = new Float64Array(n);
    this.confirmedMs = new Float64Array(n);
    this.status = new Array<WaitingListStatus>(n);
  }

  get length(): number {
    return this.candidates.length;
  }

  /**
   * Each criterion's outcome for every candidate (MATCH, MISMATCH or UNKNOWN), in the order asked.
   * A criterion's `key` names it and its value when its outcome never changes for a candidate
   * (undefined: one that reads the moment of the request); those are kept for the next request
   * when this array is kept. What is missing is worked out in one pass over the candidates (the
   * first also reads the point and the waiting list): a pass per criterion would read every
   * candidate object once per criterion, and at national size those reads are the cost. Call it
   * before reading the point and waiting-list columns.
   */
  outcomes(criteria: ReadonlyArray<{ key: string | undefined; predicate: CandidatePredicate }>): Uint8Array[] {
    const n = this.candidates.length;
    const columns: Uint8Array[] = [];
    const missing: Array<{ column: Uint8Array; predicate: CandidatePredicate }> = [];
    for (const { key, predicate } of criteria) {
      const known = key === undefined ? undefined : this.kept.get(key);
      if (known) {
        columns.push(known);
        continue;
      }
      const column = new Uint8Array(n);
      columns.push(column);
      missing.push({ column, predicate });
      if (this.keep && key !== undefined) {
        if (this.kept.size >= MAX_KEPT) this.kept.clear();
        this.kept.set(key, column);
      }
    }
    if (missing.length === 0 && this.factsRead) return columns;
    const readFacts = !this.factsRead;
    this.factsRead = true;
    for (let i = 0; i < n; i++) {
      const candidate = this.candidates[i] as MatchCandidate;
      if (readFacts) {
        this.lat[i] = candidate.point.lat;
        this.lon[i] = candidate.point.lon;
        this.confirmedMs[i] = candidate.waitingListConfirmedMs;
        this.status[i] = candidate.waitingList.status;
      }
      for (let k = 0; k < missing.length; k++) {
        const { column, predicate } = missing[k] as { column: Uint8Array; predicate: CandidatePredicate };
        column[i] = CODE[predicate(candidate)];
      }
    }
    return columns;
  }
}
