// Fetches, starts and stops AWS's DynamoDB Local (a Java emulator) for local runs and tests.
// The emulator comes from the npm tarball of amplify-dynamodb-simulator, of which we keep only
// `package/emulator`: installing the package itself would drag ~300 MB of Amplify dependencies.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { localDynamoDbClientConfig } from '../store/create-store.ts';
import { REPO_ROOT } from '../platform/paths.ts';

const execFileAsync = promisify(execFile);

const SIMULATOR_VERSION = '2.9.30';
const SIMULATOR_SPEC = `amplify-dynamodb-simulator@${SIMULATOR_VERSION}`;
// Pinned so a changed or tampered tarball on the registry cannot slip into our runs.
const SIMULATOR_INTEGRITY =
  'sha512-xTeeRLvzEfqyd5lh3bH4c0kHvSHHmmhD5ZDsHFKAQ5g2Zl6JqlFdutaQhCLHzxEp6Ry1o7TB6niIoXuQAnSewQ==';

// From this file, not process.cwd(): callers may run from any folder (vitest, scripts, IDEs).
const CACHE_DIR = join(REPO_ROOT, '.cache', 'dynamodb-local');
const EMULATOR_DIR = join(CACHE_DIR, SIMULATOR_VERSION);
const EMULATOR_JAR = 'DynamoDBLocal.jar';
const TEMP_PREFIX = '.tmp-';
const STALE_TEMP_MS = 60 * 60 * 1000;

const READY_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 5_000;
const PORT_ATTEMPTS = 4;
const OUTPUT_TAIL_CHARS = 4_000;

export type DynamoDbLocalOptions = { mode: 'memory' } | { mode: 'disk'; dir: string };

export type DynamoDbLocal = {
  endpoint: string;
  port: number;
  /** The java process, for a supervisor or a test that stops or freezes it on purpose. */
  pid: number | undefined;
  /** Settles when the process has ended, whether by stop() or otherwise. */
  exited: Promise<ProcessEnd>;
  stop(): Promise<void>;
};

export interface ProcessEnd {
  code: number | null;
  signal: NodeJS.Signals | null;
  error?: Error;
}

/** Makes sure the emulator is in the git-ignored cache and returns its folder. */
export async function ensureDynamoDbLocal(): Promise<string> {
  if (existsSync(join(EMULATOR_DIR, EMULATOR_JAR))) return EMULATOR_DIR;

  await mkdir(CACHE_DIR, { recursive: true });
  await removeStaleTempDirs();
  // The temp dir sits next to the target so the final rename stays on one file system (atomic).
  const work = await mkdtemp(join(CACHE_DIR, TEMP_PREFIX));
  try {
    process.stderr.write(`Downloading DynamoDB Local (${SIMULATOR_SPEC}, ~54 MB) into ${CACHE_DIR} ...\n`);
    const tarball = await packTarball(work);
    await verifyIntegrity(tarball);

    const extracted = join(work, 'emulator');
    await mkdir(extracted);
    // --strip-components=2 turns package/emulator/X into X.
    await run('tar', ['-xzf', tarball, '-C', extracted, '--strip-components=2', 'package/emulator']);
    if (!existsSync(join(extracted, EMULATOR_JAR))) {
      throw new Error(`${SIMULATOR_SPEC} has no emulator/${EMULATOR_JAR}; the package layout changed`);
    }

    try {
      await rename(extracted, EMULATOR_DIR);
    } catch (error) {
      // Another process finished first: its complete copy is as good as ours.
      if (!isErrno(error, 'ENOTEMPTY', 'EEXIST') || !existsSync(join(EMULATOR_DIR, EMULATOR_JAR))) throw error;
    }
    return EMULATOR_DIR;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Starts DynamoDB Local on a free port (or the one given) and resolves once it answers. */
export async function startDynamoDbLocal(
  options: DynamoDbLocalOptions,
  opts: { port?: number } = {},
): Promise<DynamoDbLocal> {
  const emulatorDir = await ensureDynamoDbLocal();
  if (options.mode === 'disk') await mkdir(options.dir, { recursive: true });

  // A port found free can be taken before java binds it; only then is a new one worth trying.
  const attempts = opts.port === undefined ? PORT_ATTEMPTS : 1;
  for (let attempt = 1; ; attempt++) {
    const port = opts.port ?? (await findFreePort());
    try {
      return await launch(emulatorDir, options, port);
    } catch (error) {
      if (!(error instanceof PortInUseError) || attempt >= attempts) throw error;
    }
  }
}

class PortInUseError extends Error {}

async function launch(emulatorDir: string, options: DynamoDbLocalOptions, port: number): Promise<DynamoDbLocal> {
  const args = [
    // Measured here: these take the idle JVM from ~170 MB to ~120 MB RSS and ready ~0.5 s sooner.
    // A small start heap with the serial collector keeps the footprint low; C1 only (tiered
    // level 1) trades peak throughput, which tests and local runs do not need, for a quick start.
    '-Xms16m',
    '-Xmx256m',
    '-XX:+UseSerialGC',
    '-XX:TieredStopAtLevel=1',
    '-XX:ReservedCodeCacheSize=32m',
    `-Djava.library.path=${join(emulatorDir, 'DynamoDBLocal_lib')}`,
    '-jar', join(emulatorDir, EMULATOR_JAR),
    // Without -sharedDb the data is split per access key and region.
    '-sharedDb',
    '-disableTelemetry',
    '-port', String(port),
    ...(options.mode === 'memory' ? ['-inMemory'] : ['-dbPath', resolve(options.dir)]),
  ];
  const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  const child = spawn(java, args, { cwd: emulatorDir, stdio: ['ignore', 'pipe', 'pipe'] });
  trackChild(child);

  let output = '';
  // When startup fails (e.g. the port is taken) the main thread dies but Jetty's threads keep
  // the JVM alive, so waiting for an exit would take the full timeout: watch the output instead.
  let reportCrash: () => void = () => undefined;
  const crashed = new Promise<void>((done) => (reportCrash = done));
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARS);
    if (output.includes('Exception in thread "main"')) reportCrash();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  // Let a caller that forgets stop() still exit; the 'exit' handler then kills java.
  child.unref();
  for (const stream of [child.stdout, child.stderr]) (stream as { unref?: () => void } | null)?.unref?.();

  const exited = new Promise<ProcessEnd>((done) => {
    child.once('error', (error) => done({ code: null, signal: null, error }));
    // 'close', not 'exit': only then has all of java's output been read, for the error messages.
    child.once('close', (code, signal) => done({ code, signal }));
  });
  exited.then(() => untrackChild(child), () => undefined);

  const endpoint = `http://127.0.0.1:${port}`;
  const stop = once(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<boolean>((done) => (timer = setTimeout(() => done(false), STOP_GRACE_MS)));
      const finished = await Promise.race([exited.then(() => true), grace]);
      clearTimeout(timer); // else a quick exit would still hold the event loop for the full grace period
      if (!finished) {
        child.kill('SIGKILL');
        await exited;
      }
    }
    untrackChild(child);
  });

  const started = Date.now();
  const ready = waitUntilReady(endpoint, () => Date.now() - started > READY_TIMEOUT_MS);
  const outcome = await Promise.race([
    ready.then(
      () => ({ kind: 'ready' as const }),
      (error: unknown) => ({ kind: 'timeout' as const, error }),
    ),
    exited.then((exit) => ({ kind: 'exited' as const, exit })),
    crashed.then(() => ({ kind: 'crashed' as const })),
  ]);

  if (outcome.kind === 'crashed') {
    ready.cancel();
    await stop();
    if (/Address already in use|Failed to bind/i.test(output)) {
      throw new PortInUseError(`DynamoDB Local could not bind port ${port}: it is in use.\n${output.trim()}`);
    }
    throw new Error(`DynamoDB Local failed to start. Its last output:\n${output.trim()}`);
  }

  if (outcome.kind === 'exited') {
    ready.cancel();
    const { exit } = outcome;
    if (exit.error && isErrno(exit.error, 'ENOENT')) {
      throw new Error(
        `Cannot start DynamoDB Local: '${java}' was not found. Install Java 17+ ` +
          `(Debian: apt-get install openjdk-17-jre-headless) or set JAVA_HOME.`,
      );
    }
    if (/Address already in use|Failed to bind/i.test(output)) {
      throw new PortInUseError(`DynamoDB Local could not bind port ${port}: it is in use.\n${output.trim()}`);
    }
    const how = exit.error ? exit.error.message : `exit code ${exit.code ?? exit.signal}`;
    throw new Error(`DynamoDB Local stopped before it was ready (${how}). Its last output:\n${output.trim()}`);
  }

  if (outcome.kind === 'timeout') {
    await stop();
    const reason = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
    throw new Error(
      `DynamoDB Local was not ready on ${endpoint} within ${READY_TIMEOUT_MS / 1000} s (${reason}). ` +
        `Its last output:\n${output.trim()}`,
    );
  }
  return { endpoint, port, pid: child.pid, exited, stop };
}

const RESTART_PAUSE_MS = 2_000;

export interface SupervisedDynamoDbLocal {
  readonly endpoint: string;
  /** The java process running now. */
  pid(): number | undefined;
  stop(): Promise<void>;
}

/**
 * DynamoDB Local kept running: when its process ends without stop() (killed, crashed, out of
 * memory), it is started again on the same port and the same data, so every client's endpoint
 * stays valid and the next request finds it back. `say` tells the person at the terminal.
 */
export async function superviseDynamoDbLocal(
  options: DynamoDbLocalOptions,
  say: (line: string) => void,
): Promise<SupervisedDynamoDbLocal> {
  let current = await startDynamoDbLocal(options);
  const { port, endpoint } = current;
  let stopping = false;
  const where = options.mode === 'disk' ? ` on the same data folder (${options.dir})` : ' (in memory: its data is gone)';

  const watch = (instance: DynamoDbLocal) => {
    void instance.exited.then(async (end) => {
      if (stopping || instance !== current) return;
      const how = end.signal ? `signal ${end.signal}` : `exit code ${end.code ?? '?'}`;
      say(`The database (DynamoDB Local) stopped unexpectedly (${how}). Starting it again${where}...`);
      while (!stopping) {
        try {
          current = await startDynamoDbLocal(options, { port });
          if (stopping) {
            await current.stop();
            return;
          }
          say(`The database runs again at ${endpoint}.`);
          watch(current);
          return;
        } catch (error) {
          say(`The database could not be started again: ${(error as Error).message.split('\n')[0]}. Trying again in ${RESTART_PAUSE_MS / 1000} s.`);
          await delay(RESTART_PAUSE_MS);
        }
      }
    });
  };
  watch(current);

  return {
    endpoint,
    pid: () => current.pid,
    stop: async () => {
      stopping = true;
      await current.stop();
    },
  };
}

/** Polls ListTables until it answers; cancel() ends the loop when java has died meanwhile. */
function waitUntilReady(endpoint: string, timedOut: () => boolean): Promise<void> & { cancel(): void } {
  let cancelled = false;
  const client = new DynamoDBClient({ ...localDynamoDbClientConfig(endpoint), maxAttempts: 1 });
  const loop = (async () => {
    let lastError: unknown;
    try {
      while (!cancelled) {
        try {
          await client.send(new ListTablesCommand({ Limit: 1 }), { abortSignal: AbortSignal.timeout(2_000) });
          return;
        } catch (error) {
          lastError = error;
        }
        if (timedOut()) throw lastError instanceof Error ? lastError : new Error(String(lastError));
        await delay(100);
      }
    } finally {
      client.destroy();
    }
  })();
  // The caller may race this against java's exit and never await it.
  loop.catch(() => undefined);
  return Object.assign(loop, { cancel: () => void (cancelled = true) });
}

async function findFreePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? done(port) : fail(new Error('Could not find a free port'))));
    });
  });
}

async function packTarball(destination: string): Promise<string> {
  // Repo root as cwd so the project's npm settings (registry) apply; execFile passes no shell.
  await run('npm', ['pack', SIMULATOR_SPEC, '--pack-destination', destination, '--silent'], REPO_ROOT);
  const tarball = (await readdir(destination)).find((name) => name.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack ${SIMULATOR_SPEC} produced no tarball`);
  return join(destination, tarball);
}

async function verifyIntegrity(file: string): Promise<void> {
  const hash = createHash('sha512');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  const actual = `sha512-${hash.digest('base64')}`;
  if (actual !== SIMULATOR_INTEGRITY) {
    throw new Error(`${SIMULATOR_SPEC} failed its integrity check: expected ${SIMULATOR_INTEGRITY}, got ${actual}`);
  }
}

/** Leftovers of a crashed download: harmless, but they would pile up. */
async function removeStaleTempDirs(): Promise<void> {
  for (const name of await readdir(CACHE_DIR)) {
    if (!name.startsWith(TEMP_PREFIX)) continue;
    const path = join(CACHE_DIR, name);
    const info = await stat(path).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs > STALE_TEMP_MS) await rm(path, { recursive: true, force: true });
  }
}

async function run(command: string, args: string[], cwd?: string): Promise<void> {
  try {
    await execFileAsync(command, args, { cwd, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${command} ${args.join(' ')} failed: ${stderr || message}`, { cause: error });
  }
}

// Every running java child, so a parent that exits or is signalled takes them along.
const children = new Set<ChildProcess>();
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

function killAllChildren() {
  for (const child of children) child.kill('SIGKILL'); // synchronous: safe inside 'exit'
  children.clear();
}

function onSignal(signal: NodeJS.Signals) {
  killAllChildren();
  removeProcessHooks();
  // If nobody else listens, our handler has suppressed Node's default exit: restore it.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function trackChild(child: ChildProcess) {
  if (children.size === 0) {
    process.on('exit', killAllChildren);
    for (const signal of SIGNALS) process.on(signal, onSignal);
  }
  children.add(child);
}

function untrackChild(child: ChildProcess) {
  if (children.delete(child) && children.size === 0) removeProcessHooks();
}

function removeProcessHooks() {
  process.off('exit', killAllChildren);
  for (const signal of SIGNALS) process.off(signal, onSignal);
}

function once(action: () => Promise<void>): () => Promise<void> {
  let pending: Promise<void> | undefined;
  return () => (pending ??= action());
}

function delay(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

function isErrno(error: unknown, ...codes: string[]): boolean {
  return typeof error === 'object' && error !== null && codes.includes((error as { code?: string }).code ?? '');
}
