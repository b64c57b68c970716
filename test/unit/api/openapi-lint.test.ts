// The OpenAPI documents the public and the staff API serve, linted by a tool nobody here wrote: Redocly CLI with
// its recommended rules (redocly.yaml). Every operation needs an id, its 4xx answers, the servers
// and who may call it; a route added without them fails here.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { ApiDeps } from '../../../functions/api/context.ts';
import { createPublicApp } from '../../../functions/api/public/app.ts';
import { createStaffApp, STAFF_DOCUMENT_PATH } from '../../../functions/api/staff/app.ts';
import type { StaffDeps } from '../../../functions/api/staff/context.ts';
import { REPO_ROOT } from '../../../functions/platform/paths.ts';

const run = promisify(execFile);
const REDOCLY = join(REPO_ROOT, 'node_modules', '.bin', 'redocly');

interface LintReport {
  totals: { errors: number; warnings: number; ignored: number };
  problems: Array<{ ruleId: string; severity: string; message: string; location: Array<{ pointer: string }> }>;
}

const dir = await mkdtemp(join(tmpdir(), 'woonwijzer-openapi-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

async function lint(name: string, document: unknown): Promise<LintReport> {
  const file = join(dir, `${name}.json`);
  await writeFile(file, JSON.stringify(document));
  // Redocly exits non-zero on errors; the report on stdout says what either way (stderr holds a Node notice).
  const { stdout } = await run(REDOCLY, ['lint', file, '--config', join(REPO_ROOT, 'redocly.yaml'), '--format', 'json'], { cwd: REPO_ROOT })
    .catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
  return JSON.parse(stdout) as LintReport;
}

// The documents are made from the route declarations alone: no route runs, so no store is needed.
const apps = [
  { name: 'public', app: createPublicApp({} as ApiDeps), path: '/api/openapi.json', minOperations: 12 },
  { name: 'staff', app: createStaffApp({} as StaffDeps), path: `/api${STAFF_DOCUMENT_PATH}`, minOperations: 5 },
];

describe.each(apps)('the $name OpenAPI document', ({ name, app, path, minOperations }) => {
  it('passes Redocly lint with the recommended rules: no error, no warning', async () => {
    const res = await app.request(path);
    expect(res.status).toBe(200);
    const document = (await res.json()) as { paths: Record<string, Record<string, { operationId?: string }>> };
    const operations = Object.values(document.paths).flatMap((methods) => Object.values(methods));
    expect(operations.length).toBeGreaterThanOrEqual(minOperations);
    const report = await lint(name, document);
    const problems = report.problems.map((p) => `${p.severity} ${p.ruleId} ${p.location[0]?.pointer ?? ''}: ${p.message}`);
    expect(problems).toEqual([]);
    expect(report.totals).toEqual({ errors: 0, warnings: 0, ignored: 0 });
  });
});
