// Which of the site's generated pages a build renders. A full build renders all; a partial build
// (after a listing change) gets a scope through WOONWIJZER_PAGE_SCOPE, and each page route's
// getStaticPaths (site/src/lib/static-paths.ts) keeps only the ids the scope names for its kind.
// Pages without parameters (home, for providers, ...) are always rendered: they are few and cheap,
// and the caller swaps in only those it asked for. Both languages of a page always go together.
import * as z from 'zod';

/**
 * The kinds of generated page that listing data (or a coordinator's list) decides; the other region
 * pages take only the region's settings. 'support': a region's help pages, from its support list.
 */
export const SCOPED_PAGE_KINDS = ['location', 'region', 'search', 'results', 'report', 'support'] as const;
export type ScopedPageKind = (typeof SCOPED_PAGE_KINDS)[number];

/** Per kind, the ids (location ids for 'location', region ids for the rest) whose pages to render. */
export type PageScope = { readonly [K in ScopedPageKind]: readonly string[] } & {
  /** The home page (it shows each region's counts). */
  readonly home: boolean;
};

export const PAGE_SCOPE_ENV = 'WOONWIJZER_PAGE_SCOPE';

const ids = z.array(z.string().min(1)).default([]);
/** A page scope as JSON carries it (the build's environment, a queued change). */
export const PageScopeSchema = z.strictObject({
  location: ids, region: ids, search: ids, results: ids, report: ids, support: ids, home: z.boolean().default(false),
});

export const emptyScope = (): PageScope => ({ location: [], region: [], search: [], results: [], report: [], support: [], home: false });

/** The scope as the build's environment carries it. */
export function pageScopeEnv(scope: PageScope): Record<string, string> {
  return { [PAGE_SCOPE_ENV]: JSON.stringify(scope) };
}

/** The build's scope; undefined for a full build. A malformed scope fails the build rather than building the wrong pages. */
export function readPageScope(env: Record<string, string | undefined> = process.env): PageScope | undefined {
  const raw = env[PAGE_SCOPE_ENV]?.trim();
  if (!raw) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new Error(`${PAGE_SCOPE_ENV} is not JSON.`);
  }
  const parsed = PageScopeSchema.safeParse(json);
  if (!parsed.success) throw new Error(`${PAGE_SCOPE_ENV} is not a page scope: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/**
 * `paths` narrowed to the ids the scope names for `kind`; all of them in a full build. A page kind
 * no listing decides (`kind` null: a region's questions, compare pages) renders none in a
 * partial build.
 */
export function scoped<P>(paths: P[], kind: ScopedPageKind | null, idOf: (path: P) => string, scope = readPageScope()): P[] {
  if (!scope) return paths;
  if (kind === null) return [];
  const wanted = new Set(scope[kind]);
  return paths.filter((path) => wanted.has(idOf(path)));
}
