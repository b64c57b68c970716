// Does the built site keep to the Content Security Policy it is served with? script-src has no
// 'unsafe-inline', so an inline script the build emits would be blocked in every browser and the
// page would silently lose its behaviour. The site stack runs this over the build at synth time
// and refuses to deploy a site that breaks (see stacks/site-stack.ts).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** Script types a browser does not execute (data blocks): CSP does not apply to them. */
const DATA_BLOCK_TYPES = new Set(['application/json', 'application/ld+json', 'importmap-data', 'text/plain', 'text/template']);

export interface CspViolation {
  /** Relative to the site folder. */
  readonly file: string;
  readonly problem: string;
}

/** What in one HTML page a policy with `script-src 'self'` (no 'unsafe-inline') would block. */
export function inlineScriptProblems(html: string): string[] {
  const problems: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attributes = match[1] ?? '';
    const body = (match[2] ?? '').trim();
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1]?.toLowerCase();
    if (type && DATA_BLOCK_TYPES.has(type)) continue;
    if (/\bsrc\s*=/.test(attributes)) continue;
    if (body.length > 0) problems.push(`inline <script${attributes}> (${body.slice(0, 60).replace(/\s+/g, ' ')}…)`);
  }
  // Event-handler attributes (onclick=…) are inline script too.
  for (const match of html.matchAll(/<[a-z][^>]*\s(on[a-z]+)\s*=\s*["'][^"']*["']/gi)) problems.push(`inline event handler ${match[1]}`);
  if (/href\s*=\s*["']\s*javascript:/i.test(html)) problems.push('javascript: URL');
  return problems;
}

/** Every HTML page under the folder, checked. */
export function siteCspViolations(siteDir: string): CspViolation[] {
  const violations: CspViolation[] = [];
  for (const entry of readdirSync(siteDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const full = path.join(entry.parentPath, entry.name);
    for (const problem of inlineScriptProblems(readFileSync(full, 'utf8'))) violations.push({ file: path.relative(siteDir, full), problem });
  }
  return violations;
}
