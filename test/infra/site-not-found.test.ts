// The site's 404 page at the edge (infra/handlers/site-not-found.ts): what S3 says about a missing
// key becomes the site's page with status 404 and S3's XML headers gone; everything else S3
// answers passes as it came. The deployed bundle itself is tried in suites/site-stack.suite.ts.
import { describe, expect, it } from 'vitest';
import type { CloudFrontResponse, CloudFrontResponseEvent } from 'aws-lambda';
import { NOT_FOUND_CACHE_CONTROL, handler, isMissingKey, notFoundResponse } from '../../infra/handlers/site-not-found.ts';

const PAGE = '<!doctype html><html lang="nl"><title>Deze pagina bestaat niet</title><h1>Deze pagina bestaat niet</h1></html>';

/** What S3 sends CloudFront for a key the distribution may not see (it may not list the bucket). */
const s3Answer = (status: string): CloudFrontResponse => ({
  status,
  statusDescription: status === '403' ? 'Forbidden' : 'OK',
  headers: {
    'content-type': [{ key: 'Content-Type', value: 'application/xml' }],
    'x-amz-request-id': [{ key: 'x-amz-request-id', value: 'ABC123' }],
    'transfer-encoding': [{ key: 'Transfer-Encoding', value: 'chunked' }],
    server: [{ key: 'Server', value: 'AmazonS3' }],
  },
});

const originResponse = (response: CloudFrontResponse): CloudFrontResponseEvent => ({
  Records: [
    {
      cf: {
        config: { distributionDomainName: 'd111111abcdef8.cloudfront.net', distributionId: 'EDFDVBD6EXAMPLE', eventType: 'origin-response', requestId: 'r' },
        request: { clientIp: '203.0.113.1', method: 'GET', uri: '/index.html', querystring: '', headers: {} },
        response,
      },
    },
  ],
});

describe('the site 404 page at the edge', () => {
  it('treats S3\'s 403 (no list right) and 404 (with it) as a missing page, nothing else', () => {
    expect(['200', '206', '304', '403', '404', '412', '500', '503'].filter((status) => isMissingKey(s3Answer(status)))).toEqual(['403', '404']);
  });

  it('answers a missing page with the site page, status 404, HTML and a minute of caching', () => {
    const answer = notFoundResponse(s3Answer('403'), PAGE);
    expect(answer).toMatchObject({ status: '404', statusDescription: 'Not Found', body: PAGE, bodyEncoding: 'text' });
    expect(answer.headers?.['content-type']).toEqual([{ key: 'Content-Type', value: 'text/html; charset=utf-8' }]);
    expect(answer.headers?.['cache-control']).toEqual([{ key: 'Cache-Control', value: NOT_FOUND_CACHE_CONTROL }]);
  });

  it('drops S3\'s own headers but keeps the ones CloudFront forbids an origin-response function to change', () => {
    const headers = notFoundResponse(s3Answer('403'), PAGE).headers ?? {};
    expect(Object.keys(headers).sort()).toEqual(['cache-control', 'content-type', 'transfer-encoding']);
    expect(headers['transfer-encoding']).toEqual(s3Answer('403').headers['transfer-encoding']);
  });

  it('passes every other answer of the bucket through as it came, without reading the page', async () => {
    // No 404.html lies beside this module here: a read would throw.
    for (const status of ['200', '304', '500']) {
      const response = s3Answer(status);
      await expect(handler(originResponse(response))).resolves.toBe(response);
    }
  });
});
