// The questionnaire journey: answer questions on the first steps, meet the postcode error
// summary (what was typed stays), go back, reload; the answers are still there and are stored in
// the SavedAnswers format. "How much does it matter" appears only once an answer is a wish; the
// storage details are folded; an unknown postcode stops the step at the box, one outside the
// region gets a note that does not stop, and an API that cannot be reached lets the person go on.
// And axe on the questionnaire page in both languages.
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
      // A short intro; where the answers stay is folded away, with the clear button inside.
      await expect(page.locator('.ww-lead').innerText()).resolves.toBe(
        'Met deze vragen zoeken we woonplekken met zorg die bij u passen. U kunt elke vraag overslaan. Uw antwoorden blijven op dit apparaat.',
      );
      const storage = page.locator('details.ww-storage');
      await expect(storage.locator('summary').innerText()).resolves.toBe('Waar blijven mijn antwoorden?');
      await expect(storage.locator('[data-privacy]').isVisible()).resolves.toBe(false);
      await expect(page.getByRole('button', { name: 'Wis mijn antwoorden' }).isVisible()).resolves.toBe(false);
      await storage.locator('summary').click();
      await expect(storage.locator('[data-privacy]').isVisible()).resolves.toBe(true);
      await expect(page.getByRole('button', { name: 'Wis mijn antwoorden' }).isVisible()).resolves.toBe(true);
      await storage.locator('summary').click();
      // Options speak of the situation, not as "ik": a relative fills in as often as the person.
      await expect(page.getByLabel('Familie of mantelzorger').isVisible()).resolves.toBe(true);
      await expect(page.locator('label[for="q-leeftijd"] ~ .ww-hint').first().innerText()).resolves.toBe('Vul een leeftijd in, bijvoorbeeld 85.');

      // Step 1: who fills it in, and the age.
      await page.check('#q-wie-vult-in-naaste');
      await page.fill('#q-leeftijd', '84');
      await page.getByRole('link', { name: 'Volgende stap' }).click();
      await atStep(page, 2);
      expect(await visibleStep(page)).toBe('2');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('stap-2-title');

      // Step 2: a wish with its importance, asked only once the answer is "Ja".
      const wheelchairMust = page.locator('#q-rolstoel-importance-must');
      await expect(wheelchairMust.isVisible()).resolves.toBe(false);
      await page.check('#q-rolstoel-no');
      await expect(wheelchairMust.isVisible(), '"Nee" adds no wish, so nothing to weigh').resolves.toBe(false);
      await page.check('#q-rolstoel-yes');
      await expect(wheelchairMust.isVisible()).resolves.toBe(true);
      const importance = await page.locator('[data-question-id="rolstoel"] [data-importance]').innerText();
      expect(importance).toContain('Hoe belangrijk is dit voor u?');
      expect(importance).toContain('Plekken zonder dit laten we weg.');
      expect(importance).not.toContain('anders past het niet bij mij');
      await page.check('#q-rolstoel-importance-must');
      // Skipping the question hides it again; "Ja" again brings back the same choice.
      await page.check('#q-rolstoel--skip');
      await expect(wheelchairMust.isVisible()).resolves.toBe(false);
      await page.check('#q-rolstoel-yes');
      await expect(wheelchairMust.isChecked()).resolves.toBe(true);
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

      // A well-formed postcode nobody knows: the same error summary, with its own message.
      await page.fill('#q-plaats-postcode', '1234');
      await page.getByRole('link', { name: 'Volgende stap' }).click();
      await page.locator('#q-plaats-postcode-error', { hasText: 'Deze postcode kennen wij niet.' }).waitFor();
      expect(await visibleStep(page)).toBe('3');
      expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-error-summary'))).toBe(true);
      expect(await summary.textContent()).toContain('Deze postcode kennen wij niet.');
      expect(await page.getAttribute('#q-plaats-postcode', 'aria-invalid')).toBe('true');
      expect(await page.inputValue('#q-plaats-postcode')).toBe('1234');
      await summary.getByRole('link').click();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('q-plaats-postcode');

      // A postcode far outside the region: a note at the box saying where it lies, no error; it does
      // not stop a second time. Amsterdam is not a region of this site: said plainly, no link.
      await page.fill('#q-plaats-postcode', '1012');
      await page.getByRole('link', { name: 'Volgende stap' }).click();
      const outside = page.locator('#q-plaats-postcode-note');
      await outside.getByText('Postcode 1012 ligt in de gemeente Amsterdam.').waitFor();
      expect(await outside.innerText()).toBe(
        'Postcode 1012 ligt in de gemeente Amsterdam. Die hoort bij de regio Amsterdam. Voor Amsterdam hebben we nog geen overzicht. ' +
        'Zoekt u toch in Zuid-Limburg? Ga dan verder met ‘Volgende stap’.',
      );
      expect(await outside.getByRole('link').count()).toBe(0);
      expect(await visibleStep(page)).toBe('3');
      // Rotterdam is one of this site's regions: the note offers its questions, by a plain address.
      await page.fill('#q-plaats-postcode', '3011 AB');
      await page.getByRole('link', { name: 'Volgende stap' }).click();
      await outside.getByText('Postcode 3011 AB ligt in de gemeente Rotterdam.').waitFor();
      expect(await outside.innerText()).toBe(
        'Postcode 3011 AB ligt in de gemeente Rotterdam. Die hoort bij de regio Rotterdam. Voor Rotterdam hebben we ook een overzicht: ' +
        'ga naar de vragen voor Rotterdam. Zoekt u toch in Zuid-Limburg? Ga dan verder met ‘Volgende stap’.',
      );
      expect(await outside.getByRole('link', { name: 'ga naar de vragen voor Rotterdam' }).getAttribute('href')).toBe('/regio/rotterdam/vragen/');
      expect(await visibleStep(page)).toBe('3');
      await page.fill('#q-plaats-postcode', '9211');
      await page.getByRole('link', { name: 'Volgende stap' }).click();
      await outside.getByText('Postcode 9211 ligt in de gemeente Smallingerland. Die hoort bij de regio Friesland. Voor Friesland hebben we nog geen overzicht.').waitFor();
      expect(await visibleStep(page)).toBe('3');
      expect(await page.getAttribute('#q-plaats-postcode', 'aria-invalid')).toBe('false');
      await expect(page.locator('#q-plaats-postcode-error').isVisible()).resolves.toBe(false);
      await expect(summary.isVisible()).resolves.toBe(false);
      await page.fill('#q-plaats-postcode', '6211 AB');
      await page.check('#q-plaats-10-km');
      await page.getByRole('link', { name: 'Volgende stap' }).click();
      await atStep(page, 4);

      // Step 4: an option without a wish behind it ("Nee, alleen") and "Nee" to a wish have nothing to weigh.
      const partnerImportance = page.locator('[data-question-id="partner"] [data-importance]');
      await page.check('#q-partner-alleen');
      await expect(partnerImportance.isVisible()).resolves.toBe(false);
      await page.check('#q-partner-samen');
      await expect(partnerImportance.isVisible()).resolves.toBe(true);
      await page.check('#q-roken-no');
      await expect(page.locator('[data-question-id="roken"] [data-importance]').isVisible()).resolves.toBe(false);

      // Back twice (the browser's Back button and the page's own), then the answers are there.
      await page.goBack();
      await atStep(page, 3);
      expect(await page.inputValue('#q-plaats-postcode')).toBe('6211 AB');
      await expect(outside.isVisible(), 'the note goes once the postcode lies in the region').resolves.toBe(false);
      await page.getByRole('link', { name: 'Vorige stap' }).click();
      await atStep(page, 2);
      expect(await page.isChecked('#q-rolstoel-yes')).toBe(true);
      expect(await page.isChecked('#q-rolstoel-importance-must')).toBe(true);
      await expect(wheelchairMust.isVisible()).resolves.toBe(true);

      await page.reload();
      expect(await visibleStep(page)).toBe('2');
      expect(await page.isChecked('#q-rolstoel-yes')).toBe(true);
      expect(await page.isChecked('#q-rolstoel-importance-must')).toBe(true);
      await expect(wheelchairMust.isVisible(), 'shown again after a reload').resolves.toBe(true);
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
        partner: { choice: 'samen', importance: 'must' },
      });
      expect(stored.answers.roken, '"Nee" is kept without an importance').toEqual({ yes: false });
      const { questionnaire } = (await (await fetch(`${h.baseUrl}/api/regions/${REGION}/questionnaire`)).json()) as { questionnaire: Questionnaire };
      const criteria = answersToCriteria(questionnaire, stored.answers);
      expect(criteria.ignored).toEqual([]);
      expect(criteria.postcode).toBe('6211 AB');
      expect(criteria.criteria).toContainEqual({ criterion: 'wheelchair', importance: 'must' });

      // Clearing removes everything kept for the region on this device (a shared computer keeps
      // nothing: not the favourites, not the name on the report), after asking; the button is in
      // the folded storage details.
      await page.evaluate((region) => {
        localStorage.setItem(`woonwijzer.reportName.${region}`, JSON.stringify('Mevr. J. Janssen'));
        localStorage.setItem(`woonwijzer.shortlist.${region}`, JSON.stringify([{ locationId: 'l', housingFormId: 'h', name: 'n', locationName: 'l', addedAt: '2026-11-23T10:00:00Z' }]));
        localStorage.setItem(`woonwijzer.adjustments.${region}`, JSON.stringify({ postcode: '6211 AB' }));
        localStorage.setItem('woonwijzer.answers.rotterdam', JSON.stringify({ kept: true }));
      }, REGION);
      await page.locator('details.ww-storage summary').click();
      let asked = '';
      page.once('dialog', (dialog) => {
        asked = dialog.message();
        void dialog.accept();
      });
      await page.getByRole('button', { name: 'Wis mijn antwoorden' }).click();
      expect(asked).toContain('de naam op het verslag');
      expect(await saved(page)).toBeNull();
      expect(await page.inputValue('#q-leeftijd')).toBe('');
      expect(await page.evaluate(() => Object.keys(localStorage).sort())).toEqual(['woonwijzer.answers.rotterdam']);
    });

    it('lets the person go on when the postcode cannot be checked, and after the out-of-region note', async () => {
      const page = await harness().newPage({ width: 390 });
      await page.goto(`${PATH}#stap-3`);
      // The API cannot be reached: the check must not stand in the way.
      await page.route('**/api/postcodes/**', (route) => route.abort());
      await page.fill('#q-plaats-postcode', '6211');
      await page.getByRole('link', { name: 'Volgende stap' }).click();
      await atStep(page, 4);
      await page.unroute('**/api/postcodes/**');
      await page.getByRole('link', { name: 'Vorige stap' }).click();
      await atStep(page, 3);
      // Outside the region: told once, then "Volgende stap" goes on with what was typed. A second
      // click while the (slow) look-up runs waits for it rather than skipping the note.
      await page.route('**/api/postcodes/**', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await route.continue();
      });
      await page.fill('#q-plaats-postcode', '9211 AB');
      const next = page.getByRole('link', { name: 'Volgende stap' });
      await next.click();
      expect(await next.getAttribute('aria-disabled')).toBe('true');
      // (force: Playwright itself would wait for an aria-disabled link; an impatient person does not.)
      await next.click({ force: true });
      await page.locator('#q-plaats-postcode-note', { hasText: 'Postcode 9211 AB ligt in de gemeente Smallingerland.' }).waitFor();
      await expect.poll(() => next.getAttribute('aria-disabled'), { timeout: 5_000 }).toBeNull();
      await page.unroute('**/api/postcodes/**');
      expect(await visibleStep(page)).toBe('3');
      await page.getByRole('link', { name: 'Volgende stap' }).click();
      await atStep(page, 4);
      expect((SavedAnswersSchema.parse(await saved(page))).answers.plaats).toEqual({ postcode: '9211 AB' });
    });

    it('becomes a report that says who filled the questions in, with the situation apart from the own words', async () => {
      const page = await harness().newPage({ width: 390 });
      await page.goto(PATH);
      await page.check('#q-wie-vult-in-naaste');
      await page.check('#q-woont-nu-thuis-alleen');
      await page.fill('#q-over-mij', 'Moeder was bakker in Gulpen.');
      await page.getByRole('link', { name: 'Volgende stap' }).click();
      await atStep(page, 2);
      await page.goto(`/regio/${REGION}/verslag/`);
      const report = page.locator('[data-report]');
      await report.locator('[data-part="filled-by"]').waitFor();
      expect(await report.locator('.ww-report-meta').innerText()).toContain('Ingevuld door: familie of mantelzorger');
      expect(await report.locator('h2').allInnerTexts()).toEqual(expect.arrayContaining(['Over de situatie', 'In eigen woorden']));
      const situation = await report.locator('[data-part="situation"]').innerText();
      expect(situation).toContain('Waar woont u nu?');
      expect(situation).toContain('Thuis, alleen');
      expect(situation, 'who filled it in is said once, at the top').not.toContain('Familie of mantelzorger');
      const ownWords = await report.locator('[data-part="own-words"]').innerText();
      expect(ownWords).toContain('Moeder was bakker in Gulpen.');
      expect(ownWords).not.toContain('Thuis, alleen');
      expect(await report.innerText()).not.toMatch(/Over mij|in mijn eigen woorden/);
    });

    it('shows every question without JavaScript, with a note that answers are not kept', async () => {
      const context = await harness().browser.newContext({ javaScriptEnabled: false, baseURL: harness().baseUrl });
      try {
        const page = await context.newPage();
        await page.goto(PATH);
        expect(await page.locator('[data-step]:visible').count()).toBe(9);
        expect(await page.locator('[data-step-nav]:visible').count()).toBe(0);
        // Without the script nothing can show "how much does it matter" later, so it is there from the start.
        expect(await page.locator('[data-importance]:visible').count()).toBe(await page.locator('[data-importance]').count());
        expect(await page.locator('[data-importance]').count()).toBeGreaterThan(10);
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
        // The out-of-region note, a wish with its importance shown, and the storage details open.
        await page.fill('#q-plaats-postcode', '9211');
        await page.locator('[data-step]:visible [data-action="next"]').click();
        await page.locator('#q-plaats-postcode-note:not(:empty)').waitFor();
        await page.check('#q-winkels-yes');
        await page.locator('details.ww-storage summary').click();
        const withNote = await axeViolations(page);
        if (withNote.length > 0) found[`${name}-note`] = withNote;
        await screenshot(page, `${name}-note`);
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
