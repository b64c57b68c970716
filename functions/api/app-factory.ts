// The frame every API app is built in, public or staff: the /api base path, its dependencies in the
// request context, the body limit, the one validation hook, the one error mapping (errors.ts), a 404
// in the error shape and the OpenAPI document served from the app. An app built here only mounts its
// resources (`.route(prefix, resourceApp)`), so the two cannot drift apart in how they answer.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, Env } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { errorSummary, log } from '../platform/log.ts';
import { recordMetric } from '../platform/metrics.ts';
import { errorResponse, httpErrorFor, validationHook } from './errors.ts';
import { MAX_BODY_BYTES } from './limits.ts';

export { MAX_BODY_BYTES };
export const API_VERSION = '0.1.0';

/** What an app built here holds in its context; a staff app adds the caller's identity. */
export interface ApiAppEnv<Deps = unknown> extends Env {
  Variables: { deps: Deps };
}

/** How an app describes itself in its OpenAPI document. */
export interface ApiDescription {
  title: string;
  description: string;
  /** Who may call every operation: `[]` for an API open to anyone; a staff app names its scheme. */
  security: Array<Record<string, string[]>>;
  /** Where under /api the document is served; apps sharing one server need paths of their own. */
  documentPath?: `/${string}`;
  /** Paths whose route sets a body limit of its own (a photo upload); every other request has MAX_BODY_BYTES. */
  ownBodyLimit?: RegExp;
}

/**
 * A resource's sub-app: mounted by an app built with createApiApp, and answering alike on its own
 * in a test. `hook` words the validation errors (dutchValidationHook for the supporters' routes).
 */
export function createResourceApp<E extends Env>(hook: typeof validationHook = validationHook) {
  return new OpenAPIHono<E>({ defaultHook: hook });
}

export function createApiApp<E extends ApiAppEnv>(deps: E['Variables']['deps'], description: ApiDescription) {
  const app = new OpenAPIHono<E>({ defaultHook: validationHook }).basePath('/api');
  app.use(async (c, next) => {
    // `E` is open, so its variable map is not known here to hold `deps`; the constraint says it does.
    (c.set as (key: 'deps', value: unknown) => void)('deps', deps);
    await next();
  });
  // The largest request the site sends (60 criteria, 200 answers) is a few KB.
  const tooLarge = (c: Context) => errorResponse(c, 413, 'payload_too_large', `The request body is larger than ${MAX_BODY_BYTES / 1024} KB.`);
  const limit = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: tooLarge });
  app.use(async (c, next) => {
    if (description.ownBodyLimit?.test(c.req.path) || c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    // Decided by the declared length when there is one (Node reads exactly that many bytes): hono's
    // bodyLimit first asks for the body stream, which makes @hono/node-server build a WHATWG
    // Request and read the body through web streams, about a seventh of a match's time.
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined && /^\d+$/.test(length)) {
      return Number(length) > MAX_BODY_BYTES ? tooLarge(c) : next();
    }
    return limit(c, next);
  });
  app.notFound((c) => errorResponse(c, 404, 'not_found', 'There is nothing at this address.'));
  app.onError((error, c) => {
    const known = httpErrorFor(error);
    if (known?.status === 503) {
      // Not our fault, but an operator wants to see it: where, and which error, never the request.
      log.warn('a dependency did not answer', { method: c.req.method, route: c.req.routePath, error: errorSummary(error) });
      recordMetric('dependencyUnavailable', 1);
    }
    if (known) return c.json(known.body, known.status, known.headers);
    // Where and what broke, never what was sent: the body, the query string and the path are user
    // input (a match is health data, /api/postcodes/{postcode} holds a postcode), and so may be the
    // properties of a client's error. The route pattern says where without the values.
    log.error('request failed', { method: c.req.method, route: c.req.routePath, error: errorSummary(error) });
    recordMetric('serverErrors', 1);
    return errorResponse(c, 500, 'internal_error', 'Something went wrong on our side. Please try again later.');
  });
  app.doc31(description.documentPath ?? '/openapi.json', {
    openapi: '3.1.0',
    info: { title: description.title, version: API_VERSION, description: description.description },
    // Relative: the API answers on the origin the document was read from (CloudFront in AWS, the local server).
    servers: [{ url: '/', description: 'The origin this document was read from.' }],
    security: description.security,
  });
  return app;
}
