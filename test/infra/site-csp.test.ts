// The Content-Security-Policy and the built site agree: scripts only from the site's own files
// (no 'unsafe-inline'), API calls to the same origin, map tiles from OpenStreetMap; and a site
// build with an inline script is refused at synth, before a browser would silently block it.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { API_DOCS_CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY, MAP_TILE_ORIGIN } from '../../infra/constructs/security-headers.ts';
import { PhotoSizeSchema } from '../../shared/domain/photos.ts';
import { inlineScriptProblems, siteCspViolations } from '../../infra/site-csp-check.ts';
import { fakeSiteDist, synthStage } from './synth-stage.ts';

const directives = new Map(CONTENT_SECURITY_POLICY.split(';').map((d) => {
  const [name = '', ...values] = d.trim().split(/\s+/);
  return [name, values] as const;
}));

describe('the Content-Security-Policy', () => {
  it('runs scripts from the site itself only: no inline scripts, no eval', () => {
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
  });

  it('lets client scripts call the API on the same origin and nowhere else', () => {
    expect(directives.get('connect-src')).toEqual(["'self'"]);
  });

  it('lets the map show OpenStreetMap tiles', () => {
    expect(MAP_TILE_ORIGIN).toBe('https://tile.openstreetmap.org');
    expect(directives.get('img-src')).toEqual(["'self'", 'data:', MAP_TILE_ORIGIN]);
  });

  it('lets location pages show providers\' photos: only paths on the site\'s own origin are stored, which \'self\' covers', () => {
    const size = (path: string) => PhotoSizeSchema.safeParse({ width: 480, height: 320, path }).success;
    expect(size('/photos/zorggroep/de-linde/0b7c2f3e-5d1a-4c8b-9e6f-000000000001-480.webp')).toBe(true);
    expect(size('https://elders.example/photos/a-480.webp')).toBe(false);
    expect(size('//elders.example/photos/a-480.webp')).toBe(false);
    expect(directives.get('img-src')).toContain("'self'");
  });
});

describe('the API reference\'s Content-Security-Policy', () => {
  it('is the site\'s, but for fonts from data: URLs (Redoc inlines its icon font): scripts still from the site only', () => {
    const docs = new Map(API_DOCS_CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }));
    expect(docs.get('font-src')).toEqual(["'self'", 'data:']);
    expect(new Map([...docs].filter(([name]) => name !== 'font-src'))).toEqual(new Map([...directives].filter(([name]) => name !== 'font-src')));
  });
});

describe('inline scripts in a page', () => {
  it('are found: module scripts, classic scripts, event handlers, javascript: links', () => {
    expect(inlineScriptProblems('<script type="module">document.body.dataset.x = "1";</script>')).toHaveLength(1);
    expect(inlineScriptProblems('<script>alert(1)</script>')).toHaveLength(1);
    expect(inlineScriptProblems('<button onclick="go()">Ga</button>')).toEqual(['inline event handler onclick']);
    expect(inlineScriptProblems('<a href="javascript:void(0)">x</a>')).toEqual(['javascript: URL']);
  });

  it('are not: bundled scripts by src, and JSON and JSON-LD data blocks (never executed)', () => {
    const page = [
      '<script type="application/ld+json">{"@context":"https://schema.org","@type":"LocalBusiness"}</script>',
      '<script type="module" src="/_astro/LocationPage.astro_astro_type_script_index_0_lang.fQsC8C4I.js"></script>',
      '<script type="application/json" data-location-texts>{"a":1}</script>',
      '<p style="width: 11%">Vraag 1 van 9</p>',
    ].join('\n');
    expect(inlineScriptProblems(page)).toEqual([]);
  });

  it('in a site folder are listed by page', () => {
    const dir = fakeSiteDist();
    mkdirSync(path.join(dir, 'regio', 'x'), { recursive: true });
    writeFileSync(path.join(dir, 'regio', 'x', 'index.html'), '<script type="module">console.log(1)</script>');
    expect(siteCspViolations(dir).map((v) => v.file)).toEqual([path.join('regio', 'x', 'index.html')]);
  });
});

/** Each case synthesises a whole stage: seconds alone, more on a busy machine (as in stacks.test.ts). */
const SYNTH_TIMEOUT_MS = 120_000;

describe('the site stack', () => {
  it('refuses a site build whose inline script the policy would block', { timeout: SYNTH_TIMEOUT_MS }, () => {
    const dir = fakeSiteDist();
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>w</title><script type="module">console.log(1)</script>');
    // Synthesis fails on the error, as `cdk synth` and `cdk deploy` do.
    expect(() => synthStage('dev', { siteDist: dir })).toThrow(/index\.html: inline <script type="module">/);
  });

  it('accepts a build with bundled scripts only', { timeout: SYNTH_TIMEOUT_MS }, () => {
    const dir = fakeSiteDist();
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>w</title><script type="module" src="/_astro/a.js"></script>');
    const { stacks } = synthStage('dev', { siteDist: dir });
    expect(Annotations.fromStack(stacks.site).findError('*', Match.anyValue())).toEqual([]);
  });
});

describe('the Astro build', () => {
  it('never inlines a small script into the page (vite.build.assetsInlineLimit 0)', async () => {
    const { default: config } = (await import('../../site/astro.config.mjs')) as { default: { vite?: { build?: { assetsInlineLimit?: unknown } } } };
    expect(config.vite?.build?.assetsInlineLimit).toBe(0);
  });
});
