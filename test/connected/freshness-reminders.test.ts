// The freshness reminders over DynamoDB Local with a clock the test moves: a waiting list not
// confirmed for 27 days gets no mail, at 28 days every editor and admin of its organisation gets
// one (one mail per person, listing all their stale housing forms), a second run that day sends
// nothing, at 45 days another, and a new confirmation starts the count anew. A dry run writes the
// mails and records nothing; a failed mail is tried again by the next run.
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { remind } from '../../functions/freshness/remind.ts';
import { remindReport } from '../../functions/freshness/remind-report.ts';
import { parseRemindArgs } from '../../scripts/remind.ts';
import { importListing } from '../../functions/listings/import-listing.ts';
import { OutboxMailer, type Mail, type Mailer } from '../../functions/platform/mail.ts';
import type { Membership } from '../../functions/store/account-store.ts';
import type { Stores } from '../../functions/store/create-store.ts';
import type { ListingDocumentInput } from '../../shared/domain/index.ts';
import { housingForm, listingDocument, location } from '../fixtures/listing.ts';
import { testRegions } from '../fixtures/regions.ts';
import { captureOutput } from '../support/output-capture.ts';
import { movableClock } from '../support/test-staff-app.ts';
import { createTestStore } from '../support/test-store.ts';

const DAY = 24 * 60 * 60_000;
const SITE = 'https://woonwijzer.example';
/** The stale form's waiting list was confirmed on 1 November; a date alone counts from midday. */
const CONFIRMED = '2026-11-01';
const at = (days: number) => `${new Date(Date.parse(`${CONFIRMED}T12:00:00Z`) + days * DAY).toISOString()}`;

let stores: Stores;
let clock: ReturnType<typeof movableClock>;
let outbox: string;
/** One outbox for the whole test, so its files sort in sending order across runs. */
let outboxMailer: Mailer;

function zorggroep(updatedAt = CONFIRMED): ListingDocumentInput {
  return listingDocument({
    locations: [
      location({ housingForms: [housingForm({ waitingList: { status: 'short', weeks: 6, updatedAt } })] }),
      location({
        id: 'het-anker', name: 'Het Anker', address: { street: 'Markt', houseNumber: '3', postcode: '6211 CL', city: 'Maastricht' },
        // Confirmed recently: never stale in these tests.
        housingForms: [housingForm({ id: 'zorgappartementen', name: 'Zorgappartementen Het Anker', waitingList: { status: 'available', updatedAt: '2026-12-20' } })],
      }),
    ],
  });
}

const maaszorg = (updatedAt = CONFIRMED): ListingDocumentInput => listingDocument({
  organization: { id: 'maaszorg-rotterdam', name: 'Maaszorg Rotterdam', regionIds: ['rotterdam'] },
  locations: [location({
    id: 'maaskade', name: 'Maaskade', address: { street: 'Boompjes', houseNumber: '1', postcode: '3011 XB', city: 'Rotterdam' },
    housingForms: [housingForm({
      id: 'groepswonen', name: 'Groepswonen Maaskade', sectors: ['VG'], careProfiles: ['4VG'], targetGroups: ['intellectual-disability'],
      waitingList: { status: 'long', weeks: 40, updatedAt },
    })],
  })],
});

async function importAt(iso: string, doc: ListingDocumentInput) {
  const importClock = movableClock(iso);
  expect((await importListing(doc, { ...stores, clock: importClock })).ok).toBe(true);
}

async function account(email: string, name: string, memberships: Membership[]) {
  await stores.accounts.createAccount({ id: randomUUID(), email, name, createdAt: '2026-10-01T00:00:00.000Z' }, memberships);
}

beforeEach(async () => {
  ({ stores } = await createTestStore());
  for (const region of testRegions) await stores.regions.putRegion(region);
  clock = movableClock(at(0));
  outbox = await mkdtemp(join(tmpdir(), 'woonwijzer-reminders-'));
  outboxMailer = new OutboxMailer(outbox, 'Woonwijzer <noreply@woonwijzer.example>', () => {}, () => clock.now());
  await importAt('2026-12-21T12:00:00Z', zorggroep());
  await importAt('2026-12-21T12:00:00Z', maaszorg());
  await account('anna@zorggroep-test.example', 'Anna Admin', [{ role: 'provider-admin', organizationId: 'zorggroep-test' }]);
  // Bram edits for both organisations: one mail lists his stale forms of both.
  await account('bram@example.nl', 'Bram Bakker', [
    { role: 'provider-editor', organizationId: 'zorggroep-test' },
    { role: 'provider-editor', organizationId: 'maaszorg-rotterdam' },
  ]);
  // A coordinator is no provider staff: never reminded.
  await account('coordinator@zuid-limburg.example', 'Carla', [{ role: 'coordinator', regionId: 'zuid-limburg' }]);
});

const run = (options: { dryRun?: boolean; mailer?: Mailer } = {}) =>
  remind({ ...stores, mailer: options.mailer ?? outboxMailer, clock, siteUrl: SITE }, { dryRun: options.dryRun ?? false });

async function mails() {
  const names = (await readdir(outbox)).sort();
  return Promise.all(names.map((n) => readFile(join(outbox, n), 'utf8')));
}
const recipientsOf = (all: string[]) => all.map((m) => /^To: (.+)$/m.exec(m)?.[1]).sort();

describe('freshness reminders', () => {
  it('27 days: no mail; 28: one per person; again that day: none; 45: another; 46: none', async () => {
    clock = movableClock(at(27));
    expect(await run()).toMatchObject({ due: [], mailsSent: 0, recorded: 0 });
    expect(await mails()).toHaveLength(0);

    clock = movableClock(at(28));
    const first = await run();
    expect(first).toMatchObject({ mailsSent: 2, mailsFailed: 0, recorded: 2, organizationsWithoutStaff: [] });
    expect(first.due.map((d) => [d.housingFormId, d.days, d.thresholdDays])).toEqual([['groepswonen', 28, 28], ['kleinschalig-wonen', 28, 28]]);
    const sent = await mails();
    expect(recipientsOf(sent)).toEqual(['anna@zorggroep-test.example', 'bram@example.nl']);

    const anna = sent.find((m) => m.includes('To: anna@')) as string;
    expect(anna).toContain('Subject: Klopt de wachtlijst nog? / Is the waiting list still right?');
    expect(anna).toContain('Beste Anna Admin,');
    expect(anna).toContain('De wachtlijst van deze woonvorm is al een tijd niet bevestigd:');
    expect(anna).toContain('  - Kleinschalig wonen De Linde, De Linde (Maastricht), Zorggroep Test: 28 dagen geleden');
    expect(anna).toContain(`    ${SITE}/beheer/`);
    expect(anna).toContain(`    ${SITE}/en/manage/`);
    expect(anna).not.toContain('Groepswonen Maaskade');
    expect(anna).not.toContain('Zorgappartementen');
    const bram = sent.find((m) => m.includes('To: bram@')) as string;
    expect(bram).toContain('Subject: Kloppen 2 wachtlijsten nog? / Are 2 waiting lists still right?');
    expect(bram).toContain('De wachtlijsten van deze 2 woonvormen zijn al een tijd niet bevestigd:');
    expect(bram).toContain('Groepswonen Maaskade, Maaskade (Rotterdam), Maaszorg Rotterdam: 28 dagen geleden');
    expect(bram).toContain('Kleinschalig wonen De Linde, De Linde (Maastricht), Zorggroep Test: 28 days ago');

    expect(await run()).toMatchObject({ due: [], mailsSent: 0 });
    clock = movableClock(at(44));
    expect(await run()).toMatchObject({ due: [], mailsSent: 0 });
    expect(await mails()).toHaveLength(2);

    clock = movableClock(at(45));
    const second = await run();
    expect(second.due.map((d) => d.thresholdDays)).toEqual([45, 45]);
    expect(second.mailsSent).toBe(2);
    expect((await mails()).filter((m) => m.includes('45 dagen geleden'))).toHaveLength(2);
    clock = movableClock(at(46));
    expect((await run()).mailsSent).toBe(0);
    expect(await mails()).toHaveLength(4);
  });

  it('a confirmation starts the count anew', async () => {
    clock = movableClock(at(28));
    expect((await run()).mailsSent).toBe(2);
    // Zorggroep confirms its waiting list on day 30; Maaszorg does not.
    await importAt('2026-12-21T12:00:00Z', zorggroep(at(30).slice(0, 10)));
    clock = movableClock(at(45));
    const afterConfirmation = await run();
    expect(afterConfirmation.due.map((d) => d.housingFormId)).toEqual(['groepswonen']);
    expect(recipientsOf((await mails()).slice(2))).toEqual(['bram@example.nl']);
    // 27 days after the confirmation: nothing for it; 28 days after: a new first reminder.
    clock = movableClock(at(30 + 27));
    expect((await run()).due).toEqual([]);
    clock = movableClock(at(30 + 28));
    const anew = await run();
    expect(anew.due.map((d) => [d.housingFormId, d.days, d.thresholdDays])).toEqual([['kleinschalig-wonen', 28, 28]]);
    expect(recipientsOf((await mails()).slice(3))).toEqual(['anna@zorggroep-test.example', 'bram@example.nl']);
  });

  it('a first run past 45 days sends the 45-day reminder alone', async () => {
    clock = movableClock(at(50));
    const summary = await run();
    expect(summary.due.map((d) => d.thresholdDays)).toEqual([45, 45]);
    expect(await mails()).toHaveLength(2);
    expect((await run()).mailsSent).toBe(0);
  });

  it('a dry run lists the stale waiting lists and writes the mails, and records nothing', async () => {
    clock = movableClock(at(28));
    const dry = await run({ dryRun: true });
    expect(dry).toMatchObject({ mailsSent: 2, recorded: 0 });
    expect(dry.stale.map((s) => s.housingFormId)).toEqual(['groepswonen', 'kleinschalig-wonen']);
    expect(await stores.reminders.listSent('zuid-limburg')).toEqual([]);
    expect(await stores.reminders.listSent('rotterdam')).toEqual([]);
    expect(await mails()).toHaveLength(2);
    // The real run still sends, since the dry run recorded nothing; then it is done.
    expect((await run()).mailsSent).toBe(2);
    expect((await run()).mailsSent).toBe(0);
    // A dry run after that lists the same stale waiting lists, with nothing due.
    const later = await run({ dryRun: true });
    expect(later.stale).toHaveLength(2);
    expect(later.due).toEqual([]);
  });

  it('a failed mail leaves its organisation\'s reminders due, so the next run tries again', async () => {
    const outboxed = outboxMailer;
    const failingForBram: Mailer = {
      send: async (mail: Mail) => {
        if (mail.to === 'bram@example.nl') throw new Error(`Message rejected: ${mail.to}`);
        await outboxed.send(mail);
      },
    };
    clock = movableClock(at(28));
    const output = captureOutput();
    const summary = await run({ mailer: failingForBram }).finally(() => output.restore());
    expect(summary).toMatchObject({ mailsSent: 1, mailsFailed: 1, recorded: 0 });
    // The failure is logged by name and count: not the address its message quoted.
    expect(output.jsonLines()).toContainEqual(expect.objectContaining({ message: 'freshness: a reminder mail failed', housingForms: 2 }));
    expect(output.text()).not.toContain('bram@');
    const retry = await run();
    expect(retry).toMatchObject({ mailsSent: 2, recorded: 2 });
    expect((await run()).mailsSent).toBe(0);
  });

  it('an organisation without staff gets nothing recorded, so its first editor is reminded', async () => {
    await importAt('2026-12-21T12:00:00Z', listingDocument({
      organization: { id: 'zonder-personeel', name: 'Zonder Personeel', regionIds: ['zuid-limburg'] },
      locations: [location({ id: 'de-eik', name: 'De Eik', housingForms: [housingForm({ id: 'wonen', name: 'Wonen De Eik', waitingList: { status: 'closed', updatedAt: CONFIRMED } })] })],
    }));
    clock = movableClock(at(28));
    const summary = await run();
    expect(summary.organizationsWithoutStaff).toEqual(['zonder-personeel']);
    expect(summary.recorded).toBe(2);
    await account('nina@zonder-personeel.example', 'Nina', [{ role: 'provider-editor', organizationId: 'zonder-personeel' }]);
    const next = await run();
    expect(next.due.map((d) => d.organizationId)).toEqual(['zonder-personeel']);
    expect(recipientsOf((await mails()).slice(2))).toEqual(['nina@zonder-personeel.example']);
  });
});

describe('npm run remind', () => {
  it('takes --dry-run and nothing else', () => {
    expect(parseRemindArgs(['--', '--dry-run'])).toEqual({ ok: true, dryRun: true });
    expect(parseRemindArgs([])).toEqual({ ok: true, dryRun: false });
    expect(parseRemindArgs(['--dryrun'])).toMatchObject({ ok: false, message: expect.stringContaining('dryrun') as string });
  });

  it('lists the stale waiting lists in the terminal, due or reminded before, and what the run did', async () => {
    clock = movableClock(at(28));
    await remind({ ...stores, mailer: outboxMailer, clock, siteUrl: SITE }, { dryRun: false });
    await importAt('2026-12-21T12:00:00Z', maaszorg(at(20).slice(0, 10)));
    clock = movableClock(at(45));
    const dry = await run({ dryRun: true });
    expect(remindReport(dry, { dryRun: true, outbox: '/tmp/outbox' })).toBe([
      '1 stale waiting list(s):',
      '  zuid-limburg   Zorggroep Test / De Linde / Kleinschalig wonen De Linde: 45 days (confirmed 2026-11-01); 45-day reminder due',
      'Dry run: 2 reminder mail(s) written to /tmp/outbox; nothing recorded as sent.',
      '',
    ].join('\n'));
    const real = await run();
    expect(remindReport(await run({ dryRun: true }), { dryRun: true, outbox: '/tmp/outbox' })).toContain('45-day reminder sent before');
    expect(remindReport(real, { dryRun: false, outbox: '/tmp/outbox' })).toContain('2 reminder mail(s) written to /tmp/outbox; 1 reminder(s) recorded as sent.');
  });
});
