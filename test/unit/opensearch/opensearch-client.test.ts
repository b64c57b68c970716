// The slim OpenSearch client against a real HTTP server on the loopback: what reaches the wire
// (method, path, query string, JSON and NDJSON bodies), ignored statuses, and SigV4 signing when
// credentials are given (the Amazon OpenSearch Service path), none for a plain URL.
import { createHash } from 'node:crypto';
import http from 'node:http';
import { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSearchClient } from '../../../functions/search/opensearch/opensearch-client.ts';

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

let server: http.Server;
let base = '';
const seen: Seen[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const missing = req.url?.startsWith('/missing');
      res.writeHead(missing ? 404 : 200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(missing ? { error: { type: 'index_not_found_exception' }, status: 404 } : { acknowledged: true, took: 1 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const last = () => seen.at(-1)!;

describe('the OpenSearch client on a plain URL', () => {
  it('sends each endpoint as the OpenSearch REST API names it', async () => {
    const c = openSearchClient({ node: base, maxRetries: 0 });
    await c.search({ index: 'idx', body: { query: { match_all: {} } } });
    expect(last()).toMatchObject({ method: 'POST', url: '/idx/_search' });
    expect(JSON.parse(last().body)).toEqual({ query: { match_all: {} } });

    await c.indices.create({ index: 'idx-v1', body: { settings: { number_of_shards: 1 } } });
    expect(last()).toMatchObject({ method: 'PUT', url: '/idx-v1' });

    await c.indices.putSettings({ index: 'idx-v1', body: { index: { refresh_interval: '1s' } } });
    expect(last()).toMatchObject({ method: 'PUT', url: '/idx-v1/_settings' });

    await c.indices.refresh({ index: 'idx' });
    expect(last()).toMatchObject({ method: 'GET', url: '/idx/_refresh' });

    await c.indices.get({ index: 'idx-v*' });
    expect(last()).toMatchObject({ method: 'GET', url: '/idx-v*' });

    await c.indices.updateAliases({ body: { actions: [{ add: { index: 'idx-v1', alias: 'idx' } }] } });
    expect(last()).toMatchObject({ method: 'POST', url: '/_aliases' });

    await c.indices.delete({ index: 'idx-v0' });
    expect(last()).toMatchObject({ method: 'DELETE', url: '/idx-v0' });
  });

  it('sends _bulk and _msearch as newline-delimited JSON with the query string', async () => {
    const c = openSearchClient({ node: base, maxRetries: 0 });
    await c.bulk({ body: [{ index: { _index: 'idx', _id: 'a' } }, { name: 'A' }], refresh: false, require_alias: true });
    expect(last()).toMatchObject({ method: 'POST', url: '/_bulk?refresh=false&require_alias=true' });
    expect(last().body).toBe('{"index":{"_index":"idx","_id":"a"}}\n{"name":"A"}\n');
    expect(last().headers['content-type']).toMatch(/x-ndjson/);

    await c.msearch({ index: 'idx', body: [{}, { size: 1 }] });
    expect(last()).toMatchObject({ method: 'POST', url: '/idx/_msearch' });
    expect(last().body).toBe('{}\n{"size":1}\n');
  });

  it('answers an ignored status instead of throwing, and throws the others', async () => {
    const c = openSearchClient({ node: base, maxRetries: 0 });
    const { statusCode } = await c.indices.delete({ index: 'missing' }, { ignore: [404] });
    expect(statusCode).toBe(404);
    await expect(c.indices.delete({ index: 'missing' })).rejects.toThrow(/index_not_found_exception/);
  });

  it('does not sign: no Authorization header', async () => {
    const c = openSearchClient({ node: base, maxRetries: 0 });
    await c.search({ index: 'idx', body: {} });
    expect(last().headers.authorization).toBeUndefined();
  });
});

describe('the OpenSearch client with SigV4', () => {
  it('signs every request with the credentials, region and service es, fetching credentials once while valid', async () => {
    let fetched = 0;
    const getCredentials = async () => {
      fetched += 1;
      return { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret', sessionToken: 'session-token', expiration: new Date(Date.now() + 3_600_000) };
    };
    const c = openSearchClient({ node: base, maxRetries: 0, sigv4: { region: 'eu-west-1', getCredentials } });
    await c.search({ index: 'idx', body: { size: 0 } });
    const signed = last();
    expect(signed.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/es\/aws4_request, SignedHeaders=[^,]*host[^,]*, Signature=[0-9a-f]{64}$/);
    expect(signed.headers['x-amz-security-token']).toBe('session-token');
    expect(signed.headers['x-amz-date']).toMatch(/^\d{8}T\d{6}Z$/);
    // The payload hash OpenSearch Service checks against the body it received.
    expect(signed.headers['x-amz-content-sha256']).toBe(createHash('sha256').update(signed.body).digest('hex'));

    await c.bulk({ body: [{ delete: { _index: 'idx', _id: 'a' } }] });
    expect(last().headers.authorization).toMatch(/^AWS4-HMAC-SHA256 /);
    expect(fetched).toBe(1);
  });

  it('fetches fresh credentials when the cached ones are about to expire', async () => {
    let fetched = 0;
    const getCredentials = async () => {
      fetched += 1;
      return { accessKeyId: `AKID${fetched}`, secretAccessKey: 'secret', expiration: new Date(Date.now() + 1_000) };
    };
    const c = openSearchClient({ node: base, maxRetries: 0, sigv4: { region: 'eu-west-1', getCredentials } });
    await c.search({ index: 'idx', body: {} });
    await c.search({ index: 'idx', body: {} });
    expect(fetched).toBe(2);
    expect(last().headers.authorization).toContain('Credential=AKID2/');
  });
});
