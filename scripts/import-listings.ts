// `npm run import -- FILE...`: validates and imports listing documents. Each document is taken
// whole or refused whole; the exit status is 1 when any was refused.
import { systemClock } from '../shared/clock.ts';
import { importListing } from '../functions/listings/import-listing.ts';
import { readListingFile } from '../functions/listings/listing-files.ts';
import { loadRegions } from '../functions/listings/seed-demo.ts';
import { openLocalDatabase } from '../functions/local/local-database.ts';
import { readConfig } from '../functions/platform/config.ts';
import { createStores } from '../functions/store/create-store.ts';
import type { ChangeCounts } from '../functions/store/listing-writer.ts';

const files = process.argv.slice(2).filter((a) => a !== '--');
if (files.length === 0) {
  process.stderr.write('Usage: npm run import -- FILE.json [FILE.json ...]\n');
  process.exit(2);
}

const config = readConfig();
// In AWS (TABLE_NAME set, no endpoint) write to the real table; else to the local database.
const useAws = process.env.TABLE_NAME !== undefined && config.DYNAMODB_ENDPOINT === undefined;
const db = useAws
  ? { stores: createStores(config), close: async () => {} }
  : await openLocalDatabase(config, { announce: false });

if (!useAws) await loadRegions(db.stores.regions);

const counts = (c: ChangeCounts) => `${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${c.removed} removed`;
let refused = 0;
try {
  for (const file of files) {
    const read = await readListingFile(file);
    if (!read.ok) {
      refused++;
      process.stdout.write(`✗ ${file}: refused. ${read.message}\n`);
      continue;
    }
    const outcome = await importListing(read.document, { ...db.stores, clock: systemClock });
    if (outcome.ok) {
      const s = outcome.summary;
      process.stdout.write(
        `✓ ${file}: organisation ${outcome.organizationId} ${s.organization}\n` +
          `    locations: ${counts(s.locations)}\n    housing forms: ${counts(s.housingForms)}\n`,
      );
    } else {
      refused++;
      process.stdout.write(`✗ ${file}: refused, nothing was changed. ${outcome.errors.length} problem(s):\n`);
      for (const e of outcome.errors) process.stdout.write(`    ${e.path}: ${e.message}\n`);
    }
  }
} finally {
  await db.close();
}
process.stdout.write(`\n${files.length - refused} of ${files.length} document(s) imported.\n`);
process.exit(refused > 0 ? 1 : 0);
