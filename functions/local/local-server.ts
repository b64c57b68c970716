// The local web server: the API under /api and the built site for everything else, on one port.
// Compressed like CloudFront does in AWS, so local measurements (Lighthouse) see what people get.
import { relative } from 'node:path';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { serveStatic } from '@hono/node-server/serve-static';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ApiApp } from '../api/app.ts';

export function createLocalServerApp(api: ApiApp, siteDir: string) {
  const root = relative(process.cwd(), siteDir) || '.';
  const app = new Hono();
  app.use('*', compress());
  app.route('/', api);
  app.use('*', serveStatic({ root }));
  app.notFound(async (c) => {
    try {
      return c.html(await readFile(join(siteDir, '404.html'), 'utf8'), 404);
    } catch {
      return c.text('Niet gevonden', 404);
    }
  });
  return app;
}
