// Lambda cold start on paper (`npm run bench:cold-start`): bundles the functions on a request's
// path (the public API, and the staff API) exactly as the stacks do, prints their minified sizes,
// then imports each bundle's handler in N fresh Node processes and prints the import time p50 and
// max, the CPU time of the import, and each process's time from start to handler ready, with the
// load average while it ran. Target (issue 16): the API's import p50 under 300 ms.
//
// What it leaves out, so the figure is a floor for Lambda's "Init duration": the runtime's own
// start (its bootstrap before it imports the handler) and the slower, throttled CPU a 512 MB
// function gets (about a third of a vCPU: Lambda gives a whole one at 1,769 MB). The AWS SDK is
// external in the bundle (the runtime has it) and is loaded here from node_modules, as the
// runtime loads its own copy. The environment is the one the stack gives the function, with
// made-up names: the handler's module only builds clients at import, it calls nothing.
// Options: `--runs N` (default 15).
import { execFileSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { measureBundle } from '../infra/bundle-measure.ts';
import { BUNDLE_BUDGETS, REPO_ROOT, type LambdaName } from '../infra/bundling.ts';

/** The target for the public API's import (issue 16). */
const IMPORT_TARGET_MS = 300;
const FUNCTIONS: readonly LambdaName[] = ['api', 'staff'];
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Math.max(1, Number(process.argv[runsArg + 1]) || 15) : 15;

/** As infra/stacks/api-stack.ts sets it, with names that reach nothing (no call is made at import). */
const LAMBDA_ENVIRONMENT: Record<string, string> = {
  AWS_REGION: 'eu-west-1',
  AWS_LAMBDA_FUNCTION_NAME: 'woonwijzer-bench-cold-start',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  NODE_OPTIONS: '--enable-source-maps',
  STAGE: 'bench',
  TABLE_NAME: 'woonwijzer-bench-table',
  STATISTICS_TABLE_NAME: 'woonwijzer-bench-statistics',
  DOSSIER_TABLE_NAME: 'woonwijzer-bench-dossiers',
  SEARCH_ENGINE: 'opensearch',
  OPENSEARCH_URL: 'https://search-woonwijzer-bench.eu-west-1.es.amazonaws.com',
  AUTH_SECRET_ID: 'arn:aws:secretsmanager:eu-west-1:000000000000:secret:bench',
  SITE_ORIGINS_PARAMETER: '/woonwijzer/bench/site-origins',
  PHOTOS_BUCKET: 'woonwijzer-bench-photos',
};

/**
 * Run in each fresh process: the time its import of the bundle took, the CPU time it used (which
 * other processes on a shared machine do not stretch, unlike the wall time), and the time since
 * the process started (Node's own start included) when the handler was there.
 */
const PROBE = `
const started = performance.now();
const cpu = process.cpuUsage();
const module = await import(process.argv[1]);
if (typeof module.handler !== 'function') throw new Error('The bundle exports no handler.');
const used = process.cpuUsage(cpu);
console.log(JSON.stringify({ importMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000, readyMs: performance.now() }));
`;

const percentile = (sorted: readonly number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;

// Under .cache (git-ignored) inside the repository, so the bundle finds node_modules for the SDK.
const outRoot = path.join(REPO_ROOT, '.cache', 'cold-start');
console.log(`Lambda cold start on paper: each bundle imported in ${RUNS} fresh Node ${process.version} processes.\n`);
console.log(`${'function'.padEnd(9)} ${'minified KB'.padStart(11)} ${'budget KB'.padStart(9)} ${'import p50'.padStart(10)} ${'import max'.padStart(10)} ${'CPU p50'.padStart(8)} ${'ready p50'.padStart(9)}  target`);
let failed = false;
for (const name of FUNCTIONS) {
  const dir = path.join(outRoot, name);
  const bundle = await measureBundle(name, dir);
  const file = pathToFileURL(path.join(dir, 'index.mjs')).href;
  const imports: number[] = [];
  const cpus: number[] = [];
  const ready: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', PROBE, file], {
      env: { PATH: process.env.PATH ?? '', ...LAMBDA_ENVIRONMENT },
      encoding: 'utf8',
    });
    const { importMs, cpuMs, readyMs } = JSON.parse(out.trim().split('\n').pop() as string) as { importMs: number; cpuMs: number; readyMs: number };
    imports.push(importMs);
    cpus.push(cpuMs);
    ready.push(readyMs);
  }
  imports.sort((a, b) => a - b);
  ready.sort((a, b) => a - b);
  cpus.sort((a, b) => a - b);
  const p50 = percentile(imports, 0.5);
  const judged = name === 'api';
  failed ||= judged && p50 >= IMPORT_TARGET_MS;
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  console.log(
    `${name.padEnd(9)} ${((bundle.bytes ?? 0) / 1024).toFixed(1).padStart(11)} ${(BUNDLE_BUDGETS[name] / 1024).toFixed(0).padStart(9)} ` +
      `${ms(p50).padStart(10)} ${ms(imports[imports.length - 1] as number).padStart(10)} ${ms(percentile(cpus, 0.5)).padStart(8)} ${ms(percentile(ready, 0.5)).padStart(9)}  ` +
      (judged ? `< ${IMPORT_TARGET_MS} ms ${p50 < IMPORT_TARGET_MS ? 'ok' : 'MISSED'}` : '-'),
  );
}
console.log(`\nLoad average (1, 5, 15 min) at the end: ${loadavg().map((x) => x.toFixed(1)).join(', ')} on ${availableParallelism()} cores.`);
if (failed) process.exitCode = 1;
