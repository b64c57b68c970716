import { describe, expect, it } from 'vitest';
import { BulkWriteError, bulkFailures, deleteLines, indexLines } from '../../../functions/search/opensearch/bulk.ts';
import { candidate } from '../../fixtures/candidates.ts';

describe('bulk bodies', () => {
  it('index each candidate under its id, as a document with its known fields', () => {
    const c = candidate();
    const [action, doc] = indexLines('alias', [c]);
    expect(action).toEqual({ index: { _index: 'alias', _id: 'de-linde:groep-1' } });
    expect(doc).toMatchObject({ id: 'de-linde:groep-1', knownFields: ['sectors'] });
  });

  it('delete by id', () => {
    expect(deleteLines('alias', ['x:1', 'y:2'])).toEqual([{ delete: { _index: 'alias', _id: 'x:1' } }, { delete: { _index: 'alias', _id: 'y:2' } }]);
  });
});

describe('bulk failures', () => {
  it('are none when the response says so', () => {
    expect(bulkFailures({ errors: false, items: [{ index: { _id: 'a', status: 201 } }] })).toEqual([]);
  });

  it('name each failed item', () => {
    const failures = bulkFailures({
      errors: true,
      items: [
        { index: { _id: 'a', status: 201 } },
        { index: { _id: 'b', status: 429, error: { type: 'es_rejected_execution_exception', reason: 'queue full' } } },
        { index: { _id: 'c', status: 400, error: { type: 'mapper_parsing_exception', reason: 'bad point' } } },
      ],
    });
    expect(failures.map((f) => [f.id, f.type])).toEqual([
      ['b', 'es_rejected_execution_exception'],
      ['c', 'mapper_parsing_exception'],
    ]);
    const error = new BulkWriteError(failures);
    expect(error.failedIds).toEqual(['b', 'c']);
    expect(error.message).toContain('b: es_rejected_execution_exception: queue full');
  });

  it('do not include deleting what is not there (idempotent removes)', () => {
    expect(
      bulkFailures({
        errors: true,
        items: [
          { delete: { _id: 'gone', status: 404 } },
          { delete: { _id: 'no-index', status: 404, error: { type: 'index_not_found_exception', reason: 'no such index' } } },
          { delete: { _id: 'x', status: 503, error: { type: 'unavailable_shards_exception', reason: 'primary not active' } } },
        ],
      }).map((f) => f.id),
    ).toEqual(['x']);
  });
});
