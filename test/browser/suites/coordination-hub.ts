// The coordinators' hub (/coordinatie/) as the demo coordinator uses it: signs in at the portal
// and finds the hub from the account panel, invites a new provider and a new support organisation
// (the invitation mails in the outbox; the support organisation first refused under the provider's
// code, at the code's box), sees the region's stale listings and sends an organisation a reminder
// (the button then says it was sent, and the organisation's staff have the mail), filters the
// audit trail to that admission by keyboard. Axe clean at 390 and 1280 px with nothing sideways at 390.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { codeIn } from '../../support/test-staff-app.ts';
import { mailCount, mailsTo } from '../outbox.ts';
import { axeViolations } from '../axe.ts';
import { BUILD_DATE, type SiteHarness } from '../harness.ts';
import { horizontalOverflow, screenshot } from '../page-checks.ts';

const COORDINATOR = 'coordinator@zuid-limburg.example';
/** The hub reads every organisation's listing of the region: on a loaded machine that takes seconds. */
const SLOW = { timeout: 30_000, interval: 250 };

async function checked(page: Page, name: string): Promise<void> {
  await page.evaluate(() => { document.querySelectorAll('details').forEach((details) => { details.open = true; }); });
  expect(await axeViolations(page), name).toEqual([]);
  if ((page.viewportSize()?.width ?? 0) <= 390) expect(await horizontalOverflow(page), `${name}: sideways scrolling`).toBe(0);
}

/** Signs the demo coordinator of Zuid-Limburg in at the portal (/beheer/) with the code from the outbox. */
export async function signInAsCoordinator(h: SiteHarness, page: Page): Promise<void> {
  await page.goto('/beheer/');
  await page.locator('[data-view="sign-in"]:not([hidden])').waitFor();
  const codes = await mailCount(h, COORDINATOR);
  await page.fill('#signin-email', COORDINATOR);
  await page.click('form[data-form="email"] button[type="submit"]');
  await page.locator('#signin-code').waitFor({ state: 'visible' });
  let code = '';
  await expect.poll(async () => {
    const mails = await mailsTo(h, COORDINATOR);
    code = mails.length > codes ? codeIn(mails.at(-1) ?? '') : '';
    return code;
  }, SLOW).not.toBe('');
  await page.fill('#signin-code', code);
  await page.click('form[data-form="code"] button[type="submit"]');
  await page.locator('[data-coordination-hub]').waitFor();
}

export function coordinationHubSuite(harness: () => SiteHarness): void {
  describe('the coordinators\' hub', () => {
    it('the demo coordinator invites a provider, reminds an organisation and filters the audit trail', async () => {
      const h = harness();
      const page = await h.newPage({ width: 1280 });
      page.setDefaultTimeout(15_000);
      await page.clock.setFixedTime(new Date(`${BUILD_DATE}T09:00:00Z`));

      // Signing in at the portal, as every member of staff does; the account panel leads to the hub.
      await signInAsCoordinator(h, page);
      await page.click('[data-coordination-hub]');
      await page.waitForURL('**/coordinatie/');
      await expect.poll(() => page.locator('[data-table="providers"] tbody tr').count(), SLOW).toBeGreaterThan(0);
      // The stale listings, or what went wrong in the page's words.
      await expect.poll(async () => (await page.locator('[data-alert]').textContent()) || String(await page.locator('[data-table="attention"] tbody tr').count()), SLOW).not.toBe('0');
      expect(await page.locator('[data-alert]').textContent()).toBe('');
      await checked(page, 'hub at 1280');

      // A new provider, admitted by inviting its first admin: the mail is in the outbox.
      const admin = 'directie@zorg-nieuw.example';
      await page.fill('#hub-admit-organization-name', 'Zorg Nieuw');
      await page.fill('#hub-admit-organization-id', 'zorg-nieuw');
      await page.fill('#hub-admit-admin-name', 'Dana Directie');
      await page.fill('#hub-admit-admin-email', admin);
      await page.click('form[data-form="admit"] button[type="submit"]');
      await expect.poll(() => page.locator('[data-status]').textContent(), SLOW).toContain('Zorg Nieuw is toegelaten');
      await expect.poll(() => mailCount(h, admin), SLOW).toBe(1);
      expect((await mailsTo(h, admin))[0]).toContain('Zorg Nieuw');
      await expect.poll(async () => (await page.locator('[data-table="providers"] tbody tr', { hasText: 'Zorg Nieuw' }).allTextContents()).join(), SLOW).toContain(admin);

      // A support organisation, admitted with the same form: first under the new provider's code,
      // refused at the code's box (one code, one organisation), then under its own.
      const supportAdmin = 'coordinatie@mee-nieuw.example';
      const codeBox = '#hub-admit-support-supportOrganization-id';
      await page.fill('#hub-admit-support-supportOrganization-name', 'MEE Nieuw');
      await page.fill(codeBox, 'zorg-nieuw');
      await page.fill('#hub-admit-support-admin-name', 'Mia Mee');
      await page.fill('#hub-admit-support-admin-email', supportAdmin);
      await page.click('form[data-form="admit-support"] button[type="submit"]');
      await expect.poll(() => page.locator(`${codeBox}-error`).textContent(), SLOW).toBe('Deze code is al in gebruik. Kies een andere.');
      expect(await page.locator(codeBox).getAttribute('aria-invalid')).toBe('true');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe(codeBox.slice(1));
      expect(await mailCount(h, supportAdmin)).toBe(0);
      await page.fill(codeBox, 'mee-nieuw');
      await page.click('form[data-form="admit-support"] button[type="submit"]');
      await expect.poll(() => page.locator('[data-status]').textContent(), SLOW).toContain('MEE Nieuw is toegelaten');
      await expect.poll(() => mailCount(h, supportAdmin), SLOW).toBe(1);
      expect((await mailsTo(h, supportAdmin))[0]).toContain('MEE Nieuw');
      expect(await page.locator(`${codeBox}-error`).isHidden()).toBe(true);
      await expect.poll(async () => (await page.locator('[data-table="support"] tbody tr', { hasText: 'MEE Nieuw' }).allTextContents()).join(), SLOW).toContain(supportAdmin);

      // The stale listings, and a reminder to the organisation of the oldest waiting list.
      const staleRow = page.locator('[data-table="attention"] tbody tr', { hasText: 'dagen niet bevestigd' }).first();
      const organization = (await staleRow.locator('td').first().textContent()) ?? '';
      expect(organization).not.toBe('');
      const button = page.locator('[data-reminders] button', { hasText: `Stuur ${organization} een herinnering` });
      const mailsBefore = (await h.mails()).length;
      await button.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('[data-status]').textContent(), SLOW).toContain(`De herinnering aan ${organization} is verstuurd`);
      const sent = page.locator('[data-reminders] button[disabled]', { hasText: 'Herinnering verstuurd op' });
      await expect.poll(() => sent.count(), SLOW).toBe(1);
      const reminders = (await h.mails()).slice(mailsBefore);
      expect(reminders.length).toBeGreaterThan(0);
      expect(reminders.every((mail) => mail.includes('dagen niet bevestigd') && mail.includes(organization))).toBe(true);

      // The audit trail, filtered to admissions by keyboard: the new provider, by the coordinator.
      await page.focus('#hub-audit-action');
      await page.selectOption('#hub-audit-action', 'admitted');
      await page.focus('form[data-form="audit"] button[type="submit"]');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('[data-table="audit"] tbody tr').allTextContents(), SLOW).toEqual([expect.stringContaining('Zorg Nieuw')]);
      expect(await page.locator('[data-table="audit"] tbody tr').textContent()).toContain('Toegelaten tot de regio');

      await page.setViewportSize({ width: 390, height: 844 });
      await checked(page, 'hub at 390');
      await screenshot(page, 'coordination-hub');
      await page.context().close();
    }, 180_000);
  });
}
