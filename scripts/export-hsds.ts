// `npm run export-hsds -- --region zuid-limburg [--out dir] [--format json|csv]`: a region's
// listings as open data in Open Referral HSDS, read from the local store (the DynamoDB Local of a
// running `npm start`, or its data on disk; with TABLE_NAME set and no DYNAMODB_ENDPOINT, the table
// in AWS). json writes hsds.json; csv the tabular package (CSV files and datapackage.json).
// With SITE_URL set, every location and housing form links to its page on the site.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { systemClock } from '../shared/clock.ts';
import { EXPORT_FORMATS, type ExportFormat, UnknownExportRegionError, writeHsdsExport } from '../functions/open-data/export-files.ts';
import { openLocalDatabase } from '../functions/local/local-database.ts';
import { readConfig } from '../functions/platform/config.ts';
import { createStores } from '../functions/store/create-store.ts';

export const USAGE = 'Usage: npm run export-hsds -- --region <regionId> [--out <folder>] [--format json|csv]\n';

export type ExportArgs = { ok: true; regionId: string; outDir: string; format: ExportFormat } | { ok: false; message: string };

export function parseExportArgs(argv: readonly string[]): ExportArgs {
  try {
    const { values } = parseArgs({
      args: argv.filter((a) => a !== '--'),
      options: { region: { type: 'string' }, out: { type: 'string' }, format: { type: 'string', default: 'json' } },
      strict: true,
    });
    if (!values.region) return { ok: false, message: 'Name the region with --region.' };
    if (!(EXPORT_FORMATS as readonly string[]).includes(values.format)) return { ok: false, message: `--format is json or csv, not "${values.format}".` };
    return { ok: true, regionId: values.region, outDir: resolve(values.out ?? `hsds-${values.region}`), format: values.format as ExportFormat };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

async function main() {
  const args = parseExportArgs(process.argv.slice(2));
  if (!args.ok) {
    process.stderr.write(`${args.message}\n${USAGE}`);
    process.exit(2);
  }
  const config = readConfig();
  const useAws = process.env.TABLE_NAME !== undefined && config.DYNAMODB_ENDPOINT === undefined;
  const db = useAws ? { stores: createStores(config), close: async () => {} } : await openLocalDatabase(config, { announce: false });
  try {
    const summary = await writeHsdsExport(db.stores, args.regionId, args, { asOf: systemClock.now(), ...(config.SITE_URL ? { siteUrl: config.SITE_URL } : {}) });
    process.stdout.write(
      `${summary.organizations} organisations, ${summary.locations} locations, ${summary.services} housing forms (HSDS services), written to:\n` +
        `${summary.files.map((f) => `  ${f}`).join('\n')}\n`,
    );
  } catch (error) {
    if (!(error instanceof UnknownExportRegionError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 2;
  } finally {
    await db.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
