// CSRF defence of the staff apps, for every unsafe method (POST, PUT, PATCH, DELETE), in three
// layers: hono/csrf refuses a cross-site form post (its check covers form content types only); a
// body must be JSON, which a cross-site form cannot send (415 otherwise); and the request must
// name this origin in `Origin`, and not be `Sec-Fetch-Site: cross-site` or `same-site`, since a
// script on another site can send JSON too (CORS lets it send, not read). The session cookie is
// SameSite=Strict besides.
import type { Context, MiddlewareHandler } from 'hono';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { CrossSiteRequestError } from '../errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const JSON_TYPE = /^application\/json\s*(;|$)/i;

/** The origins the staff pages are served from; by default the request's own (the local server, one origin). */
export type AllowedOrigins = (c: Context) => readonly string[];
export const sameOriginOnly: AllowedOrigins = (c) => [new URL(c.req.url).origin];

export function staffRequestGuard(allowedOrigins: AllowedOrigins = sameOriginOnly): MiddlewareHandler[] {
  const formGuard = csrf({ origin: (origin, c) => allowedOrigins(c).includes(origin), secFetchSite: 'same-origin' });
  const jsonAndOrigin: MiddlewareHandler = async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const site = c.req.header('sec-fetch-site');
    if (site !== undefined && site !== 'same-origin') throw new CrossSiteRequestError();
    const origin = c.req.header('origin');
    if (origin === undefined || !allowedOrigins(c).includes(origin)) throw new CrossSiteRequestError();
    // Every unsafe request says it sends JSON, even one without a body (sign-out): a form cannot.
    if (!JSON_TYPE.test(c.req.header('content-type') ?? '')) throw new HTTPException(415);
    return next();
  };
  return [formGuard, jsonAndOrigin];
}
