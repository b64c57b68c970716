// The region's coordinator keeps the support organisations the help page lists and the
// questionnaire's versions, over DynamoDB Local: what was configured is the starting list (nothing
// lost), a save with an old version is a 409 that carries the list as it is, a published version
// is what the public API serves, and answers saved against the old version still give a match.
// Also who may do this: nobody else (anonymous 401, another region's coordinator and providers 403,
// a request from elsewhere 403).
import { marshall } from '@aws-sdk/util-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { affectedPages } from '../../functions/site/affected-pages.ts';
import { entities } from '../../functions/store/dynamodb/keys.ts';
import { loadRegions } from '../../functions/listings/seed-demo.ts';
import { readQuestionnaire } from '../../functions/listings/listing-files.ts';
import type { Questionnaire } from '../../shared/questionnaire/index.ts';
import { createProviderTestApp, type Method, type ProviderTestApp } from '../support/test-provider-app.ts';
import { movableClock } from '../support/test-staff-app.ts';
import { createTestApp } from '../support/test-app.ts';

const clock = movableClock('2026-12-03T10:00:00Z');
const SUPPORT = '/api/coordinator/regions/zuid-limburg/support-list';
const QUESTIONNAIRE = '/api/coordinator/regions/zuid-limburg/questionnaire';

let t: ProviderTestApp;
let rotterdamCoordinator: string;
let publicApp: ReturnType<typeof createTestApp>;
let shipped: Questionnaire;

beforeAll(async () => {
  t = await createProviderTestApp({ clock });
  // The configured regions and questionnaires, as the seed loads them.
  await loadRegions(t.stores.regions);
  rotterdamCoordinator = await t.signIn('coordinator@rotterdam.example', [{ role: 'coordinator', regionId: 'rotterdam' }], 'Ruud Rotterdam');
  publicApp = createTestApp(t.stores, clock);
  const read = await readQuestionnaire('zuid-limburg');
  if (!read) throw new Error('no shipped questionnaire');
  shipped = read;
}, 60_000);

interface SupportList { version: number; organizations: Array<Record<string, unknown> & { id: string; name: string }> }
interface Draft { version: number; basedOnVersion: number; questionnaire: Questionnaire }
interface Problem { error: { code: string; fields?: Array<{ path: string; message: string }>; current?: unknown } }

describe('the region\'s support organisations', () => {
  it('start as the configured list, and a saved change with opening hours reaches the public region', async () => {
    clock.advance(60_000);
    const res = await t.send('GET', SUPPORT, undefined, t.people.coordinator);
    expect(res.status).toBe(200);
    const list = (await res.json()) as SupportList;
    expect(list.version).toBe(0);
    const configured = (await t.stores.regions.getRegion('zuid-limburg'))?.supportOrganizations ?? [];
    expect(configured.length).toBeGreaterThan(0);
    expect(list.organizations).toEqual(configured);

    const [first, ...rest] = list.organizations;
    const edited = {
      ...first,
      phone: '043 321 43 00',
      openingHours: {
        periods: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], opens: '09:00', closes: '17:00' }],
        note: { nl: 'Op feestdagen gesloten.', en: 'Closed on public holidays.' },
      },
      municipalities: ['GM0935'],
    };
    const saved = await t.send('PUT', SUPPORT, { organizations: [edited, ...rest], version: 0 }, t.people.coordinator);
    expect(saved.status).toBe(200);
    expect(((await saved.json()) as SupportList).version).toBe(1);

    const region = (await (await publicApp.request('/api/regions/zuid-limburg')).json()) as { region: { supportOrganizations: SupportList['organizations'] } };
    expect(region.region.supportOrganizations[0]).toMatchObject({ phone: '043 321 43 00', openingHours: edited.openingHours, municipalities: ['GM0935'] });
    expect(region.region.supportOrganizations).toHaveLength(list.organizations.length);

    const changes = await t.stores.regionCoordination.listRegionChanges('zuid-limburg');
    expect(changes[0]).toMatchObject({ kind: 'support-organizations', version: 1 });
  });

  it('refuses a save based on an older version with a 409 carrying the list as it is now', async () => {
    const res = await t.send('PUT', SUPPORT, { organizations: [], version: 0 }, t.people.coordinator);
    expect(res.status).toBe(409);
    const body = (await res.json()) as Problem;
    expect(body.error.code).toBe('version_conflict');
    expect((body.error.current as SupportList).version).toBe(1);
    expect((body.error.current as SupportList).organizations[0]?.phone).toBe('043 321 43 00');
  });

  it('names each wrong field: a closing time before the opening, a municipality of another region, an id twice', async () => {
    const org = { id: 'mee', name: 'MEE', description: { nl: 'Helpt.', en: 'Helps.' } };
    const late = await t.send('PUT', SUPPORT, {
      organizations: [{ ...org, openingHours: { periods: [{ days: ['mon'], opens: '17:00', closes: '09:00' }] } }], version: 1,
    }, t.people.coordinator);
    expect(late.status).toBe(400);
    expect(((await late.json()) as Problem).error.fields?.map((f) => f.path)).toEqual(['organizations.0.openingHours.periods.0.closes']);

    const elsewhere = await t.send('PUT', SUPPORT, { organizations: [{ ...org, municipalities: ['GM0599'] }, org], version: 1 }, t.people.coordinator);
    expect(elsewhere.status).toBe(400);
    expect(((await elsewhere.json()) as Problem).error.fields?.map((f) => f.path)).toEqual(['organizations.0.municipalities.0', 'organizations.1.id']);
    // Nothing was saved.
    expect((await t.stores.regions.getSupportOrganizations('zuid-limburg'))?.version).toBe(1);
  });

  it('builds the region\'s help pages again after a change, and nothing else', () => {
    const keys = entities.regionSupportList.key({ regionId: 'zuid-limburg' });
    const change = affectedPages([{ eventName: 'MODIFY', dynamodb: { Keys: marshall(keys) } }]);
    expect(change.build.support).toEqual(['zuid-limburg']);
    expect(change.full).toBe(false);
    expect(change.build.region).toEqual([]);
  });
});

describe('questionnaire versions', () => {
  let draft: Draft;

  it('copies the published version into a draft numbered as the next one', async () => {
    const overview = (await (await t.send('GET', QUESTIONNAIRE, undefined, t.people.coordinator)).json()) as { published: { version: number }; draft: Draft | null };
    expect(overview.published.version).toBe(1);
    expect(overview.draft).toBeNull();
    const res = await t.send('POST', `${QUESTIONNAIRE}/draft`, {}, t.people.coordinator);
    expect(res.status).toBe(201);
    draft = (await res.json()) as Draft;
    expect(draft).toMatchObject({ version: 1, basedOnVersion: 1 });
    expect(draft.questionnaire.version).toBe(2);
    // One draft at a time.
    expect((await t.send('POST', `${QUESTIONNAIRE}/draft`, {}, t.people.coordinator)).status).toBe(409);
  });

  it('saves an edit (a text changed, a question no longer asked), refuses a stale one and a broken one at the field', async () => {
    const edited = structuredClone(draft.questionnaire);
    for (const theme of edited.themes) {
      theme.questions = theme.questions.filter((q) => q.id !== 'roken');
      for (const q of theme.questions) if (q.id === 'tuin') q.text = { nl: 'Wilt u een tuin om in te zitten?', en: 'Would you like a garden to sit in?' };
    }
    const saved = await t.send('PUT', `${QUESTIONNAIRE}/draft`, { questionnaire: edited, version: 1 }, t.people.coordinator);
    expect(saved.status).toBe(200);
    draft = (await saved.json()) as Draft;
    expect(draft.version).toBe(2);

    const stale = await t.send('PUT', `${QUESTIONNAIRE}/draft`, { questionnaire: edited, version: 1 }, t.people.coordinator);
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as Problem).error.current).toMatchObject({ version: 2 });

    const broken = structuredClone(edited);
    const t0 = broken.themes[0];
    if (!t0?.questions[0]) throw new Error('no first question');
    t0.questions[0].text = { nl: ' ', en: 'Who fills this in?' };
    const res = await t.send('PUT', `${QUESTIONNAIRE}/draft`, { questionnaire: broken, version: 2 }, t.people.coordinator);
    expect(res.status).toBe(400);
    expect(((await res.json()) as Problem).error.fields?.map((f) => f.path)).toEqual(['questionnaire.themes.0.questions.0.text.nl']);

    // A question that changes kind under its id would misread the answers people saved.
    const rekinded = structuredClone(edited);
    const theme = rekinded.themes.find((th) => th.questions.some((q) => q.id === 'tuin'));
    if (!theme) throw new Error('no tuin');
    theme.questions = theme.questions.map((q) => (q.id === 'tuin' ? { kind: 'free-text' as const, id: 'tuin', text: q.text, help: q.help, maxLength: 200 } : q));
    const check = await t.send('POST', `${QUESTIONNAIRE}/validate`, { questionnaire: rekinded }, t.people.coordinator);
    expect(check.status).toBe(400);
    expect(((await check.json()) as Problem).error.fields?.[0]?.path).toMatch(/^questionnaire\.themes\.\d+\.questions\.\d+\.id$/);
    const ok = await t.send('POST', `${QUESTIONNAIRE}/validate`, { questionnaire: edited }, t.people.coordinator);
    expect(await ok.json()).toEqual({ valid: true, version: 2 });
  });

  it('publishes the draft: the public questionnaire is version 2 with the new text, with an audit record', async () => {
    clock.advance(60_000);
    const res = await t.send('POST', `${QUESTIONNAIRE}/publish`, { version: draft.version }, t.people.coordinator);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ version: 2, publishedAt: '2026-12-03' });
    const { questionnaire } = (await (await publicApp.request('/api/regions/zuid-limburg/questionnaire')).json()) as { questionnaire: Questionnaire };
    expect(questionnaire.version).toBe(2);
    const tuin = questionnaire.themes.flatMap((th) => th.questions).find((q) => q.id === 'tuin');
    expect(tuin?.text.nl).toBe('Wilt u een tuin om in te zitten?');
    expect((await t.stores.regionCoordination.listRegionChanges('zuid-limburg'))[0]).toMatchObject({ kind: 'questionnaire-published', version: 2 });
    // The draft is gone: publishing again has nothing to publish.
    expect((await t.send('POST', `${QUESTIONNAIRE}/publish`, { version: draft.version }, t.people.coordinator)).status).toBe(404);
  });

  it('reads answers saved against version 1: kept by question id, the dropped question named, and the match still has results', async () => {
    const answers = { tuin: { yes: true, importance: 'important' }, roken: { yes: true, importance: 'must' }, kleine_groep: {} };
    const res = await publicApp.request('/api/regions/zuid-limburg/questionnaire/criteria', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ answers, version: 1 }),
    });
    expect(res.status).toBe(200);
    const converted = (await res.json()) as { version: number; criteria: Array<{ criterion: string; importance: string }>; ignored: Array<{ questionId: string; code: string }> };
    expect(converted.version).toBe(2);
    expect(converted.ignored).toEqual([expect.objectContaining({ questionId: 'roken', code: 'no-longer-asked' })]);
    expect(converted.criteria).toEqual([{ criterion: 'garden', importance: 'important' }]);

    const match = await publicApp.request('/api/match', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ regionId: 'zuid-limburg', criteria: converted.criteria }),
    });
    expect(match.status).toBe(200);
    expect(((await match.json()) as { results: unknown[] }).results.length).toBeGreaterThan(0);
  });
});

describe('who may keep the region\'s settings', () => {
  // Valid bodies: a request checked before who sends it would prove nothing about the check of who.
  const routes: Array<{ method: Method; path: string; body?: () => unknown }> = [
    { method: 'GET', path: SUPPORT },
    { method: 'PUT', path: SUPPORT, body: () => ({ organizations: [], version: 1 }) },
    { method: 'GET', path: QUESTIONNAIRE },
    { method: 'POST', path: `${QUESTIONNAIRE}/draft`, body: () => ({}) },
    { method: 'PUT', path: `${QUESTIONNAIRE}/draft`, body: () => ({ questionnaire: shipped, version: 1 }) },
    { method: 'DELETE', path: `${QUESTIONNAIRE}/draft`, body: () => ({ version: 1 }) },
    { method: 'POST', path: `${QUESTIONNAIRE}/validate`, body: () => ({ questionnaire: shipped }) },
    { method: 'POST', path: `${QUESTIONNAIRE}/publish`, body: () => ({ version: 1 }) },
  ];

  it.each(routes)('$method $path: anonymous 401; another region\'s coordinator, a provider admin or editor 403; nothing changed', async (route) => {
    const before = await t.storedState();
    expect((await t.send(route.method, route.path, route.body?.())).status).toBe(401);
    for (const cookie of [rotterdamCoordinator, t.people.admin, t.people.editor]) {
      expect((await t.send(route.method, route.path, route.body?.(), cookie)).status).toBe(403);
    }
    expect(await t.storedState()).toEqual(before);
  });

  it.each(routes.filter((r) => r.method !== 'GET'))('$method $path from another site (CSRF): 403, nothing changed', async (route) => {
    const before = await t.storedState();
    const res = await t.send(route.method, route.path, route.body?.(), t.people.coordinator, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
    expect(res.status).toBe(403);
    expect(await t.storedState()).toEqual(before);
  });
});
