// `npm run load-regions` against DynamoDB Local: regions and questionnaires written (and made
// current again on a second run), demonstration listings only with --demo and only into a table
// without housing forms, a dry run that writes nothing, and a missing table named plainly.
import { randomUUID } from 'node:crypto';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';
import { fixedClock } from '../../shared/clock.ts';
import { readRegions } from '../../functions/listings/listing-files.ts';
import { REPO_ROOT } from '../../functions/platform/paths.ts';
import { formatSummary, loadRegionsIntoTable, parseArgs, TableNotFoundError, type LoadOptions } from '../../scripts/load-regions.ts';
import { createTestStore } from '../support/test-store.ts';

const clock = fixedClock('2026-11-23T09:00:00Z');
const endpoint = () => inject('dynamodbEndpoint');
const options = (tableName: string, more: Partial<LoadOptions> = {}): LoadOptions => ({
  tableName, awsRegion: 'eu-west-1', endpoint: endpoint(), demo: false, dryRun: false, ...more,
});

describe('loading the regions into a deployed table', () => {
  it('writes every configured region and its questionnaire, and no listings without --demo', async () => {
    const { stores, tableName } = await createTestStore();
    const summary = await loadRegionsIntoTable(options(tableName), clock);
    const configured = await readRegions();
    expect(summary.regions.map((r) => r.id).sort()).toEqual(configured.map((r) => r.id).sort());
    expect((await stores.regions.listRegions()).map((r) => r.id).sort()).toEqual(configured.map((r) => r.id).sort());
    for (const region of configured) {
      expect((await stores.regions.getQuestionnaire(region.id))?.regionId).toBe(region.id);
      expect((await stores.listings.regionCounts(region.id)).housingFormCount).toBe(0);
    }
    expect(formatSummary(summary)).toMatch(/regions: wrote 2 \(.*rotterdam.*\)\n {2}questionnaires: wrote 2\n {2}demonstration listings: not requested/);
  });

  it('with --demo also writes the demonstration listings, once', async () => {
    const { stores, tableName } = await createTestStore();
    const first = await loadRegionsIntoTable(options(tableName, { demo: true }), clock);
    expect(first.demo).toMatchObject({ written: true });
    expect(first.demo!.documents).toBeGreaterThanOrEqual(10);
    expect((await stores.listings.regionCounts('rotterdam')).housingFormCount).toBeGreaterThanOrEqual(60);

    const before = await stores.listings.regionCounts('rotterdam');
    const again = await loadRegionsIntoTable(options(tableName, { demo: true }), clock);
    expect(again.demo).toEqual({ documents: 0, written: false, reason: 'the table already holds housing forms' });
    expect(await stores.listings.regionCounts('rotterdam')).toEqual(before);
    expect(formatSummary(again)).toContain('demonstration listings: skipped, the table already holds housing forms');
  });

  it('in a dry run checks everything and writes nothing', async () => {
    const { stores, tableName } = await createTestStore();
    const summary = await loadRegionsIntoTable(options(tableName, { demo: true, dryRun: true }), clock);
    expect(summary.regions).toHaveLength(2);
    expect(summary.demo).toMatchObject({ written: false });
    expect(summary.demo!.documents).toBeGreaterThanOrEqual(10);
    expect(await stores.regions.listRegions()).toEqual([]);
    expect(formatSummary(summary)).toMatch(/^Dry run: nothing was written\. .*\n {2}regions: would write 2/);
  });

  it('names a missing table and what to do, writing nothing', async () => {
    const missing = `missing-${randomUUID()}`;
    await expect(loadRegionsIntoTable(options(missing), clock)).rejects.toThrow(TableNotFoundError);
    await expect(loadRegionsIntoTable(options(missing), clock)).rejects.toThrow(/Deploy the data stack first/);
  });

  it('runs as a command: table from TABLE_NAME, summary on stdout', async () => {
    const { tableName } = await createTestStore();
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/load-regions.ts', '--dry-run'], {
      cwd: REPO_ROOT,
      env: { ...process.env, TABLE_NAME: tableName, DYNAMODB_ENDPOINT: endpoint(), AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    });
    expect(stdout).toContain(`Dry run: nothing was written. Table ${tableName}:`);
  }, 60_000);
});

describe('choosing the table', () => {
  it('takes --table, else TABLE_NAME, else the stage\'s table name', () => {
    expect(parseArgs(['--table', 'a'], { TABLE_NAME: 'b' })).toMatchObject({ ok: true, options: { tableName: 'a' } });
    expect(parseArgs([], { TABLE_NAME: 'b' })).toMatchObject({ ok: true, options: { tableName: 'b' } });
    expect(parseArgs(['--', '--stage', 'prod', '--demo'], {})).toMatchObject({ ok: true, options: { tableName: 'woonwijzer-prod-table', demo: true, dryRun: false } });
    expect(parseArgs(['--stage', 'prod', '--aws-region', 'eu-central-1'], { AWS_REGION: 'eu-west-1' })).toMatchObject({ ok: true, options: { awsRegion: 'eu-central-1' } });
  });

  it('refuses to guess: no table, an unknown stage, an unknown flag', () => {
    expect(parseArgs([], {})).toEqual({ ok: false, message: 'Which table? Give --table NAME, --stage dev|prod, or set TABLE_NAME.' });
    expect(parseArgs(['--stage', 'acc'], {})).toMatchObject({ ok: false, message: expect.stringContaining('Unknown stage acc') });
    expect(parseArgs(['--tabel', 'x'], {})).toMatchObject({ ok: false, message: 'Unknown argument: --tabel' });
    expect(parseArgs(['--table'], {})).toMatchObject({ ok: false, message: '--table needs a value.' });
  });
});
