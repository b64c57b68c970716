// What `npm run remind` prints: the stale waiting lists (each marked due or already reminded) and
// what the run did. Names and counts only; the addresses mailed are in the outbox files.
import type { RemindSummary } from './remind.ts';

export function remindReport(summary: RemindSummary, options: { dryRun: boolean; outbox: string }): string {
  const due = new Set(summary.due.map((d) => `${d.locationId}/${d.housingFormId}`));
  const lines: string[] = [];
  if (summary.stale.length === 0) {
    lines.push('No waiting list is 28 days or more past its last confirmation.');
  } else {
    lines.push(`${summary.stale.length} stale waiting list(s):`);
    for (const s of summary.stale) {
      const state = due.has(`${s.locationId}/${s.housingFormId}`) ? `${s.thresholdDays}-day reminder due` : `${s.thresholdDays}-day reminder sent before`;
      lines.push(`  ${s.regionId.padEnd(14)} ${s.organizationName} / ${s.locationName} / ${s.housingFormName}: ${s.days} days (confirmed ${s.confirmedAt}); ${state}`);
    }
  }
  for (const id of summary.organizationsWithoutStaff) lines.push(`  No editor or admin to remind at organisation "${id}": invite one (nothing recorded for it).`);
  const sent = `${summary.mailsSent} reminder mail(s) written to ${options.outbox}`;
  lines.push(options.dryRun ? `Dry run: ${sent}; nothing recorded as sent.` : `${sent}; ${summary.recorded} reminder(s) recorded as sent.`);
  if (summary.mailsFailed > 0) lines.push(`${summary.mailsFailed} mail(s) failed: their reminders stay due for the next run.`);
  return `${lines.join('\n')}\n`;
}
