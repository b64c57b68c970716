// CSRF defence of the staff apps, for every unsafe method (POST, PUT, PATCH, DELETE), in three
// layers: hono/csrf refuses a cross-site form post (its check covers form content types only); a
// body must be JSON, which a cross-site form cannot send (415 otherwise); and the request must
// name this origin in `Origin`, and not be `Sec-Fetch-Site: cross-site` or `same-site`, since a
// script on another site can send JSON too (CORS lets it send, not read). The session cookie is
// SameSite=Strict besides. A photo upload (the local server's only: in AWS photos go to S3) sends
// raw bytes as application/octet-stream instead, which no form can send either, and only to the
// upload route (`binaryPaths`); its Origin is checked like every other.
import type { Context, MiddlewareHandler } from 'hono';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { CrossSiteRequestError } from '../errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const JSON_TYPE = /^application\/json\s*(;|$)/i;
const BINARY_TYPE = /^application\/octet-stream\s*(;|$)/i;

/** The origins the staff pages are served from; by default the request's own (the local server, one origin). */
export type AllowedOrigins = (c: Context) => readonly string[];
export const sameOriginOnly: AllowedOrigins = (c) => [new URL(c.req.url).origin];

/** `binaryPaths`: the routes that take raw bytes (application/octet-stream) instead of JSON. */
export function staffRequestGuard(allowedOrigins: AllowedOrigins = sameOriginOnly, binaryPaths?: RegExp): MiddlewareHandler[] {
  const formGuard = csrf({ origin: (origin, c) => allowedOrigins(c).includes(origin), secFetchSite: 'same-origin' });
  const jsonAndOrigin: MiddlewareHandler = async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const site = c.req.header('sec-fetch-site');
    if (site !== undefined && site !== 'same-origin') throw new CrossSiteRequestError();
    const origin = c.req.header('origin');
    if (origin === undefined || !allowedOrigins(c).includes(origin)) throw new CrossSiteRequestError();
    // Every unsafe request says it sends JSON, even one without a body (sign-out): a form cannot.
    const type = c.req.header('content-type') ?? '';
    const binary = binaryPaths?.test(c.req.path) === true && BINARY_TYPE.test(type);
    if (!binary && !JSON_TYPE.test(type)) throw new HTTPException(415);
    return next();
  };
  return [formGuard, jsonAndOrigin];
}
