// The local web server: the APIs under /api (public, and staff when given) and the built site for everything else
// (the API reference at /api/docs/ included), on one port.
// Compressed like CloudFront does in AWS, so local measurements (Lighthouse) see what people get.
// Until the first build of the site is in (build-site.ts swaps a complete build in at once), a
// page request gets a short "Woonwijzer is starting" page instead of a 404.
import { existsSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { serveStatic } from '@hono/node-server/serve-static';
import type { PublicApiApp } from '../api/public/app.ts';
import type { StaffApiApp } from '../api/staff/app.ts';
import { WEB_SIZE_CACHE_CONTROL } from '../photos/photo-storage.ts';

/** Seconds a browser waits before asking again while the site is being built. */
export const STARTING_RETRY_SECONDS = 5;

/**
 * `photosDir`: the local photo storage's folder; its `photos/` is served at /photos/..., as
 * CloudFront serves the bucket's in AWS.
 */
export function createLocalServerApp(api: PublicApiApp, siteDir: string, staffApi?: StaffApiApp, photosDir?: string) {
  // An empty folder until the first build: serveStatic warns about a missing one at start.
  mkdirSync(siteDir, { recursive: true });
  const root = relative(process.cwd(), siteDir) || '.';
  const app = new Hono();
  app.use('*', compress());
  // The API reference is a page of the site build (site/integrations/api-docs.ts) whose script
  // routes by path: every address under it without a file extension is that page, as in AWS.
  app.get('/api/docs/*', async (c, next) => {
    if (c.req.path.split('/').pop()?.includes('.')) return next();
    try {
      return c.html(await readFile(join(siteDir, 'api', 'docs', 'index.html'), 'utf8'));
    } catch {
      return next();
    }
  });
  app.get('/api/docs', (c) => c.redirect('/api/docs/', 301));
  app.route('/', api);
  if (staffApi) app.route('/', staffApi);
  if (photosDir) {
    app.use('/photos/*', async (c, next) => {
      await next();
      if (c.res.status === 200) c.header('Cache-Control', WEB_SIZE_CACHE_CONTROL);
    });
    app.use('/photos/*', serveStatic({ root: relative(process.cwd(), photosDir) || '.' }));
  }
  app.use('*', serveStatic({ root }));
  app.notFound(async (c) => {
    // An unknown API address gets the API's own JSON error, as from the Lambda function in AWS.
    if (c.req.path === '/api' || c.req.path.startsWith('/api/')) return api.fetch(c.req.raw);
    // Every build has a home page: without one no build is in yet (or a swap is under way).
    if (!existsSync(join(siteDir, 'index.html'))) {
      c.header('Retry-After', String(STARTING_RETRY_SECONDS));
      c.header('Cache-Control', 'no-store');
      return c.html(STARTING_PAGE, 503);
    }
    try {
      return c.html(await readFile(join(siteDir, '404.html'), 'utf8'), 404);
    } catch {
      return c.text('Niet gevonden', 404);
    }
  });
  return app;
}

// Dutch first, English second, like the site. It refreshes itself (the same address, so a visitor
// lands on the page they asked for) and says so, since an unannounced refresh surprises people.
const STARTING_PAGE = `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${STARTING_RETRY_SECONDS}">
<title>Woonwijzer start op | Woonwijzer is starting</title>
<style>body { font: 1.125rem/1.5 system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; color: #1a1a1a; }</style>
</head>
<body>
<main>
<h1>Woonwijzer start op</h1>
<p>De website wordt nu klaargezet. Dat duurt meestal minder dan een minuut. Deze pagina laadt over ${STARTING_RETRY_SECONDS} seconden vanzelf opnieuw.</p>
<div lang="en">
<h2>Woonwijzer is starting</h2>
<p>The website is being built. That usually takes less than a minute. This page reloads by itself in ${STARTING_RETRY_SECONDS} seconds.</p>
</div>
</main>
</body>
</html>
`;
