// The citizen's journey, second pass (issue 13), as a person notices it: one privacy statement,
// word for word the same on every page that says where answers go (questions, results, compare,
// report, in Dutch and English), and no page promising otherwise; from the top of the results
// page the skip link is the second Tab stop and Enter lands on the first place; "Hulp nodig bij
// deze vraag?" does not lose the step (Back, or the menu's questions link, returns to it); two
// favourites with the same title are told apart by their location's name on a phone; the
// Rotterdam questions give a Rotterdam postcode as example; the English region page says the
// providers' texts are in Dutch; any whole distance from 1 to 300 km can be set, in the questions
// and in the results' wish panel, with an error in Dutch or English that keeps what was typed.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { en } from '../../../shared/i18n/en.ts';
import { nl } from '../../../shared/i18n/nl.ts';
import type { SiteHarness } from '../harness.ts';

const REGION = 'zuid-limburg';
// Two housing forms with the same title at two locations (data/demo/zuid-limburg/).
const SCHACHT = { locationId: 'de-schacht-heerlen', housingFormId: 'wonen-met-verpleging', name: 'Wonen met verpleging', locationName: 'De Schacht' };
const ALDENHOF = { locationId: 'huize-aldenhof-sittard', housingFormId: 'wonen-met-verpleging', name: 'Wonen met verpleging', locationName: 'Huize Aldenhof' };
// Question ids from data/questionnaires/zuid-limburg.json.
const ANSWERS = {
  sector: { choice: 'ouderenzorg' },
  tuin: { yes: true, importance: 'important' },
  plaats: { postcode: '6211 AB', maxDistanceKm: 50 },
};

/** Answers and favourites in this page's browser, as the questionnaire and location pages keep them. */
async function seeded(h: SiteHarness, width = 1280, answers: object = ANSWERS): Promise<Page> {
  const page = await h.newPage({ width });
  page.setDefaultTimeout(10_000);
  await page.route('https://tile.openstreetmap.org/**', (route) => route.abort());
  const { questionnaire } = (await (await fetch(`${h.baseUrl}/api/regions/${REGION}/questionnaire`)).json()) as { questionnaire: { id: string; version: number } };
  await page.goto('/');
  await page.evaluate(({ region, saved, favourites }) => {
    localStorage.setItem(`woonwijzer.answers.${region}`, JSON.stringify(saved));
    localStorage.setItem(`woonwijzer.shortlist.${region}`, JSON.stringify(favourites));
  }, {
    region: REGION,
    saved: { regionId: REGION, questionnaireId: questionnaire.id, version: questionnaire.version, savedAt: new Date().toISOString(), answers },
    favourites: [SCHACHT, ALDENHOF].map((f) => ({ ...f, addedAt: '2026-11-21T10:00:00.000Z' })),
  });
  return page;
}

const savedAnswers = (page: Page) => page.evaluate((key) => (JSON.parse(localStorage.getItem(key) ?? 'null') as { answers: Record<string, unknown> } | null)?.answers, `woonwijzer.answers.${REGION}`);
const visibleStep = (page: Page) => page.locator('[data-step]:visible').getAttribute('data-step');

export function journeySecondPassSuite(harness: () => SiteHarness): void {
  describe('the journey, second pass', () => {
    it('says one privacy statement, the same on every page that says where answers go, and nothing that contradicts it', async () => {
      const page = await seeded(harness());
      const pages = [
        { locale: 'nl', statement: nl.site.privacy, paths: ['vragen', 'resultaten', 'vergelijken', 'verslag'].map((p) => `/regio/${REGION}/${p}/`) },
        { locale: 'en', statement: en.site.privacy, paths: ['questions', 'results', 'compare', 'report'].map((p) => `/en/region/${REGION}/${p}/`) },
      ];
      for (const { statement, paths } of pages) {
        for (const path of paths) {
          const response = await page.goto(path);
          expect(response?.status(), path).toBe(200);
          const said = await page.locator('[data-privacy]').allTextContents();
          expect(said.map((text) => text.trim()), path).toEqual([statement]);
          const body = await page.locator('main').textContent() ?? '';
          // The old promises that contradicted the statement (answers never leave; choices stay here).
          for (const old of ['Er gaat niets naar ons', 'Uw keuzes blijven op dit apparaat', 'Nothing is sent to us', 'Your choices stay on this device']) {
            expect(body, `${path}: ${old}`).not.toContain(old);
          }
        }
      }
      expect(nl.site.privacy).toContain('Woonwijzer bewaart niets hiervan.');
      expect(en.site.privacy).toContain('Woonwijzer keeps none of this.');
    });

    it('from the top of the results page reaches the skip link within 2 Tab presses, and Enter puts focus on the first place', async () => {
      const page = await seeded(harness());
      await page.goto(`/regio/${REGION}/resultaten/`);
      await page.locator('#result-1 [data-result-link]').waitFor();
      let presses = 0;
      let onSkip = false;
      while (!onSkip && presses < 2) {
        await page.keyboard.press('Tab');
        presses += 1;
        onSkip = await page.evaluate(() => document.activeElement?.hasAttribute('data-skip-to') ?? false);
      }
      expect(onSkip).toBe(true);
      const skip = page.locator('[data-skip-to]');
      await expect(skip.innerText()).resolves.toBe(nl.results.skipToResults);
      // Visible while focused, as the site's own skip link.
      const box = await skip.boundingBox();
      expect(box && box.y >= 0 && box.height > 0).toBe(true);
      await page.keyboard.press('Enter');
      await expect(page.evaluate(() => document.activeElement?.closest('li')?.id)).resolves.toBe('result-1');
      await expect(page.evaluate(() => document.activeElement?.hasAttribute('data-result-link'))).resolves.toBe(true);
    });

    it('keeps the step when the person opens "Hulp nodig bij deze vraag?": Back and the menu both return to it', async () => {
      const page = await harness().newPage({ width: 390 });
      page.setDefaultTimeout(10_000);
      await page.goto(`/regio/${REGION}/vragen/`);
      await page.goto(`/regio/${REGION}/vragen/#stap-3`);
      // Only the address's # changed: the page shows the step on its hashchange, a moment after goto returns.
      await page.locator('#stap-3').waitFor();
      expect(await visibleStep(page)).toBe('3');
      await page.locator('#stap-3 [data-step-help]').focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/hulp\/|\/help\//);
      await page.goBack();
      await page.waitForURL(/#stap-3$/);
      await page.locator('#stap-3').waitFor();
      expect(await visibleStep(page)).toBe('3');

      await page.goto(`/regio/${REGION}/vragen/#stap-5`);
      await page.locator('#stap-5').waitFor();
      await page.locator('#stap-5 [data-step-help]').click();
      await page.waitForURL(/\/hulp\/|\/help\//);
      // Back by the menu, not the browser: the remembered step opens, with its heading focused.
      await page.goto(`/regio/${REGION}/vragen/`);
      await page.waitForURL(/#stap-5$/);
      expect(await visibleStep(page)).toBe('5');
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('stap-5-title');
      // Only once: the next visit starts where the address says.
      await page.goto(`/regio/${REGION}/resultaten/`);
      await page.goto(`/regio/${REGION}/vragen/`);
      expect(await visibleStep(page)).toBe('1');
    });

    it('tells two favourites with the same title apart by their location on a phone', async () => {
      const page = await seeded(harness(), 390);
      await page.goto(`/regio/${REGION}/vergelijken/`);
      const names = page.locator('[data-part="facts"] .ww-compare-block').first().locator('.ww-compare-block__name');
      await names.first().waitFor();
      const said = (await names.allInnerTexts()).map((text) => text.trim());
      expect(said).toHaveLength(2);
      expect(new Set(said).size).toBe(2);
      // The location leads, so a line cut off with "…" still tells them apart.
      expect(said.some((text) => text.startsWith('De Schacht'))).toBe(true);
      expect(said.some((text) => text.startsWith('Huize Aldenhof'))).toBe(true);
    });

    it('lets the person set a distance of their own in the questions: a wrong one is said and kept in its box, 15 km is saved', async () => {
      const page = await harness().newPage({ width: 390 });
      page.setDefaultTimeout(10_000);
      await page.goto(`/regio/${REGION}/vragen/`);
      const step = await page.locator('[data-kind="place"]').evaluate((q) => q.closest<HTMLElement>('[data-step]')?.dataset.step ?? '');
      await page.goto(`/regio/${REGION}/vragen/#stap-${step}`);
      await page.locator(`#stap-${step}`).waitFor();
      await page.fill('#q-plaats-postcode', '6211 AB');
      await page.fill('#q-plaats-km', '15,5');
      // Typing a distance chooses "Een andere afstand".
      await expect(page.isChecked('#q-plaats-other')).resolves.toBe(true);
      await page.locator(`#stap-${step} [data-action="next"]`).click();
      const summary = page.locator('[data-error-summary]');
      await summary.waitFor();
      const message = nl.questionnaire.errorDistance.replace('{min}', '1').replace('{max}', '300');
      await expect(summary.innerText()).resolves.toContain(message);
      await expect(page.locator('#q-plaats-km-error').innerText()).resolves.toBe(message);
      await expect(page.inputValue('#q-plaats-km')).resolves.toBe('15,5');
      await expect(page.inputValue('#q-plaats-postcode')).resolves.toBe('6211 AB');
      expect(await visibleStep(page)).toBe(step);

      await page.fill('#q-plaats-km', '15');
      await page.locator(`#stap-${step} [data-action="next"]`).click();
      await page.waitForURL(new RegExp(`#stap-${Number(step) + 1}$`));
      expect((await savedAnswers(page))?.plaats).toEqual({ postcode: '6211 AB', maxDistanceKm: 15 });
      // Back at the step after a reload, the own distance is there again.
      await page.goto(`/regio/${REGION}/vragen/#stap-${step}`);
      await page.reload();
      await expect(page.isChecked('#q-plaats-other')).resolves.toBe(true);
      await expect(page.inputValue('#q-plaats-km')).resolves.toBe('15');
    });

    it('searches with a distance of one\'s own from the wish panel, and says a wrong one in Dutch and English without losing it', async () => {
      for (const { locale, path, texts } of [
        { locale: 'nl', path: `/regio/${REGION}/resultaten/`, texts: nl.results },
        { locale: 'en', path: `/en/region/${REGION}/results/`, texts: en.results },
      ]) {
        const page = await seeded(harness(), 1280, { ...ANSWERS, plaats: { postcode: '6211 AB', maxDistanceKm: 15 } });
        await page.goto(path);
        await page.locator('#result-1').waitFor();
        // The answer's 15 km shows as a distance of one's own.
        await expect(page.inputValue('#ww-results-distance')).resolves.toBe('other');
        await expect(page.inputValue('#ww-results-km')).resolves.toBe('15');
        await expect(page.locator('[data-place-now]').innerText()).resolves.toBe(texts.placeNowMax.replace('{postcode}', '6211 AB').replace('{km}', '15'));

        await page.fill('#ww-results-km', '400');
        await page.locator('[data-place-form] button[type="submit"]').click();
        const error = page.locator('#ww-results-km-error');
        await error.waitFor();
        await expect(error.innerText(), locale).resolves.toBe(texts.errorDistance.replace('{min}', '1').replace('{max}', '300'));
        await expect(page.inputValue('#ww-results-km')).resolves.toBe('400');
        await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('ww-results-km');

        // 22 km: the list follows, and the place line says so.
        await page.fill('#ww-results-km', '22');
        await page.locator('[data-place-form] button[type="submit"]').click();
        await page.waitForFunction((text) => document.querySelector('[data-place-now]')?.textContent === text, texts.placeNowMax.replace('{postcode}', '6211 AB').replace('{km}', '22'));
        await expect(error.isVisible()).resolves.toBe(false);
        // A chosen distance hides the box; "other" shows it again with what was typed.
        await page.selectOption('#ww-results-distance', '25');
        await expect(page.locator('[data-km-field]').isVisible()).resolves.toBe(false);
        await page.selectOption('#ww-results-distance', 'other');
        await expect(page.inputValue('#ww-results-km')).resolves.toBe('22');
      }
    });

    it('gives a Rotterdam postcode as example in Rotterdam, and says on the English region page that providers write in Dutch', async () => {
      const page = await harness().newPage();
      await page.goto('/regio/rotterdam/vragen/');
      const hint = await page.locator('[id$="-postcode-hint"]').textContent();
      expect(hint).toContain('3011 AB');
      expect(hint).not.toContain('6211');
      await page.goto(`/en/region/${REGION}/`);
      await expect(page.locator('[data-provider-text-note]').innerText()).resolves.toBe(en.region.providerTextNote);
      expect(en.region.providerTextNote).toContain('in Dutch');
    });
  });
}
