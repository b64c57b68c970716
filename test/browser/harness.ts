// The browser tests' world: a store holding the demonstration data (fixed clock), the real local
// server (the public and the staff API under /api, the built site for everything else) on a free
// port, the site built once from that API into test-results/browser-site/, and one headless Debian
// Chromium. Every page gets its own context (axe-core needs pages from browser.newContext()). The
// tests hand it a fresh table on the run's DynamoDB Local; `npm run screenshots` hands it one of its
// own. As with `npm start`, the staff API mails into an outbox folder (`outboxDir`: the sign-in
// codes are read there), and given the table's stream the search engine follows every change.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { fixedClock } from '../../shared/clock.ts';
import { seedDemoAccounts } from '../../functions/accounts/accounts-admin.ts';
import { seedDemoDossiers } from '../../functions/dossiers/demo-dossiers.ts';
import { demoOrganizations, seedDemo } from '../../functions/listings/seed-demo.ts';
import { buildSite, rebuildPages } from '../../functions/local/build-site.ts';
import { createLocalServerApp } from '../../functions/local/local-server.ts';
import { createLocalStaffApp, outboxDir, photosDir } from '../../functions/local/local-staff.ts';
import { openStreamPoller, type StreamPoller } from '../../functions/local/stream-poller.ts';
import { readConfig } from '../../functions/platform/config.ts';
import { emptyScope } from '../../functions/site/page-scope.ts';
import { REPO_ROOT } from '../../functions/platform/paths.ts';
import { loadEmbeddedEngine } from '../../functions/search/embedded/load-embedded-engine.ts';
import type { Stores } from '../../functions/store/create-store.ts';
import { createTestApp } from '../support/test-app.ts';

// BROWSER_SITE_DIR lets two test runs on one machine build their sites side by side.
export const SITE_DIR = process.env.BROWSER_SITE_DIR ?? join(REPO_ROOT, 'test-results', 'browser-site');
export const SCREENSHOT_DIR = join(REPO_ROOT, 'test-results', 'screenshots');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
/** The date the demonstration data and the pages are built for, so texts do not change by day. */
export const BUILD_DATE = '2026-11-23';

export interface SiteHarness {
  /** The site and its API, e.g. http://127.0.0.1:41234 (no trailing slash). */
  baseUrl: string;
  browser: Browser;
  /** Where the staff API writes its mails (one .eml file each). */
  outboxDir: string;
  /** The stores behind the API: for ids a test cannot see from a page (the example dossier's). */
  stores: Stores;
  /** The mails in the outbox, oldest first. */
  mails(): Promise<string[]>;
  /**
   * Builds a location's pages again from the API as it is now and swaps them in, as `npm start`'s
   * rebuilder does after a change to the location (the pages are made at build time).
   */
  rebuildLocationPages(locationId: string): Promise<void>;
  /** A page in a context of its own, at this viewport width (and a phone-like height if narrow). */
  newPage(options?: { width?: number; height?: number }): Promise<Page>;
  close(): Promise<void>;
}

export interface SiteHarnessOptions {
  siteDir?: string;
  /** The table's stream on DynamoDB Local: with it, the search engine follows every change (as `npm start` does). */
  stream?: { endpoint: string; tableName: string };
}

/** `stores` should be empty: the demonstration data is seeded into them. */
export async function startSiteHarness(stores: Stores, { siteDir = SITE_DIR, stream }: SiteHarnessOptions = {}): Promise<SiteHarness> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  }
  const clock = fixedClock(`${BUILD_DATE}T09:00:00Z`);
  await seedDemo(stores, clock);
  // The demonstration accounts `npm start` makes, to sign in to the staff pages.
  const regions = await stores.regions.listRegions();
  const organizations = await demoOrganizations();
  await seedDemoAccounts({ ...stores, clock }, regions, organizations);
  // And the example dossier each demonstration supporter has after `npm start`.
  await seedDemoDossiers({ ...stores, clock }, regions, organizations);
  await rm(siteDir, { recursive: true, force: true });
  // The stream position is taken before the load, so nothing written meanwhile is missed (as in scripts/start.ts).
  let poller: StreamPoller | undefined;
  // The API's clock stands still, so a batch of demand counts would never come due: each match's
  // counts are written after its answer, for the coordinator's dashboard to show them.
  const counting = { flushAfterMs: 0 };
  let api = createTestApp(stores, clock, undefined, counting);
  if (stream) {
    poller = await openStreamPoller(stream);
    const engine = await loadEmbeddedEngine(stores);
    poller.start(engine);
    api = createTestApp(stores, clock, engine, counting);
  }
  const config = readConfig({ DATA_DIR: await mkdtemp(join(tmpdir(), 'woonwijzer-browser-')) });
  // The staff side's clock moves on a millisecond at each reading: two saves of one test then have
  // an order in the history, as they would in life, while every date shown stays the build day's.
  let staffMs = Date.parse(`${BUILD_DATE}T09:00:00Z`);
  const staffApi = await createLocalStaffApp(config, stores, { now: () => new Date(staffMs++) });
  const server = serve({ fetch: createLocalServerApp(api, siteDir, staffApi, photosDir(config)).fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const [browser] = await Promise.all([
    chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS }),
    buildSite(baseUrl, { outDir: siteDir, buildDate: BUILD_DATE }),
  ]);
  const contexts: BrowserContext[] = [];
  const outbox = outboxDir(config);
  return {
    baseUrl,
    browser,
    outboxDir: outbox,
    stores,
    async mails() {
      const names = existsSync(outbox) ? (await readdir(outbox)).sort() : [];
      return Promise.all(names.map((name) => readFile(join(outbox, name), 'utf8')));
    },
    async rebuildLocationPages(locationId) {
      await rebuildPages(baseUrl, { build: { ...emptyScope(), location: [locationId] }, removeLocations: [], full: false }, { outDir: siteDir, buildDate: BUILD_DATE });
    },
    async newPage({ width = 1280, height = width < 600 ? 844 : 900 } = {}) {
      const context = await browser.newContext({ viewport: { width, height }, locale: 'nl-NL', baseURL: baseUrl });
      contexts.push(context);
      return context.newPage();
    },
    async close() {
      await Promise.all(contexts.map((context) => context.close().catch(() => undefined)));
      await browser.close();
      await poller?.stop();
      await new Promise((resolve) => server.close(resolve));
      await rm(config.DATA_DIR, { recursive: true, force: true });
    },
  };
}
