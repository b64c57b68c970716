// Benchmark of the matcher (`npm run bench:match`): synthetic corpora of 2,000, 15,000 and 50,000 housing
// forms spread over real postcode points of the Netherlands, one request with 6 criteria and a
// place, p50/p99 latency of matchCandidates over columns kept with the array (as the embedded engine
// scans a region or the country) and over a pool gathered for the request, and in the same run the
// time of a bare scan over the same array as the floor. Targets (issue 3): p99 <= 25 ms at 2,000 and <= 100 ms at 50,000,
// within 3x of the bare scan.
// The matcher rows scan every candidate (a search of the whole country). Then the API's throughput
// on loopback: POST /api/match at national size (15,000 housing forms in the 31 care-office regions,
// the request asking one of them), 50 connections, under autocannon. Target (issue 16): >= 1,500
// requests/s with p99 <= 50 ms; the server's CPU time per request is printed beside it.
// The one-process run is made before (the route with its demand counting switched off) and after
// (every answer adds its counts to the production DemandCounter, whose batches go through the real
// DynamoDB adapter on a client whose network answers after DYNAMODB_LATENCY_MS, as DynamoDB would,
// without a DynamoDB Local competing for the same 2 cores), alternated ROUNDS times. Target
// (issue 15): p99 after within 10 % of before.
// Options: `--api-only` (no matcher table), `--one-process` (no cluster run), `--ceiling` (the same
// load on bare Hono routes, for what one process on this machine can serve at all). To profile the
// API: `node --import tsx --cpu-prof scripts/bench-match.ts --api-only --one-process --rounds 1` (the
// server process, forked with the same flags, writes a profile of its own: the largest file).
import cluster from 'node:cluster';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { serve } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { DemandCounter } from '../functions/api/demand-counter.ts';
import { createPublicApp } from '../functions/api/public/app.ts';
import { loadEmbeddedEngine } from '../functions/search/embedded/load-embedded-engine.ts';
import { DynamoDbDemandStatisticsStore } from '../functions/store/dynamodb/dynamodb-demand-statistics-store.ts';
import type { ListingReader } from '../functions/store/listing-reader.ts';
import type { RegionReader } from '../functions/store/region-store.ts';
import { systemClock } from '../shared/clock.ts';
import { haversineKm, type Point } from '../shared/geo/distance.ts';
import { CandidateColumns, matchCandidates, type MatchCandidate } from '../shared/matching/index.ts';
import { countsOfMatch } from '../shared/statistics/demand.ts';
import { AS_OF, corpus, ORIGIN, REQUEST } from './lib/match-corpus.ts';

// --- The floor ----------------------------------------------------------------------------------

/**
 * The floor: one hand-written loop that reads, once per candidate, each field the 6 criteria read
 * and computes the distance to the place (which a request with a postcode cannot skip), counting
 * the candidates that meet both musts. No ranking, no near misses, no reasons, no allocation.
 */
function bareScan(candidates: readonly MatchCandidate[], origin: Point): number {
  let fitting = 0;
  let sink = 0;
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i] as MatchCandidate;
    const musts = c.sectors.includes('VV') && c.deliveryForms !== undefined && c.deliveryForms.includes('verblijf');
    if (musts) fitting++;
    if (c.targetGroups?.includes('dementia')) sink += 3;
    if (c.facilities?.includes('garden')) sink += 3;
    if (c.languages?.includes('li')) sink += 1;
    if (c.ownBathroom === true) sink += 1;
    sink += haversineKm(origin, c.point);
  }
  return fitting + (sink > 0 ? 0 : 1);
}

// --- Measuring ----------------------------------------------------------------------------------

function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}

function time(runs: number, warmup: number, fn: () => unknown): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

interface Row {
  size: number;
  runs: number;
  p50: number;
  p99: number;
  /** A pool gathered for one request (a search across borders): its columns worked out per request. */
  freshP50: number;
  bareP50: number;
  total: number;
}

function benchCorpus(size: number, runs: number): Row {
  const candidates = corpus(size, 20261123 + size);
  // As the embedded engine scans a region or the country: columns kept with the array.
  const kept = new CandidateColumns(candidates, true);
  const response = matchCandidates(REQUEST, kept, AS_OF, ORIGIN);
  const warmup = Math.max(10, Math.floor(runs / 4));
  const matcher = time(runs, warmup, () => matchCandidates(REQUEST, kept, AS_OF, ORIGIN));
  const fresh = time(runs, warmup, () => matchCandidates(REQUEST, candidates, AS_OF, ORIGIN));
  const bare = time(runs, warmup, () => bareScan(candidates, ORIGIN));
  return {
    size,
    runs,
    p50: percentile(matcher, 0.5),
    p99: percentile(matcher, 0.99),
    freshP50: percentile(fresh, 0.5),
    bareP50: percentile(bare, 0.5),
    total: response.total,
  };
}

/** Issue 3's targets: p99 per corpus size, and the matcher within 3x of the bare scan. */
const P99_TARGET_MS: Readonly<Record<number, number>> = { 2_000: 25, 50_000: 100 };
const RATIO_TARGET = 3;

function printTable(rows: readonly Row[]): void {
  const ms = (x: number) => `${x.toFixed(2)} ms`;
  const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');
  const table = [
    ['candidates', 'runs', 'fitting', 'matcher p50', 'matcher p99', 'fresh pool p50', 'bare scan p50', 'p50 / bare', 'fresh / bare', 'p99 target', 'ratio target'],
    ...rows.map((r) => {
      const target = P99_TARGET_MS[r.size];
      const ratio = r.p50 / r.bareP50;
      return [
        r.size.toLocaleString('en'), String(r.runs), r.total.toLocaleString('en'), ms(r.p50), ms(r.p99), ms(r.freshP50), ms(r.bareP50),
        `${ratio.toFixed(2)}x`, `${(r.freshP50 / r.bareP50).toFixed(2)}x`, target === undefined ? '-' : `<= ${target} ms ${verdict(r.p99 <= target)}`,
        `<= ${RATIO_TARGET}x ${verdict(ratio <= RATIO_TARGET)}`,
      ];
    }),
  ];
  const widths = table[0]!.map((_, col) => Math.max(...table.map((row) => row[col]!.length)));
  for (const row of table) console.log(row.map((cell, col) => cell.padStart(widths[col]!)).join('  '));
}

// `--api-only` skips the matcher table (for profiling the API: `node --cpu-prof` sees only it).
const apiOnly = process.argv.includes('--api-only');
// A forked server process (below) skips the table.
if (!apiOnly && cluster.isPrimary) {
  console.log(
    'Matcher: 6 criteria (2 must, 2 important, 2 nice) and a postcode; bare scan = same fields + distance, no ranking. ' +
      'matcher = columns kept with the array (as the embedded engine scans a region or the country); fresh pool = columns worked out for the request (a pool across borders).\n',
  );
  printTable([benchCorpus(2_000, 200), benchCorpus(15_000, 100), benchCorpus(50_000, 50)]);
}

// --- API throughput (autocannon, POST /api/match at national size) ------------------------------
// The API as `npm start` builds it (createPublicApp, the embedded engine loaded through its loader) on
// @hono/node-server on a loopback port. The store is a fake that only lists the corpus: the match
// route never reads the store, and DynamoDB Local would only slow the start. autocannon runs in a
// worker thread, so the load generator does not share the server's event loop (on 2 cores the
// server still shares the machine with it).
//
// Two runs: one server process, as `npm start` serves; and one process per core (node:cluster),
// as a server on this machine would be deployed. The server always runs in processes of its own
// (node:cluster), so the CPU time each uses is the server's alone: on a machine shared with other
// work, requests/s and latency measure the neighbours too, while the server's CPU time per request
// says what one core of its own would serve. A forked process re-runs this file, skips the matcher
// table and goes to serveApiInWorker, which never returns.

/** The part of autocannon's API used here (the package ships no types). */
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}
type Autocannon = (options: {
  url: string;
  method: 'POST';
  headers: Record<string, string>;
  body: string;
  connections: number;
  duration: number;
  workers?: number;
}) => Promise<AutocannonResult>;

const API_CORPUS_SIZE = 15_000;
const API_CONNECTIONS = 50;
const API_DURATION_S = 10;
const API_WARMUP_S = 2;
const API_TARGET = { requestsPerSecond: 1_500, p99Ms: 50 };

function corpusStores(candidates: MatchCandidate[]): { regions: RegionReader; listings: ListingReader } {
  const regionIds = [...new Set(candidates.map((c) => c.regionId))].sort();
  const regions = regionIds.map((id) => ({
    id, name: id.toUpperCase(), careOfficeRegionCode: id.toUpperCase(), primarySector: 'VV' as const,
    municipalities: [{ code: 'GM0000', name: 'Overal' }], description: 'Benchmark corpus.', supportOrganizations: [],
    demonstration: true,
  }));
  const notUsed = () => {
    throw new Error('The benchmark store only lists its corpus.');
  };
  const only = <T extends object>(methods: Partial<T>): T =>
    new Proxy({} as T, { get: (_target, name) => (methods as Record<string | symbol, unknown>)[name] ?? notUsed });
  return {
    regions: only<RegionReader>({ listRegions: async () => regions }),
    listings: only<ListingReader>({ loadRegion: async (regionId: string) => ({ locations: [], candidates: candidates.filter((c) => c.regionId === regionId) }) }),
  };
}

/** A DynamoDB write's round trip in the same AWS region, as the counting client waits for it. */
const DYNAMODB_LATENCY_MS = 5;
/**
 * What the match route did before it counted: nothing is added and nothing written. (The route
 * still works out the counts from its answer's reasons: countingCost below times that part alone.)
 */
class NotCounting extends DemandCounter {
  override record(): void {}
}
const notCounting = () => new NotCounting({ add: async () => undefined }, systemClock);
/** Writes of counters the simulated DynamoDB was sent during a counting run (in a server process; summed by the primary). */
let countersWritten = 0;

/**
 * The production counter over the real adapter on a client whose network is simulated: every call
 * is signed, serialised and sent through the SDK's middleware as in AWS, and answered `{}` after
 * DYNAMODB_LATENCY_MS.
 */
function countingOverSimulatedNetwork(): DemandCounter {
  const requestHandler = {
    handle: async () => {
      await new Promise((resolve) => setTimeout(resolve, DYNAMODB_LATENCY_MS));
      return { response: { statusCode: 200, headers: { 'content-type': 'application/x-amz-json-1.0' }, body: Readable.from([Buffer.from('{}')]) } };
    },
  };
  const client = new DynamoDBClient({ region: 'eu-west-1', credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' }, requestHandler });
  const store = new DynamoDbDemandStatisticsStore(DynamoDBDocumentClient.from(client), 'bench-statistics');
  return new DemandCounter({
    add: (totals) => {
      countersWritten += totals.demand.length + totals.unknown.length;
      return store.add(totals);
    },
  }, systemClock);
}

async function listenApi(candidates: MatchCandidate[], counting = true) {
  const stores = corpusStores(candidates);
  const demandCounter = counting ? countingOverSimulatedNetwork() : notCounting();
  const app = createPublicApp({ ...stores, demandCounter, clock: systemClock, search: await loadEmbeddedEngine(stores) });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', () => resolve());
    server.once('error', reject);
  });
  return server;
}

/** What the primary sends a forked server: its corpus, and whether it counts demand. */
interface ServerOrders {
  candidates: MatchCandidate[];
  counting: boolean;
}

/** What a forked server reports: its CPU time so far (user + system, microseconds) and the counters it wrote. */
interface ServerStats {
  cpuMicros: number;
  countersWritten: number;
}

/**
 * A forked server process: gets the corpus from the primary, serves until the primary kills it,
 * and answers 'cpu?' with its ServerStats.
 */
async function serveApiInWorker(): Promise<never> {
  // Asked for once listening: a message sent before a listener exists would be lost.
  const received = new Promise<ServerOrders>((resolve) => process.once('message', (m) => resolve(m as ServerOrders)));
  process.send?.('corpus?');
  const { candidates, counting } = await received;
  await listenApi(candidates, counting);
  process.on('message', (m) => {
    if (m !== 'cpu?') return;
    const used = process.cpuUsage();
    process.send?.({ cpuMicros: used.user + used.system, countersWritten } satisfies ServerStats);
  });
  return new Promise<never>(() => undefined);
}

// A server process forked by the API benchmark only serves: here, once everything it uses is
// initialised (a `const` or `class` read before its line throws), and never returning.
if (cluster.isWorker) await serveApiInWorker();

/**
 * The API on `processes` forked processes sharing one port; returns its port, the CPU time its
 * processes have used so far (microseconds), and how to stop it.
 */
async function startApi(processes: number, candidates: MatchCandidate[], counting: boolean): Promise<{ port: number; stats: () => Promise<ServerStats>; stop: () => Promise<void> }> {
  const workers = Array.from({ length: processes }, () => cluster.fork());
  const orders: ServerOrders = { candidates, counting };
  for (const worker of workers) worker.once('message', () => worker.send(orders));
  // In a cluster, listen(0) gives every worker the same port.
  const port = await new Promise<number>((resolve) => {
    let listening = 0;
    cluster.on('listening', (_worker, address) => {
      if (++listening === processes) resolve(address.port);
    });
  });
  const statsOf = (worker: (typeof workers)[number]) => new Promise<ServerStats>((resolve) => {
    worker.once('message', (m: ServerStats) => resolve(m));
    worker.send('cpu?');
  });
  return {
    port,
    stats: async () => (await Promise.all(workers.map(statsOf))).reduce(
      (sum, one) => ({ cpuMicros: sum.cpuMicros + one.cpuMicros, countersWritten: sum.countersWritten + one.countersWritten }),
      { cpuMicros: 0, countersWritten: 0 },
    ),
    stop: async () => {
      await Promise.all(workers.map((worker) => new Promise<void>((resolve) => {
        worker.once('exit', () => resolve());
        worker.kill();
      })));
    },
  };
}

/** autocannon with the benchmark's settings for `duration` seconds (after a warm-up, which lets V8 optimise the route). */
function load(url: string, body: string, duration = API_DURATION_S): Promise<AutocannonResult> {
  // CommonJS, loaded through require: an ES import of an untyped package does not type-check.
  const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
  return autocannon({ url, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections: API_CONNECTIONS, duration, workers: 1 });
}

/** Returns the API's answer, for the ceiling run, and its p99. */
async function benchApi(processes: number, candidates: MatchCandidate[], counting = true): Promise<{ answer: string; p50: number; p99: number; cpuMsPerRequest: number }> {
  const api = await startApi(processes, candidates, counting);
  const url = `http://127.0.0.1:${api.port}/api/match`;
  const body = JSON.stringify(REQUEST);
  try {
    const probe = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const answer = await probe.text();
    if (probe.status !== 200) throw new Error(`POST /api/match answered ${probe.status}: ${answer}`);
    await load(url, body, API_WARMUP_S);
    const statsBefore = await api.stats();
    const result = await load(url, body);
    const statsAfter = await api.stats();
    const cpuMsPerRequest = (statsAfter.cpuMicros - statsBefore.cpuMicros) / 1000 / result.requests.total;
    countersWritten += statsAfter.countersWritten;
    const ok = (good: boolean) => (good ? 'ok' : 'MISSED');
    const failed = result.errors + result.timeouts + result.non2xx;
    console.log(
      `${processes === 1 ? '1 process   ' : `${processes} processes`}${counting ? ', counting    ' : ', not counting'}: ${Math.round(result.requests.average).toLocaleString('en')} requests/s ` +
        `(target >= ${API_TARGET.requestsPerSecond.toLocaleString('en')} ${ok(result.requests.average >= API_TARGET.requestsPerSecond)}), ` +
        `latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms (target <= ${API_TARGET.p99Ms} ms ${ok(result.latency.p99 <= API_TARGET.p99Ms)}), ` +
        `max ${result.latency.max} ms; ${result.requests.total.toLocaleString('en')} requests, ${failed} failed; answer ${(answer.length / 1024).toFixed(0)} KB; ` +
        `server CPU ${cpuMsPerRequest.toFixed(2)} ms a request (${Math.round(1000 / cpuMsPerRequest).toLocaleString('en')} requests/s a core of its own); ` +
        `load average ${loadavg()[0]?.toFixed(1)}.`,
    );
    return { answer, p50: result.latency.p50, p99: result.latency.p99, cpuMsPerRequest };
  } finally {
    await api.stop();
  }
}

/**
 * What one process on this machine can serve at all, measured the same way (`--ceiling`): a bare
 * Hono route on the same server that reads the body and answers (a) a tiny JSON, (b) the match
 * route's answer as a ready string, (c) the same answer re-serialised with c.json every time, as
 * the real route must. The real route can only be slower than (c) by the matcher and validation.
 */
async function benchCeiling(answer: string): Promise<void> {
  const parsed: unknown = JSON.parse(answer);
  const variants: readonly (readonly [string, (c: Context) => Response])[] = [
    ['tiny JSON       ', (c) => c.json({ ok: true })],
    ['answer as string', (c) => c.body(answer, 200, { 'content-type': 'application/json' })],
    ['answer, c.json  ', (c) => c.json(parsed)],
  ];
  for (const [name, respond] of variants) {
    const app = new Hono().post('/api/match', async (c) => {
      await c.req.json();
      return respond(c);
    });
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/match`;
      await load(url, JSON.stringify(REQUEST), API_WARMUP_S);
      const result = await load(url, JSON.stringify(REQUEST));
      console.log(
        `ceiling, ${name}: ${Math.round(result.requests.average).toLocaleString('en')} requests/s, ` +
          `latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms.`,
      );
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }
}

/** In-process, without HTTP: the time per request of working out the counts and adding them to a batch. */
function countingCost(answer: string): void {
  const response = JSON.parse(answer) as Parameters<typeof countsOfMatch>[1];
  const counter = new DemandCounter({ add: async () => undefined }, { now: () => new Date(0) });
  const times = time(2_000, 500, () => counter.record(countsOfMatch(REQUEST, response, AS_OF)));
  const counts = countsOfMatch(REQUEST, response, AS_OF);
  console.log(
    `Counting per request (the answer's ${counts.demand.length} asked criteria and ${counts.unknown.length} unknown counters, summed into the batch): ` +
      `p50 ${(percentile(times, 0.5) * 1000).toFixed(1)} µs, p99 ${(percentile(times, 0.99) * 1000).toFixed(1)} µs.`,
  );
}

const apiCorpus = corpus(API_CORPUS_SIZE, 20261123 + API_CORPUS_SIZE);
console.log(
  `\nAPI: POST /api/match on loopback, ${API_CORPUS_SIZE.toLocaleString('en')} housing forms in ${new Set(apiCorpus.map((c) => c.regionId)).size} regions ` +
    `(${apiCorpus.filter((c) => c.regionId === REQUEST.regionId).length.toLocaleString('en')} in the asked one), the same request (limit ${REQUEST.limit}), ` +
    `autocannon ${API_CONNECTIONS} connections for ${API_DURATION_S} s after ${API_WARMUP_S} s warm-up.`,
);
// Before and after the demand counting, alternated ROUNDS times so a neighbour's burst on this
// shared machine does not land on one side only; the comparison takes the mean of each side.
// `--rounds N` for fewer (a profile needs one).
const roundsArg = process.argv.indexOf('--rounds');
const ROUNDS = roundsArg > 0 ? Math.max(1, Number(process.argv[roundsArg + 1]) || 3) : 3;
const runs = { before: [] as Array<{ p50: number; p99: number }>, after: [] as Array<{ p50: number; p99: number }> };
let answer = '';
for (let round = 0; round < ROUNDS; round++) {
  runs.before.push(await benchApi(1, apiCorpus, false));
  const after = await benchApi(1, apiCorpus, true);
  runs.after.push(after);
  answer = after.answer;
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const change = (before: number, after: number) => `${(((after - before) / before) * 100).toFixed(1)} %`;
const side = (name: 'before' | 'after') => ({ p50: mean(runs[name].map((r) => r.p50)), p99: mean(runs[name].map((r) => r.p99)) });
const [before, after] = [side('before'), side('after')];
console.log(
  `Demand counting, mean of ${ROUNDS} runs each: p50 before ${before.p50.toFixed(1)} ms, after ${after.p50.toFixed(1)} ms (${change(before.p50, after.p50)}); ` +
    `p99 before ${before.p99.toFixed(1)} ms, after ${after.p99.toFixed(1)} ms (${change(before.p99, after.p99)}; ` +
    `target within 10 % ${after.p99 <= before.p99 * 1.1 ? 'ok' : 'MISSED'}). Counters written in batches: ${countersWritten.toLocaleString('en')}.`,
);
countingCost(answer);
if (process.argv.includes('--ceiling')) await benchCeiling(answer);
// `--one-process` skips the cluster run (the figure issue 3 asks for is the one-process one).
if (!process.argv.includes('--one-process')) await benchApi(availableParallelism(), apiCorpus);
