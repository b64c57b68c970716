// A recording fake of our own port's write side (IndexWriter = SearchEngine's upsert and remove):
// it keeps documents by id, records every call, and fails the ids a test names, the way the
// OpenSearch adapter does (an error carrying `failedIds`, the other documents written).
import { type MatchCandidate } from '../../../shared/matching/index.ts';
import { type IndexWriter } from '../../../functions/indexer/indexer-core.ts';

export class RecordingIndex implements IndexWriter {
  readonly docs = new Map<string, MatchCandidate>();
  readonly calls: Array<{ op: 'upsert' | 'remove'; ids: string[] }> = [];
  /** Ids whose writes fail (as named failures). */
  failing = new Set<string>();
  /** When set, every write fails with this error and writes nothing. */
  down: Error | undefined;

  async upsert(candidates: readonly MatchCandidate[]): Promise<void> {
    this.calls.push({ op: 'upsert', ids: candidates.map((c) => c.id) });
    this.write(candidates.map((c) => c.id), (id) => this.docs.set(id, candidates.find((c) => c.id === id) as MatchCandidate));
  }

  async remove(candidateIds: readonly string[]): Promise<void> {
    this.calls.push({ op: 'remove', ids: [...candidateIds] });
    this.write([...candidateIds], (id) => this.docs.delete(id));
  }

  private write(ids: string[], apply: (id: string) => void): void {
    if (this.down) throw this.down;
    const failed = ids.filter((id) => this.failing.has(id));
    for (const id of ids) if (!this.failing.has(id)) apply(id);
    if (failed.length > 0) throw Object.assign(new Error(`${failed.length} document(s) failed`), { failedIds: failed });
  }
}
