// The freshness run, for the scheduled Lambda (remind-lambda.ts) and `npm run remind`: reads each
// region's listing through the ListingReader, finds the reminders due (stale-waiting-lists.ts),
// and mails every editor and admin of the organisations concerned once, one mail per person
// listing all their stale housing forms. A reminder is recorded as sent only when every recipient
// of its organisation got their mail, so a failed mail is tried again by the next run and a
// successful one is not repeated. A dry run mails the same (the caller gives it the outbox) and
// records nothing. Logs carry counts only, never an address.
import type { Clock } from '../../shared/clock.ts';
import { freshnessReminderMail } from '../accounts/mail-texts.ts';
import { portalHome } from '../accounts/portal-links.ts';
import { errorSummary, log } from '../platform/log.ts';
import { sendMail, type Mailer } from '../platform/mail.ts';
import type { Account, AccountStore } from '../store/account-store.ts';
import type { ListingReader } from '../store/listing-reader.ts';
import type { RegionReader } from '../store/region-store.ts';
import type { ReminderStore } from '../store/reminder-store.ts';
import { remindersDue, staleWaitingLists, type StaleWaitingList } from './stale-waiting-lists.ts';

export interface RemindDeps {
  regions: Pick<RegionReader, 'listRegions'>;
  listings: Pick<ListingReader, 'loadRegion'>;
  accounts: Pick<AccountStore, 'listOrganizationMembers'>;
  reminders: ReminderStore;
  mailer: Mailer;
  clock: Clock;
  /** The site's origin, for the portal link. */
  siteUrl: string;
}

export interface RemindSummary {
  /** Every waiting list at or past a threshold, due or already reminded. */
  stale: StaleWaitingList[];
  /** Those a reminder was due for in this run. */
  due: StaleWaitingList[];
  /** Mails sent, and mails that failed (their reminders stay due). */
  mailsSent: number;
  mailsFailed: number;
  /** Reminders recorded as sent (none in a dry run). */
  recorded: number;
  /** Organisations with due reminders but nobody to mail: nothing recorded, so their first editor gets them. */
  organizationsWithoutStaff: string[];
}

export async function remind(deps: RemindDeps, options: { dryRun: boolean }): Promise<RemindSummary> {
  const now = deps.clock.now();
  const stale: StaleWaitingList[] = [];
  const due: StaleWaitingList[] = [];
  for (const region of await deps.regions.listRegions()) {
    const [contents, sent] = await Promise.all([deps.listings.loadRegion(region.id), deps.reminders.listSent(region.id)]);
    const regionStale = staleWaitingLists(contents.candidates, now);
    stale.push(...regionStale);
    due.push(...remindersDue(regionStale, sent));
  }

  // In a fixed order, for the terminal and the tests: by region, organisation, location, housing form.
  const order = (a: StaleWaitingList, b: StaleWaitingList) =>
    a.regionId.localeCompare(b.regionId) || a.organizationName.localeCompare(b.organizationName, 'nl') ||
    a.locationName.localeCompare(b.locationName, 'nl') || a.housingFormName.localeCompare(b.housingFormName, 'nl');
  stale.sort(order);
  due.sort(order);

  // Who gets what: each member of an organisation with due reminders, all their forms in one mail.
  const byOrganization = new Map<string, StaleWaitingList[]>();
  for (const d of due) byOrganization.set(d.organizationId, [...(byOrganization.get(d.organizationId) ?? []), d]);
  const recipients = new Map<string, { account: Account; forms: StaleWaitingList[] }>();
  const staffOf = new Map<string, string[]>();
  for (const [organizationId, forms] of byOrganization) {
    const members = await deps.accounts.listOrganizationMembers(organizationId);
    staffOf.set(organizationId, members.map((m) => m.account.id));
    for (const { account } of members) {
      const entry = recipients.get(account.id) ?? { account, forms: [] };
      entry.forms.push(...forms);
      recipients.set(account.id, entry);
    }
  }

  const failed = new Set<string>();
  const links = portalHome(deps.siteUrl);
  for (const { account, forms } of recipients.values()) {
    const ordered = [...forms].sort((a, b) => b.days - a.days || a.housingFormName.localeCompare(b.housingFormName, 'nl'));
    try {
      await sendMail(deps.mailer, freshnessReminderMail(account, ordered, links));
    } catch (error) {
      failed.add(account.id);
      // sendMail's error names the kind of failure only, never the address.
      log.error('freshness: a reminder mail failed', { error: errorSummary(error), housingForms: forms.length });
    }
  }

  const organizationsWithoutStaff = [...staffOf].filter(([, staff]) => staff.length === 0).map(([id]) => id);
  const delivered = due.filter((d) => {
    const staff = staffOf.get(d.organizationId) ?? [];
    return staff.length > 0 && staff.every((id) => !failed.has(id));
  });
  if (!options.dryRun) {
    await deps.reminders.recordSent(delivered.map((d) => ({
      regionId: d.regionId,
      locationId: d.locationId,
      housingFormId: d.housingFormId,
      thresholdDays: d.thresholdDays,
      confirmedAt: d.confirmedAt,
      sentAtMs: now.getTime(),
    })));
  }
  return {
    stale,
    due,
    mailsSent: recipients.size - failed.size,
    mailsFailed: failed.size,
    recorded: options.dryRun ? 0 : delivered.length,
    organizationsWithoutStaff,
  };
}
