// How the pages' scripts ask the API: same origin (/api/...), JSON in and out, and every failure
// turned into one of three kinds the page can word for a person: the request was refused (400,
// with the field errors), the thing is gone (404), or the service could not be reached or broke.
// Types only from shared/: no zod in the browser (page budget).
import type { PostcodeAnswer } from '../../../../shared/domain/compare.ts';
import type { ErrorResponse, FieldError } from '../../../../shared/domain/views.ts';

export type ApiOutcome<T> =
  | { ok: true; value: T }
  | { ok: false; kind: 'invalid'; fields: FieldError[]; message: string }
  | { ok: false; kind: 'not-found'; message: string }
  | { ok: false; kind: 'unavailable'; message: string };

const TIMEOUT_MS = 15_000;

export async function apiFetch<T>(path: string, init: { method?: 'GET' | 'POST'; body?: unknown; timeoutMs?: number } = {}): Promise<ApiOutcome<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: init.body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      signal: AbortSignal.timeout(init.timeoutMs ?? TIMEOUT_MS),
    });
  } catch (error) {
    return { ok: false, kind: 'unavailable', message: error instanceof Error ? error.message : String(error) };
  }
  const body = (await response.json().catch(() => undefined)) as unknown;
  if (response.ok && body !== undefined) return { ok: true, value: body as T };
  const error = (body as Partial<ErrorResponse> | undefined)?.error;
  const message = error?.message ?? `HTTP ${response.status}`;
  if (response.status === 400) return { ok: false, kind: 'invalid', fields: error?.fields ?? [], message };
  if (response.status === 404) return { ok: false, kind: 'not-found', message };
  return { ok: false, kind: 'unavailable', message };
}

/** Where a postcode lies (GET /api/postcodes/{postcode}): 'not-found' for an area that cannot be placed. */
export function fetchPostcode(postcode: string, timeoutMs?: number): Promise<ApiOutcome<PostcodeAnswer>> {
  return apiFetch<PostcodeAnswer>(`/api/postcodes/${encodeURIComponent(postcode.replace(/\s+/g, ''))}`, timeoutMs === undefined ? {} : { timeoutMs });
}
