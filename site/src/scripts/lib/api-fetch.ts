// How the pages' scripts ask the API: Hono's typed client over the public API's own type (same
// origin, /api/...), so each call's address, body and answer are checked against the routes; and
// every failure turned into one of the kinds a page can word for a person: the request was
// invalid (400, with the field errors), the thing is gone (404), the API refused it for a reason
// it named (401, 403, 409, 429: the staff pages act on the code and on when to try again), or the
// service could not be reached or broke. Only types come from the API and shared/: no zod in the
// browser (page budget).
import { hc } from 'hono/client';
import type { PublicApiApp } from '../../../../functions/api/public/app.ts';
import type { ErrorResponse, FieldError } from '../../../../shared/domain/views.ts';
import type { OkBody } from '../../lib/api.ts';

export type ApiOutcome<T> =
  | { ok: true; value: T }
  | { ok: false; kind: 'invalid'; fields: FieldError[]; message: string; code?: string; body?: ErrorResponse }
  | { ok: false; kind: 'not-found'; message: string }
  | { ok: false; kind: 'refused'; status: RefusedStatus; code: string; message: string; body: ErrorResponse; retryAfterSeconds?: number }
  | { ok: false; kind: 'unavailable'; message: string };

/** Not signed in, not allowed, changed meanwhile (or an id taken), gone for good (an expired code), too many tries. */
export type RefusedStatus = 401 | 403 | 409 | 410 | 429;
const REFUSED_STATUSES: readonly number[] = [401, 403, 409, 410, 429];

const TIMEOUT_MS = 15_000;

/** The API's routes on this page's origin: `api.match.$post({ json })`. */
export const api = hc<PublicApiApp>('/', { headers: { accept: 'application/json' } }).api;

/** What a call gets to pass on to the client: the request's time limit. */
export interface CallOptions {
  init: RequestInit;
}

/** One call, e.g. `apiFetch((options) => api.compare.$post({ json: request }, options))`. */
export async function apiFetch<R>(call: (options: CallOptions) => Promise<R>, timeoutMs = TIMEOUT_MS): Promise<ApiOutcome<OkBody<R>>> {
  let response: Response;
  try {
    // The typed client's answer is a Response with typed json(); read here as one.
    response = (await call({ init: { signal: AbortSignal.timeout(timeoutMs) } })) as Response;
  } catch (error) {
    return { ok: false, kind: 'unavailable', message: error instanceof Error ? error.message : String(error) };
  }
  const body = (await response.json().catch(() => undefined)) as unknown;
  if (response.ok && body !== undefined) return { ok: true, value: body as OkBody<R> };
  // A deletion answers 204 without a body.
  if (response.status === 204) return { ok: true, value: undefined as OkBody<R> };
  const error = (body as Partial<ErrorResponse> | undefined)?.error;
  const message = error?.message ?? `HTTP ${response.status}`;
  // The code and body too: some refusals carry more than field errors (a CSV's problems, an unusable invitation).
  if (response.status === 400) {
    return { ok: false, kind: 'invalid', fields: error?.fields ?? [], message, ...(error?.code ? { code: error.code, body: body as ErrorResponse } : {}) };
  }
  if (response.status === 404) return { ok: false, kind: 'not-found', message };
  // Only the API's own answers: a proxy's or firewall's page is no refusal the page can act on.
  if (REFUSED_STATUSES.includes(response.status) && error?.code) {
    const retryAfter = Number(response.headers.get('retry-after'));
    return {
      ok: false, kind: 'refused', status: response.status as RefusedStatus, code: error.code, message, body: body as ErrorResponse,
      ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}),
    };
  }
  return { ok: false, kind: 'unavailable', message };
}

/** Where a postcode lies: 'not-found' for an area that cannot be placed. */
export function fetchPostcode(postcode: string, timeoutMs?: number) {
  // The client puts path parameters in as they are.
  const param = { postcode: encodeURIComponent(postcode.replace(/\s+/g, '')) };
  return apiFetch((options) => api.postcodes[':postcode'].$get({ param }, options), timeoutMs);
}
