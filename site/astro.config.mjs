// The public site: static HTML, Dutch at / and English at /en/; pages that need it load one small
// script of their own (the browser tests hold each page to a JavaScript budget).
// SITE_URL is the public address (for canonical and hreflang links); the API address for the
// build is read in src/lib/api.ts (WOONWIJZER_API_URL).
import process from 'node:process';
import { defineConfig } from 'astro/config';
import { apiDocs } from './integrations/api-docs.ts';
import { apiBaseUrl } from './src/lib/api.ts';
import { pictogramIntegration } from './src/lib/pictogram-integration.ts';

export default defineConfig({
  site: process.env.SITE_URL || 'http://localhost:4321',
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  i18n: {
    defaultLocale: 'nl',
    locales: ['nl', 'en'],
    routing: { prefixDefaultLocale: false },
  },
  // No dev toolbar in `astro dev`: it is the only script the pages would otherwise get.
  devToolbar: { enabled: false },
  // The easy-read pages' pictograms: only the OpenMoji files the built pages use are copied in;
  // the API reference at /api/docs/, made from the API's OpenAPI document after the pages.
  integrations: [pictogramIntegration(), apiDocs(() => apiBaseUrl())],
  // Never inline a small script into the page: the Content-Security-Policy (script-src 'self',
  // infra/constructs/security-headers.ts) would block it. Every script stays a /_astro/*.js file.
  vite: { build: { assetsInlineLimit: 0 } },
});
