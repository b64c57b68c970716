// How the site reaches the Woonwijzer API: a small typed client, used at build time (page
// frontmatter and getStaticPaths). Any failure throws an error naming the URL and the status, so
// a build without a working API fails loudly instead of writing empty pages.
// The response types are the API's read views from shared/domain, so site and API share one contract.
import process from 'node:process';
import type { Questionnaire } from '../../../shared/questionnaire/index.ts';
import type {
  ErrorResponse, LocationDetail, LocationSummary, RegionDetail, RegionSummary,
} from '../../../shared/domain/index.ts';

export type { LocationDetail, LocationSummary, RegionDetail, RegionSummary };

/** `GET /api/regions` */
export interface RegionListResponse {
  regions: RegionSummary[];
}
/** `GET /api/regions/{regionId}` */
export type RegionResponse = RegionDetail;
/** `GET /api/regions/{regionId}/locations` */
export interface LocationListResponse {
  locations: LocationSummary[];
}
/** `GET /api/locations/{locationId}` */
export type LocationResponse = LocationDetail;
/** `GET /api/regions/{regionId}/questionnaire` */
export interface QuestionnaireResponse {
  questionnaire: Questionnaire;
}

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

export interface ApiClient {
  listRegions(): Promise<RegionListResponse>;
  getRegion(regionId: string): Promise<RegionResponse>;
  listRegionLocations(regionId: string): Promise<LocationListResponse>;
  getLocation(locationId: string): Promise<LocationResponse>;
  getQuestionnaire(regionId: string): Promise<QuestionnaireResponse>;
}

export interface ApiClientOptions {
  baseUrl: string;
  fetch?: typeof globalThis.fetch;
}

/**
 * A client that asks each URL once: the Dutch and English pages of a build need the same answers,
 * and a location page needs its region again.
 */
export function createApiClient({ baseUrl, fetch = globalThis.fetch }: ApiClientOptions): ApiClient {
  const answers = new Map<string, Promise<unknown>>();

  function get<T>(path: string, expectedKey: string): Promise<T> {
    const url = `${baseUrl}${path}`;
    let answer = answers.get(url);
    if (!answer) {
      answer = getJson(fetch, url, expectedKey);
      answers.set(url, answer);
    }
    return answer as Promise<T>;
  }

  const id = (value: string) => encodeURIComponent(value);
  return {
    listRegions: () => get('/api/regions', 'regions'),
    getRegion: (regionId) => get(`/api/regions/${id(regionId)}`, 'region'),
    listRegionLocations: (regionId) => get(`/api/regions/${id(regionId)}/locations`, 'locations'),
    getLocation: (locationId) => get(`/api/locations/${id(locationId)}`, 'location'),
    getQuestionnaire: (regionId) => get(`/api/regions/${id(regionId)}/questionnaire`, 'questionnaire'),
  };
}

async function getJson(fetch: typeof globalThis.fetch, url: string, expectedKey: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (cause) {
    const reason = cause instanceof Error ? (cause.cause instanceof Error ? cause.cause.message : cause.message) : String(cause);
    throw new ApiError(
      `The Woonwijzer API is not reachable at ${url} (${reason}). Start the API or set WOONWIJZER_API_URL.`,
      url, undefined, { cause },
    );
  }
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
