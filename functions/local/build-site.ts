// Builds the static site from a running API (its pages are made from the API's answers at build
// time): `npm start`, the browser tests and the Lighthouse script all build it this way. The pages
// are built into a fresh folder and swapped in by rename when complete, so a server reading the
// output folder serves the old site (or, before the first build, nothing) but never half a site.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { renameSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve as resolvePath } from 'node:path';
import { REPO_ROOT } from '../platform/paths.ts';

/** Astro's own output folder, which the site stack uploads (cdk.json's siteDist). */
export const DEFAULT_SITE_DIR = join(REPO_ROOT, 'site', 'dist');

export interface SiteBuildOptions {
  /** Where the pages go; Astro's default (site/dist) when absent. */
  outDir?: string;
  /** Pins "today" in the pages (e.g. "2026-11-23") so texts do not change by day. */
  buildDate?: string;
  /** Astro's own output: shown for `npm start`, kept quiet elsewhere (errors still fail the build). */
  verbose?: boolean;
}

export async function buildSite(apiUrl: string, options: SiteBuildOptions = {}): Promise<void> {
  const outDir = resolvePath(options.outDir ?? DEFAULT_SITE_DIR);
  // A folder of its own under .cache/ per build: Astro puts a build's temporary server chunks in
  // the output folder when that lies inside the repository (else in the repository's ./.astro,
  // where two builds at once, tests, Lighthouse and npm start, would overwrite each other's).
  await mkdir(join(REPO_ROOT, '.cache'), { recursive: true });
  const buildDir = await mkdtemp(join(REPO_ROOT, '.cache', 'site-build-'));
  try {
    await runAstroBuild(apiUrl, buildDir, options);
    await swapIn(buildDir, outDir);
  } finally {
    await rm(buildDir, { recursive: true, force: true });
  }
}

/**
 * Puts the finished build at outDir in one step: moved beside outDir first (a rename works only
 * within one filesystem), then the old folder renamed aside and the new one renamed in.
 */
async function swapIn(buildDir: string, outDir: string): Promise<void> {
  const parent = dirname(outDir);
  await mkdir(parent, { recursive: true });
  const beside = (what: string) => join(parent, `.${basename(outDir)}-${what}-${randomUUID().slice(0, 8)}`);
  const staged = beside('next');
  const old = beside('old');
  try {
    await move(buildDir, staged);
    // Synchronous, so that no request of this process is handled between the two renames.
    const hadOld = renameIfPresentSync(outDir, old);
    try {
      renameSync(staged, outDir);
    } catch (error) {
      if (hadOld) renameSync(old, outDir);
      throw error;
    }
  } finally {
    await Promise.all([rm(staged, { recursive: true, force: true }), rm(old, { recursive: true, force: true })]);
  }
}

async function move(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    // outDir on another filesystem than the repository (e.g. a tmpfs /tmp): copy instead.
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await cp(from, to, { recursive: true });
  }
}

function renameIfPresentSync(from: string, to: string): boolean {
  try {
    renameSync(from, to);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

function runAstroBuild(apiUrl: string, outDir: string, options: SiteBuildOptions): Promise<void> {
  const args = [join(REPO_ROOT, 'node_modules', 'astro', 'astro.js'), 'build', '--root', 'site', '--silent', '--outDir', outDir];
  const env: NodeJS.ProcessEnv = { ...process.env, WOONWIJZER_API_URL: apiUrl, ASTRO_TELEMETRY_DISABLED: '1' };
  if (options.buildDate) env.WOONWIJZER_BUILD_DATE = options.buildDate;
  return new Promise((resolve, reject) => {
    let output = '';
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env, stdio: ['ignore', options.verbose ? 'inherit' : 'pipe', options.verbose ? 'inherit' : 'pipe'] });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the site build failed (exit ${code})${output ? `:\n${output.slice(-4000)}` : ''}`))));
  });
}
