// `npm run reindex -- [--resume] [regionId...]`: rebuilds the OpenSearch index from the table, with a
// progress bar per region and a summary. Without region ids the whole index is rebuilt blue/green (a
// new version, then an atomic swap); with ids those regions are refreshed in place. Each finished
// region is recorded in a checkpoint (a file in DATA_DIR locally; an item in the table in AWS), so
// after an interruption `--resume` goes on with the regions not yet done.
// The table: DynamoDB Local at DYNAMODB_ENDPOINT, else the one a running `npm start` uses (or its
// data on disk), else, with TABLE_NAME set and no endpoint, the table in AWS.
// Needs OPENSEARCH_URL: the embedded engine of `npm start` rebuilds itself and needs no reindex.
import cliProgress from 'cli-progress';
import { Slug } from '../shared/domain/primitives.ts';
import { join } from 'node:path';
import { fileCheckpointStore, NothingToResumeError } from '../functions/indexer/reindex-checkpoint.ts';
import { reindex, type ReindexSummary } from '../functions/indexer/reindex-core.ts';
import { REPO_ROOT } from '../functions/platform/paths.ts';
import { OpenSearchNotConfiguredError, openSearchSettings } from '../functions/indexer/search-settings.ts';
import { openLocalDatabase } from '../functions/local/local-database.ts';
import { readConfig } from '../functions/platform/config.ts';
import { createOpenSearchIndex, type OpenSearchSettings } from '../functions/search/opensearch/create-opensearch-index.ts';
import { createDynamoDbClient, createStores } from '../functions/store/create-store.ts';
import { DynamoDbReindexCheckpointStore } from '../functions/store/dynamodb/dynamodb-reindex-checkpoint-store.ts';
import { DynamoDbTable } from '../functions/store/dynamodb/dynamodb-table.ts';

const args = process.argv.slice(2).filter((a) => a !== '--');
const resume = args.includes('--resume');
const regionIds = args.filter((a) => a !== '--resume');
const invalid = regionIds.filter((id) => !Slug.safeParse(id).success);
if (invalid.length > 0) {
  process.stderr.write(`Not a region id: ${invalid.join(', ')}\nUsage: npm run reindex -- [--resume] [regionId ...]\n`);
  process.exit(2);
}

const config = readConfig();
function settingsOrExit(): OpenSearchSettings {
  try {
    return openSearchSettings(config);
  } catch (error) {
    process.stderr.write(`${error instanceof OpenSearchNotConfiguredError ? error.message : String(error)}\n`);
    process.exit(2);
  }
}
const settings = settingsOrExit();
const useAws = process.env.TABLE_NAME !== undefined && config.DYNAMODB_ENDPOINT === undefined;
const db = useAws ? { stores: createStores(config), close: async () => {} } : await openLocalDatabase(config, { announce: false });
const index = createOpenSearchIndex(settings);
// Only this command writes a checkpoint, so the store is made here and no function bundles it.
const checkpoint = useAws
  ? new DynamoDbReindexCheckpointStore(new DynamoDbTable(createDynamoDbClient(config, 'batch'), config.TABLE_NAME))
  : fileCheckpointStore(join(REPO_ROOT, config.DATA_DIR, 'reindex-checkpoint.json'));

process.stdout.write(
  `${resume ? 'Resuming: ' : ''}Rebuilding ${regionIds.length > 0 ? `region(s) ${regionIds.join(', ')} in place` : 'the whole index (blue/green)'}` +
    ` in ${settings.url} (alias ${index.alias}) from table ${config.TABLE_NAME}.\n`,
);
const bars = new cliProgress.MultiBar(
  { format: ' {region} [{bar}] {value}/{total} housing forms', hideCursor: true, clearOnComplete: false, stopOnComplete: false },
  cliProgress.Presets.shades_classic,
);
const regionBars = new Map<string, cliProgress.SingleBar>();
const started = Date.now();
let summary: ReindexSummary;
try {
  summary = await reindex(db.stores, index, regionIds, {
    checkpoint,
    resume,
    onProgress: ({ regionId, done, total }) => {
      let bar = regionBars.get(regionId);
      const payload = { region: regionId.padEnd(16) };
      if (!bar) {
        bar = bars.create(total, 0, payload);
        regionBars.set(regionId, bar);
      }
      bar.setTotal(total);
      // The payload again: without a terminal, `create` skips storing it and the label stays empty.
      bar.update(done, payload);
    },
  });
} catch (error) {
  bars.stop();
  process.stderr.write(`\nReindex failed: ${error instanceof Error ? error.message : String(error)}\n`);
  if (!(error instanceof NothingToResumeError)) {
    process.stderr.write(`The regions done so far are recorded: \`npm run reindex -- --resume${regionIds.map((id) => ` ${id}`).join('')}\` goes on from there.\n`);
  }
  await db.close();
  process.exit(1);
}
bars.stop();
await db.close();

const seconds = ((Date.now() - started) / 1000).toFixed(1);
process.stdout.write('\n');
for (const r of summary.regions) {
  process.stdout.write(`  ${r.regionId.padEnd(16)} ${r.indexed} indexed, ${r.caughtUp} caught up, ${r.removed} removed\n`);
}
const total = summary.regions.reduce((sum, r) => sum + r.indexed, 0);
process.stdout.write(`\n${total} housing form(s) in ${summary.regions.length} region(s), ${seconds} s.`);
if (summary.resumed > 0) process.stdout.write(` ${summary.resumed} region(s) were done before the interruption.`);
if (summary.mode === 'blue-green') {
  process.stdout.write(` Live index: ${summary.index}` + (summary.retired.length > 0 ? `; dropped ${summary.retired.join(', ')}` : '') + '.');
}
process.stdout.write('\n');
