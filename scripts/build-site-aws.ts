// The site builder's build in AWS (CodeBuild runs it, see infra/constructs/site-builder.ts): reads
// its request (WOONWIJZER_SITE_REQUEST: "full", or the key of a change the starter stored), renders
// those pages with Astro from the public API, then uploads only the files whose content changed
// to the site bucket, deletes the pages the API no longer has and invalidates only those paths in
// CloudFront. What changes is decided by functions/site/publish-plan.ts (pure, tested); this file
// only makes the calls. Any failure exits non-zero: CodeBuild retries the build and the ops stack
// alarms on failed builds; the bucket keeps the last good pages meanwhile.
import { createHash, randomUUID } from 'node:crypto';
import { readFile, readdir, rm } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { CloudFrontClient, CreateInvalidationCommand } from '@aws-sdk/client-cloudfront';
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import * as z from 'zod';
import { makeBuildDir, runAstroBuild } from '../functions/local/build-site.ts';
import { awsClientSettings } from '../functions/platform/outbound-calls.ts';
import { isEmptyChange, noChange, type SiteChange } from '../functions/site/affected-pages.ts';
import { pageScopeEnv } from '../functions/site/page-scope.ts';
import { publishPlan, uploadOrder, type PublishPlan } from '../functions/site/publish-plan.ts';
import { buildScope, parseSiteChange, readBuildRequest } from '../functions/site/site-build-request.ts';

const Env = z.object({
  SITE_BUCKET: z.string().min(3),
  DISTRIBUTION_ID: z.string().regex(/^[A-Z0-9]+$/),
  REQUESTS_BUCKET: z.string().min(3),
  WOONWIJZER_API_URL: z.url(),
  AWS_REGION: z.string().min(1),
});

/** Content types by extension for what Astro writes; S3 would otherwise serve binary/octet-stream. */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};
const contentTypeOf = (key: string) => CONTENT_TYPES[extname(key).toLowerCase()] ?? 'application/octet-stream';

/** Uploads at once: enough to keep a national full build's thousands of small files moving. */
const UPLOAD_CONCURRENCY = 16;

async function main(): Promise<void> {
  const env = Env.parse(process.env);
  const s3 = new S3Client({ ...awsClientSettings('batch'), region: env.AWS_REGION, requestChecksumCalculation: 'WHEN_REQUIRED' });
  const change = await readChange(s3, env.REQUESTS_BUCKET);
  const scope = buildScope(change);
  if (isEmptyChange(scope)) {
    report('nothing to build', {});
    return;
  }

  const started = Date.now();
  const outDir = await makeBuildDir();
  try {
    await runAstroBuild(env.WOONWIJZER_API_URL, outDir, { verbose: true }, scope.full ? {} : pageScopeEnv(scope.build));
    const built = await hashFiles(outDir);
    const bucket = await listBucket(s3, env.SITE_BUCKET);
    const plan = publishPlan({ built, bucket, change: scope });
    await carryOut(s3, env, outDir, plan);
    report(scope.full ? 'full build published' : 'pages published', {
      files: built.size,
      uploaded: plan.upload.length,
      deleted: plan.remove.length,
      invalidated: plan.invalidate.length,
      seconds: Math.round((Date.now() - started) / 1000),
    });
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

async function readChange(s3: S3Client, requestsBucket: string): Promise<SiteChange> {
  const request = readBuildRequest(process.env);
  if (request.kind === 'full') return { ...noChange(), full: true };
  const answer = await s3.send(new GetObjectCommand({ Bucket: requestsBucket, Key: request.key }));
  const change = parseSiteChange((await answer.Body?.transformToString()) ?? '');
  if (!change) throw new Error(`The build request ${request.key} holds no site change.`);
  return change;
}

/** Every file of the build by its bucket key, with the MD5 a single-part upload's ETag is. */
async function hashFiles(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path).split(sep).join('/'), createHash('md5').update(await readFile(path)).digest('hex'));
  }
  return files;
}

async function listBucket(s3: S3Client, bucket: string): Promise<Map<string, string>> {
  const objects = new Map<string, string>();
  let token: string | undefined;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
    for (const object of page.Contents ?? []) if (object.Key && object.ETag) objects.set(object.Key, object.ETag);
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return objects;
}

async function carryOut(s3: S3Client, env: z.infer<typeof Env>, outDir: string, plan: PublishPlan): Promise<void> {
  const queue = uploadOrder(plan.upload);
  // Assets before pages: each batch finishes before the next starts, and the order puts pages last.
  for (let i = 0; i < queue.length; i += UPLOAD_CONCURRENCY) {
    await Promise.all(queue.slice(i, i + UPLOAD_CONCURRENCY).map(async (key) => s3.send(new PutObjectCommand({
      Bucket: env.SITE_BUCKET,
      Key: key,
      Body: await readFile(join(outDir, key)),
      ContentType: contentTypeOf(key),
    }))));
  }
  for (let i = 0; i < plan.remove.length; i += 1000) {
    const objects = plan.remove.slice(i, i + 1000).map((Key) => ({ Key }));
    const answer = await s3.send(new DeleteObjectsCommand({ Bucket: env.SITE_BUCKET, Delete: { Objects: objects, Quiet: true } }));
    if (answer.Errors?.length) throw new Error(`S3 did not delete ${answer.Errors.length} page(s), e.g. ${answer.Errors[0]?.Key}: ${answer.Errors[0]?.Code}`);
  }
  if (plan.invalidate.length > 0) await invalidate(env.DISTRIBUTION_ID, plan.invalidate);
}

/** One CloudFront invalidation for all the paths. */
async function invalidate(distributionId: string, paths: readonly string[]): Promise<void> {
  // CloudFront is global; its API answers in us-east-1.
  const cloudFront = new CloudFrontClient({ ...awsClientSettings('batch'), region: 'us-east-1' });
  await cloudFront.send(new CreateInvalidationCommand({
    DistributionId: distributionId,
    InvalidationBatch: {
      Paths: { Quantity: paths.length, Items: [...paths] },
      CallerReference: `woonwijzer-site-${randomUUID()}`,
    },
  }));
}

/** One JSON line for CodeBuild's log: what the build did, by counts and paths (public pages only). */
function report(message: string, fields: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ message, ...fields })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`The site build failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
