// An Astro build step: after the pages are written, copies into the site the OpenMoji SVG files
// the pages use (found by their address, pictogramSrc) and no others, from the openmoji package.
// A pictogram the package does not have fails the build with the pages that ask for it.
import { copyFile, mkdir, readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { PICTOGRAM_DIR, PICTOGRAM_SRC_PATTERN } from './pictograms.ts';

function openMojiSvgDir(): string {
  return join(dirname(createRequire(import.meta.url).resolve('openmoji/package.json')), 'color', 'svg');
}

/** Copies the pictograms the HTML files under `siteDir` use; returns the hexcodes copied. */
export async function copyUsedPictograms(siteDir: string, sourceDir = openMojiSvgDir()): Promise<string[]> {
  const usedBy = new Map<string, string>();
  const entries = await readdir(siteDir, { withFileTypes: true, recursive: true });
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const path = join(entry.parentPath, entry.name);
    for (const match of (await readFile(path, 'utf8')).matchAll(PICTOGRAM_SRC_PATTERN)) {
      if (match[1] && !usedBy.has(match[1])) usedBy.set(match[1], path);
    }
  }
  const target = join(siteDir, PICTOGRAM_DIR);
  await mkdir(target, { recursive: true });
  const missing: string[] = [];
  await Promise.all([...usedBy].map(async ([hexcode, page]) => {
    try {
      await copyFile(join(sourceDir, `${hexcode}.svg`), join(target, `${hexcode}.svg`));
    } catch {
      missing.push(`${hexcode} (used by ${page})`);
    }
  }));
  if (missing.length > 0) throw new Error(`OpenMoji has no pictogram ${missing.sort().join(', ')}.`);
  return [...usedBy.keys()].sort();
}

export function pictogramIntegration(): AstroIntegration {
  return {
    name: 'woonwijzer-pictograms',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const copied = await copyUsedPictograms(fileURLToPath(dir));
        logger.info(`${copied.length} OpenMoji pictograms copied`);
      },
    },
  };
}
