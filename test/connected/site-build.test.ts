// The site is built from the API: this builds it from the demonstration data over DynamoDB Local
// and checks what a visitor would find, so the site and the API cannot drift apart unnoticed, and
// that every built page is valid HTML by the W3C Nu HTML Checker (on this one build).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../shared/clock.ts';
import { seedDemo } from '../../functions/listings/seed-demo.ts';
import { REPO_ROOT } from '../../functions/platform/paths.ts';
import type { LocationSummary } from '../../shared/domain/index.ts';
import { createTestApp } from '../support/test-app.ts';
import { checkHtml, formatHtmlErrors } from '../support/nu-html-checker.ts';
import { createTestStore } from '../support/test-store.ts';

const outDir = join(REPO_ROOT, 'test-results', 'site-build');
const clock = fixedClock('2026-11-23T09:00:00Z');
let server: ReturnType<typeof serve>;
let apiUrl: string;

beforeAll(async () => {
  const { store } = await createTestStore();
  await seedDemo(store, clock);
  const app = createTestApp(store, clock);
  server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await rm(outDir, { recursive: true, force: true });
  await promisify(execFile)(process.execPath, [join(REPO_ROOT, 'node_modules/astro/astro.js'), 'build', '--root', 'site', '--outDir', outDir, '--silent'], {
    cwd: REPO_ROOT,
    env: { ...process.env, WOONWIJZER_API_URL: apiUrl, WOONWIJZER_BUILD_DATE: '2026-11-23', ASTRO_TELEMETRY_DISABLED: '1' },
  });
}, 180_000);

afterAll(() => {
  server?.close();
});

const page = (path: string) => readFile(join(outDir, path, 'index.html'), 'utf8');

describe('the site built from the API', () => {
  it('lets a visitor choose either region on the home page, in Dutch and English, marked as demonstration data', async () => {
    for (const path of ['.', 'en']) {
      const html = await page(path);
      expect(html).toContain('Zuid-Limburg');
      expect(html).toContain('Rotterdam');
      expect(html).toMatch(/Dit zijn voorbeeldgegevens|This is example data/);
    }
  });

  it('has a page for every location of every region, in both languages, with its organisation', async () => {
    for (const regionId of ['zuid-limburg', 'rotterdam']) {
      const { locations } = (await (await fetch(`${apiUrl}/api/regions/${regionId}/locations`)).json()) as { locations: LocationSummary[] };
      expect(locations.length).toBeGreaterThan(30);
      const regionPage = await page(`regio/${regionId}`);
      for (const location of locations) {
        expect(regionPage).toContain(`/locatie/${location.id}/`);
        expect(existsSync(join(outDir, 'en', 'location', location.id, 'index.html'))).toBe(true);
      }
      const first = locations[0]!;
      const html = await page(`locatie/${first.id}`);
      expect(html).toContain(first.organizationName);
      expect(html).toContain(first.address.city);
    }
  });
});

describe('the built pages as HTML', () => {
  it('are every one valid by the W3C Nu HTML Checker', async () => {
    const pages = (await readdir(outDir, { recursive: true })).filter((file) => file.endsWith('.html'));
    // Both regions' location pages in two languages: a build that lost its pages must not pass.
    expect(pages.length).toBeGreaterThan(150);
    const errors = await checkHtml(outDir);
    expect(formatHtmlErrors(errors), `${errors.length} HTML errors`).toBe('');
  }, 120_000);

  it('names the file and the error of an invalid page, so the check above can fail', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ww-html-'));
    try {
      await writeFile(join(dir, 'valid.html'), '<!doctype html><html lang="nl"><head><title>Goed</title></head><body><p>Goed</p></body></html>');
      await writeFile(join(dir, 'stray-script.html'), '<!doctype html><html lang="nl"><head><title>Fout</title></head><body><p>Fout</p></body></html>\n<script type="module" src="/a.js"></script>');
      const errors = await checkHtml(dir);
      expect(errors).toEqual([{ file: 'stray-script.html', line: 2, message: 'Stray start tag “script”.' }]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
