// `npm run national-data -- [--seed TEXT] [--force]`: generates the national demonstration set
// into .cache/national-data/ (see scripts/lib/national-data.ts) and prints what it made and how
// long it took. `npm start -- --national` does the same on its own when the set is missing or stale.
import { rmSync } from 'node:fs';
import { NATIONAL_CACHE_DIR, describeBuild, ensureNationalData } from './lib/national-data.ts';
import { NATIONAL_SEED } from './lib/national-generator.ts';

const args = process.argv.slice(2).filter((a) => a !== '--');
const seedAt = args.indexOf('--seed');
const seed = seedAt >= 0 ? args[seedAt + 1] : NATIONAL_SEED;
if (seed === undefined || seed.startsWith('--') || args.some((a, i) => a.startsWith('--') && !['--seed', '--force'].includes(a) && i !== seedAt + 1)) {
  process.stderr.write('Usage: npm run national-data -- [--seed TEXT] [--force]\n');
  process.exit(2);
}
if (args.includes('--force')) rmSync(NATIONAL_CACHE_DIR, { recursive: true, force: true });
const started = performance.now();
const { generated, build, dataSet } = await ensureNationalData({ seed, say: (line) => process.stdout.write(`${line}\n`) });
process.stdout.write(
  `${generated ? `Generated in ${(build.ms / 1000).toFixed(1)} s` : `Up to date (generated earlier in ${(build.ms / 1000).toFixed(1)} s; checked in ${((performance.now() - started) / 1000).toFixed(2)} s)`}: ` +
    `${describeBuild(build)}.\n  ${dataSet.regionsFile}\n  ${dataSet.listingsDir}/\n`,
);
