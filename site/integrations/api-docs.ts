// The API reference at /api/docs/: made at the end of every site build from the OpenAPI document
// the public API serves (the same API the pages are built from), by Redocly CLI's `build-docs`
// (Redoc), and written into the site's output. Served as static files by the site's own origin:
// CloudFront sends /api/docs* to the site bucket, not to the API (infra/stacks/site-stack.ts), and
// the local server serves the build folder. No CDN: Redoc's script is the copy inside
// @redocly/cli, put beside the page; and no inline script, so the site's Content-Security-Policy
// (script-src 'self') holds for this page too: build-docs' inline scripts are moved into files.
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { AstroIntegration } from 'astro';
import { readPageScope } from '../../functions/site/page-scope.ts';

/** Where the page lives in the site, and the files beside it. */
export const API_DOCS_PATH = '/api/docs/';
const REDOC_FILE = 'redoc.standalone.js';
const HYDRATE_FILE = 'hydrate.js';
const COLOR_MODE_FILE = 'color-mode.js';

const require = createRequire(import.meta.url);

/** The Redocly CLI entry and the Redoc bundle it ships (build-docs would link the same file on its CDN). */
function redoclyFiles() {
  const cliPackage = dirname(require.resolve('@redocly/cli/package.json'));
  return { cli: join(cliPackage, 'bin', 'cli.js'), redoc: join(cliPackage, 'lib', 'chunks', REDOC_FILE) };
}

/**
 * build-docs' page made self-hosted and CSP-clean: the CDN address replaced by ours, the module
 * script that hydrates the page moved to a file, and the colour-mode snippet too.
 * Returns the page and the scripts to write beside it.
 */
export function selfHostedDocs(html: string): { html: string; hydrate: string; colorMode: string } {
  const cdn = /https:\/\/cdn\.redocly\.com\/redoc\/v[0-9.]+\/bundles\/redoc\.standalone\.js/g;
  let page = html.replace(cdn, `${API_DOCS_PATH}${REDOC_FILE}`).replace('<meta charset="utf8" />', '<meta charset="utf-8" />');
  // build-docs renders its links for a page at the site's root ("/other/getlocation"): under ours instead.
  page = page.replace(/href="\/(?!api\/docs\/)/g, `href="${API_DOCS_PATH}`);
  const moduleScript = /<script type="module">([\s\S]*?)<\/script>/.exec(page);
  if (!moduleScript) throw new Error('build-docs wrote no hydrating script: has Redocly CLI changed its page?');
  page = page.replace(moduleScript[0], `<script type="module" src="${API_DOCS_PATH}${HYDRATE_FILE}"></script>`);
  let colorMode = '';
  page = page.replace(/<script>([\s\S]*?)<\/script>/g, (_, body: string) => {
    colorMode = body;
    return `<script src="${API_DOCS_PATH}${COLOR_MODE_FILE}"></script>`;
  });
  if (cdn.test(page)) throw new Error('The API reference still names the Redocly CDN.');
  return { html: page, hydrate: moduleScript[1]!.trim(), colorMode };
}

/** Writes the reference into `siteDir` (the build's output) from the API at `apiUrl`. */
export async function buildApiDocs(apiUrl: string, siteDir: string): Promise<void> {
  const documentUrl = `${apiUrl}/api/openapi.json`;
  const response = await fetch(documentUrl, { signal: AbortSignal.timeout(30_000) });
  if (!response.ok) throw new Error(`The API answered ${response.status} for ${documentUrl}: no API reference without the OpenAPI document.`);
  const document = await response.text();
  const work = await mkdtemp(join(tmpdir(), 'ww-api-docs-'));
  try {
    const { cli, redoc } = redoclyFiles();
    const source = join(work, 'openapi.json');
    const output = join(work, 'index.html');
    await writeFile(source, document);
    // Telemetry off: the page would otherwise report its use to Redocly (and the CSP would block it).
    // Redoc routes by path: under its own address, so a link to an operation stays on this page.
    const args = [cli, 'build-docs', source, '-o', output, '--lint-config', 'off', `--openapi.basePath=${API_DOCS_PATH.slice(0, -1)}`];
    await promisify(execFile)(process.execPath, args, {
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
    const docs = selfHostedDocs(await readFile(output, 'utf8'));
    const target = join(siteDir, ...API_DOCS_PATH.split('/').filter(Boolean));
    await mkdir(target, { recursive: true });
    await writeFile(join(target, 'index.html'), docs.html);
    await writeFile(join(target, HYDRATE_FILE), `${docs.hydrate}\n`);
    await writeFile(join(target, COLOR_MODE_FILE), `${docs.colorMode}\n`);
    await copyFile(redoc, join(target, REDOC_FILE));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Adds the API reference to every full `astro build`, from the API the build reads (WOONWIJZER_API_URL). */
export function apiDocs(apiUrl: () => string): AstroIntegration {
  return {
    name: 'woonwijzer-api-docs',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        // A partial rebuild after a listing change swaps in only its pages: the reference is not one.
        if (readPageScope()) return;
        await buildApiDocs(apiUrl(), fileURLToPath(dir));
        logger.info(`API reference written to ${API_DOCS_PATH}`);
      },
    },
  };
}
