// One region in memory: its candidates by id, the same candidates as one array and its columns for
// the matcher's scan (rebuilt lazily after a change, so a burst of stream changes costs one
// rebuild), and the full-text index over their names and descriptions.
import { CandidateColumns, type MatchCandidate } from '../../../shared/matching/index.ts';
import { TextIndex } from './text-index.ts';

export class RegionIndex {
  private readonly byId = new Map<string, MatchCandidate>();
  private array: MatchCandidate[] | undefined;
  /** The array's columns for the matcher, kept with it (each criterion's outcomes worked out once). */
  private scanColumns: CandidateColumns | undefined;
  private readonly text = new TextIndex();

  /**
   * Adds or replaces; the candidate must already be normalised. `searchText` (its descriptions) is
   * held by the full-text index only, not by the candidates the matcher scans.
   */
  put(candidate: MatchCandidate, searchText: string): void {
    this.byId.set(candidate.id, candidate);
    this.changed();
    const { id, name, locationName, organizationName, city } = candidate;
    this.text.put({ id, name, locationName, organizationName, city, searchText });
  }

  delete(id: string): void {
    if (!this.byId.delete(id)) return;
    this.changed();
    this.text.delete(id);
  }

  get size(): number {
    return this.byId.size;
  }

  /** Its housing forms and the locations they are at. */
  counts(): { housingFormCount: number; locationCount: number } {
    return { housingFormCount: this.byId.size, locationCount: new Set(this.candidates().map((c) => c.locationId)).size };
  }

  /** Every candidate, for the matcher and for search without words. */
  candidates(): readonly MatchCandidate[] {
    return (this.array ??= [...this.byId.values()]);
  }

  /** The candidates as the matcher scans them: the same array, in columns kept until a change. */
  columns(): CandidateColumns {
    return (this.scanColumns ??= new CandidateColumns(this.candidates(), true));
  }

  private changed(): void {
    this.array = undefined;
    this.scanColumns = undefined;
  }

  /** The candidates holding every word of `q`, with their relevance. */
  findText(q: string): { candidates: MatchCandidate[]; relevance: ReadonlyMap<string, number> } {
    const relevance = this.text.find(q);
    const candidates: MatchCandidate[] = [];
    for (const id of relevance.keys()) {
      const candidate = this.byId.get(id);
      if (candidate) candidates.push(candidate);
    }
    return { candidates, relevance };
  }
}
