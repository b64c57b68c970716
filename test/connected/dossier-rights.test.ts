// A client's rights over their dossier over DynamoDB Local: the export holds everything the dossier
// holds (answers versions, shortlist, notes, consents, hand-overs, audit trail), as JSON and as a
// printable page; deleting leaves nothing of the dossier in the raw table, only the audit trail's
// record of who deleted it, without content; outsiders are refused and change nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { ORG } from '../support/test-provider-app.ts';
import { movableClock } from '../support/test-staff-app.ts';
import { createSupporterTestApp, SUPPORT_BASE, type SupporterTestApp } from '../support/test-supporter-app.ts';

const clock = movableClock('2026-12-03T10:00:00Z');
let t: SupporterTestApp;

beforeAll(async () => {
  t = await createSupporterTestApp({ clock });
}, 30_000);

const WISH = 'Wil graag <b>een tuin</b> & een kat.';

/** A dossier with something of every kind in it. */
async function fullDossier() {
  const created = await t.call('POST', `${SUPPORT_BASE}/dossiers`, { label: 'R.V.', regionId: 'zuid-limburg' }, t.people.supporter);
  const id = created.body.id as string;
  const base = `${SUPPORT_BASE}/dossiers/${id}`;
  const steps = [
    await t.call('POST', `${base}/answers`, { basedOn: 0, questionnaireId: 'zuid-limburg', questionnaireVersion: 1, answers: { wishes: { text: WISH } } }, t.people.supporter),
    await t.call('POST', `${base}/answers`, { basedOn: 1, questionnaireId: 'zuid-limburg', questionnaireVersion: 1, answers: { wishes: { text: 'Nu toch liever zonder kat.' } } }, t.people.supporter),
    await t.call('PUT', `${base}/shortlist`, { version: 0, entries: [{ locationId: 'de-linde-maastricht', housingFormId: 'kleinschalig-wonen', note: 'Mooie tuin.' }] }, t.people.supporter),
    await t.call('POST', `${base}/notes`, { text: 'Gesprek met de dochter.' }, t.people.supporter),
    await t.call('POST', `${base}/consents`, { providers: [ORG], method: 'signed-form', givenBy: 'client', givenOn: '2026-12-01' }, t.people.supporter),
    await t.call('POST', `${base}/hand-over`, { version: 1, toAccountId: (await t.call('GET', `${SUPPORT_BASE}/colleagues`, undefined, t.people.supporter)).body.colleagues.find((x: { name: string }) => x.name === 'Chris Collega').accountId }, t.people.supporter),
  ];
  expect(steps.map((s) => s.status)).toEqual([201, 201, 200, 201, 201, 200]);
  return { id, base };
}

const ofDossier = (id: string) => async () => (await t.storedDossierState()).filter((i) => String(i.pk).includes(id));

describe('a dossier\'s export', () => {
  it('holds everything, as JSON and as a printable page, each recorded in the audit trail', async () => {
    const { base } = await fullDossier();
    const exported = await t.call('GET', `${base}/export`, undefined, t.people.colleague);
    expect(exported.status).toBe(200);
    const body = exported.body;
    expect(body.dossier).toMatchObject({ label: 'R.V.', assignedTo: { name: 'Chris Collega' } });
    expect(body.answersVersions.map((v: { answers: { wishes: { text: string } } }) => v.answers.wishes.text)).toEqual([WISH, 'Nu toch liever zonder kat.']);
    expect(body.shortlist.entries).toEqual([{ locationId: 'de-linde-maastricht', housingFormId: 'kleinschalig-wonen', note: 'Mooie tuin.' }]);
    expect(body.notes.map((n: { text: string }) => n.text)).toEqual(['Gesprek met de dochter.']);
    expect(body.consents).toEqual([expect.objectContaining({ providers: [ORG], method: 'signed-form', givenOn: '2026-12-01' })]);
    expect(body.handovers).toEqual([expect.objectContaining({ from: expect.objectContaining({ name: 'Sanne Steun' }), to: expect.objectContaining({ name: 'Chris Collega' }) })]);
    expect(body.auditTrail.map((r: { kind: string }) => r.kind)).toEqual(expect.arrayContaining(['created', 'answers-saved', 'shortlist-changed', 'note-added', 'consent-given', 'handed-over', 'exported']));

    const printed = await t.send('GET', `${base}/export/print`, undefined, t.people.colleague);
    expect(printed.status).toBe(200);
    expect(printed.headers.get('content-type')).toContain('text/html');
    const html = await printed.text();
    expect(html).toContain('Dossier R.V.');
    expect(html).toContain('Wil graag &lt;b&gt;een tuin&lt;/b&gt; &amp; een kat.');
    expect(html).not.toContain('<b>een tuin</b>');
    expect(html).toContain('Gesprek met de dochter.');
    const trail = await t.call('GET', `${base}/audit`, undefined, t.people.supportAdmin);
    expect(trail.body.records.filter((r: { kind: string }) => r.kind === 'exported')).toHaveLength(2);
  });
});

describe('deleting a dossier', () => {
  it('leaves nothing of it in the table but a deletion record without content in the audit trail', async () => {
    const { id, base } = await fullDossier();
    const stored = ofDossier(id);
    expect((await stored()).length).toBeGreaterThan(6);
    // A minute later, so the deletion is the newest record of the trail (records of one moment have no order).
    clock.advance(60_000);
    const deleted = await t.send('DELETE', base, undefined, t.people.colleague);
    expect(deleted.status).toBe(204);

    const left = await stored();
    expect(left.every((i) => String(i.pk).startsWith('AUDIT#'))).toBe(true);
    // What is left (the audit records) says who and when, nothing of the content.
    const kept = JSON.stringify(left);
    for (const content of ['R.V.', 'een tuin', 'zonder kat', 'Mooie tuin', 'Gesprek met de dochter', ORG]) expect(kept).not.toContain(content);

    const trail = await t.call('GET', `${base}/audit`, undefined, t.people.supportAdmin);
    expect(trail.body.records[0]).toMatchObject({ kind: 'deleted', by: { name: 'Chris Collega' } });
    expect((await t.call('GET', base, undefined, t.people.colleague)).status).toBe(404);
    expect((await t.call('GET', `${base}/export`, undefined, t.people.colleague)).status).toBe(404);
    expect((await t.send('DELETE', base, undefined, t.people.colleague)).status).toBe(404);
    expect((await t.call('POST', `${base}/notes`, { text: 'Te laat.' }, t.people.supporter)).status).toBe(404);
  });

  it('is refused to outsiders, changing nothing', async () => {
    const { id, base } = await fullDossier();
    const before = await t.storedDossierState();
    expect((await t.send('DELETE', base, undefined, t.people.otherSupporter)).status).toBe(403);
    expect((await t.send('DELETE', base, undefined, t.people.editor)).status).toBe(403);
    expect((await t.send('DELETE', base)).status).toBe(401);
    expect((await t.send('DELETE', base, undefined, t.people.supporter, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await t.send('GET', `${base}/export`, undefined, t.people.otherSupporter)).status).toBe(403);
    expect(await t.storedDossierState()).toEqual(before);
    expect((await ofDossier(id)()).length).toBeGreaterThan(6);
  });
});
