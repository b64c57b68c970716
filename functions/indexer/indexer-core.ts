// The stream indexer's work, without Lambda: one batch of DynamoDB stream records in, the search
// index updated, and the records to retry out (a partial batch response).
//
// - Each record becomes a change (functions/search/indexing/stream-changes.ts): upsert a housing
//   form's candidate, remove one, or nothing (other item types).
// - Within a batch only the last change per candidate id counts: changes to one item arrive in
//   order, so the last is the item's state. Every id then has one change, so all upserts can go in
//   one bulk request and all removes in another, without reordering anything that matters.
// - Every record is read and every change attempted: nothing returns from inside the loop (the
//   known bad pattern that silently indexes only the first record of a batch).
// - On failure the response names the earliest record whose change did not land, and every record
//   after it. Lambda retries from the lowest reported sequence number, so records after it are
//   sent again; applying them twice is harmless (upsert and remove by id are idempotent).
import { errorSummary, log } from '../platform/log.ts';
import { recordMetric } from '../platform/metrics.ts';
import { type SearchEngine } from '../search/search-engine.ts';
import { changeOf, type IndexChange, type StreamRecordLike } from '../search/indexing/stream-changes.ts';

/** What the indexer needs of a search engine: writes only. */
export type IndexWriter = Pick<SearchEngine, 'upsert' | 'remove'>;

/** A stream record as Lambda delivers it (the parts this reads). */
export interface IndexerRecord extends StreamRecordLike {
  eventID?: string;
  dynamodb?: StreamRecordLike['dynamodb'] & { SequenceNumber?: string };
}

/** Lambda's partial batch response (`reportBatchItemFailures` on the event source). */
export interface BatchResponse {
  batchItemFailures: Array<{ itemIdentifier: string }>;
}

type Applied = Exclude<IndexChange, { kind: 'none' }>;
type Problem = { where: string; error: unknown };

export async function processStreamBatch(records: readonly IndexerRecord[], engine: IndexWriter): Promise<BatchResponse> {
  let firstFailed = records.length;
  const problems: Problem[] = [];

  // The last change per candidate id, with the position of the record it came from.
  const latest = new Map<string, { position: number; change: Applied }>();
  records.forEach((record, position) => {
    let change: IndexChange;
    try {
      change = changeOf(record);
    } catch (error) {
      firstFailed = Math.min(firstFailed, position);
      problems.push({ where: `record ${position}`, error });
      return;
    }
    if (change.kind === 'none') return;
    latest.set(change.kind === 'upsert' ? change.candidate.id : change.candidateId, { position, change });
  });

  const upserts = [...latest.values()].flatMap(({ change }) => (change.kind === 'upsert' ? [change.candidate] : []));
  const removes = [...latest.values()].flatMap(({ change }) => (change.kind === 'remove' ? [change.candidateId] : []));
  const failedIds = [
    ...(await attempt('upsert', upserts.map((c) => c.id), () => engine.upsert(upserts), problems)),
    ...(await attempt('remove', removes, () => engine.remove(removes), problems)),
  ];
  for (const id of failedIds) firstFailed = Math.min(firstFailed, latest.get(id)?.position ?? firstFailed);

  recordMetric('indexerRecordsProcessed', records.length);
  const retried = records.slice(firstFailed);
  recordMetric('indexerRecordsFailed', retried.length);
  if (retried.length === 0) return { batchItemFailures: [] };
  log.error('indexer: some changes did not reach the search index; reporting them for retry', {
    records: records.length,
    retried: retried.length,
    failedIds: failedIds.slice(0, 20),
    problems: problems.map(({ where, error }) => ({ where, error: errorSummary(error) })),
  });
  return { batchItemFailures: retried.map((record) => ({ itemIdentifier: identifierOf(record) })) };
}

/** Runs one write; the ids that did not land (all of them unless the error names them). */
async function attempt(where: string, ids: readonly string[], write: () => Promise<void>, problems: Problem[]): Promise<string[]> {
  if (ids.length === 0) return [];
  try {
    await write();
    return [];
  } catch (error) {
    problems.push({ where, error });
    const named = failedIdsOf(error);
    // Trust a list of failed ids only when it names ids of this write; otherwise all failed.
    const known = new Set(ids);
    return named && named.length > 0 && named.every((id) => known.has(id)) ? named : [...ids];
  }
}

/** A write error that says which ids failed (the OpenSearch adapter's BulkWriteError does). */
function failedIdsOf(error: unknown): string[] | undefined {
  const ids = (error as { failedIds?: unknown } | null)?.failedIds;
  return Array.isArray(ids) && ids.every((id) => typeof id === 'string') ? ids : undefined;
}

/** For DynamoDB streams Lambda identifies a record by its sequence number (AWS docs). */
function identifierOf(record: IndexerRecord): string {
  return record.dynamodb?.SequenceNumber ?? record.eventID ?? '';
}
