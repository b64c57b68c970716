// The site is built from the API: this builds it from the demonstration data over DynamoDB Local
// the way `npm start` does (the local server, the API and buildSite into a folder that already
// holds an earlier build) and checks what a visitor would find, so the site and the API cannot
// drift apart unnoticed; that the server never answers 404 while it builds; and that every built
// page is valid HTML by the W3C Nu HTML Checker (on this one build); that every location page
// carries its schema.org JSON-LD; that the API reference at /api/docs/ is served by the project
// itself; that the whole build keeps to the Content-Security-Policy; and how a location's photos show
// on its page (one location is given two before the build).
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
import { siteCspViolations } from '../../infra/site-csp-check.ts';
import type { LocationSummary, Photo } from '../../shared/domain/index.ts';
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

/** Two photos as the photo routes record them (the files themselves are not needed to build the page). */
const photoOf = (n: number, alt: string): Photo => {
  const id = `0b7c2f3e-5d1a-4c8b-9e6f-00000000000${n}`;
  return {
    id, alt, width: 1200, height: 800,
    sizes: [
      { width: 480, height: 320, path: `/photos/org/loc/${id}-480.webp` },
      { width: 1200, height: 800, path: `/photos/org/loc/${id}-1200.webp` },
    ],
  };
};
const PHOTOS = [photoOf(1, 'De tuin met bankjes en een vijver'), photoOf(2, 'Een kamer met "eigen" meubels & een raam')];
let withPhotos: LocationSummary;
let withoutPhotos: LocationSummary;

let beforeFirstBuild: Answer[];
let duringRebuild: Answer[];
let afterSwap: Answer;

beforeAll(async () => {
  const { stores } = await createTestStore();
  await seedDemo(stores, clock);
  [withPhotos, withoutPhotos] = (await stores.listings.listLocations('zuid-limburg')) as [LocationSummary, LocationSummary];
  const stored = await stores.providerListings.readLocation(withPhotos.organizationId, withPhotos.id);
  await stores.providerListings.updateLocationPhotos(withPhotos.organizationId, withPhotos.id, PHOTOS, stored?.version ?? 0, {
    by: { accountId: 'test', name: 'Test' }, now: clock.now(),
  });
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

interface JsonLdPlace {
  '@type': string;
  name: string;
  address: { streetAddress: string; postalCode: string; addressLocality: string; addressCountry: string };
  geo: { latitude: number; longitude: number };
  parentOrganization: { '@type': string; name: string };
  additionalProperty: Array<{ propertyID: string; name: string; value: string; valueReference: { value: string } }>;
}

describe('the schema.org JSON-LD of the location pages', () => {
  it('is on every location page in both languages, parses, and names the location, its address, its point and its provider', async () => {
    let pagesChecked = 0;
    for (const regionId of ['zuid-limburg', 'rotterdam']) {
      const { locations } = (await (await fetch(`${baseUrl}/api/regions/${regionId}/locations`)).json()) as { locations: LocationSummary[] };
      for (const location of locations) {
        for (const path of [`locatie/${location.id}`, `en/location/${location.id}`]) {
          const blocks = [...(await page(path)).matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
          expect(blocks, path).toHaveLength(1);
          const data = JSON.parse(blocks[0]![1]!) as JsonLdPlace;
          expect(data['@type'], path).toBe('LocalBusiness');
          expect(data.name, path).toBe(location.name);
          expect(data.address, path).toEqual({
            '@type': 'PostalAddress',
            streetAddress: `${location.address.street} ${location.address.houseNumber}`,
            postalCode: location.address.postcode,
            addressLocality: location.address.city,
            addressCountry: 'NL',
          });
          expect(data.geo, path).toEqual({ '@type': 'GeoCoordinates', latitude: location.point.lat, longitude: location.point.lon });
          expect(data.parentOrganization, path).toMatchObject({ '@type': 'MedicalOrganization', name: location.organizationName });
          expect(data.additionalProperty, path).toHaveLength(location.housingFormCount);
          for (const property of data.additionalProperty) expect(property.valueReference.value, path).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          pagesChecked += 1;
        }
      }
    }
    expect(pagesChecked).toBeGreaterThan(150);
  });
});

describe('the open-data page', () => {
  it('states the licence and links each region\'s HSDS export, in Dutch and English, and every page\'s footer links it', async () => {
    for (const [path, home] of [['open-data', '.'], ['en/open-data', 'en']] as const) {
      const html = await page(path);
      expect(html).toContain('https://creativecommons.org/licenses/by/4.0/');
      expect(html).toContain('href="/api/regions/zuid-limburg/hsds"');
      expect(html).toContain('href="/api/regions/rotterdam/hsds"');
      expect(html).toContain('https://github.com/bobdenotter/4pp');
      expect(html).toContain('href="/api/docs/"');
      expect(await page(home)).toContain(`href="/${path}/"`);
    }
    const download = await fetch(`${baseUrl}/api/regions/rotterdam/hsds`);
    expect(download.status).toBe(200);
    expect(((await download.json()) as { license: { name: string } }).license.name).toBe('CC-BY-4.0');
  });
});

describe('the API reference at /api/docs/', () => {
  it('is served by the project itself and lists every path and operation of the API\'s OpenAPI document', async () => {
    const document = (await (await fetch(`${baseUrl}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, { operationId: string }>> };
    const res = await fetch(`${baseUrl}/api/docs/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    // Scripts from this origin only: Redoc's own copy and the page's hydrating script, no CDN.
    const sources = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]!);
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) expect(source.startsWith('/api/docs/'), source).toBe(true);
    expect(html).not.toMatch(/https?:\/\/cdn\./);
    const scripts = await Promise.all(sources.map(async (source) => {
      const script = await fetch(`${baseUrl}${source}`);
      expect(script.status, source).toBe(200);
      return script.text();
    }));
    const shown = [html, ...scripts].join('\n');
    const operations = Object.values(document.paths).flatMap((methods) => Object.values(methods).map((op) => op.operationId));
    expect(Object.keys(document.paths)).toContain('/api/regions/{regionId}/hsds');
    for (const path of Object.keys(document.paths)) expect(shown, path).toContain(JSON.stringify(path));
    // The menu, rendered into the page itself, has an entry per operation.
    for (const operationId of operations) expect(html, operationId).toContain(`/api/docs/other/${operationId.toLowerCase()}"`);
    // A link to one operation, opened anew, is the same page.
    const deepLink = await fetch(`${baseUrl}/api/docs/other/exportregionhsds`);
    expect(deepLink.status).toBe(200);
    expect(await deepLink.text()).toBe(html);
  });
});

describe('the built site and its Content-Security-Policy', () => {
  it('has no inline script or event handler the policy would block, JSON-LD and the API reference included', async () => {
    expect(existsSync(join(outDir, 'api', 'docs', 'index.html'))).toBe(true);
    expect(siteCspViolations(outDir)).toEqual([]);
  });
});

describe('a location\'s photos on its page', () => {
  /** The <img> tags of a built page's photo gallery. */
  const photoTags = (html: string) => /<ul class="ww-photos__list"[^>]*>([\s\S]*?)<\/ul>/.exec(html)?.[1]?.match(/<img\b[^>]*>/g) ?? [];
  /** An attribute's value as the browser reads it (Astro writes quotes and ampersands as numeric references). */
  const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1]
    ?.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))).replace(/&quot;/g, '"').replace(/&amp;/g, '&');

  it('shows them in order with both web sizes, their shape, their alt text, the second loading lazily; in both languages', async () => {
    for (const path of [`locatie/${withPhotos.id}`, `en/location/${withPhotos.id}`]) {
      const html = await page(path);
      expect(html).toMatch(path.startsWith('en') ? /<h2 id="ww-photos-title">Photos<\/h2>/ : /<h2 id="ww-photos-title">Foto(?:'|&#39;|&#x27;)s<\/h2>/);
      const tags = photoTags(html);
      expect(tags).toHaveLength(2);
      const [first, second] = tags as [string, string];
      expect(attribute(first, 'alt')).toBe('De tuin met bankjes en een vijver');
      expect(attribute(second, 'alt')).toBe('Een kamer met "eigen" meubels & een raam');
      expect(attribute(first, 'srcset')).toBe(`${PHOTOS[0]?.sizes[0]?.path} 480w, ${PHOTOS[0]?.sizes[1]?.path} 1200w`);
      expect(attribute(first, 'src')).toBe(PHOTOS[0]?.sizes[1]?.path);
      expect(attribute(first, 'sizes')).toContain('100vw');
      expect([attribute(first, 'width'), attribute(first, 'height')]).toEqual(['1200', '800']);
      expect(attribute(first, 'loading')).toBeUndefined();
      expect(attribute(second, 'loading')).toBe('lazy');
      for (const tag of tags) expect(attribute(tag, 'decoding')).toBe('async');
    }
  });

  it('leaves no trace of a gallery on a location without photos', async () => {
    const html = await page(`locatie/${withoutPhotos.id}`);
    expect(html).not.toContain('ww-photos');
    expect(html).not.toContain('/photos/');
  });
});

describe('the built pages as HTML', () => {
  it('are every one valid by the W3C Nu HTML Checker', async () => {
    const pages = (await readdir(outDir, { recursive: true })).filter((file) => file.endsWith('.html'));
    // Both regions' location pages in two languages: a build that lost its pages must not pass.
    expect(pages.length).toBeGreaterThan(150);
    // The API reference is Redoc's markup, not ours (lists of divs, CSS the checker does not know):
    // it is held to the CSP and to listing the API (above), not to this check.
    const errors = (await checkHtml(outDir)).filter((error) => !error.file.startsWith(join('api', 'docs')));
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
