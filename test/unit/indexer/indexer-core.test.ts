import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { processStreamBatch } from '../../../functions/indexer/indexer-core.ts';
import { log } from '../../../functions/platform/log.ts';
import { candidate } from '../../fixtures/candidates.ts';
import { takeMetrics } from '../../support/output-capture.ts';
import { RecordingIndex } from './recording-index.ts';
import { housingFormChangeItem, housingFormItem, locationItem, organizationItem, sequenceOf, streamRecord } from './stream-records.ts';

// Silent here and back afterwards: the unit project shares a worker (and this logger) between files.
let level: ReturnType<typeof log.getLevelName>;
beforeAll(() => {
  level = log.getLevelName();
  log.setLogLevel('SILENT');
});
afterAll(() => log.setLogLevel(level));
beforeEach(() => void takeMetrics());

const form = (housingFormId: string, overrides = {}) => candidate({ housingFormId, ...overrides });
const insert = (c = form('vorm-a')) => streamRecord('INSERT', { newItem: housingFormItem(c) });
const modify = (before = form('vorm-a'), after = form('vorm-a')) => streamRecord('MODIFY', { oldItem: housingFormItem(before), newItem: housingFormItem(after) });
const removal = (c = form('vorm-a')) => streamRecord('REMOVE', { oldItem: housingFormItem(c) });

describe('the stream indexer', () => {
  it('upserts on INSERT and MODIFY and removes on REMOVE, for every record of the batch', async () => {
    const index = new RecordingIndex();
    index.docs.set('de-linde:vorm-c', form('vorm-c'));
    const response = await processStreamBatch(
      [insert(form('vorm-a')), modify(form('vorm-b', { pets: false }), form('vorm-b', { pets: true })), removal(form('vorm-c'))],
      index,
    );
    expect(response).toEqual({ batchItemFailures: [] });
    expect([...index.docs.keys()].sort()).toEqual(['de-linde:vorm-a', 'de-linde:vorm-b']);
    expect(index.docs.get('de-linde:vorm-b')?.pets).toBe(true);
    expect(index.calls).toEqual([
      { op: 'upsert', ids: ['de-linde:vorm-a', 'de-linde:vorm-b'] },
      { op: 'remove', ids: ['de-linde:vorm-c'] },
    ]);
  });

  it('ignores records of other items (organisations, locations, audit records)', async () => {
    const index = new RecordingIndex();
    const response = await processStreamBatch(
      [
        streamRecord('INSERT', { newItem: organizationItem('zorggroep-test') }),
        streamRecord('MODIFY', { oldItem: locationItem('de-linde'), newItem: locationItem('de-linde') }),
        streamRecord('REMOVE', { oldItem: locationItem('het-anker') }),
        streamRecord('INSERT', { newItem: housingFormChangeItem(candidate()) }),
      ],
      index,
    );
    expect(response).toEqual({ batchItemFailures: [] });
    expect(index.calls).toEqual([]);
  });

  it('applies only the last change per housing form within a batch', async () => {
    const index = new RecordingIndex();
    await processStreamBatch(
      [insert(form('vorm-a', { pets: false })), modify(form('vorm-a', { pets: false }), form('vorm-a', { pets: true })), insert(form('vorm-b')), removal(form('vorm-b'))],
      index,
    );
    expect(index.calls).toEqual([
      { op: 'upsert', ids: ['de-linde:vorm-a'] },
      { op: 'remove', ids: ['de-linde:vorm-b'] },
    ]);
    expect(index.docs.get('de-linde:vorm-a')?.pets).toBe(true);
    expect(index.docs.has('de-linde:vorm-b')).toBe(false);
  });

  it('gives the same index when a batch is delivered again', async () => {
    const index = new RecordingIndex();
    const batch = [insert(form('vorm-a')), insert(form('vorm-b')), modify(form('vorm-a'), form('vorm-a', { wheelchair: true })), removal(form('vorm-b'))];
    await processStreamBatch(batch, index);
    const once = new Map(index.docs);
    const again = await processStreamBatch(batch, index);
    expect(again).toEqual({ batchItemFailures: [] });
    expect(index.docs).toEqual(once);
  });

  it('reports a record whose change failed and every record after it, and nothing before', async () => {
    const index = new RecordingIndex();
    index.failing.add('de-linde:vorm-c');
    const batch = [insert(form('vorm-a')), insert(form('vorm-b')), insert(form('vorm-c')), insert(form('vorm-d')), removal(form('vorm-e'))];
    const response = await processStreamBatch(batch, index);
    expect(response.batchItemFailures).toEqual(batch.slice(2).map((r) => ({ itemIdentifier: sequenceOf(r) })));
    // The rest was still written: nothing stopped at the failure.
    expect([...index.docs.keys()].sort()).toEqual(['de-linde:vorm-a', 'de-linde:vorm-b', 'de-linde:vorm-d']);
    expect(index.calls.map((c) => c.op)).toEqual(['upsert', 'remove']);
    // What an operator's dashboard shows of this batch.
    expect(takeMetrics()).toMatchObject({ IndexerRecordsProcessed: [5], IndexerRecordsFailed: [3] });
  });

  it('reports from the earliest record of a write that failed as a whole', async () => {
    const index = new RecordingIndex();
    index.down = new Error('connect ECONNREFUSED');
    const batch = [streamRecord('INSERT', { newItem: organizationItem('org') }), insert(form('vorm-a')), removal(form('vorm-b'))];
    const response = await processStreamBatch(batch, index);
    expect(response.batchItemFailures.map((f) => f.itemIdentifier)).toEqual(batch.slice(1).map(sequenceOf));
  });

  it('reports from the record that names a later change of a failed id', async () => {
    const index = new RecordingIndex();
    index.failing.add('de-linde:vorm-a');
    // a's last change is record 2; retrying from there re-applies it (records 0 and 1 are superseded).
    const batch = [insert(form('vorm-a')), insert(form('vorm-b')), modify(form('vorm-a'), form('vorm-a', { pets: true })), insert(form('vorm-c'))];
    const response = await processStreamBatch(batch, index);
    expect(response.batchItemFailures.map((f) => f.itemIdentifier)).toEqual(batch.slice(2).map(sequenceOf));
  });

  it('reports an unreadable record (a housing form without its candidate) and the ones after it', async () => {
    const index = new RecordingIndex();
    const broken = housingFormItem(form('vorm-x'));
    delete broken.candidate;
    const batch = [insert(form('vorm-a')), streamRecord('INSERT', { newItem: broken }), insert(form('vorm-b'))];
    const response = await processStreamBatch(batch, index);
    expect(response.batchItemFailures.map((f) => f.itemIdentifier)).toEqual(batch.slice(1).map(sequenceOf));
    expect([...index.docs.keys()].sort()).toEqual(['de-linde:vorm-a', 'de-linde:vorm-b']);
  });

  it('answers an empty batch with no failures', async () => {
    expect(await processStreamBatch([], new RecordingIndex())).toEqual({ batchItemFailures: [] });
    expect(takeMetrics()).toMatchObject({ IndexerRecordsProcessed: [0], IndexerRecordsFailed: [0] });
  });
});
