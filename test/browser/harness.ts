// The browser tests' world: a store holding the demonstration data (fixed clock), the real local
// server (API under /api, the built site for everything else) on a free port, the site built once
// from that API into test-results/browser-site/, and one headless Debian Chromium. Every page gets
// its own context (axe-core needs pages from browser.newContext()). The tests hand it a fresh table
// on the run's DynamoDB Local; `npm run screenshots` hands it one of its own.
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { fixedClock } from '../../shared/clock.ts';
import { seedDemo } from '../../functions/listings/seed-demo.ts';
import { buildSite } from '../../functions/local/build-site.ts';
import { createLocalServerApp } from '../../functions/local/local-server.ts';
import { REPO_ROOT } from '../../functions/platform/paths.ts';
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
  /** A page in a context of its own, at this viewport width (and a phone-like height if narrow). */
  newPage(options?: { width?: number; height?: number }): Promise<Page>;
  close(): Promise<void>;
}

/** `stores` should be empty: the demonstration data is seeded into them. */
export async function startSiteHarness(stores: Stores, { siteDir = SITE_DIR }: { siteDir?: string } = {}): Promise<SiteHarness> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  }
  const clock = fixedClock(`${BUILD_DATE}T09:00:00Z`);
  await seedDemo(stores, clock);
  await rm(siteDir, { recursive: true, force: true });
  const server = serve({ fetch: createLocalServerApp(createTestApp(stores, clock), siteDir).fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const [browser] = await Promise.all([
    chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS }),
    buildSite(baseUrl, { outDir: siteDir, buildDate: BUILD_DATE }),
  ]);
  const contexts: BrowserContext[] = [];
  return {
    baseUrl,
    browser,
    async newPage({ width = 1280, height = width < 600 ? 844 : 900 } = {}) {
      const context = await browser.newContext({ viewport: { width, height }, locale: 'nl-NL', baseURL: baseUrl });
      contexts.push(context);
      return context.newPage();
    },
    async close() {
      await Promise.all(contexts.map((context) => context.close().catch(() => undefined)));
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
