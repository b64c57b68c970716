// A criterion added by declaring it in the registry alone (issue 10): "Bewoners koken zelf of
// helpen met koken", walked as a person would in Dutch at desk width. The questionnaire asks it;
// answered "Ja" as a must, the results page names the wish, says per card that it fits or that it
// is unknown (ask the provider), and lists the places without it as near misses naming it; direct
// search filters on it; a location page states it per housing form (yes, no, unknown); the compare
// page gives it a row with the wish and each favourite's outcome. Every expected count and value
// comes from the demonstration data, so the test follows the data when it is regenerated.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { DEMO_DIR, readListingFile, readQuestionnaire } from '../../../functions/listings/listing-files.ts';
import { ListingDocumentSchema } from '../../../shared/domain/index.ts';
import type { SiteHarness } from '../harness.ts';

const REGION = 'zuid-limburg';
/** The wish as every page words it (shared/i18n/nl.ts), and the question asking for it. */
const COOKING = 'Bewoners koken zelf of helpen met koken';
const QUESTION_ID = 'zelf-koken';

interface DemoForm {
  locationId: string;
  housingFormId: string;
  name: string;
  cooking: boolean | undefined;
}

/** Every housing form of the region's demonstration data, with what it says about cooking. */
async function demoForms(): Promise<DemoForm[]> {
  const dir = join(DEMO_DIR, REGION);
  const files = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  const forms: DemoForm[] = [];
  for (const file of files) {
    const read = await readListingFile(join(dir, file));
    if (!read.ok) throw new Error(`${file}: ${read.message}`);
    for (const location of ListingDocumentSchema.parse(read.document).locations) {
      for (const form of location.housingForms) {
        forms.push({ locationId: location.id, housingFormId: form.id, name: form.name, cooking: form.cooking });
      }
    }
  }
  return forms;
}

/** The location and housing form a result (/locatie/{id}/?woonvorm={id}), search hit or compare link (…/#woonvorm-{id}) points at. */
function formKey(href: string | null): string {
  const match = /\/locatie\/([^/]+)\/(?:#woonvorm-|\?woonvorm=)(.+)$/.exec(href ?? '');
  return match ? `${decodeURIComponent(match[1] ?? '')}#${decodeURIComponent(match[2] ?? '')}` : '';
}
const keyOf = (form: DemoForm): string => `${form.locationId}#${form.housingFormId}`;

/** Waits for the results page's announced count and returns it. */
async function announcedCount(page: Page): Promise<number> {
  const handle = await page.waitForFunction(() => {
    const match = /(\d+) (plekken|plek) gevonden/.exec(document.querySelector('[data-status]')?.textContent ?? '');
    return match ? Number(match[1]) : false;
  });
  return (await handle.jsonValue()) as number;
}

/** Per row of a compare table: its heading and its cells, as read (symbol and screen-reader words included). */
async function compareRow(table: Locator, label: string): Promise<{ label: string; cells: string[] }> {
  const row = table.locator('tbody tr').filter({ has: table.page().locator('th', { hasText: label }) });
  expect(await row.count(), `one row "${label}"`).toBe(1);
  return {
    label: (await row.locator('th').textContent()) ?? '',
    cells: await row.locator('td').allTextContents(),
  };
}

export function newCriterionSuite(harness: () => SiteHarness): void {
  describe('a criterion declared in the registry alone', () => {
    it('cooking: asked in the questionnaire, weighed on the results, a search filter, a fact on the location page and a row of the compare page', async () => {
      const forms = await demoForms();
      const cooks = forms.filter((form) => form.cooking === true);
      const doesNotCook = forms.filter((form) => form.cooking === false);
      const notSaid = forms.filter((form) => form.cooking === undefined);
      // The data must hold all three answers, or this walk proves less than it says.
      for (const group of [cooks, doesNotCook, notSaid]) expect(group.length).toBeGreaterThan(0);
      const byKey = new Map(forms.map((form) => [keyOf(form), form]));

      const page = await harness().newPage({ width: 1280 });
      page.setDefaultTimeout(10_000);
      await page.route('https://tile.openstreetmap.org/**', (route) => route.abort());

      // The questionnaire: skip to the step with the cooking question, answer "Ja" and "Moet".
      const questionnaire = await readQuestionnaire(REGION);
      const steps = questionnaire?.themes.length ?? 0;
      const stepOfCooking = 1 + (questionnaire?.themes.findIndex((theme) => theme.questions.some((q) => q.id === QUESTION_ID)) ?? -1);
      expect(stepOfCooking).toBeGreaterThan(0);
      await page.goto(`/regio/${REGION}/vragen/`);
      const next = page.getByRole('link', { name: 'Volgende stap' });
      const toStep = async (n: number) => {
        await next.click();
        await page.waitForURL((url) => url.hash === `#stap-${n}`);
        await page.locator(`#stap-${n}`).waitFor({ state: 'visible' });
      };
      for (let n = 2; n <= stepOfCooking; n++) await toStep(n);
      const question = page.getByRole('group', { name: 'Wilt u zelf koken, of helpen met koken?' });
      await expect(question.isVisible()).resolves.toBe(true);
      await question.getByRole('radio', { name: 'Ja', exact: true }).check();
      const must = question.getByRole('radio', { name: /^Moet/ });
      await must.check();
      expect(await must.isChecked()).toBe(true);
      for (let n = stepOfCooking + 1; n <= steps; n++) await toStep(n);
      await Promise.all([
        page.waitForURL(`**/regio/${REGION}/resultaten/`),
        page.getByRole('link', { name: 'Bekijk de plekken die bij u passen' }).click(),
      ]);

      // Results: every place that cooks or has not said, the wish named with its importance.
      expect(await announcedCount(page)).toBe(cooks.length + notSaid.length);
      await page.getByText('Verander uw wens (1 wens)').click();
      const wish = page.locator('fieldset.ww-wish', { hasText: COOKING });
      expect(await wish.getByLabel('Moet').isChecked()).toBe(true);
      // All cards in view, then per card what it says about the wish.
      const fitting = cooks.length + notSaid.length;
      const showMore = page.getByRole('button', { name: 'Toon meer plekken' });
      const cards = page.locator('[data-result-list] > li');
      for (let shown = await cards.count(); shown < fitting; shown = await cards.count()) {
        await showMore.click();
        await page.waitForFunction((n) => document.querySelectorAll('[data-result-list] > li').length > n, shown);
      }
      expect(await cards.count()).toBe(fitting);
      expect(await showMore.isVisible()).toBe(false);
      // A must the person chose stays in sight with its outcome (not folded with the facts of the situation).
      const first = page.locator('#result-1');
      expect(await first.locator('.ww-reasons__group--match li').innerText()).toBe(`${COOKING} (Moet)`);
      expect(await first.locator('.ww-reasons__situation').count()).toBe(0);
      const said = await cards.evaluateAll((items) => items.map((item) => ({
        href: item.querySelector('h3 a')?.getAttribute('href') ?? null,
        text: (item as HTMLElement).innerText,
      })));
      const unknownCooking = new RegExp(`Onbekend: vraag het de aanbieder\\s+${COOKING} \\(Moet\\)`);
      // Those that surely cook first, then those that have not said (ask the provider).
      expect(said.map((card) => byKey.get(formKey(card.href))?.cooking)).toEqual([...cooks.map(() => true), ...notSaid.map(() => undefined)]);
      for (const card of said) {
        const form = byKey.get(formKey(card.href));
        if (form?.cooking === true) {
          expect(card.text, form.name).toMatch(new RegExp(`Past\\s+${COOKING} \\(Moet\\)`));
          expect(card.text, form.name).not.toContain('Onbekend');
        } else {
          expect(card.text, form?.name).toMatch(unknownCooking);
        }
        expect(card.text).not.toContain('Past niet');
      }
      // Those that do not cook: near misses, summed up and each naming the wish (the API sends the closest 20).
      const near = page.locator('[data-near-section]');
      expect(await near.locator('[data-near-summary]').innerText()).toContain(
        `${Math.min(doesNotCook.length, 20)} plekken passen alleen niet bij deze wens: ${COOKING}.`,
      );
      const nearCards = near.locator('[data-near-list] > li');
      expect(await nearCards.count()).toBeGreaterThan(0);
      for (const card of await nearCards.all()) {
        expect(await card.innerText()).toContain(`Dit past niet: ${COOKING}`);
        expect(byKey.get(formKey(await card.locator('h3 a').getAttribute('href')))?.cooking).toBe(false);
      }

      // Two favourites: the first place that fits, and the first near miss.
      const favourites: DemoForm[] = [];
      for (const card of [first, near.locator('#near-miss-1')]) {
        const form = byKey.get(formKey(await card.locator('h3 a').getAttribute('href')));
        if (!form) throw new Error('A card links to a housing form that is not in the demonstration data.');
        favourites.push(form);
        await card.locator('button.ww-favourite').click();
        expect(await card.locator('button.ww-favourite').getAttribute('aria-pressed')).toBe('true');
      }
      expect(favourites.map((form) => form.cooking)).toEqual([true, false]);

      // Compare: the wish in the table where the two differ, and the fact with the wish beside it.
      await Promise.all([page.waitForURL(`**/regio/${REGION}/vergelijken/`), page.locator('[data-compare-link]').click()]);
      const compared = page.locator('[data-compare]');
      await compared.locator('.ww-compare-table').first().waitFor();
      expect(await compared.locator('[data-part="facts"] thead th .ww-compare-name').allTextContents()).toEqual(favourites.map((form) => form.name));
      expect(await compareRow(compared.locator('[data-part="wishes"] .ww-compare-table'), COOKING)).toEqual({
        label: `${COOKING}Moet`,
        cells: ['✓Past', '✗Past niet'],
      });
      expect(await compareRow(compared.locator('[data-part="facts"] .ww-compare-table'), COOKING)).toEqual({
        label: `${COOKING}Uw wens: Moet`,
        cells: ['✓Ja, dit past bij uw wens', '✗Nee, dit past niet bij uw wens'],
      });

      // Direct search: the filter narrows the list to the housing forms that cook.
      await page.goto(`/regio/${REGION}/zoeken/`);
      const status = page.locator('[data-search-status]');
      const saysTotal = (n: number) => page.waitForFunction((text) => document.querySelector('[data-search-status]')?.textContent?.startsWith(text), `${n} woonvormen gevonden`);
      await saysTotal(forms.length);
      await page.locator('summary', { hasText: 'Wat moet er zijn?' }).click();
      await page.getByRole('checkbox', { name: COOKING, exact: true }).check();
      await page.waitForURL(/[?&]cooking=true/);
      await saysTotal(cooks.length);
      expect(await status.innerText()).toBe(`${cooks.length} woonvormen gevonden. U ziet nummer 1 tot en met ${Math.min(10, cooks.length)}.`);
      const hits = await page.locator('[data-search-results] a[href*="#woonvorm-"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      expect(hits.length).toBeGreaterThan(0);
      for (const href of hits) expect(byKey.get(formKey(href))?.cooking, href ?? '').toBe(true);

      // A location whose housing forms say yes, no and nothing: each states its own answer.
      const locationIds = [...new Set(forms.map((form) => form.locationId))];
      const mixed = locationIds.find((id) => new Set(forms.filter((form) => form.locationId === id).map((form) => form.cooking)).size === 3);
      expect(mixed, 'a location with yes, no and unknown for cooking').toBeDefined();
      await page.goto(`/locatie/${mixed}/`);
      for (const form of forms.filter((f) => f.locationId === mixed)) {
        const fact = page.locator(`[id="woonvorm-${form.housingFormId}"] .ww-answers > div`).filter({ has: page.locator('dt', { hasText: COOKING }) });
        expect(await fact.locator('dt').innerText()).toBe(COOKING);
        expect(await fact.locator('dd').innerText(), form.name).toBe(form.cooking === undefined ? 'Onbekend — vraag het de aanbieder' : form.cooking ? 'Ja' : 'Nee');
      }
    }, 120_000);
  });
}
