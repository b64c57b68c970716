// A match request is health data: nothing a person sends (criterion values, postcode, answers,
// search words) may reach a log line. The API is driven with distinctive values through every
// route that takes them: answered, refused by validation, and failing inside (an engine and a
// store that throw errors carrying the request, as the OpenSearch client's errors do). Everything
// written to stdout and stderr is captured; the errors must be logged, without the values.
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

/** Shaped like the OpenSearch client's ResponseError: the request it failed on kept in `meta`. */
class ClientResponseError extends Error {
  override name = 'ResponseError';
  constructor(readonly meta: { request: unknown }) {
    super('Response Error', { cause: Object.assign(new Error('socket hang up'), { request: meta.request }) });
  }
}

const failingEngine: SearchEngine = {
  match: (request) => Promise.reject(new ClientResponseError({ request })),
  search: (query) => Promise.reject(new ClientResponseError({ request: query })),
  upsert: () => Promise.resolve(),
  remove: () => Promise.resolve(),
};

/** Stores whose every read fails with the arguments it was given. */
function failingStores(stores: Stores): Stores {
  const failing = <T extends object>(port: T): T =>
    new Proxy(port, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => Promise.reject(new ClientResponseError({ request: args }));
      },
    });
  return { regions: failing(stores.regions), listings: failing(stores.listings), listingWriter: failing(stores.listingWriter) };
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
    expect(failures.map((line) => line.route)).toEqual(['/api/match', '/api/compare', '/api/regions/:regionId/questionnaire/criteria', '/api/search']);
    for (const line of failures) {
      expect(line).toMatchObject({ level: 'ERROR', service: 'woonwijzer', error: { name: 'ResponseError', message: 'Response Error', cause: { message: 'socket hang up' } } });
      // The path, never the query string: search words and filters are user input.
      expect(String(line.path)).not.toContain('?');
    }
    expect(failures[3]).toMatchObject({ method: 'GET', path: '/api/search' });
    expectNoSecrets(output.text());
    expect(takeMetrics().ServerErrors).toEqual([1, 1, 1, 1]);
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
