// The staff API's mails as the harness's outbox holds them, and the sign-in codes in them that a test types.
import { expect } from 'vitest';
import { codeIn } from '../support/test-staff-app.ts';
import type { SiteHarness } from './harness.ts';

/** Every mail to `email`, oldest first. */
export const mailsTo = async (h: SiteHarness, email: string): Promise<string[]> =>
  (await h.mails()).filter((mail) => mail.includes(`To: ${email}`));

/** How many mails went to `email`. */
export const mailCount = async (h: SiteHarness, email: string): Promise<number> => (await mailsTo(h, email)).length;

/** The code in the newest mail to `email`, once there are more than `before` mails to that address. */
export async function codeFor(h: SiteHarness, email: string, before = 0): Promise<string> {
  let mails: string[] = [];
  await expect.poll(async () => (mails = await mailsTo(h, email)).length).toBeGreaterThan(before);
  return codeIn(mails[mails.length - 1] ?? '');
}
