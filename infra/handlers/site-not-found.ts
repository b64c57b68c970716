// Lambda@Edge origin response of the site bucket's behaviours: S3 answers a key that does not
// exist with 403 (the distribution may not list the bucket), and this turns that answer into the
// site's own 404 page with status 404. It is attached to the S3 behaviours only, so every /api/*
// answer passes through untouched; a distribution-wide custom error response would replace the
// API's 403s (and any other status it named) with the HTML page too.
import { readFileSync } from 'node:fs';
import type { CloudFrontResponse, CloudFrontResponseEvent, CloudFrontResultResponse } from 'aws-lambda';

/** The page's file name, copied next to the bundle from the site build (constructs/site-not-found.ts). */
export const NOT_FOUND_PAGE_FILE = '404.html';

/**
 * How long an edge and a browser keep the page for a missing address: a minute, as the error
 * response it replaces did. A deploy invalidates the edge caches anyway.
 */
export const NOT_FOUND_CACHE_CONTROL = 'max-age=60';

/** S3's answers for a missing key: 403 while the distribution may not list the bucket, 404 if it may. */
const MISSING_KEY_STATUSES: ReadonlySet<string> = new Set(['403', '404']);

/**
 * Headers CloudFront lets an origin-response function read but not change (changing one fails
 * the request with a 502): kept as S3 sent them. Every other S3 header (its XML content type,
 * its request ids) belongs to the error document that is replaced.
 */
const READ_ONLY_HEADERS: ReadonlySet<string> = new Set(['transfer-encoding', 'via']);

/** Whether S3 answered that the requested key does not exist. */
export const isMissingKey = (response: CloudFrontResponse): boolean => MISSING_KEY_STATUSES.has(response.status);

/** The site's 404 page in place of S3's missing-key answer. */
export function notFoundResponse(response: CloudFrontResponse, page: string): CloudFrontResultResponse {
  const kept = Object.fromEntries(Object.entries(response.headers).filter(([name]) => READ_ONLY_HEADERS.has(name)));
  return {
    status: '404',
    statusDescription: 'Not Found',
    headers: {
      ...kept,
      'content-type': [{ key: 'Content-Type', value: 'text/html; charset=utf-8' }],
      'cache-control': [{ key: 'Cache-Control', value: NOT_FOUND_CACHE_CONTROL }],
    },
    bodyEncoding: 'text',
    body: page,
  };
}

let page: string | undefined;

export async function handler(event: CloudFrontResponseEvent): Promise<CloudFrontResponse | CloudFrontResultResponse> {
  const record = event.Records[0];
  if (!record) throw new Error('An origin-response event without a record.');
  // Read on the first missing page, not at import: most invocations pass a found page through.
  const { response } = record.cf;
  if (!isMissingKey(response)) return response;
  page ??= readFileSync(new URL(`./${NOT_FOUND_PAGE_FILE}`, import.meta.url), 'utf8');
  return notFoundResponse(response, page);
}
