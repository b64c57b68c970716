// `npm run screenshots`: full-page photographs of the main page types at phone (390 px) and
// desktop (1280 px) width, for people to look at, in test-results/screenshots/{page}-{width}.png.
// The browser tests assert what a person would notice at those widths (nothing wider than the
// screen, the heading on the first screen, visible focus); pictures that assert nothing are taken
// here instead of in `npm test`. Self-contained like the browser tests, on their harness:
// DynamoDB Local in memory with the demonstration data, the API and a fresh site build on a free
// port, Debian's Chromium. `--page NAME` (repeatable) takes only those pages.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startDynamoDbLocal } from '../functions/local/dynamodb-local.ts';
import { REPO_ROOT } from '../functions/platform/paths.ts';
import { createDynamoDbClient, dynamoDbStores } from '../functions/store/create-store.ts';
import { ensureTable } from '../functions/store/dynamodb/ensure-table.ts';
import { SCREENSHOT_DIR, startSiteHarness, type SiteHarness } from '../test/browser/harness.ts';
import { screenshot } from '../test/browser/page-checks.ts';

const REGION = 'zuid-limburg';
const WIDTHS = [390, 1280] as const;
const TABLE = 'screenshots';
// Apart from the browser tests' build, so both can run at once.
const SITE_DIR = join(REPO_ROOT, 'test-results', 'screenshot-site');

const { values: flags } = parseArgs({ options: { page: { type: 'string', multiple: true } } });
const say = (line: string) => process.stdout.write(`${line}\n`);

const started = Date.now();
const db = await startDynamoDbLocal({ mode: 'memory' });
let harness: SiteHarness | undefined;
let exitCode = 0;
try {
  const client = createDynamoDbClient({ DYNAMODB_ENDPOINT: db.endpoint, AWS_REGION: 'eu-west-1' });
  await ensureTable(client, TABLE);
  say('Building the site from the demonstration data ...');
  harness = await startSiteHarness(dynamoDbStores(client, TABLE), { siteDir: SITE_DIR });
  const pages = (await pagesToPhotograph(harness.baseUrl)).filter(({ name }) => !flags.page || flags.page.includes(name));
  if (pages.length === 0) throw new Error(`No page named ${flags.page?.join(', ')}`);
  for (const width of WIDTHS) {
    const page = await harness.newPage({ width });
    for (const { name, path, ready } of pages) {
      await page.goto(path);
      if (ready) await page.locator(ready).first().waitFor();
      say(await screenshot(page, name));
    }
  }
  say(`${pages.length * WIDTHS.length} screenshots in ${SCREENSHOT_DIR} (${Math.round((Date.now() - started) / 1000)} s).`);
} catch (error) {
  process.stderr.write(`Screenshots failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  exitCode = 1;
} finally {
  await harness?.close();
  await db.stop();
}
process.exit(exitCode);

/** Each page type once, Dutch first; `ready` names what a script fills in before the picture. */
async function pagesToPhotograph(base: string): Promise<{ name: string; path: string; ready?: string }[]> {
  const { locations } = (await (await fetch(`${base}/api/regions/${REGION}/locations`)).json()) as { locations: { id: string }[] };
  const location = locations[0]?.id;
  if (!location) throw new Error(`No locations in ${REGION}`);
  return [
    { name: 'home-nl', path: '/' },
    { name: 'home-en', path: '/en/' },
    { name: 'region-nl', path: `/regio/${REGION}/` },
    { name: 'location-nl', path: `/locatie/${location}/` },
    { name: 'location-en', path: `/en/location/${location}/` },
    { name: 'search-nl', path: `/regio/${REGION}/zoeken/?q=groepen&waitingList=short`, ready: '[data-search-results] li' },
    { name: 'help-nl', path: `/regio/${REGION}/hulp/` },
    { name: 'ranking-nl', path: '/zo-werkt-de-volgorde/' },
    { name: 'providers-nl', path: '/voor-aanbieders/' },
  ];
}
