// The dossiers' retention (issue 14 item 5): a dossier its supporter has not viewed, changed or
// shared for 11 months is announced to them by mail, once; at 12 months it is deleted the way a
// client's own request deletes it (every item of its partition, every provider's copy of a share
// with it), and the audit trail, which outlives the dossier, keeps a `deleted-by-retention` record.
// What counts as activity: functions/store/dossier-retention-store.ts (countsAsActivity).
// The supporter always gets a month: a warning sent late (the run did not run for a while) moves
// the deletion to 30 days after it. Run daily by `npm run remind` locally and, in AWS, by the staff
// function on its own schedule (the only function that may reach the dossier table). Logs carry
// counts only, never a dossier or an address.
import type { Clock } from '../../shared/clock.ts';
import { addMonths, dutchDate } from '../../shared/domain/index.ts';
import { retentionWarningMail, type RetentionWarningLine } from '../accounts/mail-texts.ts';
import { supporterPortalHome } from '../accounts/portal-links.ts';
import { errorSummary, log } from '../platform/log.ts';
import { sendMail, type Mailer } from '../platform/mail.ts';
import type { Account, AccountStore } from '../store/account-store.ts';
import type { DossierRetentionStore, DossierActivity } from '../store/dossier-retention-store.ts';
import type { DossierRightsStore } from '../store/dossier-rights-store.ts';
import type { Dossier, DossierStore } from '../store/dossier-store.ts';

export const RETENTION_WARNING_MONTHS = 11;
export const RETENTION_MONTHS = 12;
/** The least time between the warning and the deletion. */
export const MIN_NOTICE_DAYS = 30;
/** Who the audit trail names for what the retention run does. */
export const RETENTION_ACTOR = { accountId: 'retention', name: 'Bewaartermijn (automatisch)' } as const;

export interface RetentionDeps {
  dossierRetention: DossierRetentionStore;
  dossiers: Pick<DossierStore, 'getDossier'>;
  dossierRights: Pick<DossierRightsStore, 'deleteDossier'>;
  accounts: Pick<AccountStore, 'getAccount' | 'listSupportOrganizationMembers'>;
  mailer: Mailer;
  clock: Clock;
  siteUrl: string;
}

export interface RetentionSummary {
  /** Dossiers announced in this run (in a dry run: that would be). */
  warned: number;
  /** Dossiers deleted in this run (in a dry run: that would be). */
  deleted: number;
  mailsSent: number;
  /** Failed mails leave their dossiers unwarned, so the next run tries again (and no deletion follows before it). */
  mailsFailed: number;
  /** Warned without a mail: neither the supporter nor an admin of the organisation is there. The deletion still follows. */
  withoutRecipient: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const addDays = (isoDate: string, days: number) => new Date(Date.parse(`${isoDate}T12:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const later = (a: string, b: string) => (a > b ? a : b);

/** The day (Dutch time, YYYY-MM-DD) the dossier is deleted: 12 months after its last activity, and at least a month after its warning. */
export function deletionDay(activity: DossierActivity, warnedOn?: string): string {
  const due = addMonths(dutchDate(new Date(activity.lastActivityAt)), RETENTION_MONTHS);
  const warned = warnedOn ?? (activity.warnedAt ? dutchDate(new Date(activity.warnedAt)) : undefined);
  return warned ? later(due, addDays(warned, MIN_NOTICE_DAYS)) : due;
}

/** The day the warning is due: 11 months after the last activity. */
export const warningDay = (activity: DossierActivity) => addMonths(dutchDate(new Date(activity.lastActivityAt)), RETENTION_WARNING_MONTHS);

interface Warned {
  activity: DossierActivity;
  dossier: Dossier;
}

/** The supporter the dossier is assigned to while still in its organisation; else the organisation's admins. */
async function recipientsOf(deps: RetentionDeps, dossier: Dossier): Promise<Account[]> {
  const assigned = await deps.accounts.getAccount(dossier.assignedTo.accountId);
  const stillThere = assigned?.memberships.some((m) => 'supportOrganizationId' in m && m.supportOrganizationId === dossier.supportOrganizationId);
  if (assigned && stillThere) return [assigned.account];
  const members = await deps.accounts.listSupportOrganizationMembers(dossier.supportOrganizationId);
  return members.filter((m) => m.roles.includes('supporter-admin')).map((m) => m.account);
}

export async function applyRetention(deps: RetentionDeps, options: { dryRun: boolean }): Promise<RetentionSummary> {
  const now = deps.clock.now();
  const today = dutchDate(now);
  const ctx = { by: RETENTION_ACTOR, now };
  // 330 days is less than any 11 calendar months: the index read is a superset, the days decide.
  const candidates = await deps.dossierRetention.untouchedSince(new Date(now.getTime() - 330 * DAY_MS));
  const summary: RetentionSummary = { warned: 0, deleted: 0, mailsSent: 0, mailsFailed: 0, withoutRecipient: 0 };
  const toWarn: Warned[] = [];

  for (const listed of candidates) {
    if (warningDay(listed) > today) continue;
    const { supportOrganizationId, dossierId } = listed;
    // The index lags: the item itself says whether the dossier was touched a moment ago.
    const activity = await deps.dossierRetention.getActivity(supportOrganizationId, dossierId);
    if (!activity || warningDay(activity) > today) continue;
    const dossier = await deps.dossiers.getDossier(supportOrganizationId, dossierId);
    if (!dossier) {
      if (!options.dryRun) await deps.dossierRetention.forgetActivity(activity);
      continue;
    }
    if (activity.warnedAt !== undefined) {
      if (deletionDay(activity) > today) continue;
      summary.deleted += 1;
      if (!options.dryRun) await deps.dossierRights.deleteDossier(supportOrganizationId, dossierId, ctx, 'retention');
      continue;
    }
    toWarn.push({ activity, dossier });
  }

  // Each to the supporter it is assigned to; when they left the organisation, to its admins.
  const byRecipient = new Map<string, { account: Account; dossiers: Warned[] }>();
  const unmailed: Warned[] = [];
  for (const warned of toWarn) {
    const recipients = await recipientsOf(deps, warned.dossier);
    if (recipients.length === 0) unmailed.push(warned);
    for (const account of recipients) {
      const entry = byRecipient.get(account.id) ?? { account, dossiers: [] };
      entry.dossiers.push(warned);
      byRecipient.set(account.id, entry);
    }
  }
  const failed = new Set<Warned>();
  const links = supporterPortalHome(deps.siteUrl);
  for (const { account, dossiers } of byRecipient.values()) {
    const lines: RetentionWarningLine[] = dossiers.map(({ activity, dossier }) => ({
      dossierId: dossier.id, createdOn: dutchDate(new Date(dossier.createdAt)), deleteOn: deletionDay(activity, today),
    }));
    try {
      await sendMail(deps.mailer, retentionWarningMail(account, lines, links));
      summary.mailsSent += 1;
    } catch (error) {
      summary.mailsFailed += 1;
      for (const d of dossiers) failed.add(d);
      log.error('retention: a warning mail failed', { error: errorSummary(error), dossiers: dossiers.length });
    }
  }
  summary.withoutRecipient = unmailed.length;
  for (const warned of toWarn.filter((w) => !failed.has(w))) {
    // Not marked when the supporter opened the dossier meanwhile: then it is kept anyway.
    if (options.dryRun || (await deps.dossierRetention.markWarned(warned.activity, ctx))) summary.warned += 1;
  }
  return summary;
}

/** What `npm run remind` prints of the retention run: counts only. */
export function retentionReport(summary: RetentionSummary, options: { dryRun: boolean }): string {
  const verb = options.dryRun ? 'would be' : 'were';
  const lines = [
    `Dossier retention: ${summary.warned} dossier(s) ${verb} warned (${summary.mailsSent} mail(s)), ${summary.deleted} ${verb} deleted after 12 months untouched.`,
  ];
  if (summary.withoutRecipient > 0) lines.push(`  ${summary.withoutRecipient} dossier(s) warned without a mail: nobody of their organisation to mail.`);
  if (summary.mailsFailed > 0) lines.push(`  ${summary.mailsFailed} warning mail(s) failed: those dossiers stay unwarned (and undeleted) until a run mails them.`);
  return `${lines.join('\n')}\n`;
}
