// The API against bad input, over DynamoDB Local with the demonstration data: every malformed,
// unknown or hostile request gets the one error shape with a 4xx (400 naming each offending field,
// 404 for what does not exist, 413 for a body no client of ours sends), never a 500, and never
// internals (stack traces, store errors) in the answer.
import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../shared/clock.ts';
import { CODE_FILTER_NAMES, FLAG_FILTERS, type ErrorResponse } from '../../shared/domain/index.ts';
import { createDemoApp, type createTestApp } from '../support/test-app.ts';

const clock = fixedClock('2026-11-23T09:00:00Z');
let app: ReturnType<typeof createTestApp>;

beforeAll(async () => {
  ({ app } = await createDemoApp(clock));
});

interface Answer {
  status: number;
  contentType: string;
  text: string;
  body: unknown;
}

async function call(path: string, init?: RequestInit): Promise<Answer> {
  const res = await app.request(path, init);
  const text = await res.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', text, body };
}

/** `contentType` null sends none of our own (fetch then labels a text body text/plain). */
const post = (path: string, body: string, contentType: string | null = 'application/json') =>
  call(path, { method: 'POST', ...(contentType === null ? {} : { headers: { 'content-type': contentType } }), body });
const postJson = (path: string, value: unknown) => post(path, JSON.stringify(value));

const b64 = (s: string) => Buffer.from(s).toString('base64url');
const cursorOf = (key: unknown) => b64(JSON.stringify(key));
const HF = '/api/regions/zuid-limburg/housing-forms';
const CRITERIA = '/api/regions/zuid-limburg/questionnaire/criteria';

/** Words that only a leaked exception, store error or file would put in an answer. */
const LEAKS = [/\bat .+\(.+:\d+:\d+\)/, /node_modules/, /ValidationException/, /DynamoDB/i, /\.ts:\d+/, /ExclusiveStartKey/, /root:x:0:0/];

/** The one error shape, with a message, and nothing internal in it. */
function expectErrorShape(answer: Answer, status: number): ErrorResponse {
  expect(answer.status, answer.text.slice(0, 500)).toBe(status);
  expect(answer.contentType).toMatch(/^application\/json/);
  const body = answer.body as ErrorResponse;
  expect(body.error.code).toBeTypeOf('string');
  expect(body.error.message).toMatch(/\w/);
  for (const leak of LEAKS) expect(answer.text).not.toMatch(leak);
  return body;
}

/** A 400 naming `field` among its field errors, each with a message a person can act on. */
function expectFieldError(answer: Answer, field: string): void {
  const body = expectErrorShape(answer, 400);
  expect(body.error.code).toBe('validation_error');
  const fields = body.error.fields ?? [];
  expect(fields.length).toBeGreaterThan(0);
  for (const f of fields) expect(f.message).toMatch(/\w/);
  expect(fields.map((f) => f.path)).toContain(field);
}

describe('bad path parameters and query strings', () => {
  it.each([
    ['a region id with an encoded slash', '/api/regions/a%2Fb', 'param.regionId'],
    ['a region id climbing out', '/api/regions/%2e%2e%2fhealth', 'param.regionId'],
    ['a region id of 5000 characters', `/api/regions/${'a'.repeat(5000)}`, 'param.regionId'],
    ['a region id with accents', '/api/regions/%C3%A9t%C3%A9', 'param.regionId'],
    ['a region id with a NUL byte', '/api/regions/ab%00', 'param.regionId'],
    ['a region id with a broken escape', '/api/regions/%E0%A4%A', 'param.regionId'],
    ['a region id in capitals', '/api/regions/Zuid-Limburg', 'param.regionId'],
    ["a bad region id for the region's locations", '/api/regions/A_B/locations', 'param.regionId'],
    ["a bad region id for the region's questionnaire", '/api/regions/..%2F/questionnaire', 'param.regionId'],
    ['a location id climbing out', '/api/locations/..%2F..%2Fetc%2Fpasswd', 'param.locationId'],
    ['a location id of one character', '/api/locations/a', 'param.locationId'],
    ['a negative limit', `${HF}?limit=-1`, 'query.limit'],
    ['a limit of 0', `${HF}?limit=0`, 'query.limit'],
    ['a limit of NaN', `${HF}?limit=NaN`, 'query.limit'],
    ['a limit that is no number', `${HF}?limit=abc`, 'query.limit'],
    ['a fractional limit', `${HF}?limit=1.5`, 'query.limit'],
    ['an infinite limit', `${HF}?limit=Infinity`, 'query.limit'],
    ['a huge limit', `${HF}?limit=99999999999999999999999`, 'query.limit'],
    ['an empty limit', `${HF}?limit=`, 'query.limit'],
    ['a repeated limit', `${HF}?limit=3&limit=5`, 'query.limit'],
    ['an empty cursor', `${HF}?cursor=`, 'query.cursor'],
    ['a cursor that is no base64', `${HF}?cursor=!!!***`, 'query.cursor'],
    ['a cursor with a broken escape', `${HF}?cursor=%ZZ`, 'query.cursor'],
    ['a cursor of random base64', `${HF}?cursor=${b64('random-bytes-\u0001\u00ff')}`, 'query.cursor'],
    ['a cursor of JSON null', `${HF}?cursor=${b64('null')}`, 'query.cursor'],
    ['a cursor of a JSON list', `${HF}?cursor=${b64('[1,2]')}`, 'query.cursor'],
    ['a cursor of 3000 characters', `${HF}?cursor=${'A'.repeat(3000)}`, 'query.cursor'],
    ['a repeated cursor', `${HF}?cursor=abc&cursor=def`, 'query.cursor'],
    ['a cursor for another region', `${HF}?cursor=${cursorOf({ pk: 'LOC#x', sk: 'HF#y', gsi1pk: 'REGION#rotterdam', gsi1sk: 'HF#x#y' })}`, 'query.cursor'],
    ['a cursor with other keys', `${HF}?cursor=${cursorOf({ a: 'LOC#x', sk: 'HF#y', gsi1pk: 'REGION#zuid-limburg', gsi1sk: 'HF#x#y' })}`, 'query.cursor'],
    ['a cursor with a number for a key', `${HF}?cursor=${cursorOf({ pk: 1, sk: 'HF#y', gsi1pk: 'REGION#zuid-limburg', gsi1sk: 'HF#x#y' })}`, 'query.cursor'],
    // Tampered cursors of the right shape whose key values the store refuses.
    ['a tampered cursor with an empty pk', `${HF}?cursor=${cursorOf({ pk: '', sk: 'HF#y', gsi1pk: 'REGION#zuid-limburg', gsi1sk: 'HF#x#y' })}`, 'query.cursor'],
    ['a tampered cursor with an empty sk', `${HF}?cursor=${cursorOf({ pk: 'LOC#x', sk: '', gsi1pk: 'REGION#zuid-limburg', gsi1sk: 'HF#x' })}`, 'query.cursor'],
    ['postcode 0000', '/api/postcodes/0000', 'param.postcode'],
    ['a postcode with two spaces', '/api/postcodes/6211%20%20AB', 'param.postcode'],
    ['a postcode with a tab', '/api/postcodes/6211%09AB', 'param.postcode'],
    ['a postcode in full-width digits', `/api/postcodes/${encodeURIComponent('６２１１')}`, 'param.postcode'],
    ['a postcode with an emoji', `/api/postcodes/${encodeURIComponent('62😀')}`, 'param.postcode'],
    ['a postcode of 5000 digits', `/api/postcodes/${'6'.repeat(5000)}`, 'param.postcode'],
  ])('refuses %s with a 400 naming the parameter', async (_what, path, field) => {
    expectFieldError(await call(path), field);
  });

  it.each([
    ['no region', '', 'query.regionId'],
    ['an empty region', 'regionId=', 'query.regionId'],
    ['a region climbing out', 'regionId=..%2F..%2Fetc', 'query.regionId'],
    ['a repeated region', 'regionId=zuid-limburg&regionId=rotterdam', 'query.regionId'],
    ['a repeated q', 'regionId=zuid-limburg&q=a&q=b', 'query.q'],
    ['a q of 201 characters', `regionId=zuid-limburg&q=${'a'.repeat(201)}`, 'query.q'],
    ['a repeated limit', 'regionId=zuid-limburg&limit=1&limit=2', 'query.limit'],
    ['a limit of 0', 'regionId=zuid-limburg&limit=0', 'query.limit'],
    ['a limit of 101', 'regionId=zuid-limburg&limit=101', 'query.limit'],
    ['a limit of NaN', 'regionId=zuid-limburg&limit=NaN', 'query.limit'],
    ['a negative offset', 'regionId=zuid-limburg&offset=-1', 'query.offset'],
    ['an offset past 10000', 'regionId=zuid-limburg&offset=10001', 'query.offset'],
    ['an unknown code', 'regionId=zuid-limburg&housingType=castle', 'query.housingType.0'],
    ['a code in the wrong case', 'regionId=zuid-limburg&sector=vv', 'query.sector.0'],
    ['an unknown code after a good one', 'regionId=zuid-limburg&housingType=care-farm&housingType=castle', 'query.housingType.1'],
    ['51 codes of one filter', `regionId=zuid-limburg&${Array(51).fill('housingType=care-farm').join('&')}`, 'query.housingType'],
    ['a yes/no filter given as false', 'regionId=zuid-limburg&garden=false', 'query.garden'],
    ['a yes/no filter given as 1', 'regionId=zuid-limburg&pets=1', 'query.pets'],
    ['a repeated yes/no filter', 'regionId=zuid-limburg&garden=true&garden=true', 'query.garden'],
    ['an unknown parameter', 'regionId=zuid-limburg&bogus=1', 'query'],
    ['a PHP-style list parameter', 'regionId=zuid-limburg&housingType[]=care-farm', 'query'],
    ['__proto__ as a parameter', 'regionId=zuid-limburg&__proto__=x', 'query'],
    ['2000 unknown parameters', `regionId=zuid-limburg&${Array(2000).fill('x=1').join('&')}`, 'query'],
  ])('GET /api/search refuses %s with a 400 naming the parameter', async (_what, query, field) => {
    expectFieldError(await call(`/api/search?${query}`), field);
  });

  it('GET /api/search with every filter invalid names every one of them', async () => {
    const flags = FLAG_FILTERS;
    const codes = CODE_FILTER_NAMES;
    expect(flags).toContain('garden');
    expect(codes).toContain('waitingList');
    const query = [
      'regionId=X', `q=${'a'.repeat(300)}`, ...codes.map((c) => `${c}=zz`), ...flags.map((f) => `${f}=no`), 'limit=-1', 'offset=-1', 'bogus=1',
    ].join('&');
    const answer = await call(`/api/search?${query}`);
    expectFieldError(answer, 'query.regionId');
    const paths = new Set((answer.body as ErrorResponse).error.fields?.map((f) => f.path));
    const expected = ['query.regionId', 'query.q', ...codes.map((c) => `query.${c}.0`), ...flags.map((f) => `query.${f}`), 'query.limit', 'query.offset', 'query'];
    expect([...paths].sort()).toEqual(expected.sort());
  });

  it('still answers odd but harmless input: free text of any script, a normalised postcode', async () => {
    for (const q of ['😀 ümlaut 中文 ") OR 1=1 --', '(*+?[\\', '%', "'s-Hertogenbosch"]) {
      const answer = await call(`/api/search?regionId=zuid-limburg&q=${encodeURIComponent(q)}`);
      expect(answer.status, q).toBe(200);
    }
    const spaced = await call('/api/postcodes/%206211%20ab%20');
    expect(spaced).toMatchObject({ status: 200, body: { postcode: '6211 AB', pc4: '6211' } });
  });
});

describe('unknown ids', () => {
  it.each([
    ['/api/regions/atlantis', 'atlantis'],
    ['/api/regions/atlantis/locations', 'atlantis'],
    ['/api/regions/atlantis/housing-forms', 'atlantis'],
    ['/api/regions/atlantis/questionnaire', 'atlantis'],
    ['/api/locations/bestaat-niet', 'bestaat-niet'],
    ['/api/search?regionId=atlantis', 'atlantis'],
    ['/api/postcodes/1000', '1000'],
  ])('GET %s is a 404 naming what is missing', async (path, id) => {
    const body = expectErrorShape(await call(path), 404);
    expect(body.error.code).toBe('not_found');
    expect(body.error.message).toContain(id);
  });

  it.each([
    ['/api/match', { regionId: 'atlantis' }],
    ['/api/compare', { regionId: 'atlantis', items: [{ locationId: 'aa', housingFormId: 'bb' }] }],
    ['/api/regions/atlantis/questionnaire/criteria', { answers: {} }],
  ])('POST %s for an unknown region is a 404 naming it', async (path, value) => {
    const body = expectErrorShape(await postJson(path, value), 404);
    expect(body.error.message).toContain('atlantis');
  });
});

describe('bodies that are not what a route reads', () => {
  const routes = ['/api/match', '/api/compare', CRITERIA];

  describe.each(routes)('POST %s', (path) => {
    it.each([
      ['malformed JSON', '{"regionId":'],
      ['an empty body', ''],
      ['a lone brace', '{'],
    ])('refuses %s with a 400 that says the JSON cannot be read', async (_what, body) => {
      const error = expectErrorShape(await post(path, body), 400);
      expect(error.error.message).toMatch(/JSON/);
    });

    it.each([
      ['text/plain', 'text/plain'],
      ['a form', 'application/x-www-form-urlencoded'],
      ['no content type', null],
    ])('refuses a JSON body sent as %s with a 415', async (_what, contentType) => {
      expectErrorShape(await post(path, '{"regionId":"zuid-limburg"}', contentType), 415);
    });

    it.each([['null'], ['[]'], ['"a string"'], ['42'], ['true']])('refuses %s for the body with a 400 naming the document', async (json) => {
      expectFieldError(await post(path, json), '(document)');
    });

    // No client of ours sends more than a few KB; Lambda refuses more than 6 MB anyway.
    it('refuses a body of 8 MB with a 413', async () => {
      const answer = await post(path, JSON.stringify({ regionId: 'zuid-limburg', pad: 'x'.repeat(8 * 1024 * 1024) }));
      expectErrorShape(answer, 413);
    });

    it('draws the line at 256 KB: just under is read (and judged on its fields), just over is a 413', async () => {
      const body = (bytes: number) => JSON.stringify({ regionId: 'zuid-limburg', pad: 'x'.repeat(bytes - 40) });
      expect((await post(path, body(250 * 1024))).status).toBe(400);
      expectErrorShape(await post(path, body(260 * 1024)), 413);
    });

    it('draws the same line by the declared length, as a Node server receives the body (the stream is not read for it)', async () => {
      const sent = (bytes: number) => {
        const text = JSON.stringify({ regionId: 'zuid-limburg', pad: 'x'.repeat(bytes - 40) });
        return call(path, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) }, body: text });
      };
      expect((await sent(250 * 1024)).status).toBe(400);
      expectErrorShape(await sent(260 * 1024), 413);
    });
  });
});

describe('POST /api/match with bad fields', () => {
  const base = { regionId: 'zuid-limburg' };
  const criteria = (...list: unknown[]) => ({ ...base, criteria: list });

  it.each([
    ['no region', {}, 'regionId'],
    ['a region that is a number', { regionId: 12 }, 'regionId'],
    ['a region climbing out', { regionId: '../etc' }, 'regionId'],
    ['an unknown field', { ...base, foo: 1 }, '(document)'],
    ['__proto__ as a field', JSON.parse('{"regionId":"zuid-limburg","__proto__":{"x":1}}'), '(document)'],
    ['criteria as an object', { ...base, criteria: { criterion: 'garden' } }, 'criteria'],
    ['criteria holding null', criteria(null), 'criteria.0'],
    ['an unknown criterion', criteria({ criterion: 'jacuzzi', importance: 'must' }), 'criteria.0.criterion'],
    ['a criterion named __proto__', criteria({ criterion: '__proto__', importance: 'must' }), 'criteria.0.criterion'],
    ['a criterion without a name', criteria({ importance: 'must' }), 'criteria.0.criterion'],
    ['an unknown code', criteria({ criterion: 'housingType', importance: 'must', value: 'castle' }), 'criteria.0.value'],
    ['a coded criterion without its value', criteria({ criterion: 'sector', importance: 'must' }), 'criteria.0.value'],
    ['a yes/no criterion with a value', criteria({ criterion: 'garden', importance: 'must', value: true }), 'criteria.0'],
    ['an unknown importance', criteria({ criterion: 'garden', importance: 'very' }), 'criteria.0.importance'],
    ['no importance', criteria({ criterion: 'garden' }), 'criteria.0.importance'],
    ['a fractional age', criteria({ criterion: 'age', importance: 'must', value: 80.5 }), 'criteria.0.value'],
    ['an age as text', criteria({ criterion: 'age', importance: 'must', value: '80' }), 'criteria.0.value'],
    ['an age of 121', criteria({ criterion: 'age', importance: 'must', value: 121 }), 'criteria.0.value'],
    ['61 criteria', { ...base, criteria: Array.from({ length: 61 }, (_, i) => ({ criterion: 'age', importance: 'nice', value: i })) }, 'criteria'],
    ['the same criterion twice', criteria({ criterion: 'garden', importance: 'must' }, { criterion: 'garden', importance: 'nice' }), 'criteria.1'],
    ['a negative limit', { ...base, limit: -1 }, 'limit'],
    ['a limit of 201', { ...base, limit: 201 }, 'limit'],
    ['a limit as text', { ...base, limit: '10' }, 'limit'],
    ['a huge limit', { ...base, limit: 1e308 }, 'limit'],
    ['a negative offset', { ...base, offset: -1 }, 'offset'],
    ['a fractional offset', { ...base, offset: 0.5 }, 'offset'],
    ['a maximum distance without a postcode', { ...base, maxDistanceKm: 5 }, 'postcode'],
    ['a negative maximum distance', { ...base, postcode: '6211', maxDistanceKm: -5 }, 'maxDistanceKm'],
    ['a maximum distance past 300 km', { ...base, postcode: '6211', maxDistanceKm: 300.5 }, 'maxDistanceKm'],
    ['postcode 0000', { ...base, postcode: '0000' }, 'postcode'],
    ['a postcode that is a number', { ...base, postcode: 6211 }, 'postcode'],
    ['a postcode with letters only', { ...base, postcode: 'ZZ' }, 'postcode'],
    ['a PO-box-only postcode area', { ...base, postcode: '1000' }, 'postcode'],
  ])('refuses %s with a 400 naming the field', async (_what, value, field) => {
    expectFieldError(await postJson('/api/match', value), field);
  });

  it('refuses an offset of 1e400 (Infinity once parsed)', async () => {
    expectFieldError(await post('/api/match', '{"regionId":"zuid-limburg","offset":1e400}'), 'offset');
  });

  it('refuses JSON nested 100000 deep without falling over', async () => {
    const answer = await post('/api/match', `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(answer.status).toBe(400);
    expectErrorShape(answer, 400);
  });
});

describe('POST /api/compare with bad fields', () => {
  const base = { regionId: 'zuid-limburg' };
  const one = [{ locationId: 'heidezicht-brunssum', housingFormId: 'appartementen-met-zorg-brunssum' }];
  const refs = (n: number) => Array.from({ length: n }, (_, i) => ({ locationId: `loc-${i}`, housingFormId: `hf-${i}` }));

  it.each([
    ['no items', base, 'items'],
    ['0 items', { ...base, items: [] }, 'items'],
    ['11 items', { ...base, items: refs(11) }, 'items'],
    ['items as an object', { ...base, items: one[0] }, 'items'],
    ['an item as text', { ...base, items: ['aa/bb'] }, 'items.0'],
    ['an item of null', { ...base, items: [null] }, 'items.0'],
    ['an item with an unknown field', { ...base, items: [{ ...one[0], x: 1 }] }, 'items.0'],
    ['an item with ids climbing out', { ...base, items: [{ locationId: '../x', housingFormId: 'BB' }] }, 'items.0.locationId'],
    ['an item without a housing form', { ...base, items: [{ locationId: 'aa' }] }, 'items.0.housingFormId'],
    ['an unknown criterion', { ...base, items: one, criteria: [{ criterion: 'jacuzzi', importance: 'must' }] }, 'criteria.0.criterion'],
    ['postcode 0000', { ...base, items: one, postcode: '0000' }, 'postcode'],
    ['a PO-box-only postcode area', { ...base, items: one, postcode: '1000' }, 'postcode'],
    // As POST /api/match refuses them: a compare explains "as a match result would be".
    ['a maximum distance without a postcode', { ...base, items: one, maxDistanceKm: 5 }, 'postcode'],
    ['the same criterion twice', { ...base, items: one, criteria: [{ criterion: 'garden', importance: 'must' }, { criterion: 'garden', importance: 'nice' }] }, 'criteria.1'],
  ])('refuses %s with a 400 naming the field', async (_what, value, field) => {
    expectFieldError(await postJson('/api/compare', value), field);
  });

  it('answers the same housing form asked twice once, and an unknown one as missing', async () => {
    const dup = { locationId: 'aa', housingFormId: 'bb' };
    const answer = await postJson('/api/compare', { ...base, items: [dup, dup] });
    expect(answer).toMatchObject({ status: 200, body: { items: [], missing: [dup] } });
  });
});

describe('POST /api/regions/{regionId}/questionnaire/criteria with bad input', () => {
  it.each([
    ['no answers', {}, 'answers'],
    ['answers as a list', { answers: [] }, 'answers'],
    ['answers of null', { answers: null }, 'answers'],
    ['an unknown field beside the answers', { answers: {}, extra: 3 }, '(document)'],
    ['201 answers', { answers: Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`q${i}`, {}])) }, 'answers'],
  ])('refuses %s with a 400 naming the field', async (_what, value, field) => {
    expectFieldError(await postJson(CRITERIA, value), field);
  });

  it('refuses a question id of 81 characters, naming it', async () => {
    const id = 'k'.repeat(81);
    expectFieldError(await postJson(CRITERIA, { answers: { [id]: {} } }), `answers.${id}`);
  });

  // Answers come from older versions of the questionnaire: what cannot be used is `ignored`, not a 400.
  it.each([
    ['leeftijd', null, 'malformed'],
    ['leeftijd', 1e308, 'malformed'],
    ['leeftijd', { number: 1e308 }, 'out-of-range'],
    ['leeftijd', { number: '80' }, 'malformed'],
    ['leeftijd', { choice: 'zelf' }, 'wrong-kind'],
    ['wie-vult-in', { choice: '__proto__' }, 'unknown-option'],
    ['dichtbij-wie', { choices: ['toString'] }, 'unknown-option'],
    ['plaats', { postcode: '0000' }, 'invalid-postcode'],
    ['plaats', { maxDistanceKm: 5 }, 'needs-postcode'],
    ['plaats', { maxDistanceKm: -5 }, 'out-of-range'],
    ['rolstoel', { importance: 'very' }, 'malformed'],
    ['over-mij', { text: 'x'.repeat(10_001) }, 'malformed'],
    ['constructor', { yes: true }, 'unknown-question'],
  ])('lists an answer to %s of %j as ignored (%s)', async (questionId, value, code) => {
    const answer = await postJson(CRITERIA, { answers: { [questionId]: value } });
    expect(answer.status, answer.text.slice(0, 300)).toBe(200);
    expect((answer.body as { ignored: unknown[] }).ignored).toContainEqual(expect.objectContaining({ questionId, code }));
  });
});

describe('methods and paths a read-only API does not serve', () => {
  it.each([
    ['PUT', '/api/regions/zuid-limburg'],
    ['DELETE', '/api/regions/zuid-limburg'],
    ['PATCH', '/api/locations/de-linde-maastricht'],
    ['POST', '/api/health'],
    ['DELETE', '/api/search?regionId=zuid-limburg'],
    ['PUT', '/api/openapi.json'],
    ['GET', '/api/match'],
    ['GET', '/api/compare'],
    ['GET', CRITERIA],
    ['OPTIONS', '/api/regions'],
  ])('%s %s is refused with the error shape, not a 500', async (method, path) => {
    const answer = await call(path, { method });
    // 405 (with Allow) would say more than 404; both are honest, a 500 is not.
    expect([404, 405]).toContain(answer.status);
    expectErrorShape(answer, answer.status);
  });

  it('answers HEAD without a body and without a 500', async () => {
    expect((await call('/api/regions', { method: 'HEAD' })).status).toBe(200);
    expect((await call('/api/search', { method: 'HEAD' })).status).toBe(400);
  });

  it.each([
    ['dot segments', '/api/regions/zuid-limburg/../../health'],
    ['encoded dot segments', '/api/..%2F..%2Fpackage.json'],
    ['encoded dots to /etc/passwd', '/api/regions/%2e%2e/%2e%2e/%2e%2e/etc/passwd'],
    ['a double slash', '/api//health'],
    ['a path of 20000 segments', `/api/${'a/'.repeat(20_000)}`],
  ])('serves no file and no 500 for %s', async (_what, path) => {
    const answer = await call(path);
    expect(answer.status).toBeLessThan(500);
    for (const leak of LEAKS) expect(answer.text).not.toMatch(leak);
    // package.json's contents (health now names its own "dependencies": store and search).
    expect(answer.text).not.toContain('"devDependencies"');
  });
});
