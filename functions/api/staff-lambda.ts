// The staff API on AWS Lambda (sign-in, the provider resources, and whatever createStaffApp mounts
// next), behind the same HTTP API and CloudFront origin as the public API: API Gateway routes the
// staff prefixes (staff/paths.ts) here. Unlike the public function it may write the table, send
// mail and keep the photos bucket's uploads and web sizes; mail goes out through SES, the server
// secret comes from Secrets Manager and the site's origins from an SSM parameter the site stack
// writes, both read on the first request. Once a day a schedule invokes it with RETENTION_EVENT
// instead of a request: the dossiers' retention run (functions/dossiers/retention.ts), here because
// no other function may reach the dossier table.
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { systemClock } from '../../shared/clock.ts';
import { readConfig } from '../platform/config.ts';
import { httpCorrelationId, lambdaHandler } from '../platform/lambda-handler.ts';
import { awsClientSettings } from '../platform/outbound-calls.ts';
import { readParameter, readSecretString } from '../platform/secrets-extension.ts';
import { SesMailer } from '../platform/ses-mailer.ts';
import { photoS3Client, S3PhotoStorage } from '../photos/s3-photo-storage.ts';
import { createStores } from '../store/create-store.ts';
import { linkOrigin, parseOrigins } from '../platform/site-origins.ts';
import { log } from '../platform/log.ts';
import { applyRetention, type RetentionSummary } from '../dossiers/retention.ts';
import type { RETENTION_EVENT } from '../dossiers/retention-event.ts';
import { isRetentionEvent } from '../dossiers/retention-event.ts';
import type { Context } from 'aws-lambda';
import { createStaffLambdaHandler } from './staff/lambda-app.ts';

const config = readConfig();
const { AUTH_SECRET_ID, SITE_ORIGINS_PARAMETER, PHOTOS_BUCKET } = config;
if (!AUTH_SECRET_ID || !SITE_ORIGINS_PARAMETER || !PHOTOS_BUCKET) throw new Error('The staff function needs AUTH_SECRET_ID, SITE_ORIGINS_PARAMETER and PHOTOS_BUCKET.');

const deps = {
  // Every store port; the staff app takes the ones it declares in StaffDeps.
  ...createStores(config),
  mailer: new SesMailer(new SESv2Client({ ...awsClientSettings(), region: config.AWS_REGION }), config.MAIL_FROM),
  photos: new S3PhotoStorage(photoS3Client(config.AWS_REGION), PHOTOS_BUCKET),
  clock: systemClock,
  siteUrl: config.SITE_URL,
};
const app = createStaffLambdaHandler({
  deps,
  readSecret: async () => Buffer.from(await readSecretString(AUTH_SECRET_ID), 'utf8'),
  readAllowedOrigins: async () => parseOrigins(await readParameter(SITE_ORIGINS_PARAMETER)),
});

/** The daily retention run (a schedule's event, not a request): counts go to the log, never a dossier. */
async function runRetention(): Promise<RetentionSummary> {
  const siteUrl = deps.siteUrl ?? linkOrigin(parseOrigins(await readParameter(SITE_ORIGINS_PARAMETER as string)));
  const summary = await applyRetention({ ...deps, siteUrl }, { dryRun: false });
  log.info('retention: done', { ...summary });
  return summary;
}

type HttpEvent = Parameters<typeof app>[0];
export const handler = lambdaHandler(
  async (event: HttpEvent | typeof RETENTION_EVENT, context: Context) => (isRetentionEvent(event) ? runRetention() : app(event as HttpEvent, context)),
  { correlationId: (event) => (isRetentionEvent(event) ? undefined : httpCorrelationId(event as HttpEvent)) },
);
