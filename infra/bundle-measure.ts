// Bundles one Lambda entry exactly as the stacks do (the esbuild options of ./bundling.ts) into
// memory and reports its minified size and what it holds, grouped by package. Shared by
// scripts/bundle-sizes.ts (prints), test/infra/bundle-budget.test.ts (fails over budget) and
// scripts/bench-cold-start.ts (writes the bundle to import it in fresh processes).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { ESBUILD_OPTIONS, LAMBDA_ENTRIES, type LambdaName, REPO_ROOT, entryPath, externalsOf } from './bundling.ts';

export interface BundleMeasure {
  name: LambdaName;
  entry: string;
  /** Minified size of the .mjs; undefined when the entry file does not exist. */
  bytes: number | undefined;
  /** Bytes in the output per package (`(own code)` for the repository's files), largest first. */
  byPackage: Array<[string, number]>;
  /** Every input path with code in the bundle, relative to the repository root (tree-shaken ones left out). */
  inputs: string[];
}

/** `writeTo`: a folder to write the bundle into, `index.mjs` and its map (it is otherwise kept in memory). */
export async function measureBundle(name: LambdaName, writeTo?: string): Promise<BundleMeasure> {
  const entry = LAMBDA_ENTRIES[name];
  if (!existsSync(entryPath(name))) return { name, entry, bytes: undefined, byPackage: [], inputs: [] };
  const result = await build({
    ...ESBUILD_OPTIONS,
    external: externalsOf(name),
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
  if (writeTo !== undefined) {
    mkdirSync(writeTo, { recursive: true });
    // The source map too: the functions run with --enable-source-maps, which reads it at import.
    for (const file of result.outputFiles) writeFileSync(path.join(writeTo, path.basename(file.path)), file.contents);
  }
  const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint !== undefined);
  const inputs = Object.entries(output?.inputs ?? {});
  // Grouped by package so a report says what to cut, not which file.
  const byPackage = new Map<string, number>();
  for (const [input, { bytesInOutput }] of inputs) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
    const key = match?.[1] ?? '(own code)';
    byPackage.set(key, (byPackage.get(key) ?? 0) + bytesInOutput);
  }
  return {
    name,
    entry,
    bytes: code.contents.byteLength,
    byPackage: [...byPackage].sort((a, b) => b[1] - a[1]),
    inputs: inputs.filter(([, { bytesInOutput }]) => bytesInOutput > 0).map(([input]) => input),
  };
}

export const LAMBDA_NAMES = Object.keys(LAMBDA_ENTRIES) as LambdaName[];
