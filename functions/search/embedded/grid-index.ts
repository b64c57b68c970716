// Every candidate of every region on a coarse grid of cells (0.1° latitude by 0.15° longitude,
// about 11 by 10 km in the Netherlands), so a search across borders reads only the cells around the
// person's place instead of every housing form in the country. Cells are kept as maps (a change is
// one delete and one set) and read as arrays, rebuilt lazily after a change like region-index.ts.
import type { MatchCandidate, ScopeBox } from '../../../shared/matching/index.ts';

const CELL_LAT = 0.1;
const CELL_LON = 0.15;

const row = (lat: number) => Math.floor(lat / CELL_LAT);
const column = (lon: number) => Math.floor(lon / CELL_LON);
const keyOf = (r: number, c: number) => `${r}:${c}`;

class Cell {
  readonly byId = new Map<string, MatchCandidate>();
  array: MatchCandidate[] | undefined;
}

export class GridIndex {
  private readonly cells = new Map<string, Cell>();
  /** The cell each candidate is in: a moved location leaves its old cell. */
  private readonly cellOf = new Map<string, string>();

  put(candidate: MatchCandidate): void {
    const key = keyOf(row(candidate.point.lat), column(candidate.point.lon));
    const previous = this.cellOf.get(candidate.id);
    if (previous !== undefined && previous !== key) this.delete(candidate.id);
    let cell = this.cells.get(key);
    if (!cell) this.cells.set(key, (cell = new Cell()));
    cell.byId.set(candidate.id, candidate);
    cell.array = undefined;
    this.cellOf.set(candidate.id, key);
  }

  delete(id: string): void {
    const key = this.cellOf.get(id);
    if (key === undefined) return;
    this.cellOf.delete(id);
    const cell = this.cells.get(key);
    if (!cell) return;
    cell.byId.delete(id);
    cell.array = undefined;
    if (cell.byId.size === 0) this.cells.delete(key);
  }

  /** Calls `visit` for every candidate in the cells the box touches (some outside the box too). */
  forEachIn(box: ScopeBox, visit: (candidate: MatchCandidate) => void): void {
    const [r0, r1, c0, c1] = [row(box.minLat), row(box.maxLat), column(box.minLon), column(box.maxLon)];
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const cell = this.cells.get(keyOf(r, c));
        if (!cell) continue;
        const array = (cell.array ??= [...cell.byId.values()]);
        for (let i = 0; i < array.length; i++) visit(array[i] as MatchCandidate);
      }
    }
  }
}
