// Demand against supply over DynamoDB Local, as a coordinator, a provider admin and an attacker
// meet it. A few match requests go through the public API, their counts summed in memory and
// written as one batch, each counter once; the RAW statistics table then holds
// only counters at the grain of shared/statistics/demand.ts (no postcode, no id of a person, no
// answers as a whole, months only); the coordinator's report and CSV set them against the region's
// housing forms and never give a number below 5; a provider admin reads how often each field was
// unknown in their results; a failed count never fails a match and logs no value.
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DynamoDbTable } from '../../functions/store/dynamodb/dynamodb-table.ts';
import { statisticsTableNameFor } from '../../functions/store/dynamodb/statistics-table-design.ts';
import type { MatchRequestInput } from '../../shared/domain/index.ts';
import { captureOutput, type CapturedOutput } from '../support/output-capture.ts';
import { createPublicApp } from '../../functions/api/public/app.ts';
import type { CountTotals } from '../../shared/statistics/demand.ts';
import { createTestApp, testAppDeps } from '../support/test-app.ts';
import { createProviderTestApp, ORG, type ProviderTestApp } from '../support/test-provider-app.ts';
import { movableClock } from '../support/test-staff-app.ts';

const clock = movableClock('2026-11-20T12:00:00Z');
const demandPath = (regionId = 'zuid-limburg', query = '') => `/api/coordinator/regions/${regionId}/demand${query}`;

/** Six people in Maastricht with the same wishes: enough for their counts to be shown. */
const common: MatchRequestInput = {
  regionId: 'zuid-limburg',
  postcode: '6211 AB',
  criteria: [
    { criterion: 'targetGroup', importance: 'must', value: 'dementia' },
    { criterion: 'ownBathroom', importance: 'important' },
    { criterion: 'pets', importance: 'must' },
  ],
};
/** Two with a rare wish: never to be singled out. */
const rare: MatchRequestInput = {
  regionId: 'zuid-limburg',
  postcode: '6221 AA',
  criteria: [{ criterion: 'language', importance: 'must', value: 'tr' }, { criterion: 'age', importance: 'must', value: 87 }],
};

type Report = {
  rows: Array<{ criterion: string; value?: string; must: number | string; important: number | string; asked: number | string; supply: { satisfying: number; placeWithin3Months: number }; gap: number }>;
  months: Array<{ month: string; asked: number | string }>;
  municipalities: Array<{ code: string; name?: string; asked: number | string }>;
};

/** Every demand figure of a report: each must be 5 or more, or "<5". */
const demandFigures = (report: Report) => [
  ...report.rows.flatMap((r) => [r.must, r.important, r.asked]),
  ...report.months.map((m) => m.asked),
  ...report.municipalities.map((m) => m.asked),
];
const neverBelowFive = (figures: Array<number | string>) => {
  for (const figure of figures) expect(figure === '<5' || (typeof figure === 'number' && figure >= 5), `figure ${String(figure)}`).toBe(true);
};

describe('demand statistics', () => {
  let t: ProviderTestApp;
  let statisticsItems: () => Promise<Array<Record<string, unknown>>>;

  beforeAll(async () => {
    t = await createProviderTestApp({ clock });
    // The store's writes are watched: how many batches, and how many counters each.
    const writes: CountTotals[] = [];
    const store = t.stores.demandStatistics;
    const watched = { ...t.stores, demandStatistics: Object.assign(Object.create(store) as typeof store, {
      add: (totals: CountTotals) => {
        writes.push(totals);
        return store.add(totals);
      },
    }) };
    const deps = testAppDeps(watched, clock);
    const publicApp = createPublicApp(deps);
    const match = (body: MatchRequestInput) =>
      publicApp.request('/api/match', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    for (let i = 0; i < 6; i++) expect((await match(common)).status).toBe(200);
    for (let i = 0; i < 2; i++) expect((await match(rare)).status).toBe(200);
    expect((await match({ regionId: 'zuid-limburg', criteria: [{ criterion: 'garden', importance: 'nice' }] })).status).toBe(200);
    // An unknown region is answered 404 and counts nothing.
    expect((await match({ ...common, regionId: 'nergens' })).status).toBe(404);

    // The table's own document client: from() on the shared client would replace its marshalling options.
    const { doc } = new DynamoDbTable(t.client, t.tableName);
    statisticsItems = async () => (await doc.send(new ScanCommand({ TableName: statisticsTableNameFor(t.tableName), ConsistentRead: true }))).Items ?? [];
    // Within the 5 s a batch waits, the answers wrote nothing; 5 s on, the next match writes the batch.
    expect(writes).toEqual([]);
    expect(await statisticsItems()).toEqual([]);
    clock.advance(5_000);
    expect((await match({ regionId: 'zuid-limburg', criteria: [{ criterion: 'garden', importance: 'nice' }] })).status).toBe(200);
    await vi.waitFor(() => expect(writes).toHaveLength(1), { timeout: 10_000, interval: 20 });
    await deps.demandCounter.flush();
    // Ten matches, one write, each counter once.
    expect(writes).toHaveLength(1);
    const written = writes[0] as CountTotals;
    const keys = written.demand.map((d) => `${d.municipality}#${d.criterion}#${d.value}#${d.importance}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(written.demand.find((d) => d.criterion === 'targetGroup')?.count).toBe(6);
  }, 60_000);

  it('stores only counters at the grain: region, month, municipality, criterion, value, importance', async () => {
    const items = await statisticsItems();
    const demand = items.filter((i) => String(i.pk).startsWith('DEMAND#'));
    const unknown = items.filter((i) => String(i.pk).startsWith('UNKNOWN#'));
    expect(demand.length + unknown.length).toBe(items.length);
    for (const item of demand) {
      expect(Object.keys(item).sort()).toEqual(['count', 'criterion', 'expiresAt', 'importance', 'month', 'municipality', 'pk', 'regionId', 'sk', 'value']);
    }
    for (const item of unknown) expect(Object.keys(item).sort()).toEqual(['count', 'criterion', 'expiresAt', 'month', 'organizationId', 'pk', 'sk']);
    // Each of the ten requests' criteria once: no request as a whole, nothing of the unknown region.
    expect(demand.map((i) => [i.municipality, i.criterion, i.value, i.importance, i.count]).sort()).toEqual([
      ['GM0935', 'age', '87', 'must', 2],
      ['GM0935', 'language', 'tr', 'must', 2],
      ['GM0935', 'ownBathroom', '', 'important', 6],
      ['GM0935', 'pets', '', 'must', 6],
      ['GM0935', 'targetGroup', 'dementia', 'must', 6],
      ['unknown', 'garden', '', 'nice', 2],
    ]);
    const text = JSON.stringify(items);
    // No postcode finer than the municipality (neither the areas asked from nor the full postcodes).
    for (const postcode of ['6211', '6221', ' AB', ' AA']) expect(text).not.toContain(postcode);
    // Months only: no day, no time of day.
    expect(text).not.toMatch(/20[0-9]{2}-[0-9]{2}-[0-9]{2}|T[0-9]{2}:[0-9]{2}/);
    for (const item of items) {
      expect(item.month).toBe('2026-11');
      // Kept for 36 months after the month, then expired by TTL.
      expect(item.expiresAt).toBe(Date.UTC(2029, 11, 1) / 1000);
    }
  });

  it('gives the coordinator the asks against supply, largest gap first, with counts below 5 as "<5"', async () => {
    const res = await t.send('GET', demandPath('zuid-limburg', '?from=2026-11&to=2026-11'), undefined, t.people.coordinator);
    expect(res.status).toBe(200);
    const report = (await res.json()) as Report;
    neverBelowFive(demandFigures(report));
    // The rare wishes (2 each) do not appear at all; the six are there, set against the four
    // housing forms for dementia of which three have a current place within 3 months (Logeren's
    // "available" was confirmed 50 days ago, so it no longer counts).
    expect(report.rows.map((r) => [r.criterion, r.value, r.must, r.important, r.asked, r.supply, r.gap])).toEqual([
      ['pets', undefined, 6, '<5', 6, { satisfying: 0, placeWithin3Months: 0 }, 6],
      ['ownBathroom', undefined, '<5', 6, 6, { satisfying: 4, placeWithin3Months: 3 }, 3],
      ['targetGroup', 'dementia', 6, '<5', 6, { satisfying: 4, placeWithin3Months: 3 }, 3],
    ]);
    expect(report.months).toEqual([{ month: '2026-11', asked: 18 }]);
    // Asks without a postcode were all small: that municipality line is left out.
    expect(report.municipalities).toEqual([{ code: 'GM0935', name: 'Maastricht', asked: 18 }]);

    const elsewhere = (await (await t.send('GET', demandPath('zuid-limburg', '?from=2026-10&municipality=GM0599'), undefined, t.people.coordinator)).json()) as Report;
    expect(elsewhere.rows).toEqual([]);
    expect(elsewhere.months).toEqual([{ month: '2026-10', asked: '<5' }]);
  });

  it('downloads the same rows as CSV, with "<5" and never a smaller number', async () => {
    const res = await t.send('GET', demandPath('zuid-limburg', '/csv?from=2026-11'), undefined, t.people.coordinator);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="zuid-limburg-vraag-en-aanbod-2026-11-2026-11.csv"');
    const lines = (await res.text()).replace(/^\uFEFF/, '').trim().split('\r\n').map((line) => line.split(';'));
    expect(lines[0]).toEqual(['criterium', 'waarde', 'moet', 'belangrijk', 'gevraagd', 'woonvormen die voldoen', 'met plek binnen 3 maanden', 'verschil']);
    expect(lines.slice(1)).toEqual([
      ['pets', '', '6', '<5', '6', '0', '0', '6'],
      ['ownBathroom', '', '<5', '6', '6', '4', '3', '3'],
      ['targetGroup', 'dementia', '6', '<5', '6', '4', '3', '3'],
    ]);
  });

  it('tells a provider admin how often each field was unknown in their results this month', async () => {
    const res = await t.send('GET', `/api/provider/organizations/${ORG}/unknown-in-results`, undefined, t.people.admin);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { month: string; fields: Array<{ field: string; criterion: string; results: number | string }> };
    expect(body.month).toBe('2026-11');
    // Three of the organisation's housing forms were shown to each of the six, none saying whether pets may come.
    expect(body.fields.find((f) => f.field === 'pets')).toEqual({ field: 'pets', criterion: 'pets', results: 18 });
    neverBelowFive(body.fields.map((f) => f.results));
    expect((await t.send('GET', `/api/provider/organizations/${ORG}/unknown-in-results`, undefined, t.people.editor)).status).toBe(403);
    expect((await t.send('GET', `/api/provider/organizations/${ORG}/unknown-in-results?month=2026-13`, undefined, t.people.admin)).status).toBe(400);
  });

  it('refuses anyone but the region\'s coordinators: nobody 401, another region\'s coordinator or a provider 403', async () => {
    expect((await t.send('GET', demandPath())).status).toBe(401);
    expect((await t.send('GET', demandPath('zuid-limburg', '/csv'))).status).toBe(401);
    const rotterdam = await t.signIn('coordinator@rotterdam.example', [{ role: 'coordinator', regionId: 'rotterdam' }], 'Rob Rotterdam');
    expect((await t.send('GET', demandPath(), undefined, rotterdam)).status).toBe(403);
    expect((await t.send('GET', demandPath('zuid-limburg', '/csv'), undefined, rotterdam)).status).toBe(403);
    expect((await t.send('GET', demandPath(), undefined, t.people.admin)).status).toBe(403);
    // Their own region works, and a region that does not exist is not theirs.
    expect((await t.send('GET', demandPath('rotterdam'), undefined, rotterdam)).status).toBe(200);
    expect((await t.send('GET', demandPath('nergens'), undefined, rotterdam)).status).toBe(403);
  });

  it('answers bad months and municipalities with 400 and field errors', async () => {
    const bad = async (query: string) => {
      const res = await t.send('GET', demandPath('zuid-limburg', query), undefined, t.people.coordinator);
      expect(res.status, query).toBe(400);
      return ((await res.json()) as { error: { fields: Array<{ path: string }> } }).error.fields.map((f) => f.path);
    };
    expect(await bad('?from=2026-13')).toEqual(['query.from']);
    expect(await bad('?from=2026-11&to=2026-10')).toEqual(['query.to']);
    expect(await bad('?from=2020-01&to=2026-11')).toEqual(['query.to']);
    expect(await bad('?municipality=6211')).toEqual(['query.municipality']);
    // Nothing finer than a municipality is taken, not even as a filter.
    expect(await bad('?postcode=6211AB')).toEqual(['query']);
  });

  it('never answers 500, and never a number below 5, whatever the query (fast-check)', async () => {
    const text = fc.oneof(fc.string(), fc.constantFrom('2026-11', '2026-1', '9999-12', '0000-01', 'GM0935', 'unknown', '<5', '%00', '../'));
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom('from', 'to', 'municipality', 'x'), text, { maxKeys: 3 }), fc.boolean(), async (query, csv) => {
        const search = new URLSearchParams(query).toString();
        const res = await t.send('GET', demandPath('zuid-limburg', `${csv ? '/csv' : ''}?${search}`), undefined, t.people.coordinator);
        expect(res.status).not.toBe(500);
        expect([200, 400]).toContain(res.status);
        if (res.status === 200 && !csv) neverBelowFive(demandFigures((await res.json()) as Report));
        if (res.status === 200 && csv) {
          for (const line of (await res.text()).trim().split('\r\n').slice(1)) neverBelowFive(line.split(';').slice(2, 5).map((c) => (c === '<5' ? c : Number(c))));
        }
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});

describe('a count that cannot be written', () => {
  let output: CapturedOutput | undefined;
  afterEach(() => output?.restore());

  it('never fails the match, and is logged by its kind without the request', async () => {
    const t = await createProviderTestApp({ clock });
    const failing = { add: () => Promise.reject(Object.assign(new Error('ProvisionedThroughputExceededException: dementia 6211 AB'), { name: 'ProvisionedThroughputExceededException', request: common })) };
    // Every batch due at once, so this one match's counts are written (and fail) after its answer.
    const app = createTestApp({ ...t.stores, demandStatistics: { ...t.stores.demandStatistics, ...failing } }, clock, undefined, { flushAfterMs: 0 });
    output = captureOutput();
    const res = await app.request('/api/match', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(common) });
    expect(res.status).toBe(200);
    await vi.waitFor(() => expect(output?.text()).toContain('work after the answer failed'));
    const line = output.jsonLines().find((l) => l.message === 'work after the answer failed');
    expect(line).toMatchObject({ work: 'demand counts', route: '/api/match', error: { name: 'ProvisionedThroughputExceededException' } });
    for (const value of ['dementia', '6211', 'ownBathroom']) expect(output.text()).not.toContain(value);
  }, 60_000);
});
