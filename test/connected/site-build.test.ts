// The site is built from the API: this builds it from the demonstration data over DynamoDB Local
// the way `npm start` does (the local server, the API and buildSite into a folder that already
// holds an earlier build) and checks what a visitor would find, so the site and the API cannot
// drift apart unnoticed; that the server never answers 404 while it builds; and that every built
// page is valid HTML by the W3C Nu HTML Checker (on this one build).
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import type { AddressInfo } from 'node:net';
import { basename, dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../shared/clock.ts';
import { seedDemo } from '../../functions/listings/seed-demo.ts';
import { buildSite } from '../../functions/local/build-site.ts';
import { createLocalServerApp } from '../../functions/local/local-server.ts';
import { REPO_ROOT } from '../../functions/platform/paths.ts';
import type { LocationSummary } from '../../shared/domain/index.ts';
import { createTestApp } from '../support/test-app.ts';
import { checkHtml, formatHtmlErrors } from '../support/nu-html-checker.ts';
import { createTestStore } from '../support/test-store.ts';

const outDir = join(REPO_ROOT, 'test-results', 'site-build');
const clock = fixedClock('2026-11-23T09:00:00Z');
const EARLIER_BUILD = '<!doctype html><html lang="nl"><head><title>Vorige versie</title></head><body><h1>Vorige versie van de site</h1></body></html>';
let server: ReturnType<typeof serve>;
let baseUrl: string;

interface Answer {
  path: string;
  status: number;
  retryAfter: string | null;
  body: string;
}
const ask = async (path: string): Promise<Answer> => {
  const res = await fetch(`${baseUrl}${path}`);
  return { path, status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.text() };
};
/** What the server answered on these paths, asked again and again until `done` settles. */
async function askWhile(done: Promise<void>, paths: string[]): Promise<Answer[]> {
  let settled = false;
  void done.then(() => (settled = true), () => (settled = true));
  const answers: Answer[] = [];
  while (!settled) {
    answers.push(...(await Promise.all(paths.map(ask))));
    await sleep(100);
  }
  await done;
  return answers;
}

let beforeFirstBuild: Answer[];
let duringRebuild: Answer[];
let afterSwap: Answer;

beforeAll(async () => {
  const { stores } = await createTestStore();
  await seedDemo(stores, clock);
  await rm(outDir, { recursive: true, force: true });
  server = serve({ fetch: createLocalServerApp(createTestApp(stores, clock), outDir).fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  beforeFirstBuild = await Promise.all(['/', '/regio/zuid-limburg/vragen/', '/api/health', '/api/nothing-here'].map(ask));
  // What `npm start` finds from its last run.
  await mkdir(outDir, { recursive: true });
  await writeFile(join(outDir, 'index.html'), EARLIER_BUILD);
  duringRebuild = await askWhile(buildSite(baseUrl, { outDir, buildDate: '2026-11-23' }), ['/', '/api/regions']);
  afterSwap = await ask('/');
}, 180_000);

afterAll(() => {
  server?.close();
});

describe('the local server while it builds the site', () => {
  it('answers a page before the first build with a short "starting" page: 503, Retry-After, refreshing itself', () => {
    for (const answer of beforeFirstBuild.filter((a) => !a.path.startsWith('/api/'))) {
      expect(answer.status, answer.path).toBe(503);
      expect(answer.retryAfter).toBe('5');
      expect(answer.body).toContain('<html lang="nl">');
      expect(answer.body).toContain('<meta http-equiv="refresh" content="5">');
      expect(answer.body).toMatch(/<title>Woonwijzer start op/);
      expect(answer.body).toMatch(/<h1>Woonwijzer start op<\/h1>/);
      expect(answer.body).toContain('Woonwijzer is starting');
    }
  });

  it('answers the API before the first build, an unknown API address with its JSON error', () => {
    const answer = (path: string) => beforeFirstBuild.find((a) => a.path === path);
    expect(answer('/api/health')?.status).toBe(200);
    expect(answer('/api/nothing-here')?.status).toBe(404);
    expect(JSON.parse(answer('/api/nothing-here')?.body ?? '')).toMatchObject({ error: { code: 'not_found' } });
  });

  it('keeps serving the earlier build, and the API, until the new one is complete', () => {
    // The build takes seconds: many rounds of questions were asked meanwhile.
    expect(duringRebuild.length).toBeGreaterThan(10);
    for (const answer of duringRebuild) {
      expect(`${answer.path} ${answer.status}`).toBe(`${answer.path} 200`);
      if (answer.path === '/') expect(answer.body).toContain('Vorige versie van de site');
    }
  });

  it('serves the new build once it is swapped in, and leaves no half-built folders behind', async () => {
    expect(afterSwap.status).toBe(200);
    expect(afterSwap.body).not.toContain('Vorige versie van de site');
    expect(afterSwap.body).toContain('Zuid-Limburg');
    const leftovers = (await readdir(dirname(outDir))).filter((name) => name.startsWith(`.${basename(outDir)}-`));
    expect(leftovers).toEqual([]);
  });

  it('has a starting page that is valid HTML by the W3C Nu HTML Checker', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ww-starting-'));
    try {
      await writeFile(join(dir, 'starting.html'), beforeFirstBuild[0]!.body);
      expect(formatHtmlErrors(await checkHtml(dir))).toBe('');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
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
      const { locations } = (await (await fetch(`${baseUrl}/api/regions/${regionId}/locations`)).json()) as { locations: LocationSummary[] };
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
