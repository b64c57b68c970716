// The session cookie: HttpOnly (no script reads it), SameSite=Strict (no other site's request
// carries it), Path=/api (only the API receives it) and Secure everywhere but plain http on this
// machine (localhost, 127.0.0.1), where a browser would drop a Secure cookie. Over https it gets
// the __Secure- prefix, which a browser accepts only with Secure set.
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

const NAME = 'woonwijzer-session';
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function secureFor(c: Context): boolean {
  const url = new URL(c.req.url);
  return !(url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname));
}

const nameFor = (c: Context) => (secureFor(c) ? `__Secure-${NAME}` : NAME);

export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, nameFor(c));
}

export function writeSessionCookie(c: Context, sessionId: string, maxAgeSeconds: number): void {
  setCookie(c, nameFor(c), sessionId, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/api',
    secure: secureFor(c),
    maxAge: maxAgeSeconds,
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, nameFor(c), { path: '/api', secure: secureFor(c), httpOnly: true, sameSite: 'Strict' });
}
