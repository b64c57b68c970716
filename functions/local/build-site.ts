// Builds the static site from a running API (its pages are made from the API's answers at build
// time): `npm start`, the browser tests and the Lighthouse script all build it this way. The pages
// are built into a fresh folder and swapped in by rename when complete, so a server reading the
// output folder serves the old site (or, before the first build, nothing) but never half a site.
//
// After a listing change only the pages it touches are built again (`rebuildPages`): Astro renders
// just those (the page scope, functions/site/page-scope.ts) into a folder aside, and each page is
// then renamed over its old file one by one, so every address keeps answering with a whole page,
// the old one until the new one is in. Pages of removed locations are deleted.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, renameSync } from 'node:fs';
import { copyFile, cp, mkdir, mkdtemp, readdir, rename, rm, rmdir, unlink } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve as resolvePath } from 'node:path';
import { REPO_ROOT } from '../platform/paths.ts';
import type { SiteChange } from '../site/affected-pages.ts';
import { changedPages, pageFile } from '../site/page-files.ts';
import { PAGE_SCOPE_ENV, pageScopeEnv } from '../site/page-scope.ts';

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
  const buildDir = await makeBuildDir();
  try {
    await runAstroBuild(apiUrl, buildDir, options);
    await swapIn(buildDir, outDir);
  } finally {
    await rm(buildDir, { recursive: true, force: true });
  }
}

/**
 * A folder of its own under .cache/ per build: Astro puts a build's temporary server chunks in
 * the output folder when that lies inside the repository (else in the repository's ./.astro,
 * where two builds at once, tests, Lighthouse and npm start, would overwrite each other's).
 */
export async function makeBuildDir(): Promise<string> {
  await mkdir(join(REPO_ROOT, '.cache'), { recursive: true });
  return mkdtemp(join(REPO_ROOT, '.cache', 'site-build-'));
}

export interface PagesRebuilt {
  /** Addresses whose page was built and swapped in. */
  built: string[];
  /** Addresses whose page was taken away (a removed location, or a page the API no longer has). */
  removed: string[];
}

/**
 * Builds the pages a change touches and swaps each into the site at outDir, which must hold a
 * full build (the scripts and styles the pages share are there; new ones are added first). A page
 * in scope that the build did not produce is gone from the API (a location removed meanwhile): its
 * file is taken away too, so the site says what the API says.
 */
export async function rebuildPages(apiUrl: string, change: SiteChange, options: SiteBuildOptions = {}): Promise<PagesRebuilt> {
  const outDir = resolvePath(options.outDir ?? DEFAULT_SITE_DIR);
  const pages = changedPages(change);
  const done: PagesRebuilt = { built: [], removed: [] };
  if (pages.build.length > 0) {
    const buildDir = await makeBuildDir();
    try {
      await runAstroBuild(apiUrl, buildDir, options, pageScopeEnv(change.build));
      // Before any page that may use them: a changed script or style gets a new hashed name.
      await addMissingAssets(buildDir, outDir);
      for (const path of pages.build) {
        const file = pageFile(path);
        if (existsSync(join(buildDir, file))) {
          await replaceFile(join(buildDir, file), join(outDir, file));
          done.built.push(path);
        } else if (await removePage(outDir, file)) {
          done.removed.push(path);
        }
      }
    } finally {
      await rm(buildDir, { recursive: true, force: true });
    }
  }
  for (const path of pages.remove) if (await removePage(outDir, pageFile(path))) done.removed.push(path);
  return done;
}

/**
 * Copies every file but the pages that the site lacks (hashed scripts and styles, images). An
 * existing file is kept: hashed names do not change content, and a page served a moment ago may
 * still ask for an old one.
 */
async function addMissingAssets(buildDir: string, outDir: string): Promise<void> {
  for (const entry of await readdir(buildDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name.endsWith('.html')) continue;
    const from = join(entry.parentPath, entry.name);
    const to = join(outDir, relative(buildDir, from));
    if (!existsSync(to)) await replaceFile(from, to);
  }
}

/** Puts `from`'s content at `to` in one step: copied beside `to` first, then renamed over it. */
async function replaceFile(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true });
  const staged = join(dirname(to), `.${basename(to)}-next-${randomUUID().slice(0, 8)}`);
  try {
    await copyFile(from, staged);
    await rename(staged, to);
  } catch (error) {
    await rm(staged, { force: true });
    throw error;
  }
}

/** Deletes a page and its folder when that is left empty; whether there was a page. */
async function removePage(outDir: string, file: string): Promise<boolean> {
  const path = join(outDir, file);
  try {
    await unlink(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  await rmdir(dirname(path)).catch(() => undefined);
  return true;
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

/** Runs Astro once into outDir: the whole site, or the pages `scopeEnv` names (pageScopeEnv). The builder in AWS calls it too. */
export function runAstroBuild(apiUrl: string, outDir: string, options: SiteBuildOptions, scopeEnv: Record<string, string> = {}): Promise<void> {
  const args = [join(REPO_ROOT, 'node_modules', 'astro', 'astro.js'), 'build', '--root', 'site', '--silent', '--outDir', outDir];
  // A full build never inherits a scope from the environment it runs in.
  const { [PAGE_SCOPE_ENV]: _inherited, ...inherited } = process.env;
  const env: NodeJS.ProcessEnv = { ...inherited, ...scopeEnv, WOONWIJZER_API_URL: apiUrl, ASTRO_TELEMETRY_DISABLED: '1' };
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
