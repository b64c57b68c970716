// `npm run remind [-- --dry-run]`: the freshness reminders and the dossiers' retention (a warning
// at 11 months untouched, the deletion at 12: functions/dossiers/retention.ts), run by hand against the local store
// (the DynamoDB Local of a running `npm start`, or its data on disk). Mails go to the outbox folder
// (DATA_DIR/outbox); the terminal lists the stale waiting lists. `--dry-run` writes the mails and
// records nothing as sent (and deletes no dossier), so the real run (or tomorrow's) still sends them. With TABLE_NAME set
// and no DYNAMODB_ENDPOINT it reads the table in AWS, for a dry run only: in AWS the scheduled
// function sends the reminders (functions/freshness/remind-lambda.ts).
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { systemClock } from '../shared/clock.ts';
import { applyRetention, retentionReport } from '../functions/dossiers/retention.ts';
import { remind } from '../functions/freshness/remind.ts';
import { remindReport } from '../functions/freshness/remind-report.ts';
import { openLocalDatabase } from '../functions/local/local-database.ts';
import { outboxDir } from '../functions/local/local-staff.ts';
import { readConfig, siteUrl } from '../functions/platform/config.ts';
import { OutboxMailer } from '../functions/platform/mail.ts';
import { createStores } from '../functions/store/create-store.ts';

export const USAGE = 'Usage: npm run remind [-- --dry-run]\n';

export function parseRemindArgs(argv: readonly string[]): { ok: true; dryRun: boolean } | { ok: false; message: string } {
  try {
    const { values } = parseArgs({ args: argv.filter((a) => a !== '--'), options: { 'dry-run': { type: 'boolean', default: false } }, strict: true });
    return { ok: true, dryRun: values['dry-run'] };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

async function main() {
  const args = parseRemindArgs(process.argv.slice(2));
  if (!args.ok) {
    process.stderr.write(`${args.message}\n${USAGE}`);
    process.exit(2);
  }
  const config = readConfig();
  const useAws = process.env.TABLE_NAME !== undefined && config.DYNAMODB_ENDPOINT === undefined;
  if (useAws && !args.dryRun) {
    process.stderr.write('Against the table in AWS only --dry-run: the scheduled function sends the reminders there.\n');
    process.exit(2);
  }
  const db = useAws ? { stores: createStores(config), close: async () => {} } : await openLocalDatabase(config, { announce: false });
  const outbox = outboxDir(config);
  try {
    const deps = { ...db.stores, mailer: new OutboxMailer(outbox, config.MAIL_FROM), clock: systemClock, siteUrl: siteUrl(config) };
    const summary = await remind(deps, { dryRun: args.dryRun });
    process.stdout.write(remindReport(summary, { dryRun: args.dryRun, outbox }));
    const retention = await applyRetention(deps, { dryRun: args.dryRun });
    process.stdout.write(retentionReport(retention, { dryRun: args.dryRun }));
    if (summary.mailsFailed > 0 || retention.mailsFailed > 0) process.exitCode = 1;
  } finally {
    await db.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
