// The pure parts of the site builder in AWS (issue 12 item 2): which stream records may reach the
// collector, how a minute of queued changes becomes one build, which files a build uploads and
// deletes and which paths it invalidates, and the StartBuild call the starter and `npm run
// rebuild-site` make (against a local server that answers as CodeBuild does).
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CodeBuildClient } from '@aws-sdk/client-codebuild';
import { marshall } from '@aws-sdk/util-dynamodb';
import { awsClientSettings } from '../../../functions/platform/outbound-calls.ts';
import { affectedPages, noChange, type SiteChange } from '../../../functions/site/affected-pages.ts';
import { emptyScope } from '../../../functions/site/page-scope.ts';
import { EVERYTHING, INVALIDATION_PATH_LIMIT, publishPlan, uploadOrder } from '../../../functions/site/publish-plan.ts';
import {
  buildScope,
  mergeQueuedChanges,
  readBuildRequest,
  requestKey,
  SITE_BUILD_REQUEST_ENV,
  SITE_ENTITIES,
  siteKeyPrefixes,
  siteStreamFilterPatterns,
} from '../../../functions/site/site-build-request.ts';
import { buildConsoleUrl, isBuildRunning, startBuildInput, startSiteBuild } from '../../../functions/site/start-build.ts';
import { entities } from '../../../functions/store/dynamodb/keys.ts';

const change = (over: Partial<SiteChange['build']> = {}, extra: Partial<Omit<SiteChange, 'build'>> = {}): SiteChange => ({
  build: { ...emptyScope(), ...over },
  removeLocations: [],
  full: false,
  ...extra,
});

const md5 = (c: string) => c.repeat(32);

describe('the stream filter', () => {
  it('lets through the partitions of locations, housing forms, organisations, regions and questionnaires', () => {
    expect(siteKeyPrefixes()).toEqual(['LOC#', 'ORG#', 'REGION#']);
    expect(siteStreamFilterPatterns('pk')).toEqual([
      { dynamodb: { Keys: { pk: { S: [{ prefix: 'LOC#' }] } } } },
      { dynamodb: { Keys: { pk: { S: [{ prefix: 'ORG#' }] } } } },
      { dynamodb: { Keys: { pk: { S: [{ prefix: 'REGION#' }] } } } },
    ]);
  });

  it('keeps out every other entity\'s records of the listing table, and those touch no page anyway', () => {
    const others = (Object.keys(entities) as Array<keyof typeof entities>).filter((name) => !(SITE_ENTITIES as readonly string[]).includes(name));
    expect(others).toEqual(expect.arrayContaining(['account', 'session', 'housingFormChange', 'reminder', 'throttle']));
    const inSitePartitions = others.filter((name) => siteKeyPrefixes().some((p) => entities[name].partitionPrefix.startsWith(p)));
    // Only a region's questionnaire draft shares a partition with what builds pages: let through, it builds nothing.
    expect(inSitePartitions).toEqual(['questionnaireDraft']);
    const draft = { eventName: 'MODIFY', dynamodb: { Keys: marshall(entities.questionnaireDraft.key({ regionId: 'utrecht' })) } };
    expect(affectedPages([draft])).toEqual(noChange());
    // A history record of a waiting-list change (HISTORY#...) is what the filter keeps out: no page.
    const history = { eventName: 'INSERT', dynamodb: { Keys: marshall({ pk: 'HISTORY#org-a', sk: 'LOC#loc-a#HF#hf-a#0001700000000#change-1' }) } };
    expect(affectedPages([history])).toEqual(noChange());
  });
});

describe('a minute of queued changes', () => {
  it('becomes one build of the pages any of them touches, a full build if one asks for it', () => {
    const { change: merged, rejected } = mergeQueuedChanges([
      { id: 'm1', sentAt: 1, body: JSON.stringify(change({ location: ['loc-a'], search: ['utrecht'] })) },
      { id: 'm2', sentAt: 2, body: JSON.stringify(change({ location: ['loc-b'], region: ['utrecht'] })) },
    ]);
    expect(rejected).toEqual([]);
    expect(merged).toEqual(change({ location: ['loc-a', 'loc-b'], region: ['utrecht'], search: ['utrecht'] }));
    const withFull = mergeQueuedChanges([
      { id: 'm1', sentAt: 1, body: JSON.stringify(change({ location: ['loc-a'] })) },
      { id: 'm2', sentAt: 2, body: JSON.stringify(change({}, { full: true })) },
    ]);
    expect(withFull.change.full).toBe(true);
  });

  it('merges in the order the collector sent them, whatever order the queue delivers', () => {
    const removed = JSON.stringify(change({}, { removeLocations: ['loc-a'] }));
    const addedBack = JSON.stringify(change({ location: ['loc-a'] }));
    const { change: merged } = mergeQueuedChanges([
      { id: 'later', sentAt: 2000, body: addedBack },
      { id: 'earlier', sentAt: 1000, body: removed },
    ]);
    expect(merged.build.location).toEqual(['loc-a']);
    expect(merged.removeLocations).toEqual([]);
  });

  it('leaves a message that holds no change on the queue (for its dead-letter queue) and builds the rest', () => {
    const { change: merged, rejected } = mergeQueuedChanges([
      { id: 'junk', sentAt: 1, body: '{"hello":"world"}' },
      { id: 'not-json', sentAt: 2, body: 'loc-a' },
      { id: 'ok', sentAt: 3, body: JSON.stringify(change({ location: ['loc-a'] })) },
    ]);
    expect(rejected).toEqual(['junk', 'not-json']);
    expect(merged.build.location).toEqual(['loc-a']);
  });

  it('renders the pages of removed locations too, so a page is deleted only when the API no longer has it', () => {
    expect(buildScope(change({ location: ['loc-b'] }, { removeLocations: ['loc-a'] }))).toEqual(change({ location: ['loc-a', 'loc-b'] }));
  });
});

describe('the build request', () => {
  it('is "full" or a stored request\'s key, and anything else fails the build', () => {
    const key = requestKey(new Date('2026-12-03T10:15:30.123Z'), 'f00d');
    expect(key).toBe('requests/2026-12-03T10-15-30-123Z-f00d.json');
    expect(readBuildRequest({ [SITE_BUILD_REQUEST_ENV]: 'full' })).toEqual({ kind: 'full' });
    expect(readBuildRequest({ [SITE_BUILD_REQUEST_ENV]: key })).toEqual({ kind: 'stored', key });
    for (const bad of [undefined, '', 'FULL', 'other/x.json', 'requests/../secret.json']) {
      expect(() => readBuildRequest({ [SITE_BUILD_REQUEST_ENV]: bad })).toThrow(SITE_BUILD_REQUEST_ENV);
    }
  });

  it('links a started build to its page in the console', () => {
    expect(buildConsoleUrl('arn:aws:codebuild:eu-west-1:123456789012:build/woonwijzer-prod-site-builder:0b1c-2d3e')).toBe(
      'https://eu-west-1.console.aws.amazon.com/codesuite/codebuild/123456789012/projects/woonwijzer-prod-site-builder/build/'
        + 'woonwijzer-prod-site-builder%3A0b1c-2d3e/?region=eu-west-1',
    );
  });
});

describe('starting a build through the CodeBuild client', () => {
  interface Seen { headers: IncomingHttpHeaders; body: unknown }
  const seen: Seen[] = [];
  // What the next StartBuild is answered with: CodeBuild's JSON protocol (status, body).
  let answer: { status: number; body: unknown } = { status: 200, body: {} };
  let server: Server;
  let codeBuild: CodeBuildClient;

  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        seen.push({ headers: request.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown });
        response.writeHead(answer.status, { 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    codeBuild = new CodeBuildClient({
      ...awsClientSettings('batch'),
      // One attempt: a refusal here is the answer under test, not something to retry.
      maxAttempts: 1,
      region: 'eu-west-1',
      endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    });
  });
  afterAll(async () => {
    codeBuild.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  it('starts the project with the request as its one variable, signed, and returns the build', async () => {
    seen.length = 0;
    const arn = 'arn:aws:codebuild:eu-west-1:123456789012:build/woonwijzer-prod-site-builder:0b1c-2d3e';
    answer = { status: 200, body: { build: { id: 'woonwijzer-prod-site-builder:0b1c-2d3e', arn } } };
    const start = { projectName: 'woonwijzer-prod-site-builder', request: 'full' };
    await expect(startSiteBuild(codeBuild, start)).resolves.toEqual({ id: 'woonwijzer-prod-site-builder:0b1c-2d3e', arn });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.headers['x-amz-target']).toBe('CodeBuild_20161006.StartBuild');
    expect(seen[0]?.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/codebuild\/aws4_request/);
    expect(seen[0]?.body).toEqual({
      projectName: 'woonwijzer-prod-site-builder',
      environmentVariablesOverride: [{ name: 'WOONWIJZER_SITE_REQUEST', value: 'full', type: 'PLAINTEXT' }],
    });
    // `npm run rebuild-site -- --dry-run` prints this same request.
    expect(startBuildInput(start)).toEqual(seen[0]?.body);
  });

  it('fails when CodeBuild does not say which build it started', async () => {
    answer = { status: 200, body: { build: {} } };
    await expect(startSiteBuild(codeBuild, { projectName: 'p', request: 'full' })).rejects.toThrow('did not say which');
  });

  it('tells a running build (try later) from a real refusal', async () => {
    const refusal = async (body: unknown) => {
      answer = { status: 400, body };
      return startSiteBuild(codeBuild, { projectName: 'woonwijzer-prod-site-builder', request: 'full' }).then(
        () => { throw new Error('StartBuild was expected to fail'); },
        (error: unknown) => error,
      );
    };
    const running = await refusal({ __type: 'AccountLimitExceededException', message: 'Cannot have more than 1 builds in queue for the project' });
    expect(isBuildRunning(running)).toBe(true);
    expect(isBuildRunning(await refusal({ __type: 'com.amazonaws.codebuild#ResourceNotFoundException', message: 'no project' }))).toBe(false);
    expect(isBuildRunning(await refusal({ __type: 'InvalidInputException', message: 'bad' }))).toBe(false);
    expect(isBuildRunning(new Error('AccountLimitExceededException'))).toBe(false);
  });
});

describe('publishing a partial build', () => {
  const scope = buildScope(change({ location: ['loc-a'], region: ['utrecht'] }, { removeLocations: ['loc-gone'] }));
  const built = new Map([
    ['locatie/loc-a/index.html', md5('a')],
    ['en/location/loc-a/index.html', md5('b')],
    ['regio/utrecht/index.html', md5('c')],
    ['en/region/utrecht/index.html', md5('d')],
    // Always rendered by Astro, never asked for here: left alone.
    ['index.html', md5('e')],
    ['_astro/location.NEW1.js', md5('f')],
    ['_astro/site.OLD1.css', md5('1')],
  ]);
  const bucket = new Map([
    ['locatie/loc-a/index.html', `"${md5('0')}"`],
    // The same content: not uploaded, not invalidated.
    ['en/location/loc-a/index.html', `"${md5('b')}"`],
    ['regio/utrecht/index.html', `"${md5('0')}"`],
    ['en/region/utrecht/index.html', `"${md5('d')}"`],
    ['index.html', `"${md5('9')}"`],
    ['_astro/site.OLD1.css', `"${md5('1')}"`],
    ['_astro/location.OLD0.js', `"${md5('2')}"`],
    ['locatie/loc-gone/index.html', `"${md5('3')}"`],
    ['en/location/loc-gone/index.html', `"${md5('4')}"`],
    ['locatie/loc-other/index.html', `"${md5('5')}"`],
  ]);
  const plan = publishPlan({ built, bucket, change: scope });

  it('uploads only the pages in scope whose content changed, and the scripts the bucket lacks', () => {
    expect(plan.upload).toEqual(['_astro/location.NEW1.js', 'locatie/loc-a/index.html', 'regio/utrecht/index.html']);
  });

  it('deletes the pages of a removed location and nothing else: no other page, no old script', () => {
    expect(plan.remove).toEqual(['en/location/loc-gone/index.html', 'locatie/loc-gone/index.html']);
  });

  it('invalidates exactly the pages uploaded or deleted, by the path CloudFront caches them under', () => {
    expect(plan.invalidate).toEqual(['/en/location/loc-gone/index.html', '/locatie/loc-a/index.html', '/locatie/loc-gone/index.html', '/regio/utrecht/index.html']);
  });

  it('changes nothing and invalidates nothing when the pages came out the same', () => {
    const same = new Map([...built].filter(([key]) => key.startsWith('locatie/loc-a')));
    const unchanged = publishPlan({ built: same, bucket: new Map([['locatie/loc-a/index.html', md5('a').toUpperCase()]]), change: change({ location: ['loc-a'] }) });
    expect(unchanged.upload).toEqual([]);
    expect(unchanged.invalidate).toEqual([]);
  });

  it('sends scripts and styles before the pages that use them', () => {
    expect(uploadOrder(plan.upload)).toEqual(['_astro/location.NEW1.js', 'locatie/loc-a/index.html', 'regio/utrecht/index.html']);
    expect(uploadOrder(['b/index.html', 'a.css', 'a/index.html', 'z.js'])).toEqual(['a.css', 'z.js', 'a/index.html', 'b/index.html']);
  });

  it('invalidates everything at once when more pages changed than one invalidation should carry', () => {
    const ids = Array.from({ length: INVALIDATION_PATH_LIMIT + 1 }, (_, i) => `loc-${i}`);
    const many = publishPlan({ built: new Map(), bucket: new Map(ids.map((id) => [`locatie/${id}/index.html`, '"x"'])), change: change({}, { removeLocations: ids }) });
    expect(many.remove).toHaveLength(INVALIDATION_PATH_LIMIT + 1);
    expect(many.invalidate).toEqual([EVERYTHING]);
  });
});

describe('publishing a full build', () => {
  const built = new Map([['index.html', md5('a')], ['locatie/loc-a/index.html', md5('b')], ['_astro/new.js', md5('c')]]);
  const bucket = new Map([
    ['index.html', `"${md5('a')}"`],
    ['locatie/loc-a/index.html', `"${md5('0')}"`],
    ['locatie/loc-gone/index.html', `"${md5('1')}"`],
    ['_astro/old.js', `"${md5('2')}"`],
    // A multipart upload's ETag is no MD5: the file is sent again rather than trusted.
    ['robots.txt', '"0123-2"'],
  ]);
  built.set('robots.txt', md5('d'));
  const plan = publishPlan({ built, bucket, change: { ...noChange(), full: true } });

  it('uploads every changed file, deletes every page the API no longer has, keeps old scripts, and invalidates everything', () => {
    expect(plan.upload).toEqual(['_astro/new.js', 'locatie/loc-a/index.html', 'robots.txt']);
    expect(plan.remove).toEqual(['locatie/loc-gone/index.html']);
    expect(plan.invalidate).toEqual(['/*']);
  });

  it('invalidates nothing when the whole site came out the same', () => {
    const same = publishPlan({ built: new Map([['index.html', md5('a')]]), bucket: new Map([['index.html', `"${md5('a')}"`]]), change: { ...noChange(), full: true } });
    expect(same).toEqual({ upload: [], remove: [], invalidate: [] });
  });
});
