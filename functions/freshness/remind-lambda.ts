// The freshness reminders on AWS Lambda, invoked once a day by an EventBridge schedule (the event
// is not read). Mails go out through SES. The link in them goes to SITE_URL when set, else to the
// site's own origin from the SSM parameter the site stack writes (SITE_ORIGINS_PARAMETER, read
// through the Parameters and Secrets extension on the first run, as the staff function does). A
// mail that fails leaves its organisation's reminders due, so the next day's run sends them: the
// run does not throw for it (a retry now would mail the colleagues who did get theirs again), it
// counts it in the RemindersFailed metric, which an alarm can watch.
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { systemClock } from '../../shared/clock.ts';
import { readConfig } from '../platform/config.ts';
import { lambdaHandler } from '../platform/lambda-handler.ts';
import { log } from '../platform/log.ts';
import { recordMetric } from '../platform/metrics.ts';
import { linkOrigin, parseOrigins } from '../platform/site-origins.ts';
import { awsClientSettings } from '../platform/outbound-calls.ts';
import { readParameter } from '../platform/secrets-extension.ts';
import { SesMailer } from '../platform/ses-mailer.ts';
import { tracer } from '../platform/tracer.ts';
import { createDynamoDbClient, createStores } from '../store/create-store.ts';
import { remind } from './remind.ts';

const config = readConfig();
const { SITE_URL, SITE_ORIGINS_PARAMETER } = config;
if (!SITE_URL && !SITE_ORIGINS_PARAMETER) throw new Error('The reminder function needs SITE_URL or SITE_ORIGINS_PARAMETER: the site\'s origin, for the portal link.');
let siteUrl: string | undefined = SITE_URL;
const stores = createStores(config, tracer.captureAWSv3Client(createDynamoDbClient(config, 'batch')));
const mailer = new SesMailer(tracer.captureAWSv3Client(new SESv2Client({ ...awsClientSettings('batch'), region: config.AWS_REGION })), config.MAIL_FROM);

export interface RemindResult {
  stale: number;
  due: number;
  mailsSent: number;
  mailsFailed: number;
  recorded: number;
  organizationsWithoutStaff: string[];
}

export const handler = lambdaHandler(async (): Promise<RemindResult> => {
  siteUrl ??= linkOrigin(parseOrigins(await readParameter(SITE_ORIGINS_PARAMETER as string)));
  const summary = await remind({ ...stores, mailer, clock: systemClock, siteUrl }, { dryRun: false });
  recordMetric('remindersSent', summary.mailsSent);
  recordMetric('remindersFailed', summary.mailsFailed);
  // Counts and organisation ids only: who was mailed stays out of the log.
  const result: RemindResult = {
    stale: summary.stale.length,
    due: summary.due.length,
    mailsSent: summary.mailsSent,
    mailsFailed: summary.mailsFailed,
    recorded: summary.recorded,
    organizationsWithoutStaff: summary.organizationsWithoutStaff,
  };
  log.info('freshness: done', { ...result });
  return result;
});
