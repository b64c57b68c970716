// The API's request body limit on its own, with no imports: the site's pages read it at build time
// (the portal checks an upload's size before sending it) without loading the API's frame.
export const MAX_BODY_BYTES = 256 * 1024;

/**
 * A public request that has no answer by then is answered 503 with Retry-After: a visitor waits at
 * most 3 s, with room for the network and a busy event loop. Its calls out have shorter deadlines
 * of their own (../platform/outbound-calls.ts); this bounds a route that makes several in turn.
 */
export const REQUEST_DEADLINE_MS = 2_500;

/** Each dependency /api/health checks gets this long to answer. */
export const HEALTH_CHECK_DEADLINE_MS = 1_000;
