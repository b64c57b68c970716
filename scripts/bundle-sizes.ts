// Bundles every Lambda entry exactly as the stacks do (same esbuild options, from
// infra/bundling.ts), prints the minified size of each, and fails if one is over budget.
// Usage: npx tsx scripts/bundle-sizes.ts [--top N]. A bundle over budget lists its largest
// packages; --top N lists the N largest of every bundle.
import { existsSync } from 'node:fs';
import { build } from 'esbuild';
import { BUNDLE_BUDGET_BYTES, ESBUILD_OPTIONS, LAMBDA_ENTRIES, type LambdaName, REPO_ROOT, entryPath } from '../infra/bundling.ts';

interface Row {
  name: LambdaName;
  entry: string;
  bytes: number | undefined;
  largest: Array<[string, number]>;
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

async function measure(name: LambdaName, top: number): Promise<Row> {
  const entry = LAMBDA_ENTRIES[name];
  if (!existsSync(entryPath(name))) return { name, entry, bytes: undefined, largest: [] };
  const result = await build({
    ...ESBUILD_OPTIONS,
    external: [...ESBUILD_OPTIONS.external],
    mainFields: [...ESBUILD_OPTIONS.mainFields],
    banner: { js: ESBUILD_OPTIONS.banner },
    alias: { ...ESBUILD_OPTIONS.alias },
    entryPoints: [entryPath(name)],
    absWorkingDir: REPO_ROOT,
    bundle: true,
    write: false,
    outfile: `/bundle-sizes/${name}/index.mjs`,
    metafile: true,
    logLevel: 'error',
  });
  const code = result.outputFiles.find((f) => f.path.endsWith('.mjs'));
  if (!code) throw new Error(`esbuild wrote no .mjs for ${entry}`);
  const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint !== undefined);
  // Group the inputs by package so the list says what to cut, not which file.
  const byPackage = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
    const key = match?.[1] ?? '(own code)';
    byPackage.set(key, (byPackage.get(key) ?? 0) + bytesInOutput);
  }
  const largest = [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, top);
  return { name, entry, bytes: code.contents.byteLength, largest };
}

async function main(): Promise<void> {
  const topArg = process.argv.indexOf('--top');
  const top = topArg > 0 ? Number(process.argv[topArg + 1] ?? 5) : 0;
  const names = Object.keys(LAMBDA_ENTRIES) as LambdaName[];
  const rows: Row[] = [];
  for (const name of names) rows.push(await measure(name, Math.max(top, 5)));

  const width = Math.max(...rows.map((r) => r.entry.length));
  console.log(`${'function'.padEnd(14)} ${'entry'.padEnd(width)} ${'minified KB'.padStart(12)}  status (budget ${kb(BUNDLE_BUDGET_BYTES)} KB)`);
  let failed = false;
  for (const row of rows) {
    const over = row.bytes !== undefined && row.bytes > BUNDLE_BUDGET_BYTES;
    const status = row.bytes === undefined ? 'MISSING ENTRY' : over ? 'OVER BUDGET' : 'ok';
    failed ||= row.bytes === undefined || over;
    console.log(`${row.name.padEnd(14)} ${row.entry.padEnd(width)} ${(row.bytes === undefined ? '-' : kb(row.bytes)).padStart(12)}  ${status}`);
    if (over || top > 0) {
      for (const [pkg, bytes] of row.largest.slice(0, over ? Math.max(top, 5) : top)) console.log(`${''.padEnd(16)}${kb(bytes).padStart(8)} KB  ${pkg}`);
    }
  }
  if (failed) {
    console.error('\nA bundle is missing or over budget.');
    process.exitCode = 1;
  }
}

await main();
