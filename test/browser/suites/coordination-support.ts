// The region's support organisations as the demo coordinator keeps them (/coordinatie/ondersteuning/):
// found from the hub, a time that closes before it opens is refused at its field, new opening hours
// are saved and the public region API then serves them; a save someone else beat keeps what was
// typed, shows the list as it is now and can still be saved. Axe clean at 1280 and 390 px with
// nothing sideways at 390.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from '../axe.ts';
import { BUILD_DATE, type SiteHarness } from '../harness.ts';
import { horizontalOverflow, screenshot } from '../page-checks.ts';
import { signInAsCoordinator } from './coordination-hub.ts';

const SLOW = { timeout: 30_000, interval: 250 };

interface PublicSupport { days: string[]; opens: string; closes: string }
async function publicPeriods(h: SiteHarness): Promise<PublicSupport[]> {
  const response = await fetch(`${h.baseUrl}/api/regions/zuid-limburg`);
  const body = (await response.json()) as { region: { supportOrganizations: Array<{ openingHours?: { periods: PublicSupport[] } }> } };
  return body.region.supportOrganizations[0]?.openingHours?.periods ?? [];
}

async function checked(page: Page, name: string): Promise<void> {
  expect(await axeViolations(page), name).toEqual([]);
  if ((page.viewportSize()?.width ?? 0) <= 390) expect(await horizontalOverflow(page), `${name}: sideways scrolling`).toBe(0);
}

export function coordinationSupportSuite(harness: () => SiteHarness): void {
  describe('the region\'s support organisations', () => {
    it('the demo coordinator changes an organisation\'s opening hours, and the public API has them', async () => {
      const h = harness();
      const page = await h.newPage({ width: 1280 });
      page.setDefaultTimeout(15_000);
      await page.clock.setFixedTime(new Date(`${BUILD_DATE}T09:00:00Z`));
      await signInAsCoordinator(h, page);
      await page.click('[data-coordination-hub]');
      await page.waitForURL('**/coordinatie/');
      await page.click('a:has-text("Cliëntondersteuners van de regio")');
      await page.waitForURL('**/coordinatie/ondersteuning/');
      await expect.poll(() => page.locator('[data-organization]').count(), SLOW).toBeGreaterThan(0);
      expect(await page.locator('[data-alert]').textContent()).toBe('');
      await checked(page, 'support list at 1280');

      // New times for the first organisation, first with the closing time before the opening time.
      const before = (await publicPeriods(h)).length;
      const first = page.locator('[data-organization="0"]');
      await first.locator('[data-add-period]').click();
      const at = `organizations.0.openingHours.periods.${before}`;
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name') ?? '')).toBe(`${at}.days`);
      await page.keyboard.press('Space');
      await first.locator(`input[name="${at}.days"][value="sat"]`).check();
      await page.fill(`input[name="${at}.opens"]`, '12:00');
      await page.fill(`input[name="${at}.closes"]`, '10:00');
      await page.click('form[data-form="support"] button[type="submit"]');
      const closesError = page.locator(`[data-path="${at}.closes"] [data-error]`);
      await expect.poll(() => closesError.textContent(), SLOW).toContain('closing time');
      expect(await page.getAttribute(`input[name="${at}.closes"]`, 'aria-invalid')).toBe('true');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe(`${at}.closes`);
      expect(await publicPeriods(h)).toHaveLength(before);

      await page.fill(`input[name="${at}.opens"]`, '10:00');
      await page.fill(`input[name="${at}.closes"]`, '12:30');
      await page.click('form[data-form="support"] button[type="submit"]');
      await expect.poll(() => page.locator('[data-status]').textContent(), SLOW).toContain('De lijst is opgeslagen');
      expect(await closesError.isHidden()).toBe(true);
      expect((await publicPeriods(h)).at(-1)).toEqual({ days: ['mon', 'sat'], opens: '10:00', closes: '12:30' });

      // Someone else saves meanwhile (here: the same account in another tab, by the API).
      const saved = await page.evaluate(async () => {
        const path = '/api/coordinator/regions/zuid-limburg/support-list';
        const list = (await (await fetch(path)).json()) as { organizations: Array<{ name: string }>; version: number };
        list.organizations[0]!.name = `${list.organizations[0]!.name} (Maastricht)`;
        const response = await fetch(path, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ organizations: list.organizations, version: list.version }) });
        return { status: response.status, name: list.organizations[0]!.name };
      });
      expect(saved.status).toBe(200);
      await page.fill('input[name="organizations.0.phone"]', '043 999 88 77');
      await page.click('form[data-form="support"] button[type="submit"]');
      const conflict = page.locator('[data-conflict]');
      await conflict.waitFor({ state: 'visible' });
      expect(await conflict.textContent()).toContain('Iemand anders heeft de lijst opgeslagen');
      // The status line no longer says the earlier save's "saved" beside the conflict.
      expect(await page.locator('[data-status]').textContent()).not.toContain('De lijst is opgeslagen');
      expect(await page.inputValue('input[name="organizations.0.phone"]')).toBe('043 999 88 77');
      await page.click('[data-action="show-current"]');
      expect(await page.locator('[data-current-list]').textContent()).toContain(saved.name);
      await checked(page, 'conflict at 1280');
      await page.click('[data-action="save-mine"]');
      await expect.poll(() => page.locator('[data-status]').textContent(), SLOW).toContain('De lijst is opgeslagen');
      expect(await conflict.isHidden()).toBe(true);
      const published = (await (await fetch(`${h.baseUrl}/api/regions/zuid-limburg`)).json()) as { region: { supportOrganizations: Array<{ phone?: string }> } };
      expect(published.region.supportOrganizations[0]?.phone).toBe('043 999 88 77');

      await page.setViewportSize({ width: 390, height: 844 });
      await checked(page, 'support list at 390');
      await screenshot(page, 'coordination-support');
      await page.context().close();
    }, 180_000);
  });
}
