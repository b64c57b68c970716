// `npm run lighthouse`: Lighthouse (performance, accessibility, best practices, SEO) on the main
// page types, on a phone (Lighthouse's default mobile emulation and throttling) and, with
// `--desktop`, on a desktop. Self-contained like the browser tests: DynamoDB Local in memory with
// the demonstration data, the API and a fresh site build on a free port, Debian's Chromium.
// Pages that read the browser's storage (results, compare, report) are measured with answers and
// two favourites in it, as a person who answered the questions would see them.
// Prints a table and writes test-results/lighthouse.json. Targets (issue 4): performance >= 95,
// accessibility 100; the exit status is non-zero when a page misses them.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import lighthouse, { desktopConfig } from 'lighthouse';
import { chromium } from 'playwright-core';
import { systemClock } from '../shared/clock.ts';
import { DemandCounter } from '../functions/api/demand-counter.ts';
import { createPublicApp } from '../functions/api/public/app.ts';
import { seedDemo } from '../functions/listings/seed-demo.ts';
import { buildSite } from '../functions/local/build-site.ts';
import { startDynamoDbLocal } from '../functions/local/dynamodb-local.ts';
import { createLocalServerApp } from '../functions/local/local-server.ts';
import { REPO_ROOT } from '../functions/platform/paths.ts';
import { loadEmbeddedEngine } from '../functions/search/embedded/load-embedded-engine.ts';
import { createDynamoDbClient, dynamoDbStores } from '../functions/store/create-store.ts';
import { ensureTable } from '../functions/store/dynamodb/ensure-table.ts';

const TARGETS = { performance: 95, accessibility: 100 } as const;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const REGION = 'zuid-limburg';
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const DEBUG_PORT = 9333 + (process.pid % 500);

// --page results --page search: measure only those (names as printed).
const { values: flags } = parseArgs({ options: { desktop: { type: 'boolean', default: false }, page: { type: 'string', multiple: true } } });
const say = (line: string) => process.stdout.write(`${line}\n`);

const db = await startDynamoDbLocal({ mode: 'memory' });
const siteDir = await mkdtemp(join(tmpdir(), 'woonwijzer-lighthouse-'));
const profileDir = await mkdtemp(join(tmpdir(), 'woonwijzer-chromium-'));
let server: ReturnType<typeof serve> | undefined;
let exitCode = 0;
try {
  const client = createDynamoDbClient({ DYNAMODB_ENDPOINT: db.endpoint, AWS_REGION: 'eu-west-1' });
  await ensureTable(client, 'lighthouse');
  const stores = dynamoDbStores(client, 'lighthouse');
  await seedDemo(stores, systemClock);
  const search = await loadEmbeddedEngine(stores);
  const api = createPublicApp({ ...stores, demandCounter: new DemandCounter(stores.demandStatistics, systemClock), clock: systemClock, search });
  server = serve({ fetch: createLocalServerApp(api, siteDir).fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server?.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  say(`Building the site from the API at ${base} ...`);
  await buildSite(base, { outDir: siteDir });

  const pages = (await pagesToMeasure(base)).filter((p) => !flags.page || flags.page.includes(p.name));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [`--remote-debugging-port=${DEBUG_PORT}`, '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    await seedBrowserStorage(context, base);
    const rows: { page: string; path: string; scores: Record<string, number> }[] = [];
    for (const { name, path } of pages) {
      const result = await lighthouse(`${base}${path}`, {
        port: DEBUG_PORT,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
        // Keeps the answers and favourites seeded above, as a returning person has them.
        disableStorageReset: true,
      }, flags.desktop ? desktopConfig : undefined);
      if (!result) throw new Error(`Lighthouse gave no result for ${path}`);
      const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((result.lhr.categories[c]?.score ?? 0) * 100)]));
      rows.push({ page: name, path, scores });
      say(`${name.padEnd(22)} ${CATEGORIES.map((c) => `${c} ${String(scores[c]).padStart(3)}`).join('  ')}  ${path}`);
      const metrics = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift']
        .map((id) => `${id.split('-').map((w) => w[0]?.toUpperCase()).join('')} ${result.lhr.audits[id]?.displayValue ?? '?'}`);
      say(`    ${metrics.join(', ')}`);
      // What moved, when the page shifts noticeably: the elements behind the layout-shift score.
      const shifts = (result.lhr.audits['layout-shifts']?.details as { items?: { node?: { snippet?: string }; score?: number }[] } | undefined)?.items ?? [];
      if ((result.lhr.audits['cumulative-layout-shift']?.numericValue ?? 0) > 0.05) {
        for (const shift of shifts.slice(0, 5)) say(`    layout shift ${shift.score?.toFixed(3) ?? '?'}: ${shift.node?.snippet?.slice(0, 160) ?? '?'}`);
      }
      // Every audit that costs points, in every category, so a score under 100 says why.
      for (const category of CATEGORIES) {
        const failing = (result.lhr.categories[category]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0)
          .map((ref) => result.lhr.audits[ref.id])
          .filter((audit) => audit && audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'notApplicable' && audit.scoreDisplayMode !== 'informative');
        for (const audit of failing) {
          say(`    ${category}: ${audit?.id}: ${audit?.title}${audit?.displayValue ? ` (${audit.displayValue})` : ''}`);
          const items = (audit?.details as { items?: { node?: { snippet?: string }; url?: string; description?: string }[] } | undefined)?.items ?? [];
          for (const item of items.slice(0, 5)) {
            const detail = item.node?.snippet ?? item.url ?? item.description;
            if (detail) say(`      ${detail.slice(0, 160)}`);
          }
        }
      }
      if ((scores.performance ?? 0) < TARGETS.performance || (scores.accessibility ?? 0) < TARGETS.accessibility) exitCode = 1;
    }
    await mkdir(join(REPO_ROOT, 'test-results'), { recursive: true });
    const file = join(REPO_ROOT, 'test-results', `lighthouse${flags.desktop ? '-desktop' : ''}.json`);
    await writeFile(file, `${JSON.stringify({ formFactor: flags.desktop ? 'desktop' : 'mobile', measuredAt: new Date().toISOString(), rows }, null, 2)}\n`);
    say(`\n${flags.desktop ? 'Desktop' : 'Mobile (emulated phone, throttled)'}; targets: performance >= ${TARGETS.performance}, accessibility ${TARGETS.accessibility}. Written to ${file}.`);
  } finally {
    await context.close();
  }
} catch (error) {
  process.stderr.write(`Lighthouse run failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  exitCode = 2;
} finally {
  server?.close();
  await db.stop();
  await rm(siteDir, { recursive: true, force: true });
  await rm(profileDir, { recursive: true, force: true });
}
process.exit(exitCode);

async function pagesToMeasure(base: string): Promise<{ name: string; path: string }[]> {
  const { locations } = (await (await fetch(`${base}/api/regions/${REGION}/locations`)).json()) as { locations: { id: string }[] };
  const location = locations[0]?.id;
  if (!location) throw new Error(`No locations in ${REGION}`);
  return [
    { name: 'home', path: '/' },
    { name: 'region', path: `/regio/${REGION}/` },
    { name: 'location', path: `/locatie/${location}/` },
    { name: 'questionnaire', path: `/regio/${REGION}/vragen/` },
    { name: 'results', path: `/regio/${REGION}/resultaten/` },
    { name: 'search', path: `/regio/${REGION}/zoeken/?q=tuin` },
    { name: 'compare', path: `/regio/${REGION}/vergelijken/` },
    { name: 'report', path: `/regio/${REGION}/verslag/` },
    { name: 'support', path: `/regio/${REGION}/hulp/` },
    { name: 'ranking', path: '/zo-werkt-de-volgorde/' },
    { name: 'results (English)', path: `/en/region/${REGION}/results/` },
  ];
}

/** Answers as the questionnaire saves them, and the two best results as favourites. */
async function seedBrowserStorage(context: Awaited<ReturnType<typeof chromium.launchPersistentContext>>, base: string): Promise<void> {
  const answers = {
    'wie-vult-in': { choice: 'naaste' },
    leeftijd: { number: 84 },
    rolstoel: { yes: true, importance: 'must' },
    plaats: { postcode: '6211 AB', maxDistanceKm: 25 },
  };
  const match = await fetch(`${base}/api/match`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ regionId: REGION, postcode: '6211 AB', criteria: [{ criterion: 'wheelchair', importance: 'must' }], limit: 2 }),
  });
  const { results } = (await match.json()) as { results: { locationId: string; housingFormId: string; name: string; locationName: string }[] };
  const shortlist = results.map((r) => ({ locationId: r.locationId, housingFormId: r.housingFormId, name: r.name, locationName: r.locationName, addedAt: new Date().toISOString() }));
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${base}/`);
  await page.evaluate(({ region, answers, shortlist }) => {
    localStorage.setItem(`woonwijzer.answers.${region}`, JSON.stringify({ regionId: region, questionnaireId: region, version: 1, savedAt: new Date().toISOString(), answers }));
    localStorage.setItem(`woonwijzer.shortlist.${region}`, JSON.stringify(shortlist));
  }, { region: REGION, answers, shortlist });
}
