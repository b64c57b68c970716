// The API's request body limit on its own, with no imports: the site's pages read it at build time
// (the portal checks an upload's size before sending it) without loading the API's frame.
export const MAX_BODY_BYTES = 256 * 1024;
