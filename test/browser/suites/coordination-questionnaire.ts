// The region's questionnaire versions as the demo coordinator keeps them (/coordinatie/vragenlijst/):
// found from the hub, a draft is made with the keyboard, an emptied question is refused at its field,
// the changed text is saved, shows in the resident's preview, and after the confirm step is
// published; the public questionnaire API then serves the new text under a higher version. Axe
// clean at 1280 and 390 px with nothing sideways at 390.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from '../axe.ts';
import { BUILD_DATE, type SiteHarness } from '../harness.ts';
import { horizontalOverflow, screenshot } from '../page-checks.ts';
import { signInAsCoordinator } from './coordination-hub.ts';

const SLOW = { timeout: 30_000, interval: 250 };
const FIRST_TEXT = 'questionnaire.themes.0.questions.0.text.nl';

interface PublicQuestionnaire { version: number; themes: Array<{ questions: Array<{ text: { nl: string } }> }> }
async function publicQuestionnaire(h: SiteHarness): Promise<PublicQuestionnaire> {
  const response = await fetch(`${h.baseUrl}/api/regions/zuid-limburg/questionnaire`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { questionnaire: PublicQuestionnaire }).questionnaire;
}

async function checked(page: Page, name: string): Promise<void> {
  expect(await axeViolations(page), name).toEqual([]);
  if ((page.viewportSize()?.width ?? 0) <= 390) expect(await horizontalOverflow(page), `${name}: sideways scrolling`).toBe(0);
}

export function coordinationQuestionnaireSuite(harness: () => SiteHarness): void {
  describe('the region\'s questionnaire versions', () => {
    it('the demo coordinator changes the first question in a draft, previews it and publishes it as the next version', async () => {
      const h = harness();
      const page = await h.newPage({ width: 1280 });
      page.setDefaultTimeout(15_000);
      await page.clock.setFixedTime(new Date(`${BUILD_DATE}T09:00:00Z`));
      await signInAsCoordinator(h, page);
      await page.click('[data-coordination-hub]');
      await page.waitForURL('**/coordinatie/');
      await page.click('a:has-text("Vragenlijst van de regio")');
      await page.waitForURL('**/coordinatie/vragenlijst/');
      const before = await publicQuestionnaire(h);
      await expect.poll(() => page.locator(`[data-version="${before.version}"]`).count(), SLOW).toBe(1);
      expect(await page.locator('[data-draft-state]').textContent()).toBe('Er is nu geen concept.');
      expect(await page.locator('[data-alert]').textContent()).toBe('');
      await checked(page, 'versions without a draft at 1280');

      // A draft, made with the keyboard: the first question's Dutch text gets the focus.
      await page.focus('[data-action="create"]');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name') ?? ''), SLOW).toBe(FIRST_TEXT);
      expect(await page.inputValue(`textarea[name="${FIRST_TEXT}"]`)).toBe(before.themes[0]!.questions[0]!.text.nl);
      expect(await page.locator('[data-draft-state]').textContent()).toContain(`versie ${before.version + 1}`);
      expect(await page.locator('[data-draft]').textContent()).toContain('De volgorde, het soort vraag en de antwoorden blijven zoals ze zijn');

      // An emptied question is refused at its field and nothing is saved.
      await page.fill(`textarea[name="${FIRST_TEXT}"]`, '');
      await page.click('form[data-form="questionnaire"] button[type="submit"]');
      const error = page.locator(`[data-path="${FIRST_TEXT}"] [data-error]`);
      await expect.poll(() => error.isVisible(), SLOW).toBe(true);
      expect(await error.textContent()).not.toBe('');
      expect(await page.getAttribute(`textarea[name="${FIRST_TEXT}"]`, 'aria-invalid')).toBe('true');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe(FIRST_TEXT);

      const newText = 'Voor wie zoekt u een plek om te wonen met zorg?';
      expect(newText).not.toBe(before.themes[0]!.questions[0]!.text.nl);
      await page.fill(`textarea[name="${FIRST_TEXT}"]`, newText);
      await page.click('form[data-form="questionnaire"] button[type="submit"]');
      await expect.poll(() => page.locator('[data-status]').textContent(), SLOW).toContain('Het concept is opgeslagen');
      expect(await error.isHidden()).toBe(true);
      expect(await page.getAttribute(`textarea[name="${FIRST_TEXT}"]`, 'aria-invalid')).toBeNull();
      // Saved is not published: residents still get the old text.
      expect((await publicQuestionnaire(h)).themes[0]!.questions[0]!.text.nl).toBe(before.themes[0]!.questions[0]!.text.nl);

      // The resident's view of the draft.
      await page.click('[data-action="preview"]');
      const preview = page.locator('[data-preview]');
      await preview.waitFor({ state: 'visible' });
      expect(await preview.locator('h5').first().textContent()).toBe(newText);
      expect(await preview.locator('li').count()).toBeGreaterThan(0);
      await checked(page, 'draft with preview at 1280');
      await page.setViewportSize({ width: 390, height: 844 });
      await checked(page, 'draft with preview at 390');
      await screenshot(page, 'coordination-questionnaire');
      await page.setViewportSize({ width: 1280, height: 900 });

      // Publishing asks first, and says earlier answers keep working.
      await page.click('[data-action="publish"]');
      const confirm = page.locator('[data-confirm="publish"]');
      await confirm.waitFor({ state: 'visible' });
      expect(await confirm.textContent()).toContain('Antwoorden die mensen eerder gaven, blijven werken');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-confirm'))).toBe('publish');
      await checked(page, 'publish confirm at 1280');
      await page.click('[data-action="publish-yes"]');
      await expect.poll(() => page.locator('[data-status]').textContent(), SLOW).toContain(`Versie ${before.version + 1} is gepubliceerd`);
      expect(await page.locator(`[data-version="${before.version + 1}"]`).count()).toBe(1);
      expect(await page.locator('[data-draft-state]').textContent()).toBe('Er is nu geen concept.');

      const after = await publicQuestionnaire(h);
      expect(after.version).toBe(before.version + 1);
      expect(after.themes[0]!.questions[0]!.text.nl).toBe(newText);
      await page.setViewportSize({ width: 390, height: 844 });
      await checked(page, 'versions after publishing at 390');
      await page.context().close();
    }, 180_000);
  });
}
