// Sharing a dossier's report with providers and the provider's inbox, over DynamoDB Local: a share
// goes only to providers in a consent that holds, stores the report as it was (answers in words,
// the shortlist with reasons, the client's own words), and the provider reads it, is recorded as
// having opened it, and answers; the supporter sees both. Access ends at once on withdrawal and
// on closing the dossier, and after 90 days. Outsiders are refused: nobody signed in, another
// support organisation, a provider outside the consent, a request from another site.
import { beforeAll, describe, expect, it } from 'vitest';
import { readQuestionnaire } from '../../functions/listings/listing-files.ts';
import { ShareAccessChangedError } from '../../functions/store/store-errors.ts';
import { shareReadableAt } from '../../shared/domain/index.ts';
import { HF, LOC, OTHER_ORG, ORG } from '../support/test-provider-app.ts';
import { movableClock } from '../support/test-staff-app.ts';
import { createSupporterTestApp, OTHER_SUPPORT_BASE, SUPPORT_BASE, type SupporterTestApp } from '../support/test-supporter-app.ts';

const clock = movableClock('2026-12-03T10:00:00Z');
let t: SupporterTestApp;

beforeAll(async () => {
  t = await createSupporterTestApp({ clock });
  const questionnaire = await readQuestionnaire('zuid-limburg');
  if (questionnaire) await t.stores.regions.putQuestionnaire(questionnaire);
}, 30_000);

const OWN_WORDS = 'Ik zit graag in de tuin met de kat.';
const inbox = (org = ORG) => `/api/provider/organizations/${org}/inbox`;

/** A dossier with answers, a shortlist and consent for ORG only; its consent id for a withdrawal. */
async function sharedDossier() {
  const made = await t.call('POST', `${SUPPORT_BASE}/dossiers`, { label: 'J.B.', regionId: 'zuid-limburg' }, t.people.supporter);
  const path = `${SUPPORT_BASE}/dossiers/${made.body.id}`;
  const answers = { 'wie-vult-in': { choice: 'ondersteuner' }, 'over-mij': { text: OWN_WORDS } };
  expect((await t.call('POST', `${path}/answers`, { basedOn: 0, questionnaireId: 'zuid-limburg', questionnaireVersion: 1, answers }, t.people.supporter)).status).toBe(201);
  expect((await t.call('PUT', `${path}/shortlist`, { version: 0, entries: [{ locationId: LOC, housingFormId: HF, note: 'Dochter woont vlakbij.' }] }, t.people.supporter)).status).toBe(200);
  const consent = await t.call('POST', `${path}/consents`, { providers: [ORG], method: 'signed-form', givenBy: 'client', givenOn: '2026-12-01' }, t.people.supporter);
  expect(consent.status).toBe(201);
  return { id: made.body.id as string, path, consentId: consent.body.id as string };
}

describe('sharing the report', () => {
  it('goes to a consented provider, who reads it (opened once), answers, and the supporter sees both', async () => {
    const { path } = await sharedDossier();
    const shared = await t.call('POST', `${path}/shares`, { providers: [ORG] }, t.people.supporter);
    expect(shared.status).toBe(201);
    const [share] = shared.body.shares;
    expect(share).toMatchObject({ organizationId: ORG, reference: expect.stringMatching(/^WW-[2-9A-Z]{6}$/), answers: [], readableNow: true });

    const list = await t.call('GET', inbox(), undefined, t.people.editor);
    expect(list.status).toBe(200);
    const entry = list.body.shares.find((s: { id: string }) => s.id === share.id);
    expect(entry).toEqual({ id: share.id, reference: share.reference, regionId: 'zuid-limburg', sharedAt: share.sharedAt });
    // The inbox names no client: no label, nothing of the report.
    expect(JSON.stringify(list.body)).not.toContain('J.B.');
    expect(JSON.stringify(list.body)).not.toContain(OWN_WORDS);

    clock.advance(60_000);
    const read = await t.call('GET', `${inbox()}/${share.id}`, undefined, t.people.editor);
    expect(read.status).toBe(200);
    expect(read.body.report.ownWords).toEqual([expect.objectContaining({ answer: OWN_WORDS })]);
    expect(read.body.report.filledBy).toBeDefined();
    expect(read.body.report.shortlist).toEqual([expect.objectContaining({ locationId: LOC, housingFormId: HF })]);
    expect(JSON.stringify(read.body)).not.toContain('Dochter woont vlakbij.');
    expect(JSON.stringify(read.body)).not.toContain('J.B.');
    const openedAt = read.body.openedAt;
    expect(openedAt).toBe('2026-12-03T10:01:00.000Z');
    clock.advance(60_000);
    const again = await t.call('GET', `${inbox()}/${share.id}`, undefined, t.people.admin);
    expect(again.body.openedAt).toBe(openedAt);

    const meet = await t.call('POST', `${inbox()}/${share.id}/answer`, { version: again.body.version, response: { kind: 'meet' } }, t.people.editor);
    expect(meet.status).toBe(200);
    const stale = await t.call('POST', `${inbox()}/${share.id}/answer`, { version: again.body.version, response: { kind: 'no-fit', reason: 'Vol.' } }, t.people.admin);
    expect(stale.status).toBe(409);
    const place = await t.call('POST', `${inbox()}/${share.id}/answer`, { version: meet.body.version, response: { kind: 'place-from', date: '2027-02-01' } }, t.people.admin);
    expect(place.status).toBe(200);
    const bad = await t.call('POST', `${inbox()}/${share.id}/answer`, { version: place.body.version, response: { kind: 'no-fit', reason: 'x'.repeat(1001) } }, t.people.admin);
    expect(bad.status).toBe(400);

    const seen = await t.call('GET', `${path}/shares`, undefined, t.people.colleague);
    expect(seen.status).toBe(200);
    expect(seen.body.shares).toEqual([expect.objectContaining({
      id: share.id, openedAt,
      answers: [
        expect.objectContaining({ by: expect.objectContaining({ name: 'Eva Editor' }), response: { kind: 'meet' } }),
        expect.objectContaining({ response: { kind: 'place-from', date: '2027-02-01' } }),
      ],
    })]);
    const audit = await t.call('GET', `${path}/audit`, undefined, t.people.supportAdmin);
    expect(audit.body.records.map((r: { kind: string }) => r.kind)).toEqual(expect.arrayContaining(['shared', 'share-opened', 'share-read', 'share-answered', 'shares-viewed']));
  });

  it('is refused (409, nothing stored) for a provider outside the consent, after withdrawal, and for a closed dossier', async () => {
    const { path, consentId } = await sharedDossier();
    const before = await t.storedDossierState();
    const outside = await t.call('POST', `${path}/shares`, { providers: [ORG, OTHER_ORG] }, t.people.supporter);
    expect(outside.status).toBe(409);
    expect(outside.body.error).toMatchObject({ code: 'share_refused', fields: [{ path: 'providers.1', message: expect.stringContaining('niet in de toestemming') }] });
    expect(await t.storedDossierState()).toEqual(before);

    expect((await t.call('POST', `${path}/consents/${consentId}/withdraw`, { version: 1 }, t.people.supporter)).status).toBe(200);
    const withdrawn = await t.call('POST', `${path}/shares`, { providers: [ORG] }, t.people.supporter);
    expect(withdrawn.status).toBe(409);
    expect(withdrawn.body.error.fields[0].message).toContain('geldt niet meer');

    const other = await sharedDossier();
    expect((await t.call('PATCH', other.path, { version: 1, status: 'closed' }, t.people.supporter)).status).toBe(200);
    const closed = await t.call('POST', `${other.path}/shares`, { providers: [ORG] }, t.people.supporter);
    expect(closed.status).toBe(409);
    expect(closed.body.error.fields[0].message).toContain('gesloten');
  });

  it('is refused to outsiders: nobody signed in 401, another support organisation 403 (404 under its own), another site 403', async () => {
    const { id, path } = await sharedDossier();
    expect((await t.call('POST', `${path}/shares`, { providers: [ORG] }, undefined)).status).toBe(401);
    expect((await t.call('POST', `${path}/shares`, { providers: [ORG] }, t.people.otherSupporter)).status).toBe(403);
    expect((await t.call('GET', `${path}/shares`, undefined, t.people.editor)).status).toBe(403);
    expect((await t.call('POST', `${OTHER_SUPPORT_BASE}/dossiers/${id}/shares`, { providers: [ORG] }, t.people.otherSupporter)).status).toBe(404);
    const res = await t.send('POST', `${path}/shares`, { providers: [ORG] }, t.people.supporter, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
    expect(res.status).toBe(403);
  });
});

describe('a provider\'s access', () => {
  it('ends at once on withdrawal: the next read is 404 and the inbox is empty of it', async () => {
    const { path, consentId } = await sharedDossier();
    const [share] = (await t.call('POST', `${path}/shares`, { providers: [ORG] }, t.people.supporter)).body.shares;
    expect((await t.call('GET', `${inbox()}/${share.id}`, undefined, t.people.editor)).status).toBe(200);
    expect((await t.call('POST', `${path}/consents/${consentId}/withdraw`, { version: 1 }, t.people.supporter)).status).toBe(200);
    expect((await t.call('GET', `${inbox()}/${share.id}`, undefined, t.people.editor)).status).toBe(404);
    expect((await t.call('POST', `${inbox()}/${share.id}/answer`, { version: 2, response: { kind: 'meet' } }, t.people.editor)).status).toBe(404);
    const list = await t.call('GET', inbox(), undefined, t.people.editor);
    expect(list.body.shares.map((s: { id: string }) => s.id)).not.toContain(share.id);
    const seen = await t.call('GET', `${path}/shares`, undefined, t.people.supporter);
    expect(seen.body.shares[0]).toMatchObject({ id: share.id, readableNow: false });
  });

  it('ends when the dossier is closed', async () => {
    const { path } = await sharedDossier();
    const [share] = (await t.call('POST', `${path}/shares`, { providers: [ORG] }, t.people.supporter)).body.shares;
    expect((await t.call('PATCH', path, { version: 1, status: 'closed' }, t.people.supporter)).status).toBe(200);
    expect((await t.call('GET', `${inbox()}/${share.id}`, undefined, t.people.editor)).status).toBe(404);
  });

  it('is judged again inside the write: a consent withdrawn or a dossier closed after the check leaves the share unopened and unanswered', async () => {
    const provider = () => ({ by: { accountId: 'provider-editor', name: 'Eva Editor' }, now: clock.now() });
    const judgedReadable = async (shareId: string) => {
      // What the inbox route does first: read the share with its dossier and consents, and judge.
      const found = await t.stores.dossiers.getShare(ORG, shareId);
      if (!found) throw new Error('The share was just sent.');
      expect(shareReadableAt(found.share, found.dossier.status, found.consents, clock.now())).toBe(true);
      return found;
    };
    const expectUnmarked = async (path: string, shareId: string) => {
      const seen = (await t.call('GET', `${path}/shares`, undefined, t.people.supporter)).body.shares.find((s: { id: string }) => s.id === shareId);
      expect(seen).toMatchObject({ answers: [], readableNow: false });
      expect(seen.openedAt).toBeUndefined();
    };

    // Withdrawn between the judgement and the write.
    const withdrawn = await sharedDossier();
    const [first] = (await t.call('POST', `${withdrawn.path}/shares`, { providers: [ORG] }, t.people.supporter)).body.shares;
    const judged = await judgedReadable(first.id);
    expect((await t.call('POST', `${withdrawn.path}/consents/${withdrawn.consentId}/withdraw`, { version: 1 }, t.people.supporter)).status).toBe(200);
    await expect(t.stores.dossiers.recordShareRead(judged, provider())).rejects.toBeInstanceOf(ShareAccessChangedError);
    await expect(t.stores.dossiers.answerShare(judged, { kind: 'meet' }, judged.share.version, provider())).rejects.toBeInstanceOf(ShareAccessChangedError);
    await expectUnmarked(withdrawn.path, first.id);

    // Closed between the judgement and the write.
    const closed = await sharedDossier();
    const [second] = (await t.call('POST', `${closed.path}/shares`, { providers: [ORG] }, t.people.supporter)).body.shares;
    const judgedOpen = await judgedReadable(second.id);
    expect((await t.call('PATCH', closed.path, { version: 1, status: 'closed' }, t.people.supporter)).status).toBe(200);
    await expect(t.stores.dossiers.answerShare(judgedOpen, { kind: 'no-fit', reason: 'Vol.' }, judgedOpen.share.version, provider())).rejects.toBeInstanceOf(ShareAccessChangedError);
    await expectUnmarked(closed.path, second.id);

    // One of two consents withdrawn meanwhile: the write is refused, but access still holds, so the inbox judges again and answers.
    const twice = await sharedDossier();
    expect((await t.call('POST', `${twice.path}/consents`, { providers: [ORG], method: 'spoken-noted', givenBy: 'client', givenOn: '2026-12-02' }, t.people.supporter)).status).toBe(201);
    const [third] = (await t.call('POST', `${twice.path}/shares`, { providers: [ORG] }, t.people.supporter)).body.shares;
    const judgedTwice = await judgedReadable(third.id);
    expect((await t.call('POST', `${twice.path}/consents/${twice.consentId}/withdraw`, { version: 1 }, t.people.supporter)).status).toBe(200);
    await expect(t.stores.dossiers.answerShare(judgedTwice, { kind: 'meet' }, judgedTwice.share.version, provider())).rejects.toBeInstanceOf(ShareAccessChangedError);
    const answered = await t.call('POST', `${inbox()}/${third.id}/answer`, { version: judgedTwice.share.version, response: { kind: 'meet' } }, t.people.editor);
    expect(answered.status).toBe(200);
    expect(answered.body.answered).toBe('meet');
  });

  it('is another provider\'s 403 on its inbox, and 404 for a share not sent to it', async () => {
    const { path } = await sharedDossier();
    const [share] = (await t.call('POST', `${path}/shares`, { providers: [ORG] }, t.people.supporter)).body.shares;
    expect((await t.call('GET', inbox(), undefined, t.people.otherEditor)).status).toBe(403);
    expect((await t.call('GET', `${inbox()}/${share.id}`, undefined, t.people.otherEditor)).status).toBe(403);
    expect((await t.call('GET', `${inbox(OTHER_ORG)}/${share.id}`, undefined, t.people.otherEditor)).status).toBe(404);
    expect((await t.call('GET', inbox(), undefined, t.people.supporter)).status).toBe(403);
    expect((await t.call('GET', inbox(), undefined, undefined)).status).toBe(401);
  });

  // Last in the file: the clock moves 90 days on, past every session, so editors sign in anew.
  it('ends 90 days after the share', async () => {
    const later = await sharedDossier();
    const [kept] = (await t.call('POST', `${later.path}/shares`, { providers: [ORG] }, t.people.supporter)).body.shares;
    clock.advance(89 * 24 * 3600_000);
    const editor = await t.signIn(`tweede-redactie@${ORG}.example`, [{ role: 'provider-editor', organizationId: ORG }], 'Tom Tweede');
    expect((await t.call('GET', `${inbox()}/${kept.id}`, undefined, editor)).status).toBe(200);
    clock.advance(24 * 3600_000);
    const next = await t.signIn(`derde-redactie@${ORG}.example`, [{ role: 'provider-editor', organizationId: ORG }], 'Dirk Derde');
    expect((await t.call('GET', `${inbox()}/${kept.id}`, undefined, next)).status).toBe(404);
    expect((await t.call('GET', inbox(), undefined, next)).body.shares.map((s: { id: string }) => s.id)).not.toContain(kept.id);
  });
});
