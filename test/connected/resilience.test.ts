// Breaks the database on purpose, on a DynamoDB Local of this file's own (the shared one serves the
// other test files and must not be frozen):
// - frozen (SIGSTOP) for 12 s while 10 clients keep asking the API over HTTP: every answer within
//   3 s, each a 200 or a 503 with Retry-After; match goes on answering 200 from the search engine;
//   after SIGCONT every route answers 200 again, with no restart of anything;
// - killed (SIGKILL) under `npm start`'s local database: it is started again on the same data
//   folder, says so, and the data written before is still there.
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../shared/clock.ts';
import type { MatchRequestInput } from '../../shared/domain/index.ts';
import { DemandCounter } from '../../functions/api/demand-counter.ts';
import { createPublicApp } from '../../functions/api/public/app.ts';
import { seedDemo } from '../../functions/listings/seed-demo.ts';
import { startDynamoDbLocal, type DynamoDbLocal } from '../../functions/local/dynamodb-local.ts';
import { openLocalDatabase } from '../../functions/local/local-database.ts';
import { readConfig } from '../../functions/platform/config.ts';
import { loadEmbeddedEngine } from '../../functions/search/embedded/load-embedded-engine.ts';
import { createDynamoDbClient, dynamoDbStores } from '../../functions/store/create-store.ts';
import { ensureTable } from '../../functions/store/dynamodb/ensure-table.ts';
import { captureOutput } from '../support/output-capture.ts';

const clock = fixedClock('2026-11-23T09:00:00Z');
const FREEZE_MS = 12_000;
const CLIENTS = 10;
/** The promise made to visitors. Asserted as is: the API's own deadline is 2.5 s (api/limits.ts). */
const ANSWER_WITHIN_MS = 3_000;

const match: MatchRequestInput = {
  regionId: 'zuid-limburg',
  postcode: '6211',
  criteria: [{ criterion: 'targetGroup', importance: 'must', value: 'dementia' }],
};

type Route = 'regions' | 'housing-forms' | 'location' | 'health' | 'match';
const ROUTES: Route[] = ['regions', 'housing-forms', 'location', 'health', 'match'];

interface Answer {
  route: Route;
  status: number;
  ms: number;
  retryAfter: string | null;
  code?: string;
}

let db: DynamoDbLocal;
let base: string;
/** A demonstration location, for the location page's data. */
let locationId: string;
let closeServer: () => Promise<void>;

function ask(route: Route): Promise<Answer> {
  const init: RequestInit =
    route === 'match'
      ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(match) }
      : { method: 'GET' };
  const path = {
    regions: '/api/regions',
    'housing-forms': '/api/regions/zuid-limburg/housing-forms?limit=5',
    location: `/api/locations/${locationId}`,
    health: '/api/health',
    match: '/api/match',
  }[route];
  const started = performance.now();
  // The client gives up far beyond the bound, so a hang shows as a slow answer, not a missing one.
  return fetch(base + path, { ...init, signal: AbortSignal.timeout(30_000) }).then(async (res) => {
    const body = (await res.json()) as { error?: { code?: string } };
    return { route, status: res.status, ms: performance.now() - started, retryAfter: res.headers.get('retry-after'), code: body.error?.code };
  });
}

/** `clients` loops, each asking every route in turn, until `until` says stop. */
async function load(until: () => boolean): Promise<Answer[]> {
  const answers: Answer[] = [];
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      for (let i = client; !until(); i++) answers.push(await ask(ROUTES[i % ROUTES.length] as Route));
    }),
  );
  return answers;
}

const delay = (ms: number) => new Promise((done) => setTimeout(done, ms));

beforeAll(async () => {
  db = await startDynamoDbLocal({ mode: 'memory' });
  const client = createDynamoDbClient({ DYNAMODB_ENDPOINT: db.endpoint, AWS_REGION: 'eu-west-1' });
  await ensureTable(client, 'resilience');
  const stores = dynamoDbStores(client, 'resilience');
  await seedDemo(stores, clock);
  locationId = (await stores.listings.listLocations('zuid-limburg'))[0]?.id as string;
  const app = createPublicApp({ regions: stores.regions, listings: stores.listings, demandCounter: new DemandCounter(stores.demandStatistics, clock), clock, search: await loadEmbeddedEngine(stores) });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  closeServer = () => new Promise((done) => server.close(() => done()));
});

afterAll(async () => {
  // Never leave it frozen: a stopped JVM ignores SIGTERM until it runs again.
  if (db?.pid) process.kill(db.pid, 'SIGCONT');
  await closeServer?.();
  await db?.stop();
});

describe('the database frozen under load', () => {
  it('answers every request within 3 s, keeps matching, and recovers by itself', async () => {
    const pid = db.pid as number;
    // Warm: every route answers 200 before anything breaks.
    for (const route of ROUTES) expect(await ask(route), route).toMatchObject({ status: 200 });

    const output = captureOutput();
    process.kill(pid, 'SIGSTOP');
    const frozenUntil = performance.now() + FREEZE_MS;
    let during: Answer[];
    try {
      during = await load(() => performance.now() >= frozenUntil);
    } finally {
      process.kill(pid, 'SIGCONT');
      output.restore();
    }
    // The operator hears which route and which error, once per request, and never what was asked.
    const warnings = output.jsonLines().filter((line) => line.message === 'a dependency did not answer');
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.every((line) => typeof line.route === 'string' && (line.error as { name?: string }).name)).toBe(true);
    expect(output.text()).not.toContain('6211');

    const slow = during.filter((a) => a.ms > ANSWER_WITHIN_MS);
    expect(slow, 'answers slower than 3 s').toEqual([]);
    for (const answer of during) {
      expect([200, 503], JSON.stringify(answer)).toContain(answer.status);
      if (answer.status === 503) expect(answer.retryAfter, JSON.stringify(answer)).toMatch(/^\d+$/);
    }
    const matches = during.filter((a) => a.route === 'match');
    expect(matches.length).toBeGreaterThan(10);
    expect(matches.every((a) => a.status === 200)).toBe(true);
    // The freeze was real: what needs the store could not be served, and said so in the one error shape.
    for (const route of ['regions', 'housing-forms', 'location'] as const) {
      const answers = during.filter((a) => a.route === route);
      expect(answers.length, route).toBeGreaterThan(0);
      expect(answers.every((a) => a.status === 503 && a.code === 'service_unavailable'), route).toBe(true);
    }
    expect(during.filter((a) => a.route === 'health').every((a) => a.status === 503)).toBe(true);

    // Recovery without a restart: once the JVM has worked off what queued up while it was stopped,
    // the same server and clients answer 200 on every route.
    const resumed = performance.now();
    while ((await ask('health')).status !== 200) {
      expect(performance.now() - resumed, 'health back within 10 s').toBeLessThan(10_000);
      await delay(100);
    }
    for (let round = 0; round < 2; round++) {
      const after = await Promise.all(ROUTES.map(ask));
      for (const answer of after) expect(answer, answer.route).toMatchObject({ status: 200 });
    }
  }, 60_000);
});

describe('the database killed under npm start', () => {
  it('is started again on the same data folder, with the data intact', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'woonwijzer-restart-'));
    const said: string[] = [];
    const local = await openLocalDatabase(readConfig({ DATA_DIR: dataDir, TABLE_NAME: 'restart' }), { announce: false, say: (line) => said.push(line) });
    try {
      await seedDemo(local.stores, clock);
      const before = await local.stores.regions.listRegions();
      expect(before.length).toBeGreaterThan(0);

      const first = local.databasePid() as number;
      process.kill(first, 'SIGKILL');
      const started = performance.now();
      while (!said.some((line) => line.includes('runs again'))) {
        expect(performance.now() - started, 'restarted within 20 s').toBeLessThan(20_000);
        await delay(100);
      }
      expect(said[0]).toMatch(/stopped unexpectedly \(signal SIGKILL\)\. Starting it again on the same data folder/);
      expect(local.databasePid()).not.toBe(first);

      // The same stores, through the same endpoint: no restart of the caller either.
      expect(await local.stores.regions.listRegions()).toEqual(before);
      const locations = await local.stores.listings.listLocations('zuid-limburg');
      expect(locations.length).toBeGreaterThan(0);
      expect(await local.stores.listings.getLocation(locations[0]?.id as string)).toBeDefined();
    } finally {
      await local.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
