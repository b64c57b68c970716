// Builds the static site from a running API (its pages are made from the API's answers at build
// time): `npm start`, the browser tests and the Lighthouse script all build it this way.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../platform/paths.ts';

export interface SiteBuildOptions {
  /** Where the pages go; Astro's default (site/dist) when absent. */
  outDir?: string;
  /** Pins "today" in the pages (e.g. "2026-11-23") so texts do not change by day. */
  buildDate?: string;
  /** Astro's own output: shown for `npm start`, kept quiet elsewhere (errors still fail the build). */
  verbose?: boolean;
}

export function buildSite(apiUrl: string, options: SiteBuildOptions = {}): Promise<void> {
  const args = [join(REPO_ROOT, 'node_modules', 'astro', 'astro.js'), 'build', '--root', 'site', '--silent'];
  if (options.outDir) args.push('--outDir', options.outDir);
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
