// _bulk request bodies and their outcome. A bulk request answers 200 even when items fail; each
// failed item carries its own error. Those must surface, by id, so the stream indexer can report
// exactly the records to retry instead of losing them silently.
import { type MatchCandidate } from '../../../shared/matching/index.ts';
import { toDocument } from './index-mapping.ts';

/** An action line or a document line. */
export type BulkLine = object;

/** Index (create or replace) each candidate under its id: idempotent under redelivery. */
export function indexLines(target: string, candidates: readonly MatchCandidate[]): BulkLine[] {
  return candidates.flatMap((c) => [{ index: { _index: target, _id: c.id } }, toDocument(c)]);
}

export function deleteLines(target: string, ids: readonly string[]): BulkLine[] {
  return ids.map((id) => ({ delete: { _index: target, _id: id } }));
}

export interface BulkItemFailure {
  id: string;
  status: number;
  type: string;
  reason: string;
}

interface BulkItemResult {
  _id?: string | null;
  status?: number;
  error?: { type?: string; reason?: string | null } | null;
}

/** The part of a bulk response this code reads. */
export interface BulkResponseBody {
  errors?: boolean;
  items?: Array<Record<string, BulkItemResult | undefined>>;
}

/**
 * The failed items. A delete of a document (or an index) that is not there is no failure: the
 * document is gone either way, and redelivered REMOVE records must not fail.
 */
export function bulkFailures(body: BulkResponseBody): BulkItemFailure[] {
  if (!body.errors) return [];
  const failures: BulkItemFailure[] = [];
  for (const item of body.items ?? []) {
    for (const [action, result] of Object.entries(item)) {
      if (!result?.error) continue;
      const type = result.error.type ?? 'unknown_error';
      if (action === 'delete' && type === 'index_not_found_exception') continue;
      failures.push({ id: result._id ?? '', status: result.status ?? 0, type, reason: result.error.reason ?? '' });
    }
  }
  return failures;
}

/** Some items of a bulk write failed; `failedIds` says which, the others were written. */
export class BulkWriteError extends Error {
  readonly failedIds: string[];

  constructor(readonly failures: readonly BulkItemFailure[]) {
    const first = failures[0];
    super(
      `${failures.length} document(s) could not be written to OpenSearch` +
        (first ? `; the first, ${first.id}: ${first.type}: ${first.reason}` : ''),
    );
    this.name = 'BulkWriteError';
    this.failedIds = failures.map((f) => f.id);
  }
}
