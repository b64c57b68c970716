// The dossiers' retention and deletion over DynamoDB Local, with the clock moved by months: the
// supporter is warned once at 11 months untouched (a mail naming no client), the dossier is deleted
// at 12 with the client's deletion, and a view by the supporter restarts the clock while a
// provider reading the report does not. After a deletion, by the client's request or by
// retention, the raw tables (every item, and both indexes) hold nothing of the dossier or its
// shares: only the audit trail's records, without content.
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyRetention } from '../../functions/dossiers/retention.ts';
import type { Mail } from '../../functions/platform/mail.ts';
import { DynamoDbTable } from '../../functions/store/dynamodb/dynamodb-table.ts';
import { GSI1, GSI2 } from '../../functions/store/dynamodb/table-design.ts';
import { OTHER_ORG, ORG } from '../support/test-provider-app.ts';
import { codeIn, cookieOf, movableClock } from '../support/test-staff-app.ts';
import { createSupporterTestApp, SUPPORT, SUPPORT_BASE, type SupporterTestApp } from '../support/test-supporter-app.ts';

const START = '2026-12-15T10:00:00Z';
const clock = movableClock(START);
const DAY = 24 * 60 * 60 * 1000;
let t: SupporterTestApp;

beforeAll(async () => {
  t = await createSupporterTestApp({ clock });
}, 30_000);

/** Moves the clock to a moment (never back). */
function moveTo(iso: string) {
  const ms = Date.parse(iso) - clock.now().getTime();
  if (ms < 0) throw new Error(`The clock is past ${iso} already.`);
  clock.advance(ms);
}

const LABEL = 'K.L. (retentie)';
const OWN_WORDS = 'Ik wil dicht bij mijn zus wonen.';

/** A dossier with answers and consent for both test providers, shared with both. */
async function sharedDossier(cookie = t.people.supporter) {
  const made = await t.call('POST', `${SUPPORT_BASE}/dossiers`, { label: LABEL, regionId: 'zuid-limburg' }, cookie);
  expect(made.status).toBe(201);
  const path = `${SUPPORT_BASE}/dossiers/${made.body.id}`;
  const answers = { 'over-mij': { text: OWN_WORDS } };
  expect((await t.call('POST', `${path}/answers`, { basedOn: 0, questionnaireId: 'zuid-limburg', questionnaireVersion: 1, answers }, cookie)).status).toBe(201);
  const givenOn = clock.now().toISOString().slice(0, 10);
  expect((await t.call('POST', `${path}/consents`, { providers: [ORG, OTHER_ORG], method: 'signed-form', givenBy: 'client', givenOn }, cookie)).status).toBe(201);
  const shared = await t.call('POST', `${path}/shares`, { providers: [ORG, OTHER_ORG] }, cookie);
  expect(shared.status).toBe(201);
  return { id: made.body.id as string, path, shareIds: shared.body.shares.map((s: { id: string }) => s.id) as string[] };
}

/** The supporter signed in afresh: months on, the first session is long over. */
async function supporterNow() {
  const email = `ondersteuner@${SUPPORT}.example`;
  expect((await t.post('/api/auth/code', { email })).status).toBe(202);
  const mail = (await t.mails()).filter((m) => m.includes(`To: ${email}`)).at(-1) as string;
  return cookieOf(await t.post('/api/auth/sign-in', { email, code: codeIn(mail) }));
}

/** Every item of a table, or of one of its indexes, read raw. */
async function scan(tableName: string, indexName?: string) {
  const { doc } = new DynamoDbTable(t.client, tableName);
  const items: Array<Record<string, unknown>> = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(new ScanCommand({ TableName: tableName, ...(indexName ? { IndexName: indexName } : { ConsistentRead: true }), ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/** Asserts that no raw item of either table, nor either index of the dossier table, holds the dossier but its audit records. */
async function expectGoneFromRawTables(dossierId: string, shareIds: readonly string[]) {
  const everything = [
    ...(await scan(t.dossierTableName)),
    // The indexes are eventually consistent; DynamoDB Local updates them with the write.
    ...(await scan(t.dossierTableName, GSI1.name)),
    ...(await scan(t.dossierTableName, GSI2.name)),
    ...(await scan(t.tableName)),
  ];
  const mentions = everything.filter((item) => {
    const text = JSON.stringify(item);
    return text.includes(dossierId) || shareIds.some((id) => text.includes(id));
  });
  expect(mentions.length).toBeGreaterThan(0);
  // Only the audit trail is left: who did what when, no content, no share. (Other dossiers hold the same label and words.)
  expect(mentions.every((i) => String(i.pk).startsWith('AUDIT#'))).toBe(true);
  const kept = JSON.stringify(mentions);
  for (const content of [LABEL, OWN_WORDS, ...shareIds]) expect(kept).not.toContain(content);
  // Every inbox index entry is gone: the providers' lists, and lookups by share id.
  expect(everything.filter((i) => String(i.gsi2pk ?? '').startsWith('INBOX#') && shareIds.some((id) => String(i.gsi2sk).includes(id)))).toEqual([]);
  expect(everything.filter((i) => String(i.gsi1pk ?? '').startsWith('SHARE#') && shareIds.some((id) => String(i.gsi1pk).includes(id)))).toEqual([]);
}

const inboxIds = async (org: string, cookie: string) => {
  const res = await t.call('GET', `/api/provider/organizations/${org}/inbox`, undefined, cookie);
  expect(res.status).toBe(200);
  return res.body.shares.map((s: { id: string }) => s.id) as string[];
};

describe('deleting a dossier on the client\'s request', () => {
  it('leaves it in no raw table and no provider inbox', async () => {
    const { path, id, shareIds } = await sharedDossier();
    expect(await inboxIds(ORG, t.people.editor)).toEqual(expect.arrayContaining([shareIds[0]]));
    expect(await inboxIds(OTHER_ORG, t.people.otherEditor)).toEqual(expect.arrayContaining([shareIds[1]]));
    expect((await t.send('DELETE', path, undefined, t.people.supporter)).status).toBe(204);
    await expectGoneFromRawTables(id, shareIds);
    expect(await inboxIds(ORG, t.people.editor)).not.toContain(shareIds[0]);
    expect((await t.call('GET', `/api/provider/organizations/${ORG}/inbox/${shareIds[0]}`, undefined, t.people.editor)).status).toBe(404);
  });
});

describe('retention', () => {
  it('warns the supporter once at 11 months, deletes at 12 like the client\'s delete; a supporter\'s view restarts the clock, a provider\'s read does not', async () => {
    const sent: Mail[] = [];
    const run = () => applyRetention({ ...t.stores, mailer: { send: async (m) => void sent.push(m) }, clock, siteUrl: 'https://woonwijzer.example' }, { dryRun: false });
    const stale = await sharedDossier();
    const kept = await sharedDossier();
    const provider = { by: { accountId: 'provider-reader', name: 'Eva Editor' }, now: clock.now() };
    const supporter = { by: { accountId: 'supporter', name: 'Sanne Steun' }, now: clock.now() };

    // Ten months on: the provider reads the stale one's report (no activity), the supporter opens the other (activity).
    moveTo('2027-10-15T09:00:00Z');
    const found = await t.stores.dossiers.getShare(ORG, stale.shareIds[0] as string);
    expect(found).toBeDefined();
    await t.stores.dossiers.recordShareRead(found!, { ...provider, now: clock.now() });
    expect(await t.stores.dossiers.readDossier(SUPPORT, kept.id, { ...supporter, now: clock.now() })).toBeDefined();

    // The day before 11 months: nothing yet.
    moveTo('2027-11-14T09:00:00Z');
    expect(await run()).toMatchObject({ warned: 0, deleted: 0, mailsSent: 0 });

    // 11 months to the day: one warning, to the supporter the dossier is assigned to, naming no client.
    moveTo('2027-11-15T09:00:00Z');
    expect(await run()).toMatchObject({ warned: 1, deleted: 0, mailsSent: 1, mailsFailed: 0 });
    expect(sent).toHaveLength(1);
    const [mail] = sent;
    expect(mail?.to).toBe(`ondersteuner@${SUPPORT}.example`);
    expect(mail?.text).toContain(stale.id.slice(0, 8));
    expect(mail?.text).toContain('15 december 2027');
    expect(mail?.text).not.toContain(kept.id.slice(0, 8));
    for (const content of [LABEL, OWN_WORDS]) expect(mail?.text).not.toContain(content);
    const trail = await t.stores.dossiers.auditTrail(SUPPORT, stale.id);
    expect(trail[0]).toMatchObject({ kind: 'retention-warned', by: { name: 'Bewaartermijn (automatisch)' } });

    // Once: the next days' runs send nothing more.
    clock.advance(DAY);
    expect(await run()).toMatchObject({ warned: 0, deleted: 0, mailsSent: 0 });
    expect(sent).toHaveLength(1);

    // The day before 12 months: still there.
    moveTo('2027-12-14T09:00:00Z');
    expect(await run()).toMatchObject({ deleted: 0 });
    expect(await t.stores.dossiers.getDossier(SUPPORT, stale.id)).toBeDefined();

    // 12 months: deleted, with every share; the audit trail keeps who (the retention) and when.
    moveTo('2027-12-15T09:00:00Z');
    expect(await run()).toMatchObject({ deleted: 1, warned: 0 });
    expect(await t.stores.dossiers.getDossier(SUPPORT, stale.id)).toBeUndefined();
    await expectGoneFromRawTables(stale.id, stale.shareIds);
    expect((await t.stores.dossiers.auditTrail(SUPPORT, stale.id))[0]).toMatchObject({ kind: 'deleted-by-retention', by: { accountId: 'retention' } });

    // The one the supporter opened at ten months is warned only now, at eleven months after that.
    expect(await t.stores.dossiers.getDossier(SUPPORT, kept.id)).toBeDefined();
    moveTo('2028-09-15T09:00:00Z');
    expect(await run()).toMatchObject({ warned: 1, deleted: 0 });
    expect(sent.at(-1)?.text).toContain(kept.id.slice(0, 8));
  });

  it('keeps a dossier the supporter opens after the warning, and gives a late warning a month before deleting', async () => {
    moveTo('2029-01-01T09:00:00Z');
    const sent: Mail[] = [];
    const run = () => applyRetention({ ...t.stores, mailer: { send: async (m) => void sent.push(m) }, clock, siteUrl: 'https://woonwijzer.example' }, { dryRun: false });
    const cookie = await supporterNow();
    const opened = await sharedDossier(cookie);
    const late = await sharedDossier(cookie);
    const supporter = { by: { accountId: 'supporter', name: 'Sanne Steun' }, now: clock.now() };

    moveTo('2029-12-01T09:00:00Z');
    expect(await run()).toMatchObject({ warned: 2, mailsSent: 1 });
    // The supporter opens one after the warning: the clock starts again, the warning is void.
    await t.stores.dossiers.listConsents(SUPPORT, opened.id, { ...supporter, now: clock.now() });
    moveTo('2030-01-01T09:00:00Z');
    expect(await run()).toMatchObject({ deleted: 1 });
    expect(await t.stores.dossiers.getDossier(SUPPORT, opened.id)).toBeDefined();
    expect(await t.stores.dossiers.getDossier(SUPPORT, late.id)).toBeUndefined();

    // A warning that went out late (no run for two months) still gives the supporter 30 days.
    moveTo('2031-01-02T09:00:00Z');
    expect(await run()).toMatchObject({ warned: 1, deleted: 0 });
    expect(sent.at(-1)?.text).toContain('1 februari 2031');
    moveTo('2031-01-31T09:00:00Z');
    expect(await run()).toMatchObject({ deleted: 0 });
    moveTo('2031-02-01T09:00:00Z');
    expect(await run()).toMatchObject({ deleted: 1 });
    expect(await t.stores.dossiers.getDossier(SUPPORT, opened.id)).toBeUndefined();
  });

  it('in a dry run mails but records and deletes nothing', async () => {
    moveTo('2032-01-01T09:00:00Z');
    const sent: Mail[] = [];
    const deps = { ...t.stores, mailer: { send: async (m: Mail) => void sent.push(m) }, clock, siteUrl: 'https://woonwijzer.example' };
    const { id } = await sharedDossier(await supporterNow());
    moveTo('2032-12-01T09:00:00Z');
    expect(await applyRetention(deps, { dryRun: true })).toMatchObject({ warned: 1 });
    expect(await applyRetention(deps, { dryRun: true })).toMatchObject({ warned: 1 });
    expect(sent).toHaveLength(2);
    expect((await t.stores.dossiers.auditTrail(SUPPORT, id)).map((r) => r.kind)).not.toContain('retention-warned');
  });
});
