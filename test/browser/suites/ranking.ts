// The page that explains the order (docs/domain.md: ranking is never for sale and is explained on a
// page of its own): reachable from every page's footer and from the results, its numbers are the
// matcher's own, readable without JavaScript, axe-clean in both languages and fine at 320 px.
import { describe, expect, it } from 'vitest';
import { WAITING_LIST_STALE_AFTER_DAYS } from '../../../shared/domain/waiting-list-age.ts';
import { CRITERION_WEIGHTS, DEFAULT_DISTANCE_SCALE_KM, DISTANCE_WEIGHT, WAITING_LIST_WEIGHT } from '../../../shared/matching/score.ts';
import { axeViolations } from '../axe.ts';
import type { SiteHarness } from '../harness.ts';
import { horizontalOverflow, screenshot } from '../page-checks.ts';

export function rankingSuite(harness: () => SiteHarness): void {
  describe('the page that explains the order', () => {
    it('is linked from every page and says the matcher\'s own numbers in words (nl)', async () => {
      const page = await harness().newPage({ width: 390 });
      await page.goto('/regio/zuid-limburg/');
      await Promise.all([page.waitForURL('**/zo-werkt-de-volgorde/'), page.locator('footer').getByRole('link', { name: 'Zo bepalen wij de volgorde' }).click()]);
      await page.getByRole('heading', { level: 1, name: 'Zo bepalen wij de volgorde' }).waitFor();
      const text = await page.locator('main').innerText();
      expect(text).toContain('Aanbieders kunnen niet betalen om hoger te staan.');
      expect(text).toContain('Bijna passend');
      expect(text).toContain('vraag de aanbieder');
      const table = page.getByRole('table', { name: 'Zoveel punten krijgt een plek' });
      const rows = await table.locator('tbody tr').allInnerTexts();
      expect(rows).toHaveLength(5);
      expect(rows[0]).toMatch(new RegExp(`Iets wat moet, en het past\\s+${CRITERION_WEIGHTS.must}$`));
      expect(rows[1]).toMatch(new RegExp(`Iets wat belangrijk is, en het past\\s+${CRITERION_WEIGHTS.important}$`));
      expect(rows[2]).toMatch(new RegExp(`leuk is als het kan, en het past\\s+${CRITERION_WEIGHTS.nice}$`));
      expect(rows[3]).toContain(`Op ${DEFAULT_DISTANCE_SCALE_KM} km of verder: 0`);
      expect(rows[3]).toMatch(new RegExp(`tot ${DISTANCE_WEIGHT}$`));
      // Dutch numbers: 1,5 for a short wait.
      expect(rows[4]).toContain(`plaats vrij ${WAITING_LIST_WEIGHT}, korte wachttijd 1,5, lange wachttijd 0,5, wachtlijst gesloten 0`);
      // A waiting list not confirmed for 30 days counts as unknown: the points of a long wait, and why.
      expect(rows[4]).toMatch(new RegExp(`langer dan ${WAITING_LIST_STALE_AFTER_DAYS} dagen niet bevestigd 0,5$`));
      const stale = await page.locator('[data-ranking-stale]').innerText();
      expect(stale).toContain('telt als onbekend');
      expect(stale).toContain('evenveel punten als een lange wachttijd: 0,5');
      expect(stale).toContain('Zo komt een oude ‘plaats vrij’ niet bovenaan.');
      expect(await horizontalOverflow(page)).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'ranking-nl');
    });

    it('is linked from the results, in English too, and needs no JavaScript', async () => {
      const h = harness();
      const page = await h.newPage({ width: 1280 });
      await page.goto('/en/region/zuid-limburg/results/');
      expect(await page.getByRole('link', { name: 'How we decide the order' }).first().getAttribute('href')).toBe('/en/how-we-rank/');
      await page.goto('/en/how-we-rank/');
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('How we decide the order');
      expect(await page.locator('main').innerText()).toContain('place available 2, short wait 1.5, long wait 0.5, waiting list closed 0, not confirmed for more than 30 days 0.5');
      expect(await page.locator('[data-ranking-stale]').innerText()).toContain('as many points as a long wait: 0.5');
      expect(await page.locator('link[hreflang="nl"]').getAttribute('href')).toMatch(/\/zo-werkt-de-volgorde\/$/);
      expect(await axeViolations(page)).toEqual([]);
      const context = await h.browser.newContext({ javaScriptEnabled: false, baseURL: h.baseUrl });
      try {
        const noJs = await context.newPage();
        await noJs.goto('/zo-werkt-de-volgorde/');
        expect(await noJs.getByRole('table').locator('tbody tr').count()).toBe(5);
      } finally {
        await context.close();
      }
    });
  });
}
