// `npm run load-regions -- [--table NAME | --stage dev|prod] [--demo] [--dry-run]`: writes the
// configured regions (data/regions.json) and their questionnaires (data/questionnaires/) into the
// deployed DynamoDB table, and with --demo the demonstration listings when the table holds no
// housing forms yet. Regions and questionnaires are configuration: every run makes them current.
// The table's stream carries the listings to the search indexer; nothing else is needed.
//
// Credentials: the default AWS chain (AWS_PROFILE, environment, SSO, instance role). The table:
// --table, else TABLE_NAME, else --stage (the name the data stack gives it, which is also its
// TableName output). DYNAMODB_ENDPOINT points it at DynamoDB Local instead (the tests do).
import { pathToFileURL } from 'node:url';
import { DescribeTableCommand, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import { type Clock, systemClock } from '../shared/clock.ts';
import { ListingDocumentSchema } from '../shared/domain/index.ts';
import { demoFiles, readListingFile, readRegionQuestionnaire, readRegions } from '../functions/listings/listing-files.ts';
import { loadRegions, seedDemo } from '../functions/listings/seed-demo.ts';
import { createDynamoDbClient, createStores } from '../functions/store/create-store.ts';
import { STAGES, type Stage } from '../infra/config.ts';
import { resourceName } from '../infra/naming.ts';

export const USAGE =
  'Usage: npm run load-regions -- [--table NAME | --stage dev|prod] [--demo] [--dry-run] [--aws-region REGION]\n' +
  '  --table NAME      the table to write to (default: $TABLE_NAME)\n' +
  '  --stage STAGE     the table of a deployed stage: woonwijzer-<stage>-table (the data stack output TableName)\n' +
  '  --demo            also write the demonstration listings (only into a table without housing forms)\n' +
  '  --dry-run         read and check everything and the table, write nothing\n' +
  '  --aws-region R    the table\'s region (default: $AWS_REGION, else eu-west-1)\n';

export interface LoadOptions {
  tableName: string;
  awsRegion: string;
  /** DynamoDB Local (or another compatible endpoint) instead of AWS. */
  endpoint?: string;
  demo: boolean;
  dryRun: boolean;
}

export type ParsedArgs = { ok: true; options: LoadOptions } | { ok: false; message: string };

export function parseArgs(argv: readonly string[], env: Record<string, string | undefined>): ParsedArgs {
  const args = argv.filter((a) => a !== '--');
  let table: string | undefined;
  let stage: string | undefined;
  let awsRegion = env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'eu-west-1';
  let demo = false;
  let dryRun = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = () => {
      const next = args[++i];
      if (next === undefined || next.startsWith('--')) throw new Error(`${arg} needs a value.`);
      return next;
    };
    try {
      if (arg === '--table') table = value();
      else if (arg === '--stage') stage = value();
      else if (arg === '--aws-region') awsRegion = value();
      else if (arg === '--demo') demo = true;
      else if (arg === '--dry-run') dryRun = true;
      else if (arg === '--help' || arg === '-h') return { ok: false, message: '' };
      else return { ok: false, message: `Unknown argument: ${arg}` };
    } catch (error) {
      return { ok: false, message: (error as Error).message };
    }
  }
  if (table !== undefined && stage !== undefined) return { ok: false, message: 'Give --table or --stage, not both.' };
  if (stage !== undefined && !(STAGES as readonly string[]).includes(stage)) return { ok: false, message: `Unknown stage ${stage}: use ${STAGES.join(' or ')}.` };
  const tableName = table ?? env.TABLE_NAME ?? (stage ? resourceName(stage as Stage, 'table') : undefined);
  if (!tableName) return { ok: false, message: 'Which table? Give --table NAME, --stage dev|prod, or set TABLE_NAME.' };
  return { ok: true, options: { tableName, awsRegion, demo, dryRun, ...(env.DYNAMODB_ENDPOINT ? { endpoint: env.DYNAMODB_ENDPOINT } : {}) } };
}

export interface LoadSummary {
  tableName: string;
  dryRun: boolean;
  /** questionnaire: the region has its own (else it gets the national default). */
  regions: Array<{ id: string; name: string; questionnaire: boolean }>;
  /** Undefined when --demo was not given. */
  demo?: { documents: number; written: boolean; reason?: string };
}

/** Thrown when the table is not there (or not reachable): says what to do. */
export class TableNotFoundError extends Error {
  constructor(tableName: string, awsRegion: string) {
    super(
      `Table ${tableName} was not found in ${awsRegion}. Deploy the data stack first (npx cdk deploy --all -c stage=...), ` +
        'or name the table with --table or --stage, and check AWS_PROFILE / --aws-region.',
    );
    this.name = 'TableNotFoundError';
  }
}

export async function loadRegionsIntoTable(options: LoadOptions, clock: Clock = systemClock): Promise<LoadSummary> {
  const config = { TABLE_NAME: options.tableName, AWS_REGION: options.awsRegion, DYNAMODB_ENDPOINT: options.endpoint };
  // Read and check every file first: a broken file stops the run before anything is written.
  const regions = await readRegions();
  const questionnaires = new Map(await Promise.all(regions.map(async (r) => [r.id, (await readRegionQuestionnaire(r.id)).own] as const)));
  const demoDocuments = options.demo ? await checkedDemoDocuments() : 0;

  // Also in a dry run: it proves the credentials reach the table before anyone relies on them.
  // The batch call limits: an operator's load of whole regions, not a person waiting on a page.
  const client = createDynamoDbClient(config, 'batch');
  try {
    await client.send(new DescribeTableCommand({ TableName: options.tableName }));
  } catch (error) {
    if (error instanceof ResourceNotFoundException) throw new TableNotFoundError(options.tableName, options.awsRegion);
    throw error;
  } finally {
    client.destroy();
  }

  const summary: LoadSummary = {
    tableName: options.tableName,
    dryRun: options.dryRun,
    regions: regions.map((r) => ({ id: r.id, name: r.name, questionnaire: questionnaires.get(r.id) === true })),
  };
  const stores = createStores(config);
  const holdsHousingForms = async () => (await Promise.all(regions.map((r) => stores.listings.regionCounts(r.id)))).some((c) => c.housingFormCount > 0);

  if (options.dryRun) {
    if (options.demo) {
      const skip = await holdsHousingForms();
      summary.demo = { documents: demoDocuments, written: false, ...(skip ? { reason: 'the table already holds housing forms' } : {}) };
    }
    return summary;
  }

  await loadRegions(stores.regions);
  if (options.demo) {
    // seedDemo writes nothing when any region already has housing forms: demonstration data
    // never mixes with real listings.
    const { demoDocuments: written } = await seedDemo(stores, clock);
    summary.demo = written > 0 ? { documents: written, written: true } : { documents: 0, written: false, reason: 'the table already holds housing forms' };
  }
  return summary;
}

/** Every demonstration document parsed and checked against the listing schema. */
async function checkedDemoDocuments(): Promise<number> {
  const files = await demoFiles();
  for (const file of files) {
    const read = await readListingFile(file);
    if (!read.ok) throw new Error(`${file}: ${read.message}`);
    const parsed = ListingDocumentSchema.safeParse(read.document);
    if (!parsed.success) throw new Error(`${file}: not a valid listing document: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return files.length;
}

export function formatSummary(summary: LoadSummary): string {
  const verb = summary.dryRun ? 'would write' : 'wrote';
  const lines = [
    `${summary.dryRun ? 'Dry run: nothing was written. ' : ''}Table ${summary.tableName}:`,
    `  regions: ${verb} ${summary.regions.length} (${summary.regions.map((r) => r.id).join(', ')})`,
    `  questionnaires: ${verb} ${summary.regions.filter((r) => r.questionnaire).length}` +
      (summary.regions.some((r) => !r.questionnaire) ? ` (and the national default for ${summary.regions.filter((r) => !r.questionnaire).map((r) => r.id).join(', ')})` : ''),
  ];
  if (summary.demo) {
    lines.push(
      summary.demo.reason
        ? `  demonstration listings: skipped, ${summary.demo.reason}`
        : `  demonstration listings: ${verb} ${summary.demo.documents} document(s)`,
    );
  } else {
    lines.push('  demonstration listings: not requested (add --demo)');
  }
  if (!summary.dryRun) lines.push('The table stream brings new listings to the search index; run `npm run reindex` to rebuild it whole.');
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  const parsed = parseArgs(process.argv.slice(2), process.env);
  if (!parsed.ok) {
    process.stderr.write(parsed.message ? `${parsed.message}\n${USAGE}` : USAGE);
    process.exit(parsed.message ? 2 : 0);
  }
  const { options } = parsed;
  process.stdout.write(
    `${options.dryRun ? 'Checking' : 'Loading'} regions${options.demo ? ' and demonstration listings' : ''} into ${options.tableName}` +
      ` (${options.endpoint ?? options.awsRegion})…\n`,
  );
  try {
    process.stdout.write(formatSummary(await loadRegionsIntoTable(options)));
  } catch (error) {
    process.stderr.write(`Loading failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
