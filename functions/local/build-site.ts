// Builds the static site from a running API (its pages are made from the API's answers at build
// time): `npm start`, the browser tests and the Lighthouse script all build it this way.
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join, resolve as resolvePath, sep } from 'node:path';
import { REPO_ROOT } from '../platform/paths.ts';

export interface SiteBuildOptions {
  /** Where the pages go; Astro's default (site/dist) when absent. */
  outDir?: string;
  /** Pins "today" in the pages (e.g. "2026-11-23") so texts do not change by day. */
  buildDate?: string;
  /** Astro's own output: shown for `npm start`, kept quiet elsewhere (errors still fail the build). */
  verbose?: boolean;
}

export async function buildSite(apiUrl: string, options: SiteBuildOptions = {}): Promise<void> {
  const outDir = options.outDir === undefined ? undefined : resolvePath(options.outDir);
  // Astro puts a build's temporary server chunks in the output folder when that lies inside the
  // repository, else in ./.astro of the repository, where two builds at once (tests, Lighthouse,
  // npm start) would overwrite each other's. So a build for a folder elsewhere runs in a folder of
  // its own under .cache/ and is copied to its place afterwards.
  if (outDir === undefined || outDir.startsWith(REPO_ROOT + sep)) return runAstroBuild(apiUrl, outDir, options);
  await mkdir(join(REPO_ROOT, '.cache'), { recursive: true });
  const buildDir = await mkdtemp(join(REPO_ROOT, '.cache', 'site-build-'));
  try {
    await runAstroBuild(apiUrl, buildDir, options);
    await rm(outDir, { recursive: true, force: true });
    await cp(buildDir, outDir, { recursive: true });
  } finally {
    await rm(buildDir, { recursive: true, force: true });
  }
}

function runAstroBuild(apiUrl: string, outDir: string | undefined, options: SiteBuildOptions): Promise<void> {
  const args = [join(REPO_ROOT, 'node_modules', 'astro', 'astro.js'), 'build', '--root', 'site', '--silent'];
  if (outDir) args.push('--outDir', outDir);
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
