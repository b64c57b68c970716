import { describe, expect, it } from 'vitest';
import { SearchQuerySchema } from '../../../shared/domain/index.ts';
import { fixedClock } from '../../../shared/clock.ts';
import { BulkWriteError } from '../../../functions/search/opensearch/bulk.ts';
import { toDocument } from '../../../functions/search/opensearch/index-mapping.ts';
import { OpenSearchIndex } from '../../../functions/search/opensearch/opensearch-index.ts';
import { OpenSearchSearchEngine } from '../../../functions/search/opensearch/opensearch-search-engine.ts';
import { isAwsDomain } from '../../../functions/search/opensearch/opensearch-client.ts';
import { UnknownRegionError } from '../../../functions/search/embedded/unknown-region-error.ts';
import { AS_OF, MAASTRICHT, candidate, matchRequest } from '../../fixtures/candidates.ts';
import { scriptedClient, type Call, type Responder } from './support/scripted-connection.ts';

const PREFIX = 'woonwijzer-test';
const ALIAS = 'woonwijzer-test-housing-forms';
const clock = fixedClock('2026-11-23T12:00:00.000Z');

function setup(responder: Responder) {
  const { client, calls } = scriptedClient(responder);
  const index = new OpenSearchIndex(client, PREFIX, clock);
  return { index, engine: new OpenSearchSearchEngine(index), calls };
}

const bulkOk = (call: Call) => ({
  body: { errors: false, items: (call.body as Array<Record<string, { _id: string }>>).filter((l) => 'index' in l || 'delete' in l).map((l) => ({ [Object.keys(l)[0]!]: { _id: Object.values(l)[0]!._id, status: 200 } })) },
});
const where = (call: Call) => `${call.method} ${call.path}${call.querystring ? `?${call.querystring}` : ''}`;

describe('writing through the alias', () => {
  it('upserts in one _bulk request that requires the alias, one document per candidate id', async () => {
    const { index, calls } = setup(bulkOk);
    await index.upsert([candidate({ housingFormId: 'a' }), candidate({ housingFormId: 'b' })]);
    expect(calls.map(where)).toEqual(['POST /_bulk?refresh=false&require_alias=true']);
    expect(calls[0]!.body).toEqual([
      { index: { _index: ALIAS, _id: 'de-linde:a' } },
      JSON.parse(JSON.stringify(toDocument(candidate({ housingFormId: 'a' })))),
      { index: { _index: ALIAS, _id: 'de-linde:b' } },
      JSON.parse(JSON.stringify(toDocument(candidate({ housingFormId: 'b' })))),
    ]);
  });

  it('creates the first index with its alias when there is none, then writes again', async () => {
    let bulks = 0;
    const { index, calls } = setup((call) => {
      if (call.path === '/_bulk' && bulks++ === 0) {
        return { body: { errors: true, items: [{ index: { _id: 'de-linde:groep-1', status: 404, error: { type: 'index_not_found_exception', reason: `[${ALIAS}] is not an alias` } } }] } };
      }
      if (call.method === 'PUT') return { body: { acknowledged: true, index: `${ALIAS}-v0` } };
      return bulkOk(call);
    });
    await index.upsert([candidate()]);
    expect(calls.map(where)).toEqual(['POST /_bulk?refresh=false&require_alias=true', `PUT /${ALIAS}-v0`, 'POST /_bulk?refresh=false&require_alias=true']);
    expect(calls[1]!.body).toMatchObject({ aliases: { [ALIAS]: {} }, mappings: { dynamic: false }, settings: { number_of_shards: 1 } });
  });

  it('is fine when another writer created that first index a moment earlier', async () => {
    let bulks = 0;
    const { index } = setup((call) => {
      if (call.path === '/_bulk' && bulks++ === 0) {
        return { body: { errors: true, items: [{ index: { _id: 'de-linde:groep-1', status: 404, error: { type: 'index_not_found_exception' } } }] } };
      }
      if (call.method === 'PUT') return { status: 400, body: { error: { type: 'resource_already_exists_exception' }, status: 400 } };
      return bulkOk(call);
    });
    await expect(index.upsert([candidate()])).resolves.toBeUndefined();
  });

  it('throws the ids of the documents that failed', async () => {
    const { index } = setup(() => ({
      body: {
        errors: true,
        items: [
          { index: { _id: 'de-linde:a', status: 201 } },
          { index: { _id: 'de-linde:b', status: 429, error: { type: 'es_rejected_execution_exception', reason: 'queue full' } } },
        ],
      },
    }));
    const error = await index.upsert([candidate({ housingFormId: 'a' }), candidate({ housingFormId: 'b' })]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BulkWriteError);
    expect((error as BulkWriteError).failedIds).toEqual(['de-linde:b']);
  });

  it('removes by id, and a document that is not there is no failure', async () => {
    const { index, calls } = setup(() => ({ body: { errors: false, items: [{ delete: { _id: 'x:1', status: 404, result: 'not_found' } }] } }));
    await index.remove(['x:1']);
    expect(calls.map(where)).toEqual(['POST /_bulk?refresh=false']);
    expect(calls[0]!.body).toEqual([{ delete: { _index: ALIAS, _id: 'x:1' } }]);
  });

  it('sends nothing for nothing', async () => {
    const { index, calls } = setup(bulkOk);
    await index.upsert([]);
    await index.remove([]);
    expect(calls).toEqual([]);
  });
});

describe('a blue/green rebuild', () => {
  it('loads a new version without refresh, then swaps the alias in one request and drops the old versions', async () => {
    const next = `${ALIAS}-v20261123t120000000z`;
    const { index, calls } = setup((call) => {
      if (call.path === '/_bulk') return bulkOk(call);
      if (call.method === 'GET') {
        return { body: { [`${ALIAS}-v0`]: { aliases: { [ALIAS]: {} } }, [`${ALIAS}-v20261101t000000000z`]: { aliases: {} }, [next]: { aliases: {} } } };
      }
      return { body: { acknowledged: true } };
    });
    const build = await index.startRebuild();
    await build.write([candidate()]);
    const published = await build.publish();
    expect(published).toEqual({ index: next, retired: [`${ALIAS}-v0`, `${ALIAS}-v20261101t000000000z`] });
    expect(calls.map(where)).toEqual([
      `PUT /${next}`,
      'POST /_bulk?refresh=false',
      `PUT /${next}/_settings`,
      `GET /${next}/_refresh`,
      `GET /${ALIAS}-v*`,
      'POST /_aliases',
      `DELETE /${ALIAS}-v0`,
      `DELETE /${ALIAS}-v20261101t000000000z`,
    ]);
    expect(calls[0]!.body).toMatchObject({ settings: { refresh_interval: '-1' } });
    expect((calls[1]!.body as unknown[])[0]).toEqual({ index: { _index: next, _id: 'de-linde:groep-1' } });
    expect(calls[2]!.body).toEqual({ index: { refresh_interval: '1s' } });
    expect(calls[5]!.body).toEqual({ actions: [{ remove: { index: `${ALIAS}-v0`, alias: ALIAS } }, { add: { index: next, alias: ALIAS } }] });
  });

  it('drops the new version when abandoned', async () => {
    const { index, calls } = setup(() => ({ body: { acknowledged: true } }));
    const build = await index.startRebuild();
    await build.abandon();
    expect(calls.map(where)).toEqual([`PUT /${build.index}`, `DELETE /${build.index}`]);
  });

  it('lists a region’s indexed ids page by page, after a refresh', async () => {
    const page = (ids: string[]) => ({ body: { hits: { hits: ids.map((id) => ({ _id: id, sort: [id] })) } } });
    let searches = 0;
    const { index, calls } = setup((call) => {
      if (call.path.endsWith('_refresh')) return { body: {} };
      searches++;
      return searches === 1 ? page(Array.from({ length: 1000 }, (_, i) => `l:${String(i).padStart(4, '0')}`)) : page(['z:1']);
    });
    const ids = await index.indexedIds('zuid-limburg');
    expect(ids).toHaveLength(1001);
    expect(calls[0]!.path).toBe(`/${ALIAS}/_refresh`);
    expect(calls[2]!.body).toMatchObject({ query: { bool: { filter: [{ term: { regionId: 'zuid-limburg' } }] } }, search_after: ['l:0999'], _source: false });
  });
});

describe('the engine’s reads', () => {
  it('matches in one _msearch: the results page and the near misses, described by the shared matcher', async () => {
    const fits = candidate({ housingFormId: 'fits', pets: true });
    const near = candidate({ housingFormId: 'near', pets: false });
    const { engine, calls } = setup(() => ({
      body: {
        responses: [
          { hits: { total: { value: 1, relation: 'eq' }, hits: [{ _source: toDocument(fits) }] }, status: 200 },
          { hits: { hits: [{ _source: toDocument(near) }] }, status: 200 },
        ],
      },
    }));
    const request = matchRequest({ postcode: '6211', criteria: [{ criterion: 'pets', importance: 'must' }] });
    const response = await engine.match(request, AS_OF, MAASTRICHT);
    expect(calls.map(where)).toEqual([`POST /${ALIAS}/_msearch`]);
    const lines = calls[0]!.body as unknown[];
    expect(lines).toHaveLength(4);
    expect(lines[0]).toEqual({});
    expect(lines[1]).toMatchObject({ track_total_hits: true, query: { bool: { filter: [{ term: { regionId: 'zuid-limburg' } }, {}] } } });
    expect(response.total).toBe(1);
    expect(response.criteria).toEqual([{ criterion: 'pets', importance: 'must' }]);
    expect(response.results.map((r) => [r.housingFormId, r.outcomes])).toEqual([['fits', ['match']]]);
    expect(response.nearMisses.map((r) => [r.housingFormId, r.failedMusts])).toEqual([['near', [0]]]);
  });

  it('answers nothing found when the index does not exist yet, and throws other search errors', async () => {
    const missing = setup(() => ({ body: { responses: [{ error: { type: 'index_not_found_exception', reason: 'no such index' }, status: 404 }] } }));
    await expect(missing.engine.match(matchRequest(), AS_OF, undefined)).resolves.toEqual({ criteria: [], results: [], nearMisses: [], total: 0 });
    // The reason can quote a criterion's value, and this error's message is logged: the type only.
    const reason = 'failed to create query: For input string: "9bVV"';
    const broken = setup(() => ({ body: { responses: [{ error: { type: 'search_phase_execution_exception', reason }, status: 400 }] } }));
    const error = await broken.engine.match(matchRequest(), AS_OF, undefined).then(() => undefined, (e: unknown) => e as Error);
    expect(error?.message).toBe('OpenSearch search failed (400): search_phase_execution_exception.');
  });

  it('searches with one _search on the alias and reads hits, total and facets', async () => {
    const { engine, calls } = setup(() => ({
      body: {
        hits: { total: { value: 1, relation: 'eq' }, hits: [{ _source: candidate({ housingFormId: 'a' }) }] },
        aggregations: { facet_sector: { doc_count: 1, codes: { buckets: [{ key: 'VV', doc_count: 1 }] } } },
      },
    }));
    const response = await engine.search(SearchQuerySchema.parse({ regionId: 'zuid-limburg', q: 'linde' }));
    expect(calls.map(where)).toEqual([`POST /${ALIAS}/_search`]);
    expect(response.total).toBe(1);
    expect(response.items[0]).toMatchObject({ housingFormId: 'a', locationId: 'de-linde', name: 'Kleinschalig wonen De Linde' });
    expect(response.facets.sector).toEqual({ VV: 1 });
  });

  it('answers an empty search when there is no index yet', async () => {
    const { engine } = setup(() => ({ status: 404, body: { error: { type: 'index_not_found_exception' }, status: 404 } }));
    const response = await engine.search(SearchQuerySchema.parse({ regionId: 'zuid-limburg' }));
    expect(response).toMatchObject({ items: [], total: 0 });
  });
});

describe('an empty answer', () => {
  const empty = () => ({ body: { responses: [{ hits: { total: { value: 0 }, hits: [] } }, { hits: { hits: [] } }] } });

  it('is a 404 (UnknownRegionError) for a region that does not exist, as on the embedded engine', async () => {
    const asked: string[] = [];
    const regionExists = async (id: string) => (asked.push(id), id === 'zuid-limburg');
    const { client } = scriptedClient((call) => (call.path.endsWith('_msearch') ? empty() : { body: { hits: { total: { value: 0 }, hits: [] } } }));
    const engine = new OpenSearchSearchEngine(new OpenSearchIndex(client, PREFIX, clock), { regionExists });
    await expect(engine.match(matchRequest({ regionId: 'utrecht', criteria: [{ criterion: 'pets', importance: 'must' }] }), AS_OF)).rejects.toBeInstanceOf(UnknownRegionError);
    await expect(engine.search(SearchQuerySchema.parse({ regionId: 'utrecht' }))).rejects.toBeInstanceOf(UnknownRegionError);
    await expect(engine.match(matchRequest({ criteria: [{ criterion: 'pets', importance: 'must' }] }), AS_OF)).resolves.toMatchObject({ total: 0 });
    expect(asked).toEqual(['utrecht', 'utrecht', 'zuid-limburg']);
  });

  it('does not ask about the region when there are hits', async () => {
    const regionExists = async () => {
      throw new Error('not asked');
    };
    const { client } = scriptedClient(() => ({ body: { responses: [{ hits: { total: { value: 1 }, hits: [{ _source: toDocument(candidate()) }] } }] } }));
    const engine = new OpenSearchSearchEngine(new OpenSearchIndex(client, PREFIX, clock), { regionExists });
    await expect(engine.match(matchRequest(), AS_OF)).resolves.toMatchObject({ total: 1 });
  });
});

describe('the client', () => {
  it('signs requests for Amazon OpenSearch Service domains only', () => {
    expect(isAwsDomain('https://search-woonwijzer-prod-search-abc123.eu-west-1.es.amazonaws.com')).toBe(true);
    expect(isAwsDomain('https://vpc-woonwijzer-abc.eu-west-1.es.amazonaws.com')).toBe(true);
    expect(isAwsDomain('http://localhost:9200')).toBe(false);
    expect(isAwsDomain('https://search.example.org')).toBe(false);
  });
});
