// The JavaScript budget of issue 4: at most 30 KB (gzip) of JavaScript on any page, and none on
// the pages that only show information. Measured on the built site: every <script src> and
// inline script of every page with the modules they import, gzipped; the figures go to
// test-results/js-budget.json.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../functions/platform/paths.ts';
import { SITE_DIR } from '../harness.ts';

export const JS_BUDGET_GZIP_BYTES = 30 * 1024;

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}

/**
 * Gzipped bytes of JavaScript a page loads: every <script src> and inline script, and every module
 * those import (Vite splits code shared by pages into chunks), each file counted once per page.
 */
async function jsBytes(html: string): Promise<number> {
  const seen = new Set<string>();
  let total = 0;
  async function addFile(path: string): Promise<void> {
    if (seen.has(path)) return;
    seen.add(path);
    const code = await readFile(path);
    total += gzipSync(code, { level: 9 }).length;
    await addImports(code.toString('utf8'), dirname(path));
  }
  async function addImports(code: string, dir: string): Promise<void> {
    for (const match of code.matchAll(/(?:\bimport|\bfrom)\s*\(?\s*["']([^"']+\.js)["']/g)) {
      const specifier = match[1] ?? '';
      await addFile(specifier.startsWith('/') ? join(SITE_DIR, specifier) : resolve(dir, specifier));
    }
  }
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const attributes = match[1] ?? '';
    if (/type="application\/(ld\+)?json"/.test(attributes)) continue;
    const src = /\bsrc="([^"]+)"/.exec(attributes)?.[1];
    if (src) {
      await addFile(join(SITE_DIR, src));
    } else {
      total += gzipSync(Buffer.from(match[2] ?? ''), { level: 9 }).length;
      await addImports(match[2] ?? '', SITE_DIR);
    }
  }
  return total;
}

export function budgetSuite(): void {
  describe('the JavaScript budget', () => {
    it('is at most 30 KB gzip on every page, and zero on home and region pages', async () => {
      const sizes: Record<string, number> = {};
      for (const file of await htmlFiles(SITE_DIR)) {
        sizes[relative(SITE_DIR, file)] = await jsBytes(await readFile(file, 'utf8'));
      }
      await writeFile(join(REPO_ROOT, 'test-results', 'js-budget.json'), `${JSON.stringify(sizes, null, 2)}\n`);
      // The API reference (/api/docs/, Redoc) is for developers reusing the open data, not a page a
      // citizen, supporter or provider reads: it is the one page outside the budget, and the only one.
      const apiReference = Object.keys(sizes).filter((path) => path.startsWith('api/docs/'));
      expect(apiReference).toEqual(['api/docs/index.html']);
      const pages = Object.entries(sizes).filter(([path]) => !apiReference.includes(path));
      const over = pages.filter(([, bytes]) => bytes > JS_BUDGET_GZIP_BYTES);
      expect(over).toEqual([]);
      // Location pages have a small script (favourites, distance); compare, report, search, the provider portal, the supporter's dossiers and together mode's way in, the coordinator's pages and the easy-read pages (read-aloud) need one.
      const readingPages = pages.filter(([path, bytes]) =>
        bytes > 0 && !/(^|\/)(vragen|questions|resultaten|results|vergelijken|compare|verslag|report|locatie|location|zoeken|search|beheer|manage|ondersteuner|supporter|coordinatie|coordination|makkelijk|makkelijk-lezen|easy|easy-read)\//.test(path));
      expect(readingPages).toEqual([]);
      expect(Object.keys(sizes).length).toBeGreaterThan(100);
    });
  });
}
