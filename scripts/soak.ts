// Soak run (`npm run soak -- --minutes 10 --connections 50`), printed as figures, never asserted:
// the local stack as `npm start` runs it (DynamoDB Local on disk under supervision, the
// demonstration data, the embedded search engine following the table's stream, the API and the
// built site on one port) under mixed traffic on loopback for a while: pages, POST /api/match,
// /api/search and location reads, from `--connections` clients that each send their next request
// as soon as the last is answered. Prints per minute the requests, the errors by kind and the
// latency (p50, p99, max), and the server's memory (RSS and heap after a full collection) before the
// load, after the first minute (warm) and at the end: a leak shows as growth from warm to end.
//
// The server runs in a child process (this file again, with `--serve`), so the load generator's
// own allocations never count as the server's memory; the child answers memory questions over IPC.
import { fork } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { DemandCounter } from '../functions/api/demand-counter.ts';
import { createPublicApp } from '../functions/api/public/app.ts';
import { seedDemo } from '../functions/listings/seed-demo.ts';
import { buildSite } from '../functions/local/build-site.ts';
import { openLocalDatabase } from '../functions/local/local-database.ts';
import { createLocalServerApp } from '../functions/local/local-server.ts';
import { openStreamPoller, type StreamPoller } from '../functions/local/stream-poller.ts';
import { readConfig } from '../functions/platform/config.ts';
import { REPO_ROOT } from '../functions/platform/paths.ts';
import { loadEmbeddedEngine } from '../functions/search/embedded/load-embedded-engine.ts';
import { systemClock } from '../shared/clock.ts';

/** What the server child reports of itself, in bytes. */
interface MemoryReport {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
}
type ToServer = { kind: 'memory' } | { kind: 'stop' };
type FromServer = { kind: 'ready'; port: number; siteDir: string } | { kind: 'memory'; memory: MemoryReport } | { kind: 'failed'; message: string };

// --- The server (child process) -----------------------------------------------------------------

async function serveInChild(): Promise<void> {
  const send = (message: FromServer) => process.send?.(message);
  const work = await mkdtemp(join(REPO_ROOT, '.cache', 'soak-'));
  // A data folder of its own, so a running `npm start` (and its data) is neither used nor touched.
  const config = readConfig({ ...process.env, DATA_DIR: relative(REPO_ROOT, join(work, 'data')), DYNAMODB_ENDPOINT: undefined });
  const db = await openLocalDatabase(config, { announce: false, say: (line) => process.stderr.write(`[server] ${line}\n`) });
  const siteDir = join(work, 'site');
  // A holder, since stop() may run (the parent gone) before the poller exists.
  const running: { poller?: StreamPoller; stopCounting?: () => Promise<void> } = {};
  const stop = async () => {
    // The demand counts still in memory are written before the database stops.
    await running.stopCounting?.().catch(() => undefined);
    await running.poller?.stop();
    await db.close();
    await rm(work, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('disconnect', () => void stop());

  await seedDemo(db.stores, systemClock);
  // The stream position is taken before the load, so nothing written meanwhile is missed (as in scripts/start.ts).
  const poller = await openStreamPoller({ endpoint: db.endpoint, tableName: config.TABLE_NAME });
  running.poller = poller;
  const engine = await loadEmbeddedEngine(db.stores);
  poller.start(engine);
  const demandCounter = new DemandCounter(db.stores.demandStatistics, systemClock);
  running.stopCounting = demandCounter.flushPeriodically();
  const api = createPublicApp({ ...db.stores, demandCounter, clock: systemClock, search: engine });
  const server = serve({ fetch: createLocalServerApp(api, siteDir).fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', () => resolve());
    server.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  try {
    await buildSite(`http://127.0.0.1:${port}`, { outDir: siteDir });
  } catch (error) {
    send({ kind: 'failed', message: `The site did not build: ${(error as Error).message}` });
    await stop();
  }

  process.on('message', (message: ToServer) => {
    if (message.kind === 'stop') void stop();
    if (message.kind === 'memory') {
      // Collected first (the child runs with --expose-gc): heap figures then hold only what is live.
      globalThis.gc?.();
      const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
      send({ kind: 'memory', memory: { rss, heapUsed, heapTotal, external } });
    }
  });
  send({ kind: 'ready', port, siteDir });
}

// --- The load (parent process) ------------------------------------------------------------------

async function soak(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== '--'),
    options: { minutes: { type: 'string', default: '10' }, connections: { type: 'string', default: '50' } },
  });
  const minutes = Number(values.minutes);
  const connections = Number(values.connections);
  if (!(minutes > 0) || !Number.isInteger(connections) || connections < 1) {
    process.stderr.write('Usage: npm run soak -- [--minutes 10] [--connections 50]\n');
    process.exit(2);
  }

  const say = (line: string) => process.stdout.write(`${line}\n`);
  say('Starting the local stack (DynamoDB Local, demonstration data, embedded search, API) and building the site...');
  const child = fork(new URL(import.meta.url).pathname, ['--serve'], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    env: { ...process.env, LOG_LEVEL: 'warn', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  const ready = await new Promise<Extract<FromServer, { kind: 'ready' }>>((resolve, reject) => {
    child.on('message', (message: FromServer) => {
      if (message.kind === 'ready') resolve(message);
      if (message.kind === 'failed') reject(new Error(message.message));
    });
    child.once('exit', (code) => reject(new Error(`The server stopped before it was ready (exit code ${code}).`)));
  });
  const memory = () =>
    new Promise<MemoryReport>((resolve) => {
      const answer = (message: FromServer) => {
        if (message.kind !== 'memory') return;
        child.off('message', answer);
        resolve(message.memory);
      };
      child.on('message', answer);
      child.send({ kind: 'memory' } satisfies ToServer);
    });

  const base = `http://127.0.0.1:${ready.port}`;
  const traffic = await trafficFrom(base, ready.siteDir);
  say(
    `Traffic: ${traffic.pages.length} pages, ${traffic.regions.length} regions, ${traffic.locations.length} locations; ` +
      `mix ${MIX.map(([kind, weight]) => `${kind} ${weight}%`).join(', ')}.`,
  );
  say(`Machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(1)} GB, Node ${process.version}, load average ${loadavg()[0]?.toFixed(2)} at the start.`);

  const atStart = await memory();
  say(`Server memory before the load: ${memoryLine(atStart)}`);
  say(`\n${connections} connections for ${minutes} minute(s) on ${base}\n`);
  say('minute  requests  errors  p50 ms  p99 ms  max ms  server rss / heap');

  const minuteMs = 60_000;
  const started = performance.now();
  const endAt = started + minutes * minuteMs;
  const buckets: Bucket[] = [];
  const bucket = (at: number) => (buckets[Math.floor((at - started) / minuteMs)] ??= { latencies: [], errors: new Map() });
  let warm: MemoryReport | undefined;

  const client = async (id: number) => {
    for (let n = id; performance.now() < endAt; n += connections) {
      const request = traffic.pick(n);
      const sent = performance.now();
      const outcome = await send(base, request);
      const b = bucket(sent);
      b.latencies.push(performance.now() - sent);
      if (outcome !== 'ok') b.errors.set(`${request.kind} ${outcome}`, (b.errors.get(`${request.kind} ${outcome}`) ?? 0) + 1);
    }
  };
  const reporter = (async () => {
    for (let minute = 1; minute <= Math.ceil(minutes); minute++) {
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + minute * minuteMs - performance.now())));
      const now = await memory();
      if (minute === 1) warm = now;
      const b = buckets[minute - 1] ?? { latencies: [], errors: new Map() };
      say(minuteRow(minute, b, now));
    }
  })();
  await Promise.all(Array.from({ length: connections }, (_, i) => client(i)));
  const loadSeconds = (performance.now() - started) / 1000;
  await reporter;

  const atEnd = await memory();
  const all = buckets.flatMap((b) => b.latencies).sort((a, b) => a - b);
  const errors = new Map<string, number>();
  for (const b of buckets) for (const [kind, n] of b.errors) errors.set(kind, (errors.get(kind) ?? 0) + n);
  const errorCount = [...errors.values()].reduce((sum, n) => sum + n, 0);
  say(`\nTotal: ${all.length.toLocaleString('en')} requests, ${(all.length / loadSeconds).toFixed(0)} requests/s, ` +
    `${errorCount} errors${errorCount > 0 ? ` (${[...errors].map(([kind, n]) => `${kind}: ${n}`).join(', ')})` : ''}; ` +
    `p50 ${percentile(all, 0.5).toFixed(1)} ms, p99 ${percentile(all, 0.99).toFixed(1)} ms, max ${(all.at(-1) ?? 0).toFixed(0)} ms.`);
  say(`Server memory before the load: ${memoryLine(atStart)}`);
  if (warm) say(`Server memory after minute 1:  ${memoryLine(warm)}`);
  say(`Server memory at the end:      ${memoryLine(atEnd)}`);
  if (warm) say(`Growth from minute 1 to the end: rss ${signedMb(atEnd.rss - warm.rss)}, heap ${signedMb(atEnd.heapUsed - warm.heapUsed)}.`);
  say(`Load average at the end: ${loadavg().map((x) => x.toFixed(2)).join(' ')}.`);

  child.send({ kind: 'stop' } satisfies ToServer);
  await new Promise((resolve) => child.once('exit', resolve));
}

// --- Traffic ------------------------------------------------------------------------------------

type Kind = 'page' | 'match' | 'search' | 'location';
interface Request {
  kind: Kind;
  path: string;
  body?: unknown;
}
/** Shares of the requests, in per cent: about what the site's own pages ask while people use them. */
const MIX: readonly (readonly [Kind, number])[] = [['page', 35], ['match', 20], ['search', 20], ['location', 25]];

interface Traffic {
  pages: string[];
  regions: Array<{ id: string; primarySector: string }>;
  locations: Array<{ id: string; regionId: string; postcode: string }>;
  /** The n-th request: a fixed rotation through the mix, so every run sends the same sequence. */
  pick(n: number): Request;
}

/** The requests to send, from the built site's pages and the API's own regions and locations. */
async function trafficFrom(base: string, siteDir: string): Promise<Traffic> {
  const pages = (await readdir(siteDir, { recursive: true }))
    .filter((file) => file.endsWith('.html') && file !== '404.html')
    .map((file) => `/${file.replace(/(^|\/)index\.html$/, '$1').replace(/\.html$/, '')}`);
  const get = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${base}${path}`);
    if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
    return (await response.json()) as T;
  };
  const { regions } = await get<{ regions: Array<{ id: string; primarySector: string }> }>('/api/regions');
  const locations: Traffic['locations'] = [];
  for (const region of regions) {
    const listed = await get<{ locations: Array<{ id: string; address: { postcode: string } }> }>(`/api/regions/${region.id}/locations`);
    locations.push(...listed.locations.map((l) => ({ id: l.id, regionId: region.id, postcode: l.address.postcode.slice(0, 4) })));
  }
  if (pages.length === 0 || locations.length === 0) throw new Error('Nothing to send: the site has no pages or the store no locations.');
  const SEARCH_WORDS = ['', 'zorg', 'hof', 'dementie', 'wonen', 'groep'];
  const rotation = MIX.flatMap(([kind, weight]) => Array.from({ length: weight }, () => kind));

  const pick = (n: number): Request => {
    const kind = rotation[(n * 37) % rotation.length] as Kind;
    const location = locations[n % locations.length] as Traffic['locations'][number];
    const region = regions.find((r) => r.id === location.regionId) as Traffic['regions'][number];
    switch (kind) {
      case 'page':
        return { kind, path: pages[n % pages.length] as string };
      case 'match':
        return {
          kind,
          path: '/api/match',
          body: {
            regionId: region.id,
            postcode: location.postcode,
            criteria: [
              { criterion: 'sector', importance: 'must', value: region.primarySector },
              { criterion: 'garden', importance: 'important' },
              { criterion: 'ownBathroom', importance: 'nice' },
            ],
            limit: 20,
          },
        };
      case 'search': {
        const q = SEARCH_WORDS[n % SEARCH_WORDS.length] as string;
        return { kind, path: `/api/search?regionId=${region.id}${q ? `&q=${q}` : ''}${n % 3 === 0 ? '&garden=true' : ''}` };
      }
      case 'location': {
        // Mostly one location (its page's data); now and then the region's lists the site reads too.
        const regionReads = [`/api/regions/${region.id}/housing-forms`, `/api/regions/${region.id}/locations`, `/api/regions/${region.id}`, '/api/regions'];
        return { kind, path: n % 3 === 0 ? (regionReads[n % regionReads.length] as string) : `/api/locations/${location.id}` };
      }
    }
  };
  return { pages, regions, locations, pick };
}

/** 'ok', or what went wrong: the status code, a timeout, or the network error's code. */
async function send(base: string, request: Request): Promise<string> {
  // A timer of our own rather than AbortSignal.timeout: fetch holds that signal weakly, and in a
  // first 10-minute run one request whose signal was collected never settled, so the run never ended.
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException('No answer within 10 s', 'TimeoutError')), REQUEST_TIMEOUT_MS);
  try {
    const response = await fetch(`${base}${request.path}`, {
      method: request.body === undefined ? 'GET' : 'POST',
      headers: request.body === undefined ? {} : { 'content-type': 'application/json' },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: controller.signal,
    });
    // Read to the end: the answer counts only once it has fully arrived.
    await response.arrayBuffer();
    return response.status === 200 ? 'ok' : String(response.status);
  } catch (error) {
    const err = error as Error & { cause?: { code?: string } };
    return err.name === 'TimeoutError' || controller.signal.aborted ? 'timeout' : (err.cause?.code ?? err.name);
  } finally {
    clearTimeout(timer);
  }
}

const REQUEST_TIMEOUT_MS = 10_000;

// --- Figures ------------------------------------------------------------------------------------

interface Bucket {
  latencies: number[];
  errors: Map<string, number>;
}

function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
}

function minuteRow(minute: number, bucket: Bucket, memory: MemoryReport): string {
  const sorted = [...bucket.latencies].sort((a, b) => a - b);
  const errors = [...bucket.errors.values()].reduce((sum, n) => sum + n, 0);
  return [
    String(minute).padStart(6),
    sorted.length.toLocaleString('en').padStart(8),
    String(errors).padStart(6),
    percentile(sorted, 0.5).toFixed(1).padStart(6),
    percentile(sorted, 0.99).toFixed(1).padStart(6),
    (sorted.at(-1) ?? 0).toFixed(0).padStart(6),
    ` ${mb(memory.rss)} / ${mb(memory.heapUsed)}`,
  ].join('  ');
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const signedMb = (bytes: number) => `${bytes >= 0 ? '+' : ''}${mb(bytes)}`;
const memoryLine = (m: MemoryReport) => `rss ${mb(m.rss)}, heap used ${mb(m.heapUsed)} of ${mb(m.heapTotal)}, external ${mb(m.external)}`;

// Last, so every constant above is initialised before either side runs.
if (process.argv.includes('--serve')) await serveInChild();
else await soak();
