// Benchmark of the static site following the data (`npm run bench:site`), printed as figures,
// never asserted: the full build of the demonstration regions (time, pages, pages per second), and
// for one saved waiting-list change the way `npm start` handles it (the stream poller, the
// debounce, the partial build and swap): how many pages it builds, how long that build takes and
// the time from the save until the location page served shows it. Runs on its own DynamoDB Local
// (in memory) and port, so it leaves a running `npm start` alone. `-- --national` does the same over
// the national demonstration set (generated on first use, as `npm start -- --national` does).
import { readdir, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { serve } from '@hono/node-server';
import { systemClock } from '../shared/clock.ts';
import { DemandCounter } from '../functions/api/demand-counter.ts';
import { createPublicApp } from '../functions/api/public/app.ts';
import { seedDemo } from '../functions/listings/seed-demo.ts';
import { buildSite } from '../functions/local/build-site.ts';
import { startDynamoDbLocal } from '../functions/local/dynamodb-local.ts';
import { createLocalServerApp } from '../functions/local/local-server.ts';
import { createSiteRebuilder, type SiteBuildReport } from '../functions/local/site-rebuilder.ts';
import { openStreamPoller } from '../functions/local/stream-poller.ts';
import { readConfig } from '../functions/platform/config.ts';
import { REPO_ROOT } from '../functions/platform/paths.ts';
import { loadEmbeddedEngine } from '../functions/search/embedded/load-embedded-engine.ts';
import { createDynamoDbClient, dynamoDbStores } from '../functions/store/create-store.ts';
import { ensureTable } from '../functions/store/dynamodb/ensure-table.ts';
import { DEMO_DATA_SET } from '../functions/listings/listing-files.ts';
import { describeBuild, ensureNationalData } from './lib/national-data.ts';

const TABLE = 'bench-site';
const outDir = join(REPO_ROOT, '.cache', 'bench-site', 'dist');
const debounceMs = readConfig().SITE_REBUILD_DEBOUNCE_MS;
const say = (line: string) => process.stdout.write(`${line}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function countPages(dir: string): Promise<number> {
  return (await readdir(dir, { recursive: true })).filter((name) => String(name).endsWith('.html')).length;
}

const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== '--national');
if (unknown.length > 0) {
  process.stderr.write(`Unknown argument: ${unknown.join(' ')}\nUsage: npm run bench:site [-- --national]\n`);
  process.exit(2);
}
const national = args.includes('--national');
let dataSet = DEMO_DATA_SET;
if (national) {
  const set = await ensureNationalData({ say });
  dataSet = set.dataSet;
  say(`National demonstration set ${set.generated ? `generated in ${seconds(set.build.ms)}` : 'up to date'}: ${describeBuild(set.build)}.`);
}

const db = await startDynamoDbLocal({ mode: 'memory' });
let close = async () => {};
try {
  const client = createDynamoDbClient({ DYNAMODB_ENDPOINT: db.endpoint, AWS_REGION: 'eu-west-1' });
  await ensureTable(client, TABLE);
  const stores = dynamoDbStores(client, TABLE);
  // The bulk load, the search engine's first read and the listing of every location go through the batch call
  // limits (longer timeouts, more tries), as npm start's do; the API answers through the interactive ones.
  const bulkStores = dynamoDbStores(createDynamoDbClient({ DYNAMODB_ENDPOINT: db.endpoint, AWS_REGION: 'eu-west-1' }, 'batch'), TABLE);
  const loadStarted = performance.now();
  await seedDemo(bulkStores, systemClock, dataSet);
  if (national) say(`Loaded into DynamoDB Local (in memory): ${seconds(performance.now() - loadStarted)}`);
  const poller = await openStreamPoller({ endpoint: db.endpoint, tableName: TABLE });
  const engine = await loadEmbeddedEngine(bulkStores);
  const app = createLocalServerApp(createPublicApp({ ...stores, demandCounter: new DemandCounter(stores.demandStatistics, systemClock), clock: systemClock, search: engine }), outDir);
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = async () => {
    await poller.stop();
    server.close();
  };

  await rm(outDir, { recursive: true, force: true });
  const fullStart = performance.now();
  await buildSite(base, { outDir });
  const fullMs = performance.now() - fullStart;
  const pages = await countPages(outDir);
  const regions = (await bulkStores.regions.listRegions()).map((r) => r.id);
  const locations = (await Promise.all(regions.map((id) => bulkStores.listings.listLocations(id)))).flat();
  const which = national ? `national set (${regions.length} regions` : `demonstration regions (${regions.join(', ')}`;
  say(`Full build, ${which}: ${locations.length} locations): ${seconds(fullMs)}, ${pages} pages, ${(pages / (fullMs / 1000)).toFixed(1)} pages/s`);

  const reports: SiteBuildReport[] = [];
  const rebuilder = createSiteRebuilder({ apiUrl: base, outDir, debounceMs, onBuilt: (report) => reports.push(report) });
  poller.start(engine, (records) => rebuilder.notice(records));

  // One waiting list changed the way an editor's save changes it.
  const target = locations[0];
  if (!target) throw new Error('The demonstration data has no location.');
  const detail = await stores.listings.getLocation(target.id);
  const form = detail?.housingForms[0];
  if (!detail || !form) throw new Error(`Location ${target.id} has no housing form.`);
  const pagePath = `/locatie/${target.id}/`;
  const before = await (await fetch(`${base}${pagePath}`)).text();
  const weeks = ((form.waitingList.weeks ?? 0) % 50) + 7;
  const saved = performance.now();
  await stores.providerListings.updateWaitingList(target.organizationId, { locationId: target.id, housingFormId: form.id }, { status: 'long', weeks }, form.version, {
    by: { accountId: 'bench', name: 'Bench' }, now: new Date(),
  });
  let servedMs: number | undefined;
  while (performance.now() - saved < 300_000) {
    const res = await fetch(`${base}${pagePath}`);
    const body = await res.text();
    if (res.status !== 200 || body.length === 0) throw new Error(`${pagePath} answered ${res.status} (${body.length} bytes) during the rebuild`);
    if (body !== before) {
      servedMs = performance.now() - saved;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await rebuilder.settled();
  await rebuilder.stop();
  const partial = reports.find((r) => r.kind === 'pages');
  if (servedMs === undefined || !partial) throw new Error('The change did not reach the page within 5 minutes.');
  const html = await readFile(join(outDir, 'locatie', target.id, 'index.html'), 'utf8');
  say(`One waiting-list change (${target.id}): ${partial.built.length} pages built (${partial.built.join(' ')}), the partial build and swap ${seconds(partial.ms)}`);
  say(`From the save to the new page served: ${seconds(servedMs)} (debounce ${seconds(debounceMs)}, SITE_REBUILD_DEBOUNCE_MS)${html.includes(`${weeks} weken`) ? '' : ' (new page found, but without the new weeks: check!)'}`);
  say(`A full build for comparison: ${seconds(fullMs)}; the partial build took ${((partial.ms / fullMs) * 100).toFixed(0)}% of it.`);
} finally {
  await close();
  await db.stop();
}
