// A match request is health data: nothing a person sends (criterion values, postcode, answers,
// search words) may reach a log line. The API is driven with distinctive values through every
// route that takes them: answered, refused by validation, and failing inside (an engine and a
// store that throw errors carrying the request, as the OpenSearch client's errors do, and whose
// message quotes a value, as OpenSearch's reasons can). Everything
// written to stdout and stderr is captured; the errors must be logged, without the values.
import { errors } from '@opensearch-project/opensearch';
import type { Context } from 'aws-lambda';
import { handle, type LambdaEvent } from 'hono/aws-lambda';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { httpCorrelationId, lambdaHandler } from '../../functions/platform/lambda-handler.ts';
import { log } from '../../functions/platform/log.ts';
import type { SearchEngine } from '../../functions/search/search-engine.ts';
import type { Stores } from '../../functions/store/create-store.ts';
import { fixedClock } from '../../shared/clock.ts';
import { captureOutput, takeMetrics, type CapturedOutput } from '../support/output-capture.ts';
import { createDemoApp, createTestApp } from '../support/test-app.ts';

const clock = fixedClock('2026-11-23T09:00:00Z');

/** Values a person could send that are rare enough not to appear in a log line by chance. */
const POSTCODE = '6211AB';
const CARE_PROFILE = '9bVV';
const CULTURE = 'kaapverdiaans';
const WORLDVIEW = 'anthroposophic';
const COMMUNITY = 'lgbti';
const FREE_TEXT = 'Mijn moeder vergeet haar medicijnen sinds maart';
const SEARCH_WORDS = 'geheugenpoli zeldzaamwoord';
const SECRETS = [POSTCODE, '6211 AB', CARE_PROFILE, CULTURE, WORLDVIEW, COMMUNITY, FREE_TEXT, 'medicijnen', 'zeldzaamwoord', 'geheugenpoli'];

const wishes = {
  regionId: 'zuid-limburg',
  postcode: POSTCODE,
  maxDistanceKm: 15,
  criteria: [
    { criterion: 'careProfile', importance: 'must', value: CARE_PROFILE },
    { criterion: 'culture', importance: 'important', value: CULTURE },
    { criterion: 'worldview', importance: 'nice', value: WORLDVIEW },
    { criterion: 'community', importance: 'nice', value: COMMUNITY },
  ],
};
const answers = {
  answers: {
    'waarvoor-zorg': { choice: 'dementie' },
    plaats: { postcode: POSTCODE, maxDistanceKm: 10 },
    'over-mij': { text: FREE_TEXT },
  },
};
const searchQuery = `regionId=zuid-limburg&q=${encodeURIComponent(SEARCH_WORDS)}&culture=${CULTURE}&worldview=${WORLDVIEW}`;

/**
 * The OpenSearch client's own ResponseError for a query OpenSearch could not build: the request it
 * failed on kept in `meta`, and its message made from the root causes' reasons, which quote the value.
 */
function openSearchError(request: unknown) {
  return new errors.ResponseError({
    body: {
      error: {
        root_cause: [{ type: 'query_shard_exception', reason: `failed to create query: For input string: "${CARE_PROFILE}"` }],
        type: 'search_phase_execution_exception',
        reason: 'all shards failed',
      },
      status: 400,
    },
    statusCode: 400,
    headers: {},
    warnings: null,
    meta: { request: { params: { method: 'POST', path: '/_msearch', body: JSON.stringify(request) } } },
  } as unknown as ConstructorParameters<typeof errors.ResponseError>[0]);
}

/** A store's failure: a plain message, with the request kept on its cause. */
const storeError = (request: unknown) => new Error('Store read failed', { cause: Object.assign(new Error('socket hang up'), { request }) });

const failingEngine: SearchEngine = {
  match: (request) => Promise.reject(openSearchError(request)),
  search: (query) => Promise.reject(openSearchError(query)),
  upsert: () => Promise.resolve(),
  remove: () => Promise.resolve(),
  regionCounts: () => Promise.resolve(new Map()),
  ping: () => Promise.resolve(),
};

/** Stores whose every read fails with the arguments it was given. */
function failingStores(stores: Stores): Stores {
  const failing = <T extends object>(port: T): T =>
    new Proxy(port, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => Promise.reject(storeError(args));
      },
    });
  return { regions: failing(stores.regions), regionCoordination: failing(stores.regionCoordination), listings: failing(stores.listings), listingWriter: failing(stores.listingWriter),
    providerListings: failing(stores.providerListings), accounts: failing(stores.accounts), throttles: failing(stores.throttles),
    invitations: failing(stores.invitations), reminders: failing(stores.reminders), demandStatistics: failing(stores.demandStatistics),
    supportOrganizations: failing(stores.supportOrganizations), dossiers: failing(stores.dossiers), handoverCodes: failing(stores.handoverCodes),
    dossierRights: failing(stores.dossierRights), dossierRetention: failing(stores.dossierRetention) };
}

type App = ReturnType<typeof createTestApp>;
let working: App;
let failing: App;
let output: CapturedOutput;

beforeAll(async () => {
  const demo = await createDemoApp(clock);
  working = demo.app;
  failing = createTestApp(failingStores(demo.stores), clock, failingEngine);
});
beforeEach(() => {
  // Whatever LOG_LEVEL the run was started with: these lines must be written to be checked.
  log.setLogLevel('INFO');
  takeMetrics();
  output = captureOutput();
});
afterEach(() => output.restore());

const postJson = (app: App, path: string, body: unknown) =>
  app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** The four routes that take what a person tells, each sent the distinctive values. */
async function sendEverything(app: App): Promise<number[]> {
  const responses = [
    await postJson(app, '/api/match', wishes),
    await postJson(app, '/api/compare', { ...wishes, items: [{ locationId: 'de-linde', housingFormId: 'wonen' }] }),
    await postJson(app, '/api/regions/zuid-limburg/questionnaire/criteria', answers),
    await app.request(`/api/search?${searchQuery}`),
  ];
  return responses.map((r) => r.status);
}

function expectNoSecrets(text: string) {
  const lower = text.toLowerCase();
  for (const secret of SECRETS) expect(lower, `"${secret}" reached the output`).not.toContain(secret.toLowerCase());
}

const requestFailures = () => output.jsonLines().filter((line) => line.message === 'request failed');

describe('what a person sends never reaches a log line', () => {
  it('when the API answers', async () => {
    const statuses = await sendEverything(working);
    expect(statuses.every((status) => status < 500)).toBe(true);
    expect(statuses[0]).toBe(200);
    expect(statuses[3]).toBe(200);
    expectNoSecrets(output.text());
  });

  it('when validation refuses the request', async () => {
    const refused = [
      await postJson(working, '/api/match', { ...wishes, criteria: [...wishes.criteria, { criterion: 'culture', importance: 'must', value: `${CULTURE}-x` }] }),
      await postJson(working, '/api/regions/zuid-limburg/questionnaire/criteria', { answers: FREE_TEXT, postcode: POSTCODE }),
      await working.request(`/api/search?${searchQuery}&culture=${COMMUNITY}`),
    ];
    expect(refused.map((r) => r.status)).toEqual([400, 400, 400]);
    expectNoSecrets(output.text());
  });

  it('when the handler throws: the error is logged with its route, not with the request', async () => {
    const statuses = await sendEverything(failing);
    expect(statuses).toEqual([500, 500, 500, 500]);

    const failures = requestFailures();
    expect(failures.map((line) => [line.method, line.route])).toEqual([
      ['POST', '/api/match'],
      ['POST', '/api/compare'],
      ['POST', '/api/regions/:regionId/questionnaire/criteria'],
      ['GET', '/api/search'],
    ]);
    for (const line of failures) {
      expect(line).toMatchObject({ level: 'ERROR', service: 'woonwijzer' });
      // The route pattern, never the path: a path can hold what a person sent (a postcode).
      expect(line).not.toHaveProperty('path');
    }
    // OpenSearch's error by name, status and types: its message and stack quote the query's values.
    const openSearchSummary = { name: 'ResponseError', statusCode: 400, errorTypes: ['search_phase_execution_exception', 'query_shard_exception'] };
    expect(failures[0]?.error).toEqual(openSearchSummary);
    expect(failures[3]?.error).toEqual(openSearchSummary);
    expect(failures[1]?.error).toMatchObject({ name: 'Error', message: 'Store read failed', cause: { message: 'socket hang up' } });
    expect(failures[1]?.error).not.toHaveProperty('cause.request');
    expectNoSecrets(output.text());
    expect(takeMetrics().ServerErrors).toEqual([1, 1, 1, 1]);
  });

  it('when a route with a value in its path fails: the route pattern is logged, not the path', async () => {
    // A slug that holds the postcode, as /api/postcodes/{postcode} holds it.
    const response = await failing.request(`/api/locations/woning-${POSTCODE.toLowerCase()}`);
    expect(response.status).toBe(500);
    expect(requestFailures()).toMatchObject([{ method: 'GET', route: '/api/locations/:locationId' }]);
    expectNoSecrets(output.text());
  });

  it('in Lambda, where lines also carry the request id, cold start and correlation id', async () => {
    const handler = lambdaHandler((event: LambdaEvent, context: Context) => handle(failing)(event, context), { correlationId: httpCorrelationId });
    const correlationId = '1b4e28ba-2fa1-41d2-883f-0016d3cca427';
    const event = {
      version: '2.0',
      routeKey: '$default',
      rawPath: '/api/match',
      rawQueryString: '',
      headers: { 'content-type': 'application/json', host: 'api.example.test', 'x-correlation-id': correlationId },
      requestContext: { requestId: 'gateway-request-1', domainName: 'api.example.test', http: { method: 'POST', path: '/api/match' } },
      body: JSON.stringify(wishes),
      isBase64Encoded: false,
    } as unknown as LambdaEvent;
    const context = {
      awsRequestId: 'lambda-request-1',
      functionName: 'woonwijzer-test-api',
      functionVersion: '$LATEST',
      invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:woonwijzer-test-api',
      memoryLimitInMB: '1024',
    } as Context;

    const result = await handler(event, context);
    expect(result.statusCode).toBe(500);
    const [line] = requestFailures();
    expect(line).toMatchObject({
      function_request_id: 'lambda-request-1',
      function_name: 'woonwijzer-test-api',
      correlation_id: correlationId,
      route: '/api/match',
    });
    expect(typeof line?.cold_start).toBe('boolean');
    expectNoSecrets(output.text());
  });
});
