// What a build in AWS changes in the site bucket and in CloudFront's cache, worked out from the
// built files and the bucket's listing: pure, so the rules are tested without AWS. The build
// script (scripts/build-site-aws.ts) hashes the files, lists the bucket and carries the plan out.
//
// The rules follow the local rebuild (functions/local/build-site.ts rebuildPages):
// - a partial build uploads the pages in its scope whose content changed, deletes the pages in its
//   scope the build did not produce (gone from the API), and adds the scripts, styles and images
//   the bucket lacks; it never replaces or deletes any other file;
// - a full build uploads every changed file and deletes every page the build no longer has;
// - hashed assets (_astro/) are never deleted: a page cached a moment ago may still ask for them.
// - only the pages uploaded or deleted are invalidated, each by the path CloudFront caches it
//   under (the directory-index function rewrites /a/ and /a to /a/index.html before the cache);
//   a full build, or more paths than INVALIDATION_PATH_LIMIT, invalidates everything at once.
import type { SiteChange } from './affected-pages.ts';
import { changedPages, pageFile } from './page-files.ts';

/** Astro's fingerprinted scripts and styles: names change with content, old ones are kept. */
export const ASSET_PREFIX = '_astro/';
/**
 * Above this many paths one "/*" is cheaper and as quick: CloudFront bills paths beyond the first
 * 1,000 a month and allows 3,000 paths in progress per distribution.
 */
export const INVALIDATION_PATH_LIMIT = 1000;
export const EVERYTHING = '/*';

export interface PublishPlan {
  /** Keys (site-relative file paths) to upload from the build. */
  upload: string[];
  /** Keys to delete from the bucket. */
  remove: string[];
  /** Paths to invalidate in CloudFront (empty: nothing served changed). */
  invalidate: string[];
}

export interface PublishInput {
  /** Every file of the build: key -> MD5 hex of its content. */
  built: ReadonlyMap<string, string>;
  /** Every object in the bucket: key -> its ETag (MD5 hex of a single-part upload, quoted or not). */
  bucket: ReadonlyMap<string, string>;
  /** The change built; a full build when `full` is set. */
  change: SiteChange;
}

const isPage = (key: string) => key.endsWith('.html');

/** Whether the bucket's object has other content than the built file (a multipart ETag never matches). */
function differs(md5: string, etag: string | undefined): boolean {
  return etag === undefined || etag.replace(/"/g, '').toLowerCase() !== md5.toLowerCase();
}

export function publishPlan({ built, bucket, change }: PublishInput): PublishPlan {
  const upload: string[] = [];
  const remove: string[] = [];
  const changedPaths: string[] = [];
  if (change.full) {
    for (const [key, md5] of built) if (differs(md5, bucket.get(key))) upload.push(key);
    for (const key of bucket.keys()) if (!built.has(key) && !key.startsWith(ASSET_PREFIX)) remove.push(key);
    const changed = upload.length + remove.length > 0;
    return { upload: upload.sort(), remove: remove.sort(), invalidate: changed ? [EVERYTHING] : [] };
  }
  const pages = changedPages(change);
  const removed = new Set(pages.remove);
  for (const path of [...pages.build, ...pages.remove]) {
    const key = pageFile(path);
    const md5 = built.get(key);
    if (md5 !== undefined && !removed.has(path)) {
      if (differs(md5, bucket.get(key))) upload.push(key);
      else continue;
    } else if (bucket.has(key)) {
      remove.push(key);
    } else {
      continue;
    }
    changedPaths.push(`/${key}`);
  }
  // Scripts, styles and images a changed page may use: added before the pages (see the script).
  for (const [key] of built) if (!isPage(key) && !bucket.has(key)) upload.push(key);
  return {
    upload: [...new Set(upload)].sort(),
    remove: [...new Set(remove)].sort(),
    invalidate: invalidationPaths(changedPaths),
  };
}

/** The paths as CloudFront takes them (percent-encoded, deduplicated), or "/*" beyond the limit. */
export function invalidationPaths(paths: readonly string[]): string[] {
  const unique = [...new Set(paths.map((path) => encodeURI(path)))].sort();
  return unique.length > INVALIDATION_PATH_LIMIT ? [EVERYTHING] : unique;
}

/** Upload order: assets first, then pages, so no page is served before the files it uses. */
export function uploadOrder(keys: readonly string[]): string[] {
  return [...keys].sort((a, b) => Number(isPage(a)) - Number(isPage(b)) || a.localeCompare(b));
}
