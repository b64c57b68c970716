// `npm start`: DynamoDB Local on disk, the demonstration data when the store is empty, the search
// engine (embedded: loaded from the table and kept current from its stream), the API, a fresh
// build of the site from that API, all on one local port. Ctrl-C stops everything. While the site
// builds, the previous build stays online (or, on a first start, a "Woonwijzer is starting" page).
// Afterwards the site follows the table's stream: a change (an editor's save, an import) rebuilds
// the pages it touches a few seconds later (SITE_REBUILD_DEBOUNCE_MS), each swapped in whole.
// `npm start -- --national` (or WOONWIJZER_DATA=national) loads the generated national set instead
// of the two hand-made regions, into a database folder of its own (.data/national), and prints
// the time to ready and the memory used (the embedded search engine's share measured apart).
import { serve } from '@hono/node-server';
import { systemClock } from '../shared/clock.ts';
import { seedDemoAccounts, demoCoordinatorEmail, demoProviderEmails, demoSupporterEmails, demoSupportOrganization } from '../functions/accounts/accounts-admin.ts';
import { DemandCounter } from '../functions/api/demand-counter.ts';
import { seedDemoDossiers } from '../functions/dossiers/demo-dossiers.ts';
import { createPublicApp } from '../functions/api/public/app.ts';
import { DEMO_DATA_SET } from '../functions/listings/listing-files.ts';
import { demoOrganizations, seedDemo } from '../functions/listings/seed-demo.ts';
import { DEFAULT_SITE_DIR } from '../functions/local/build-site.ts';
import { openLocalDatabase } from '../functions/local/local-database.ts';
import { createLocalServerApp } from '../functions/local/local-server.ts';
import { createLocalStaffApp, outboxDir, photosDir } from '../functions/local/local-staff.ts';
import { createSiteRebuilder, type SiteRebuilder } from '../functions/local/site-rebuilder.ts';
import { openStreamPoller, type StreamPoller } from '../functions/local/stream-poller.ts';
import { LocalPhotoStorage } from '../functions/photos/local-photo-storage.ts';
import { readConfig } from '../functions/platform/config.ts';
import { createDynamoDbClient, createStores } from '../functions/store/create-store.ts';
import { createSearchEngine } from '../functions/search/create-search-engine.ts';
import { loadEmbeddedEngine } from '../functions/search/embedded/load-embedded-engine.ts';
import type { SearchEngine } from '../functions/search/search-engine.ts';
import { describeBuild, ensureNationalData } from './lib/national-data.ts';

const startedAt = performance.now();
const args = process.argv.slice(2).filter((a) => a !== '--');
const unknown = args.filter((a) => a !== '--national');
if (unknown.length > 0) {
  process.stderr.write(`Unknown argument: ${unknown.join(' ')}\nUsage: npm start [-- --national]\n`);
  process.exit(2);
}
if (args.includes('--national')) process.env.WOONWIJZER_DATA = 'national';
const config = readConfig();
const say = (line: string) => process.stdout.write(`${line}\n`);
const seconds = () => `${((performance.now() - startedAt) / 1000).toFixed(1)} s`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

let dataSet = DEMO_DATA_SET;
if (config.WOONWIJZER_DATA === 'national') {
  const national = await ensureNationalData({ say });
  dataSet = national.dataSet;
  say(`National demonstration set ${national.generated ? `generated in ${(national.build.ms / 1000).toFixed(1)} s` : 'up to date'}: ${describeBuild(national.build)}.`);
}

say('Woonwijzer starts: the database first (DynamoDB Local, data kept in ' + config.DATA_DIR + '/)...');
const db = await openLocalDatabase(config, { announce: true, say });
let stopping = false;
const stop = async (code: number) => {
  if (stopping) return;
  stopping = true;
  say('\nStopping...');
  server?.close();
  // The demand counts still in memory are written before the database stops.
  await stopCounting?.().catch(() => undefined);
  await poller?.stop();
  await rebuilder?.stop();
  await db.close();
  process.exit(code);
};
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

let server: ReturnType<typeof serve> | undefined;
let stopCounting: (() => Promise<void>) | undefined;
let poller: StreamPoller | undefined;
let rebuilder: SiteRebuilder | undefined;
try {
  const seedStarted = performance.now();
  // The bulk load and the search engine's first read go through the batch call limits (longer
  // timeouts, more tries), not the interactive ones a person's request gets: the national set is
  // some 1,500 documents and 14,000 housing forms.
  const bulkClient = createDynamoDbClient({ ...config, DYNAMODB_ENDPOINT: db.endpoint }, 'batch');
  const bulkStores = createStores({ ...config, DYNAMODB_ENDPOINT: db.endpoint }, bulkClient);
  const seeded = await seedDemo(bulkStores, systemClock, dataSet);
  say(
    seeded.demoDocuments > 0
      ? `Loaded ${seeded.demoDocuments} demonstration listings (${((performance.now() - seedStarted) / 1000).toFixed(1)} s).`
      : 'The store already holds listings; kept them.',
  );

  const demoRegions = await db.stores.regions.listRegions();
  // Accounts for the hand-made organisations only: the national set's 1,500 made-up ones would
  // make 3,000 accounts nobody signs in with.
  const organizations = await demoOrganizations(DEMO_DATA_SET);
  const madeAccounts = await seedDemoAccounts({ ...db.stores, clock: systemClock }, demoRegions, organizations);
  if (madeAccounts.length > 0) {
    say(`Made ${madeAccounts.length} demonstration accounts (coordinators, provider admins and editors, supporters; README.md lists them; sign in with the code this terminal prints).`);
  }
  const madeDossiers = await seedDemoDossiers({ ...db.stores, clock: systemClock }, demoRegions, organizations);
  if (madeDossiers.length > 0) say(`Made an example dossier for ${madeDossiers.join(', ')}.`);

  // The stream position is taken before the load (and before the site's first build), so nothing
  // written meanwhile is missed.
  poller = await openStreamPoller({ endpoint: db.endpoint, tableName: config.TABLE_NAME });
  let search: SearchEngine;
  let followedBySearch: Parameters<StreamPoller['start']>[0];
  if (config.SEARCH_ENGINE === 'embedded') {
    const heapBefore = heapAfterCollection();
    const engine = await loadEmbeddedEngine(bulkStores);
    const heapShare = heapAfterCollection() - heapBefore;
    const sizes = Object.entries(engine.sizes());
    const total = sizes.reduce((sum, [, n]) => sum + n, 0);
    const listed = sizes.length > 4 ? `${sizes.length} regions` : sizes.map(([region, n]) => `${region} ${n}`).join(', ');
    say(`Search engine: embedded (${listed}, ${total} housing forms, about ${mb(Math.max(0, heapShare))} of heap), following the table's changes.`);
    search = engine;
    followedBySearch = engine;
  } else {
    search = await createSearchEngine(config, db.stores);
    say(`Search engine: OpenSearch at ${config.OPENSEARCH_URL}. Run \`npm run reindex\` after imports to bring it up to date.`);
    // OpenSearch is brought up to date by the reindex; the stream still drives the site's pages.
    followedBySearch = { upsert: async () => {}, remove: async () => {} };
  }

  const demandCounter = new DemandCounter(db.stores.demandStatistics, systemClock);
  stopCounting = demandCounter.flushPeriodically();
  const api = createPublicApp({ ...db.stores, demandCounter, clock: systemClock, search });
  const staffApi = await createLocalStaffApp(config, db.stores, systemClock);
  // The bucket drops unfinished uploads after a day; locally this start does.
  const dropped = await new LocalPhotoStorage(photosDir(config)).removeUnfinishedUploads(systemClock.now());
  if (dropped > 0) say(`Removed ${dropped} unfinished photo upload(s) older than a day from ${photosDir(config)}/incoming/.`);
  server = serve({ fetch: createLocalServerApp(api, DEFAULT_SITE_DIR, staffApi, photosDir(config)).fetch, port: config.PORT, hostname: config.HOST });
  await new Promise<void>((resolve, reject) => {
    server?.once('listening', () => resolve());
    server?.once('error', reject);
  });
  const address = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT}`;

  const memory = process.memoryUsage();
  say(`API ready at ${address}/api/regions after ${seconds()} (RSS ${mb(memory.rss)}, heap ${mb(memory.heapUsed)}).`);
  say(`Building the site from the API (meanwhile ${address}/ shows the previous build, or a page saying Woonwijzer is starting)...`);
  const siteStarted = performance.now();
  const siteBuilder = createSiteRebuilder({
    apiUrl: `http://127.0.0.1:${config.PORT}`,
    outDir: DEFAULT_SITE_DIR,
    debounceMs: config.SITE_REBUILD_DEBOUNCE_MS,
    onBuilt: (report) => {
      if (report.kind === 'full') return;
      const removed = report.removed.length > 0 ? `, ${report.removed.length} taken away` : '';
      say(`Site: ${report.built.length} pages rebuilt after a change${removed} (${(report.ms / 1000).toFixed(1)} s).`);
    },
  });
  rebuilder = siteBuilder;
  // Changes from now on are collected; those during the first build get built again after it.
  poller.start(followedBySearch, (records) => siteBuilder.notice(records));
  await siteBuilder.buildAll({ verbose: true });
  say(`Site built in ${((performance.now() - siteStarted) / 1000).toFixed(1)} s; ready after ${seconds()} (RSS ${mb(process.memoryUsage().rss)}).`);
  say(`\nWoonwijzer runs at ${address}/  (API: ${address}/api/regions). Stop with Ctrl-C. The site follows changes to the listings.`);
  say(
    `Staff sign-in: POST ${address}/api/auth/code with {"email": "${demoCoordinatorEmail('zuid-limburg')}"}; ` +
      `the code is printed here and the mail written to ${outboxDir(config)}/. ` +
      `A provider's editor: ${demoProviderEmails('mergelland-zorg').editor}; a client supporter: ` +
      `${demoSupporterEmails(demoSupportOrganization({ id: 'zuid-limburg', name: 'Zuid-Limburg' }).id).supporter} (see README.md for all).`,
  );
} catch (error) {
  process.stderr.write(`Start failed: ${(error as Error).message}\n`);
  await stop(1);
}

/** The heap in use after a full collection when node runs with --expose-gc; else as it stands. */
function heapAfterCollection(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}
