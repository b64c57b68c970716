// How a route is declared for the OpenAPI document: every operation has an id, and the answers that
// come from outside its handler are documented on every route alike, so none is forgotten: the body
// limit (413) and the JSON-only gate (415) where a body is taken, the gateway's rate limit (429), and
// a dependency that does not answer in time (503).
import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import type * as z from 'zod';
import { ErrorResponseSchema } from '../../shared/domain/index.ts';
import { MAX_BODY_BYTES } from './app-factory.ts';

export const json = <T extends z.ZodType>(schema: T, description: string) =>
  ({ description, content: { 'application/json': { schema } } });

/** A response in the API's one error shape. */
export const problem = (description: string) => json(ErrorResponseSchema, description);

const BODY_PROBLEMS = {
  413: problem(`The body is larger than ${MAX_BODY_BYTES / 1024} KB.`),
  415: problem('The body was not sent as JSON (`Content-Type: application/json`).'),
};
const RATE_LIMITED = {
  // Answered by the HTTP API in front of the function, not by this app: its body is the gateway's.
  description: 'Too many requests: the gateway in front of the API limits the rate. Wait a moment and try again.',
};

const UNAVAILABLE = {
  503: problem('Something this needs (the store, the search engine) did not answer in time. Ask again after Retry-After seconds.'),
};

/**
 * `createRoute` with the shared answers added to its document. They stay out of the route's type:
 * no handler returns them, so the handler and the typed client see only what the handler answers.
 */
export function apiRoute<const R extends RouteConfig & { operationId: string; summary: string }>(route: R) {
  const shared = { ...(route.request?.body ? BODY_PROBLEMS : {}), 429: RATE_LIMITED, ...UNAVAILABLE };
  return createRoute({ ...route, responses: { ...shared, ...route.responses } as R['responses'] });
}
