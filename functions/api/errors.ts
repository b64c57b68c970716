// The API's one error shape, the hook that gives every validation failure that shape, and the one
// place where errors thrown by routes, the store and the search engines become HTTP answers. Routes
// throw; they never build an error response themselves, so a status or message is decided once.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { toDutchFieldErrors, toFieldErrors, type ErrorResponse, type FieldError } from '../../shared/domain/index.ts';
import { InvitationError, PasskeyError, SignInCodeError, TooManyRequestsError } from '../accounts/account-errors.ts';
import type { ImportRefusal } from '../listings/import-listing.ts';
import { isDependencyUnavailable, RETRY_AFTER_SECONDS } from '../platform/outbound-calls.ts';
import { HandoverCodeError } from '../dossiers/handover-code.ts';
import { UnknownRegionError } from '../search/embedded/unknown-region-error.ts';
import {
  BadCursorError, ChangeTooLargeError, IdConflictError, IdTakenError, ItemNotFoundError, LastHousingFormError, ShareAccessChangedError, VersionConflictError,
} from '../store/store-errors.ts';
import type { z } from 'zod';

export function errorBody(code: string, message: string, fields?: FieldError[]): ErrorResponse {
  return { error: { code, message, ...(fields ? { fields } : {}) } };
}

export function errorResponse<S extends ContentfulStatusCode>(c: Context, status: S, code: string, message: string, fields?: FieldError[]) {
  return c.json(errorBody(code, message, fields), status);
}

const INVALID = 'The request is not valid. See fields.';

/** `defaultHook` of the OpenAPI apps: a 400 naming each field, prefixed by where it was sent. */
export function validationHook(
  result: { success: true } | { success: false; error: z.ZodError; target: string },
  c: Context,
) {
  if (result.success) return undefined;
  const where = result.target === 'json' ? [] : [result.target];
  return errorResponse(c, 400, 'validation_error', INVALID, toFieldErrors(result.error, where));
}

/** The same hook with Dutch messages, for the routes of Dutch-reading staff (the supporters'). */
export function dutchValidationHook(
  result: { success: true } | { success: false; error: z.ZodError; target: string },
  c: Context,
) {
  if (result.success) return undefined;
  const where = result.target === 'json' ? [] : [result.target];
  return errorResponse(c, 400, 'validation_error', 'De aanvraag is niet goed ingevuld. Zie de velden.', toDutchFieldErrors(result.error, where));
}

/** Something asked for by id (a location, a region's questionnaire, a postcode area) that is not there. */
export class NotFoundError extends Error {
  /** `what` names the missing thing as a person would: `Location "de-linde"`. */
  static of(what: string): NotFoundError {
    return new NotFoundError(`${what} does not exist.`);
  }

  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}

/**
 * A well-formed value that cannot be used, named by its path in the request (`postcode`), so the
 * client can show the message at the field, as it does for a validation error.
 */
export class UnusableFieldError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'UnusableFieldError';
  }
}

/** Several well-formed values that cannot be used together (cross-checks after the schema), each at its path: a 400 like a validation error. */
export class UnusableFieldsError extends Error {
  constructor(readonly fields: FieldError[]) {
    super(INVALID);
    this.name = 'UnusableFieldsError';
  }
}

/** A staff request by nobody signed in (401), or by a role the route is not for (403). */
export class AccessDeniedError extends Error {
  static notSignedIn(): AccessDeniedError {
    return new AccessDeniedError(false, 'Sign in to do this.');
  }

  static notFor(role: string): AccessDeniedError {
    return new AccessDeniedError(true, `Only a signed-in ${role} may do this.`);
  }

  private constructor(
    readonly signedIn: boolean,
    message: string,
  ) {
    super(message);
    this.name = 'AccessDeniedError';
  }
}

/** An uploaded CSV file with problems, each named by line and column: a 400 that changes nothing. */
export class CsvRejectedError extends Error {
  constructor(readonly problems: ReadonlyArray<{ line: number; column?: string; field?: string; message: string }>) {
    super(`The file has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}: nothing was changed.`);
    this.name = 'CsvRejectedError';
  }
}

/**
 * A listing document the import refused, each problem named by its path in the document: a 400
 * for a problem in it, a 409 for a location id another organisation holds, a new organisation under
 * a support organisation's id, or a write to the listing in between. Nothing was changed.
 */
export class ImportRefusedError extends Error {
  constructor(
    readonly status: 400 | 409,
    readonly code: ImportRefusal,
    readonly fields: FieldError[],
  ) {
    super(
      code === 'validation_error'
        ? INVALID
        : code === 'id_conflict'
          ? 'A location id in the document belongs to another organisation: nothing was changed. See fields.'
          : (fields[0]?.message ?? 'The listing was changed by someone else during this import. Try again.'),
    );
    this.name = 'ImportRefusedError';
  }
}

/**
 * A report share the dossier does not allow now (a provider outside the consent, a consent expired
 * or withdrawn, a closed dossier): a 409 naming each refused field in Dutch. Nothing was shared.
 */
export class ShareRefusedError extends Error {
  constructor(readonly fields: FieldError[]) {
    super(fields[0]?.message ?? 'Het verslag kan niet gedeeld worden.');
    this.name = 'ShareRefusedError';
  }
}

/** A state-changing staff request that did not come from the site's own pages (CSRF): a 403. */
export class CrossSiteRequestError extends Error {
  constructor() {
    super('This request must come from a Woonwijzer page (same origin).');
    this.name = 'CrossSiteRequestError';
  }
}

const UNAVAILABLE = 'Woonwijzer cannot reach its data right now. Please try again in a few seconds.';

/**
 * A request that could not be served in time because something it needs (the store, the search
 * engine) does not answer: a 503 with Retry-After. An HTTPException, so Hono's timeout middleware
 * can throw it when a request's deadline passes.
 */
export class DependencyUnavailableError extends HTTPException {
  constructor() {
    super(503, { message: UNAVAILABLE });
    this.name = 'DependencyUnavailableError';
  }
}

export interface HttpError {
  status: ContentfulStatusCode;
  /**
   * A version conflict also carries the item as it is now (`current`), for the editor to compare;
   * a refused CSV file its problems by line and column (`problems`).
   */
  body: ErrorResponse & { error: { current?: unknown; problems?: CsvRejectedError['problems'] } };
  headers?: Record<string, string>;
}

/** The HTTP answer for an error a request can cause; undefined for a fault on our side (a 500). */
export function httpErrorFor(error: unknown): HttpError | undefined {
  const answer = (status: ContentfulStatusCode, code: string, message: string, fields?: FieldError[]) =>
    ({ status, body: errorBody(code, message, fields) });
  if (error instanceof NotFoundError || error instanceof UnknownRegionError || error instanceof ItemNotFoundError || error instanceof ShareAccessChangedError) {
    return answer(404, 'not_found', error.message);
  }
  if (error instanceof HandoverCodeError) {
    return error.kind === 'expired'
      ? answer(410, 'handover_code_expired', error.message, [{ path: 'code', message: error.message }])
      : answer(404, 'handover_code_unknown', error.message, [{ path: 'code', message: error.message }]);
  }
  if (error instanceof AccessDeniedError) return error.signedIn ? answer(403, 'forbidden', error.message) : answer(401, 'unauthorized', error.message);
  if (error instanceof UnusableFieldError) return answer(400, 'validation_error', INVALID, [{ path: error.path, message: error.message }]);
  if (error instanceof UnusableFieldsError) return answer(400, 'validation_error', INVALID, error.fields);
  // Cursors travel only in the query string of a paged list.
  if (error instanceof BadCursorError) return answer(400, 'validation_error', INVALID, [{ path: 'query.cursor', message: error.message }]);
  if (error instanceof SignInCodeError) return answer(400, 'validation_error', INVALID, [{ path: 'code', message: error.message }]);
  if (error instanceof InvitationError) {
    if (error.kind === 'unusable') return answer(400, 'invitation_unusable', error.message, [{ path: 'token', message: error.message }]);
    if (error.kind === 'other-address') return answer(403, 'invitation_for_other_address', error.message);
    return answer(409, 'already_member', error.message);
  }
  if (error instanceof PasskeyError) {
    if (error.kind === 'already-registered') return answer(409, 'passkey_exists', error.message);
    const code = { 'challenge-unusable': 'passkey_challenge_unusable', 'unknown-credential': 'passkey_unknown', 'not-verified': 'passkey_not_verified', counter: 'passkey_counter' }[error.kind];
    return answer(400, code, error.message);
  }
  if (error instanceof TooManyRequestsError) {
    const retry = error.retryAfterSeconds;
    return { ...answer(429, 'too_many_requests', error.message), ...(retry !== undefined ? { headers: { 'Retry-After': String(retry) } } : {}) };
  }
  // hono/csrf refuses a cross-site form post with a bare 403 HTTPException.
  if (error instanceof CrossSiteRequestError || (error instanceof HTTPException && error.status === 403)) {
    return answer(403, 'cross_site_request', new CrossSiteRequestError().message);
  }
  if (error instanceof IdConflictError) return answer(409, 'id_conflict', `${error.message} Choose another id.`);
  if (error instanceof VersionConflictError) {
    const conflict = answer(409, 'version_conflict', error.message);
    return error.current === undefined ? conflict : { ...conflict, body: { error: { ...conflict.body.error, current: error.current } } };
  }
  if (error instanceof IdTakenError) return answer(409, 'id_taken', error.message, error.at ? [error.at] : undefined);
  if (error instanceof CsvRejectedError) {
    const rejected = answer(400, 'csv_problems', error.message);
    return { ...rejected, body: { error: { ...rejected.body.error, problems: error.problems } } };
  }
  if (error instanceof ImportRefusedError) return answer(error.status, error.code, error.message, error.fields);
  if (error instanceof ShareRefusedError) return answer(409, 'share_refused', error.message, error.fields);
  if (error instanceof LastHousingFormError) return answer(409, 'last_housing_form', error.message);
  if (error instanceof ChangeTooLargeError) return answer(409, 'change_too_large', error.message);
  // After the validation and refusal cases: only a dependency that did not answer gets here.
  if (error instanceof DependencyUnavailableError || isDependencyUnavailable(error)) {
    return { ...answer(503, 'service_unavailable', UNAVAILABLE), headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) } };
  }
  if (error instanceof HTTPException && error.status === 415) {
    return answer(415, 'unsupported_media_type', 'Send the body as JSON, with the header Content-Type: application/json.');
  }
  if (error instanceof HTTPException && error.status < 500) {
    return answer(error.status as ContentfulStatusCode, 'bad_request', error.message || 'The request could not be read.');
  }
  return undefined;
}
