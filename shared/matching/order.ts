// The order of results: a total, deterministic order, so the same question gives the same list on
// every engine. And a bounded selection of the first k, because a page needs only its first
// offset+limit entries, not all 50,000 sorted.
import { type MatchCandidate } from './candidate.ts';

/** A candidate as the scan left it: enough to order it and, for the returned page, to describe it. */
export interface RankedCandidate {
  candidate: MatchCandidate;
  /** Normalised and rounded (see score.ts). */
  score: number;
  /** Some must is 'unknown': ranks below every result whose musts all match. */
  unknownMust: boolean;
  /** Exact distance from the place; NaN when no place was given (sorts last). */
  distanceKm: number;
  failedMusts: number;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * All musts matching first; then score, high first; then distance, near first (unknown last);
 * then name (the fixed `sortName` key, not a locale collation, see candidate.ts); then the ids,
 * which are unique together, so no two candidates ever compare equal.
 */
export function compareRanked(a: RankedCandidate, b: RankedCandidate): number {
  if (a.unknownMust !== b.unknownMust) return a.unknownMust ? 1 : -1;
  if (a.score !== b.score) return b.score - a.score;
  const aKnown = !Number.isNaN(a.distanceKm);
  const bKnown = !Number.isNaN(b.distanceKm);
  if (aKnown !== bKnown) return aKnown ? -1 : 1;
  if (aKnown && a.distanceKm !== b.distanceKm) return a.distanceKm - b.distanceKm;
  return (
    compareText(a.candidate.sortName, b.candidate.sortName) ||
    compareText(a.candidate.locationId, b.candidate.locationId) ||
    compareText(a.candidate.housingFormId, b.candidate.housingFormId)
  );
}

/** Near misses: fewest failed musts first, then as results. */
export function compareNearMisses(a: RankedCandidate, b: RankedCandidate): number {
  return a.failedMusts - b.failedMusts || compareRanked(a, b);
}

/**
 * Keeps the k first items in order of those offered, without sorting all of them: a bounded heap
 * with the last kept item on top. An offer that does not make the cut costs one comparison and is
 * not kept, so the caller can reuse the offered object (no allocation per candidate).
 */
export class BestOf<T> {
  private readonly heap: T[] = [];

  constructor(
    private readonly k: number,
    private readonly compare: (a: T, b: T) => number,
  ) {}

  /** True when the item was kept (the caller must not reuse it then). */
  offer(item: T): boolean {
    const heap = this.heap;
    if (heap.length < this.k) {
      heap.push(item);
      this.siftUp(heap.length - 1);
      return true;
    }
    if (heap.length === 0 || this.compare(item, heap[0] as T) >= 0) return false;
    heap[0] = item;
    this.siftDown(0);
    return true;
  }

  /** The kept items, first first. */
  sorted(): T[] {
    return [...this.heap].sort(this.compare);
  }

  // "Later in order" is higher in this heap: the root is the last of the kept items.
  private siftUp(index: number): void {
    const heap = this.heap;
    const item = heap[index] as T;
    let i = index;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent] as T;
      if (this.compare(item, p) <= 0) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = item;
  }

  private siftDown(index: number): void {
    const heap = this.heap;
    const n = heap.length;
    const item = heap[index] as T;
    let i = index;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      let later = left;
      if (right < n && this.compare(heap[right] as T, heap[left] as T) > 0) later = right;
      if (this.compare(heap[later] as T, item) <= 0) break;
      heap[i] = heap[later] as T;
      i = later;
    }
    heap[i] = item;
  }
}
