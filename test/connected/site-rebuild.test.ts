// The local site follows the data as `npm start` runs it: the local server, the stream poller
// feeding the search engine and the site rebuilder, a full build first. Then an editor's saves
// through the provider API, while the test asks for the location page and the region page again
// and again during each rebuild: no answer is ever a 404 or less than a whole page, the new state
// is served well within the two minutes, a new location gets its pages and a removed one
// answers 404 once its rebuild is in.
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { rm } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createLocalServerApp } from '../../functions/local/local-server.ts';
import { createSiteRebuilder, type SiteBuildReport, type SiteRebuilder } from '../../functions/local/site-rebuilder.ts';
import { openStreamPoller, type StreamPoller } from '../../functions/local/stream-poller.ts';
import { REPO_ROOT } from '../../functions/platform/paths.ts';
import { loadEmbeddedEngine } from '../../functions/search/embedded/load-embedded-engine.ts';
import { housingForm, location } from '../fixtures/listing.ts';
import { createTestApp } from '../support/test-app.ts';
import { movableClock } from '../support/test-staff-app.ts';
import { base, createProviderTestApp, formPath, HF, LOC, ORG, type ProviderTestApp } from '../support/test-provider-app.ts';

/** The limit from a save to the new page served. */
const LIMIT_MS = 120_000;
/** A case waits for one partial build at most the limit, plus its own requests. */
const CASE_TIMEOUT_MS = LIMIT_MS + 30_000;
const outDir = join(REPO_ROOT, 'test-results', 'site-rebuild');
const clock = movableClock('2026-11-20T12:00:00Z');
let t: ProviderTestApp;
let server: ReturnType<typeof serve>;
let poller: StreamPoller;
let rebuilder: SiteRebuilder;
let baseUrl: string;
const reports: SiteBuildReport[] = [];

beforeAll(async () => {
  t = await createProviderTestApp({ clock });
  // As scripts/start.ts does: the stream position first, then the engine's load, then the server and the first build.
  poller = await openStreamPoller({ endpoint: inject('dynamodbEndpoint'), tableName: t.tableName, intervalMs: 100 });
  const engine = await loadEmbeddedEngine(t.stores);
  await rm(outDir, { recursive: true, force: true });
  server = serve({ fetch: createLocalServerApp(createTestApp(t.stores, clock, engine), outDir).fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  rebuilder = createSiteRebuilder({ apiUrl: baseUrl, outDir, buildDate: '2026-11-23', debounceMs: 500, onBuilt: (report) => reports.push(report) });
  poller.start(engine, (records) => rebuilder.notice(records));
  await rebuilder.buildAll();
}, 180_000);

afterAll(async () => {
  await poller?.stop();
  await rebuilder?.stop();
  server?.close();
});

interface Answer {
  path: string;
  status: number;
  body: string;
}
const ask = async (path: string): Promise<Answer> => {
  const res = await fetch(`${baseUrl}${path}`);
  return { path, status: res.status, body: await res.text() };
};
const whole = (answer: Answer) => answer.status === 200 && answer.body.startsWith('<!DOCTYPE html>') && answer.body.trimEnd().endsWith('</html>');

/**
 * Asks for `paths` every 100 ms until `arrived` holds for the latest answers (or the limit
 * passes); every answer, and how long it took from the start.
 */
async function pollUntil(paths: string[], arrived: (latest: Map<string, Answer>) => boolean): Promise<{ answers: Answer[]; ms: number | undefined }> {
  const start = performance.now();
  const answers: Answer[] = [];
  while (performance.now() - start < LIMIT_MS) {
    const latest = await Promise.all(paths.map(ask));
    answers.push(...latest);
    if (arrived(new Map(latest.map((a) => [a.path, a])))) return { answers, ms: performance.now() - start };
    await sleep(100);
  }
  return { answers, ms: undefined };
}

const linde = `/locatie/${LOC}/`;
const lindeEn = `/en/location/${LOC}/`;
const region = '/regio/zuid-limburg/';

describe('the local site while it follows the data', () => {
  it('starts with a full build: the location page shows the waiting list as built', async () => {
    const page = await ask(linde);
    expect(whole(page)).toBe(true);
    expect(page.body).not.toContain('ww-status--closed');
    expect(page.body).toContain('Zo stond het op Woonwijzer op 23 november 2026.');
  });

  it('a waiting list closed by an editor reaches the location and region pages, and no answer meanwhile is a 404 or a partial page', async () => {
    const version = (await t.stores.providerListings.readHousingForm(ORG, { locationId: LOC, housingFormId: HF }))?.version;
    const saved = await t.send('PATCH', `${formPath()}/waiting-list`, { version, waitingList: { status: 'closed' } }, t.people.editor);
    expect(saved.status).toBe(200);
    const { answers, ms } = await pollUntil([linde, lindeEn, region], (latest) =>
      [linde, lindeEn, region].every((path) => latest.get(path)?.body.includes('ww-status--closed')));
    expect(answers.filter((answer) => !whole(answer)).map((a) => `${a.path} ${a.status} ${a.body.length} bytes`)).toEqual([]);
    expect(ms, 'the new state was not served within 2 minutes').toBeDefined();
    // Polled throughout: the old pages were served until the new ones were in.
    expect(answers.filter((answer) => answer.path === linde && !answer.body.includes('ww-status--closed')).length).toBeGreaterThan(0);
    const partial = reports.findLast((report) => report.kind === 'pages');
    expect(partial?.built).toEqual(expect.arrayContaining([linde, lindeEn, region, '/en/region/zuid-limburg/']));
    // Not the whole site: the other location's page was left alone.
    expect(partial?.built).not.toContain('/locatie/het-anker/');
   }, CASE_TIMEOUT_MS);

  it('a new location gets its pages and appears on its region\'s page', async () => {
    const created = await t.send('POST', `${base}/locations`, {
      location: { ...location({ id: 'de-wilg', name: 'De Wilg' }), housingForms: [housingForm({ id: 'wonen', name: 'Wonen' })] },
    }, t.people.admin);
    expect(created.status).toBe(201);
    const { answers, ms } = await pollUntil(['/locatie/de-wilg/', region], (latest) =>
      whole(latest.get('/locatie/de-wilg/') as Answer) && Boolean(latest.get(region)?.body.includes('href="/locatie/de-wilg/"')));
    expect(ms, 'the new location\'s page was not served within 2 minutes').toBeDefined();
    expect(answers.filter((a) => a.path === region && !whole(a))).toEqual([]);
    expect(whole(await ask('/en/location/de-wilg/'))).toBe(true);
   }, CASE_TIMEOUT_MS);

  it('a removed location answers 404 after the rebuild, and its region page stops linking to it', async () => {
    const removed = await t.send('DELETE', `${base}/locations/de-wilg`, { version: 1 }, t.people.admin);
    expect(removed.status).toBe(200);
    const { answers, ms } = await pollUntil(['/locatie/de-wilg/', region], (latest) =>
      latest.get('/locatie/de-wilg/')?.status === 404 && !latest.get(region)?.body.includes('href="/locatie/de-wilg/"'));
    expect(ms, 'the removed location\'s page was still served after 2 minutes').toBeDefined();
    expect(answers.filter((a) => a.path === region && !whole(a))).toEqual([]);
    // Until it was taken away the page was whole; then the site's own 404 page.
    expect(answers.filter((a) => a.path === '/locatie/de-wilg/' && a.status !== 404 && !whole(a))).toEqual([]);
    expect((await ask('/en/location/de-wilg/')).status).toBe(404);
    expect(whole(await ask(linde))).toBe(true);
   }, CASE_TIMEOUT_MS);
});
