// Bundles every Lambda entry exactly as the stacks do (same esbuild options, from
// infra/bundling.ts), prints the minified size of each, and exits 1 if one is missing or over
// budget. Usage: npx tsx scripts/bundle-sizes.ts [--top N]. A bundle over budget lists its
// largest packages; --top N lists the N largest of every bundle.
import { LAMBDA_NAMES, type BundleMeasure, measureBundle } from '../infra/bundle-measure.ts';
import { BUNDLE_BUDGETS } from '../infra/bundling.ts';

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

async function main(): Promise<void> {
  const topArg = process.argv.indexOf('--top');
  const top = topArg > 0 ? Number(process.argv[topArg + 1] ?? 5) : 0;
  const rows: BundleMeasure[] = [];
  for (const name of LAMBDA_NAMES) rows.push(await measureBundle(name));

  const width = Math.max(...rows.map((r) => r.entry.length));
  console.log(`${'function'.padEnd(14)} ${'entry'.padEnd(width)} ${'minified KB'.padStart(12)} ${'budget KB'.padStart(10)}  status`);
  let failed = false;
  for (const row of rows) {
    const budget = BUNDLE_BUDGETS[row.name];
    const over = row.bytes !== undefined && row.bytes > budget;
    const status = row.bytes === undefined ? 'MISSING ENTRY' : over ? 'OVER BUDGET' : 'ok';
    failed ||= row.bytes === undefined || over;
    console.log(`${row.name.padEnd(14)} ${row.entry.padEnd(width)} ${(row.bytes === undefined ? '-' : kb(row.bytes)).padStart(12)} ${kb(budget).padStart(10)}  ${status}`);
    if (over || top > 0) {
      for (const [pkg, bytes] of row.byPackage.slice(0, over ? Math.max(top, 5) : top)) console.log(`${''.padEnd(16)}${kb(bytes).padStart(8)} KB  ${pkg}`);
    }
  }
  if (failed) {
    console.error('\nA bundle is missing or over budget.');
    process.exitCode = 1;
  }
}

await main();
