// The questionnaire journey: answer questions on the first steps, meet the postcode error
// summary (what was typed stays), go back, reload; the answers are still there and are stored in
// the SavedAnswers format. And axe on the questionnaire page in both languages.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { answersToCriteria, SavedAnswersSchema, type Questionnaire } from '../../../shared/questionnaire/index.ts';
import { axeViolations } from '../axe.ts';
import type { SiteHarness } from '../harness.ts';
import { focusState, horizontalOverflow, screenshot } from '../page-checks.ts';

const REGION = 'zuid-limburg';
const PATH = `/regio/${REGION}/vragen/`;

const visibleStep = (page: Page) => page.locator('[data-step]:visible').getAttribute('data-step');
/** Waits until the address and the page both show step n (the script reacts to hashchange). */
async function atStep(page: Page, n: number): Promise<void> {
  await page.waitForURL(new RegExp(`#stap-${n}$`));
  await page.locator(`#stap-${n}`).waitFor({ state: 'visible' });
}
const saved = (page: Page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null') as unknown, `woonwijzer.answers.${REGION}`);

export function questionnaireSuite(harness: () => SiteHarness): void {
  describe('the questionnaire', () => {
    it('goes step by step, keeps every answer through back, errors and reload, in the SavedAnswers format', async () => {
      const h = harness();
      const page = await h.newPage({ width: 390 });
      await page.goto(PATH);
      expect(await visibleStep(page)).toBe('1');
      await expect(page.getByText('Stap 1 van 9').isVisible()).resolves.toBe(true);
      await expect(page.getByText('Uw antwoorden blijven op dit apparaat. Er gaat niets naar ons tot u de resultaten opvraagt.').isVisible()).resolves.toBe(true);

      // Step 1: who fills it in, and the age.
      await page.check('#q-wie-vult-in-naaste');
      await page.fill('#q-leeftijd', '84');
      await page.getByRole('link', { name: 'Volgende stap' }).click();
      await atStep(page, 2);
      expect(await visibleStep(page)).toBe('2');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('stap-2-title');

      // Step 2: a wish with its importance.
      await page.check('#q-rolstoel-yes');
      await page.check('#q-rolstoel-importance-must');
      await page.check('#q-sector-ouderenzorg');
      await page.getByRole('link', { name: 'Volgende stap' }).click();
      await atStep(page, 3);

      // Step 3: a postcode that is not one stops the step with an error summary; the text stays.
      await page.fill('#q-plaats-postcode', '62 11');
      await page.getByRole('link', { name: 'Volgende stap' }).click();
      expect(await visibleStep(page)).toBe('3');
      const summary = page.locator('[data-error-summary]');
      await expect(summary.isVisible()).resolves.toBe(true);
      expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-error-summary'))).toBe(true);
      expect(await summary.textContent()).toContain('Vul een postcode in met 4 cijfers');
      expect(await page.getAttribute('#q-plaats-postcode', 'aria-invalid')).toBe('true');
      expect(await page.inputValue('#q-plaats-postcode')).toBe('62 11');
      await page.fill('#q-plaats-postcode', '6211 AB');
      await page.check('#q-plaats-10-km');
      await page.getByRole('link', { name: 'Volgende stap' }).click();
      await atStep(page, 4);

      // Back twice (the browser's Back button and the page's own), then the answers are there.
      await page.goBack();
      await atStep(page, 3);
      expect(await page.inputValue('#q-plaats-postcode')).toBe('6211 AB');
      await page.getByRole('link', { name: 'Vorige stap' }).click();
      await atStep(page, 2);
      expect(await page.isChecked('#q-rolstoel-yes')).toBe(true);
      expect(await page.isChecked('#q-rolstoel-importance-must')).toBe(true);

      await page.reload();
      expect(await visibleStep(page)).toBe('2');
      expect(await page.isChecked('#q-rolstoel-yes')).toBe(true);
      expect(await page.isChecked('#q-rolstoel-importance-must')).toBe(true);
      expect(await page.isChecked('#q-sector-ouderenzorg')).toBe(true);
      await page.getByRole('link', { name: 'Vorige stap' }).click();
      expect(await page.isChecked('#q-wie-vult-in-naaste')).toBe(true);
      expect(await page.inputValue('#q-leeftijd')).toBe('84');
      await expect(page.getByText('Welkom terug.').isVisible()).resolves.toBe(true);

      // What is stored is SavedAnswers, and it becomes the criteria the matcher would get.
      const stored = SavedAnswersSchema.parse(await saved(page));
      expect(stored.answers).toMatchObject({
        'wie-vult-in': { choice: 'naaste' },
        leeftijd: { number: 84 },
        rolstoel: { yes: true, importance: 'must' },
        plaats: { postcode: '6211 AB', maxDistanceKm: 10 },
      });
      const { questionnaire } = (await (await fetch(`${h.baseUrl}/api/regions/${REGION}/questionnaire`)).json()) as { questionnaire: Questionnaire };
      const criteria = answersToCriteria(questionnaire, stored.answers);
      expect(criteria.ignored).toEqual([]);
      expect(criteria.postcode).toBe('6211 AB');
      expect(criteria.criteria).toContainEqual({ criterion: 'wheelchair', importance: 'must' });

      // Clearing removes everything.
      page.once('dialog', (dialog) => void dialog.accept());
      await page.getByRole('button', { name: 'Wis mijn antwoorden' }).click();
      expect(await saved(page)).toBeNull();
      expect(await page.inputValue('#q-leeftijd')).toBe('');
    });

    it('shows every question without JavaScript, with a note that answers are not kept', async () => {
      const context = await harness().browser.newContext({ javaScriptEnabled: false, baseURL: harness().baseUrl });
      try {
        const page = await context.newPage();
        await page.goto(PATH);
        expect(await page.locator('[data-step]:visible').count()).toBe(9);
        expect(await page.locator('[data-step-nav]:visible').count()).toBe(0);
        // Playwright's text search skips <noscript>, so the paragraph is found by its class.
        await expect(page.locator('p.ww-alert', { hasText: 'Zet JavaScript aan' }).isVisible()).resolves.toBe(true);
      } finally {
        await context.close();
      }
    });

    it('can be answered by keyboard alone, with visible focus, going to the next step', async () => {
      const page = await harness().newPage({ width: 1280 });
      await page.goto(PATH);
      // Tab into the first question: the focus lands on its checked "skip" option.
      let state = await focusState(page);
      for (let i = 0; i < 40 && state.id !== 'q-wie-vult-in--skip'; i++) {
        await page.keyboard.press('Tab');
        state = await focusState(page);
        expect(state.visible, `focus visible on <${state.tag}> ${state.id}`).toBe(true);
      }
      expect(state.id).toBe('q-wie-vult-in--skip');
      await page.keyboard.press('ArrowUp');
      expect(await page.isChecked('#q-wie-vult-in-ondersteuner')).toBe(true);
      for (let i = 0; i < 40 && state.text !== 'Volgende stap'; i++) {
        await page.keyboard.press('Tab');
        state = await focusState(page);
        expect(state.visible, `focus visible on <${state.tag}> ${state.id} "${state.text}"`).toBe(true);
      }
      await page.keyboard.press('Enter');
      await atStep(page, 2);
      expect(await visibleStep(page)).toBe('2');
      expect((await focusState(page)).id).toBe('stap-2-title');
    });

    it('has no axe violations, fits 320 px, and is photographed (Dutch and English, with an error shown)', async () => {
      const h = harness();
      const found: Record<string, unknown> = {};
      for (const [name, path] of [['questionnaire-nl', PATH], ['questionnaire-en', `/en/region/${REGION}/questions/`]] as const) {
        const page = await h.newPage({ width: 390 });
        await page.goto(path);
        const atStart = await axeViolations(page);
        if (atStart.length > 0) found[name] = atStart;
        await screenshot(page, name);
        await page.goto(`${path}#${name.endsWith('nl') ? 'stap' : 'step'}-3`);
        await page.fill('#q-plaats-postcode', 'abc');
        await page.locator('[data-step]:visible [data-action="next"]').click();
        const withError = await axeViolations(page);
        if (withError.length > 0) found[`${name}-error`] = withError;
        await screenshot(page, `${name}-error`);
        await page.setViewportSize({ width: 320, height: 640 });
        expect(await horizontalOverflow(page), `${name} at 320 px`).toBe(0);
      }
      const wide = await h.newPage({ width: 1280 });
      await wide.goto(PATH);
      await screenshot(wide, 'questionnaire-nl');
      expect(found).toEqual({});
    });
  });
}
