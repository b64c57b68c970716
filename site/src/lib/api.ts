// How the site reaches the Woonwijzer API at build time (page frontmatter and getStaticPaths):
// Hono's typed client over the public API's own type, so every address, parameter and answer is
// checked against the routes (`astro check`), not against a copy. Any failure throws an error naming
// the URL and the status, so a build without a working API fails loudly instead of writing empty pages.
import process from 'node:process';
import { hc, type ClientResponse, type InferRequestType } from 'hono/client';
import type { PublicApiApp } from '../../../functions/api/public/app.ts';
import type { ErrorResponse, LocationSummary } from '../../../shared/domain/index.ts';

export type { LocationSummary };

/** A search as the query string carries it: every value a string, a repeated filter a list. */
export type SearchQueryInput = InferRequestType<Client['api']['search']['$get']>['query'];
type Client = ReturnType<typeof hc<PublicApiApp>>;

/** The body of a 200 answer, as the route declares it. */
export type OkBody<R> = R extends ClientResponse<infer T, infer S, 'json'> ? (S extends 200 ? T : never) : never;

export const DEFAULT_API_URL = 'http://127.0.0.1:4321';
const TIMEOUT_MS = 30_000;

/** The API's base address for this build: `WOONWIJZER_API_URL`, without a trailing slash. */
export function apiBaseUrl(env: Record<string, string | undefined> = process.env): string {
  return (env.WOONWIJZER_API_URL?.trim() || DEFAULT_API_URL).replace(/\/+$/, '');
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly url: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ApiError';
  }
}

export interface ApiClientOptions {
  baseUrl: string;
  fetch?: typeof globalThis.fetch;
}

/**
 * A client that asks each URL once: the Dutch and English pages of a build need the same answers,
 * and a location page needs its region again.
 */
export function createApiClient({ baseUrl, fetch = globalThis.fetch }: ApiClientOptions) {
  const answers = new Map<string, Promise<unknown>>();
  const { api: routes } = hc<PublicApiApp>(baseUrl, {
    // hc asks with the URL as a string.
    fetch: (input: string | URL | Request, init?: RequestInit) => reach(fetch, input instanceof Request ? input.url : String(input), init),
    headers: { accept: 'application/json' },
  });

  /** `expectedKey`: a field every 200 answer of the route has, to tell it from a stray JSON answer. */
  function once<R>(url: URL, ask: () => Promise<R>, expectedKey: keyof OkBody<R> & string): Promise<OkBody<R>> {
    let answer = answers.get(url.href);
    if (!answer) {
      answer = ask().then((response) => readBody(response as Response, url.href, expectedKey));
      answers.set(url.href, answer);
    }
    return answer as Promise<OkBody<R>>;
  }

  const region = routes.regions[':regionId'];
  const questionnaire = routes.regions[':regionId'].questionnaire;
  const location = routes.locations[':locationId'];
  return {
    listRegions: () => once(routes.regions.$url(), () => routes.regions.$get(), 'regions'),
    getRegion: (regionId: string) => {
      const args = { param: { regionId } };
      return once(region.$url(args), () => region.$get(args), 'region');
    },
    listRegionLocations: (regionId: string) => {
      const args = { param: { regionId } };
      return once(region.locations.$url(args), () => region.locations.$get(args), 'locations');
    },
    getLocation: (locationId: string) => {
      const args = { param: { locationId } };
      return once(location.$url(args), () => location.$get(args), 'location');
    },
    getQuestionnaire: (regionId: string) => {
      const args = { param: { regionId } };
      return once(questionnaire.$url(args), () => questionnaire.$get(args), 'questionnaire');
    },
    /** The search page's filters come from a search's facets. */
    search: (query: SearchQueryInput) => {
      const args = { query };
      return once(routes.search.$url(args), () => routes.search.$get(args), 'facets');
    },
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

/**
 * A 503 is the API saying its store stalled for a moment (it answers so within seconds rather than
 * hang: issue 18); a build waits as its Retry-After asks (at most 5 s) and asks again, a few times,
 * instead of failing a build of thousands of pages on one busy second.
 */
const RETRIES_AFTER_503 = 5;
const LONGEST_WAIT_S = 5;

/** The request, with a failure to reach the API named by its URL. */
async function reach(fetch: typeof globalThis.fetch, url: string, init: RequestInit = {}): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    let response: Response;
    try {
      response = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (cause) {
      const reason = cause instanceof Error ? (cause.cause instanceof Error ? cause.cause.message : cause.message) : String(cause);
      throw new ApiError(
        `The Woonwijzer API is not reachable at ${url} (${reason}). Start the API or set WOONWIJZER_API_URL.`,
        url, undefined, { cause },
      );
    }
    if (response.status !== 503 || attempt >= RETRIES_AFTER_503) return response;
    const asked = Number(response.headers.get('retry-after'));
    await response.body?.cancel();
    const seconds = Number.isFinite(asked) && asked >= 0 ? Math.min(asked, LONGEST_WAIT_S) : 1;
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  }
}

/** The answer's body when it is a 200 with `expectedKey`; else an error naming the URL and status. */
async function readBody(response: Response, url: string, expectedKey: string): Promise<unknown> {
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = isErrorResponse(body) ? `: ${body.error.code}: ${body.error.message}` : '';
    throw new ApiError(`The Woonwijzer API answered ${response.status} for ${url}${error}`, url, response.status);
  }
  if (typeof body !== 'object' || body === null || !(expectedKey in body)) {
    throw new ApiError(`The Woonwijzer API answered ${url} without "${expectedKey}": not the expected JSON.`, url, response.status);
  }
  return body;
}

function isErrorResponse(body: unknown): body is ErrorResponse {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const { error } = body;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}

/** The client for this build. */
export const api: ApiClient = createApiClient({ baseUrl: apiBaseUrl() });

/** Every location of every region: what the location pages are built from. */
export async function listAllLocations(client: ApiClient = api): Promise<LocationSummary[]> {
  const { regions } = await client.listRegions();
  const lists = await Promise.all(regions.map((region) => client.listRegionLocations(region.id)));
  return lists.flatMap((list) => list.locations);
}
