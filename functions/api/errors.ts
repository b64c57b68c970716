// The API's one error shape and the hook that gives every validation failure that shape.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { toFieldErrors, type ErrorResponse, type FieldError } from '../../shared/domain/index.ts';
import type { z } from 'zod';

export function errorBody(code: string, message: string, fields?: FieldError[]): ErrorResponse {
  return { error: { code, message, ...(fields ? { fields } : {}) } };
}

export function errorResponse<S extends ContentfulStatusCode>(c: Context, status: S, code: string, message: string, fields?: FieldError[]) {
  return c.json(errorBody(code, message, fields), status);
}

/** `defaultHook` of the OpenAPI app: a 400 naming each field, prefixed by where it was sent. */
export function validationHook(
  result: { success: true } | { success: false; error: z.ZodError; target: string },
  c: Context,
) {
  if (result.success) return undefined;
  const where = result.target === 'json' ? [] : [result.target];
  return errorResponse(c, 400, 'validation_error', 'The request is not valid. See fields.', toFieldErrors(result.error, where));
}

export const notFound = (c: Context, what: string) => errorResponse(c, 404 as const, 'not_found', `${what} does not exist.`);
