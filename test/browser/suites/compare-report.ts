// Favourites, compare and report (issue 4, items 4-6), with answers and favourites placed in the
// browser as the questionnaire and the location pages store them: the location page's favourite
// buttons and distance line; the compare page's side-by-side view against the person's wishes,
// removing a favourite, an empty shortlist and an API that cannot be reached; on a phone per wish
// every place with its outcome (no sideways scroll), wishes every place fits folded away, facts
// where the places differ first and those the same everywhere folded away (a shorter page),
// facts with a symbol only where they answer a wish, and the table on paper; the report with
// wishes in plain words, own words, favourites with reasons, today's date, and its print form
// (PDF); a location page without JavaScript; axe in both languages; no sideways scroll at 320 px.
// On a phone each compared place has a number badge, named in full once above the blocks, and
// the blocks show the badge with the name on one line. The report's optional "Voor wie is dit
// verslag?" stays in this browser, titles the report on screen and on paper, and is never sent.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { REPO_ROOT } from '../../../functions/platform/paths.ts';
import { axeViolations } from '../axe.ts';
import type { SiteHarness } from '../harness.ts';
import { horizontalOverflow, screenshot } from '../page-checks.ts';

const REGION = 'zuid-limburg';
// Real ids from data/demo/zuid-limburg/ (mergelland-zorg.json, woonzorg-parkstad-oost.json).
const LAVENDEL = { locationId: 'kapelhof-gulpen', housingFormId: 'groep-lavendel-kleinschalig-wonen-bij-dementie', name: 'Groep Lavendel: kleinschalig wonen bij dementie', locationName: 'Kapelhof' };
// Ter Borcht gives no number of its own (Mergelland Zorg's is given) and leaves the wheelchair unknown here.
const SHORT_STAY = { locationId: 'ter-borcht-gronsveld', housingFormId: 'kortdurend-verblijf', name: 'Kortdurend verblijf', locationName: 'Ter Borcht' };
const SCHACHT = { locationId: 'de-schacht-heerlen', housingFormId: 'wonen-met-verpleging', name: 'Wonen met verpleging', locationName: 'De Schacht' };
const OWN_WORDS = 'Ik was bakker in Gulpen. Ik hou van de radio en van mijn kleinkinderen.';
// Question ids from data/questionnaires/zuid-limburg.json.
const ANSWERS = {
  regionId: REGION,
  questionnaireId: 'zuid-limburg',
  version: 1,
  savedAt: '2026-11-20T10:00:00.000Z',
  answers: {
    leeftijd: { number: 84 },
    'over-mij': { text: OWN_WORDS },
    rolstoel: { yes: true, importance: 'must' },
    plaats: { postcode: '6211 AB', maxDistanceKm: 50 },
    tuin: { yes: true, importance: 'important' },
    'eigen-badkamer': { yes: true, importance: 'nice' },
  },
};

const shortlistKey = `woonwijzer.shortlist.${REGION}`;
const shortlistOf = (page: Page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '[]') as Array<{ housingFormId: string }>, shortlistKey);

/** Puts answers and (optionally) favourites in this page's browser, as the site itself stores them. */
async function seed(page: Page, favourites: Array<typeof LAVENDEL>, answers = true): Promise<void> {
  // Fail within the test's time with the locator that was not found.
  page.setDefaultTimeout(8_000);
  await page.goto('/');
  await page.evaluate(({ answers, favourites, region }) => {
    localStorage.clear();
    if (answers) localStorage.setItem(`woonwijzer.answers.${region}`, JSON.stringify(answers));
    localStorage.setItem(`woonwijzer.shortlist.${region}`, JSON.stringify(favourites.map((f) => ({ ...f, addedAt: '2026-11-21T10:00:00.000Z' }))));
  }, { answers: answers ? ANSWERS : undefined, favourites, region: REGION });
}

/** The compared places' names (the facts table's column headings), once the API answered, at any width. */
async function comparedNames(page: Page): Promise<string[]> {
  await page.locator('[data-compare] .ww-compare-part').first().waitFor();
  return page.locator('.ww-compare-table').last().locator('thead th .ww-compare-name').allTextContents();
}

/** Per row of a table: its heading and its cells' text (symbols and screen-reader text included). */
function tableRows(table: Locator): Promise<Array<{ label: string; cells: string[] }>> {
  return table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => ({
    label: row.querySelector('th')?.textContent ?? '',
    cells: [...row.querySelectorAll('td')].map((cell) => cell.textContent ?? ''),
  })));
}

export function compareReportSuite(harness: () => SiteHarness): void {
  describe('favourites, compare and report', () => {
    it('location page: favourite buttons keep the shortlist, and the distance from the person’s place is shown', async () => {
      const page = await harness().newPage({ width: 390 });
      await seed(page, []);
      await page.goto(`/locatie/${LAVENDEL.locationId}/`);
      const distance = page.locator('[data-location-page]');
      await distance.waitFor({ state: 'visible' });
      expect(await distance.textContent()).toMatch(/^Ongeveer \d+ km van 6211 AB/);

      const button = page.locator(`button[data-housing-form-id="${LAVENDEL.housingFormId}"]`);
      await button.waitFor({ state: 'visible' });
      expect(await button.getAttribute('aria-pressed')).toBe('false');
      expect((await button.textContent())?.trim()).toBe('Bewaar als favoriet');
      await button.click();
      expect(await button.getAttribute('aria-pressed')).toBe('true');
      expect((await button.textContent())?.trim()).toBe('Favoriet');
      const box = page.locator(`#woonvorm-${LAVENDEL.housingFormId} [data-favourite-box]`);
      expect(await box.locator('[role="status"]').textContent()).toContain('is bewaard als favoriet. U heeft nu 1 favoriet');
      await expect(box.getByRole('link', { name: 'Vergelijk uw favorieten' }).isVisible()).resolves.toBe(true);
      expect((await shortlistOf(page)).map((entry) => entry.housingFormId)).toEqual([LAVENDEL.housingFormId]);

      // A second form at the same location, then the first off again.
      const other = page.locator(`button[data-favourite]:not([data-housing-form-id="${LAVENDEL.housingFormId}"])`).first();
      await other.click();
      expect(await shortlistOf(page)).toHaveLength(2);
      await button.click();
      expect(await button.getAttribute('aria-pressed')).toBe('false');
      expect((await shortlistOf(page)).map((entry) => entry.housingFormId)).not.toContain(LAVENDEL.housingFormId);
      await page.reload();
      await other.waitFor({ state: 'visible' });
      expect(await other.getAttribute('aria-pressed')).toBe('true');
      await screenshot(page, 'location-favourites');
    });

    it('location page without JavaScript still shows its housing forms and contact, and no dead buttons', async () => {
      const h = harness();
      const context = await h.browser.newContext({ javaScriptEnabled: false, baseURL: h.baseUrl, viewport: { width: 390, height: 844 } });
      try {
        const page = await context.newPage();
        await page.goto(`/locatie/${LAVENDEL.locationId}/`);
        await expect(page.getByRole('heading', { level: 3, name: LAVENDEL.name }).isVisible()).resolves.toBe(true);
        await expect(page.getByRole('link', { name: 'info@mergelland-zorg.example' }).isVisible()).resolves.toBe(true);
        expect(await page.locator('button[data-favourite]:visible').count()).toBe(0);
        expect(await page.locator('[data-location-page]').isVisible()).toBe(false);
      } finally {
        await context.close();
      }
    });

    it('compare page: both favourites side by side with the person’s wishes and outcomes in words; removing one updates', async () => {
      const page = await harness().newPage({ width: 1280 });
      await seed(page, [LAVENDEL, SCHACHT]);
      await page.goto(`/regio/${REGION}/vergelijken/`);
      expect(await comparedNames(page)).toEqual([LAVENDEL.name, SCHACHT.name]);
      const [wishTable, factTable] = [page.locator('.ww-compare-table').first(), page.locator('.ww-compare-table').last()];
      await expect(wishTable.isVisible()).resolves.toBe(true);
      await expect(page.locator('.ww-compare-narrow').first().isVisible()).resolves.toBe(false);

      // The wishes where the places differ come first; every outcome is in words beside its symbol.
      const wishes = await tableRows(wishTable);
      expect(wishes.map((row) => row.label)).toEqual(['Een eigen badkamerLeuk als het kan', 'Een tuinBelangrijk', 'Leeftijd: 84 jaarBelangrijk']);
      for (const row of wishes) {
        for (const cell of row.cells) expect(cell).toMatch(/^[✓✗?](Past|Past niet|Onbekend: vraag het de aanbieder)$/);
      }
      const differs = wishes.map((row) => new Set(row.cells).size > 1);
      expect(differs).toEqual([...differs].sort((a, b) => Number(b) - Number(a)));
      expect(wishes[0]?.cells).toEqual(['✓Past', '✗Past niet']);
      expect(wishes[1]?.cells).toEqual(['✗Past niet', '✓Past']);

      // Wishes both places fit are folded into one line, closed, and named inside it.
      const fits = page.locator('[data-compare] details[data-all-fit]');
      expect(await fits.locator('summary').textContent()).toBe('Alle plekken passen bij deze wensen (2)');
      expect(await fits.getAttribute('open')).toBeNull();
      await expect(fits.locator('li').first().isVisible()).resolves.toBe(false);
      expect(await fits.locator('li').allTextContents()).toEqual(['✓Geschikt voor een rolstoel (Moet)', expect.stringMatching(/^✓Hoogstens 50 km .+ \(Moet\)$/)]);
      await fits.locator('summary').click();
      await expect(fits.locator('li').first().isVisible()).resolves.toBe(true);
      expect(await wishTable.locator('tbody th', { hasText: 'Geschikt voor een rolstoel' }).count()).toBe(0);

      // Facts: a symbol only where the fact answers a wish (with the outcome for screen readers too).
      // The table holds the facts where the places differ; those the same at both are folded.
      const facts = await tableRows(factTable);
      const fact = (label: string) => facts.find((row) => row.label.startsWith(label));
      expect(fact('Een eigen badkamer')).toEqual({ label: 'Een eigen badkamerUw wens: Leuk als het kan', cells: ['✓Ja, dit past bij uw wens', '✗Nee, dit past niet bij uw wens'] });
      for (const row of facts) expect(new Set(row.cells).size, row.label).toBeGreaterThan(1);
      expect(fact('Wachtlijst')?.cells.join(' ')).toContain('Laatst bevestigd op');
      expect(fact('Afstand')?.cells[0]).toMatch(/Ongeveer \d+ km/);
      const sameFacts = page.locator('[data-compare] details[data-same-facts]');
      expect(await sameFacts.getAttribute('open')).toBeNull();
      const same = await sameFacts.locator('li').allTextContents();
      expect(await sameFacts.locator('summary').textContent()).toBe(`Hetzelfde bij alle plekken (${same.length})`);
      for (const label of ['Roken mag', 'Een eigen keukentje', 'Partner kan mee komen wonen', 'Bewoners koken zelf of helpen met koken']) {
        expect(same.find((line) => line.startsWith(`${label}: `)), label).toMatch(/: (Ja|Nee|Onbekend — vraag het de aanbieder)$/);
      }
      // A wish both places answer alike keeps its symbol and its words among the folded facts.
      expect(same).toContain('Geschikt voor een rolstoel: ✓Ja, dit past bij uw wens (Uw wens: Moet)');
      await screenshot(page, 'compare');

      // The scroll box is labelled and reachable by keyboard.
      const scroller = page.locator('.ww-table-scroll').first();
      expect(await scroller.getAttribute('tabindex')).toBe('0');
      expect(await scroller.getAttribute('aria-labelledby')).toBe('ww-compare-caption');

      // On paper: the tables, the folded wishes and facts unfolded, no navigation.
      await fits.locator('summary').click();
      await page.emulateMedia({ media: 'print' });
      await expect(wishTable.isVisible()).resolves.toBe(true);
      await expect(fits.locator('li').first().isVisible()).resolves.toBe(true);
      await expect(sameFacts.locator('li').last().isVisible()).resolves.toBe(true);
      expect(await page.locator('nav:visible, .ww-compare-narrow:visible').count()).toBe(0);
      await page.emulateMedia({ media: 'screen' });

      await page.getByRole('button', { name: `Haal weg: ${LAVENDEL.name}, ${LAVENDEL.locationName}` }).click();
      expect(await comparedNames(page)).toEqual([SCHACHT.name]);
      expect(await page.locator('[data-compare] [role="status"]').textContent()).toContain(`${LAVENDEL.name}, ${LAVENDEL.locationName} is weggehaald`);
      expect((await shortlistOf(page)).map((entry) => entry.housingFormId)).toEqual([SCHACHT.housingFormId]);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('ww-shortlist-title');
      expect(await fits.locator('summary').textContent()).toMatch(/^Deze plek past bij deze wensen \(\d+\)$/);
    });

    it('compare page on a phone (390 px): per wish both places with their outcome in view, nothing scrolls sideways', async () => {
      const page = await harness().newPage({ width: 390 });
      await seed(page, [LAVENDEL, SCHACHT]);
      await page.goto(`/regio/${REGION}/vergelijken/`);
      expect(await comparedNames(page)).toEqual([LAVENDEL.name, SCHACHT.name]);
      await expect(page.locator('.ww-compare-table').first().isVisible()).resolves.toBe(false);

      const bathroom = page.locator('[data-part="wishes"] .ww-compare-block', { has: page.getByRole('heading', { level: 4, name: /^Een eigen badkamer/ }) });
      const places = bathroom.locator('.ww-compare-block__places > li');
      const said = (await places.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
      expect(said).toEqual([`1 ${LAVENDEL.name}, ${LAVENDEL.locationName}: ✓Past`, `2 ${SCHACHT.name}, ${SCHACHT.locationName}: ✗Past niet`]);
      // Both outcomes inside the screen's width, one under the other.
      for (const place of await places.all()) {
        const box = await place.boundingBox();
        expect(box && box.x >= 0 && box.x + box.width <= 390, `${JSON.stringify(box)} within 390 px`).toBe(true);
      }
      // ... and together less than a screen high, so they are seen at once.
      expect((await bathroom.boundingBox())?.height).toBeLessThan(844);
      expect(await horizontalOverflow(page)).toBe(0);

      // The wishes both fit are one closed line; it opens by keyboard.
      const summary = page.locator('details[data-all-fit] summary');
      await summary.focus();
      await page.keyboard.press('Enter');
      await expect(page.locator('details[data-all-fit] li', { hasText: 'Geschikt voor een rolstoel' }).isVisible()).resolves.toBe(true);
      // The facts: a plain fact without a symbol, a wished one with its outcome.
      const size = page.locator('.ww-compare-block', { has: page.getByRole('heading', { level: 4, name: 'Grootte van de groep' }) });
      for (const value of await size.locator('.ww-compare-block__value').allInnerTexts()) expect(value).toMatch(/^\d+ bewoners per groep$/);
      const bathroomFact = page.locator('[data-part="facts"] .ww-compare-block', { has: page.getByRole('heading', { level: 4, name: /^Een eigen badkamer/ }) });
      expect(await bathroomFact.locator('.ww-compare-block__value').allTextContents()).toEqual(['✓Ja, dit past bij uw wens', '✗Nee, dit past niet bij uw wens']);
      await screenshot(page, 'compare');

      // On paper the table, also from a phone.
      await page.emulateMedia({ media: 'print' });
      await expect(page.locator('.ww-compare-table').first().isVisible()).resolves.toBe(true);
      expect(await page.locator('.ww-compare-narrow:visible').count()).toBe(0);
    });

    it('compare page on a phone (390 px): each place numbered once in full, the blocks show the number and a one-line name; shorter', async () => {
      const page = await harness().newPage({ width: 390 });
      await seed(page, [LAVENDEL, SCHACHT]);
      await page.goto(`/regio/${REGION}/vergelijken/`);
      expect(await comparedNames(page)).toEqual([LAVENDEL.name, SCHACHT.name]);

      // The key: once, in view, each place with its number, name, location and city.
      const key = page.locator('.ww-compare-key');
      expect(await key.count()).toBe(1);
      await expect(key.isVisible()).resolves.toBe(true);
      expect(await key.locator('.ww-compare-key__title').innerText()).toBe('U vergelijkt deze plekken:');
      const keyItems = (await key.locator('li').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
      expect(keyItems).toEqual([`1 ${LAVENDEL.name} — ${LAVENDEL.locationName}, Gulpen`, `2 ${SCHACHT.name} — ${SCHACHT.locationName}, Heerlen`]);

      // Every place in every block: its badge, and its name on one line (cut off on screen) that
      // still says in full which place it is.
      const placeItems = page.locator('.ww-compare-narrow .ww-compare-block__places > li');
      const blocks = await page.locator('.ww-compare-narrow > .ww-compare-block').count();
      expect(await placeItems.count()).toBe(blocks * 2);
      const seen = await placeItems.evaluateAll((items) => items.map((item) => {
        const badge = item.querySelector('.ww-compare-badge');
        const name = item.querySelector<HTMLElement>('.ww-compare-block__name');
        return {
          badge: badge?.textContent, hidden: badge?.getAttribute('aria-hidden'),
          name: name?.textContent, oneLine: name ? name.getBoundingClientRect().height < 2 * parseFloat(getComputedStyle(name).lineHeight || '24') : false,
        };
      }));
      seen.forEach((place, index) => {
        const favourite = index % 2 === 0 ? LAVENDEL : SCHACHT;
        expect(place, `place ${index}`).toEqual({ badge: String((index % 2) + 1), hidden: 'true', name: `${favourite.name}, ${favourite.locationName}:`, oneLine: true });
      });
      // On a wide screen and on paper the table, whose headings name the places: no key.
      await page.emulateMedia({ media: 'print' });
      await expect(key.isVisible()).resolves.toBe(false);
      await page.emulateMedia({ media: 'screen' });

      // Shorter than with both names in full in every block (5,216 px); 4,801 px when written, about
      // 5,010 px once the header got its easy-read switch and the rows their outdated-date lines.
      const height = await page.evaluate(() => document.body.scrollHeight);
      expect(height).toBeLessThan(5_150);
      expect(await horizontalOverflow(page)).toBe(0);
      await page.setViewportSize({ width: 320, height: 844 });
      expect(await horizontalOverflow(page)).toBe(0);
      await screenshot(page, 'compare-badges');
    });

    it('compare page on a phone (390 px): facts that differ in view, the same facts folded with their count; shorter; all on paper', async () => {
      const page = await harness().newPage({ width: 390 });
      await seed(page, [LAVENDEL, SCHACHT]);
      await page.goto(`/regio/${REGION}/vergelijken/`);
      expect(await comparedNames(page)).toEqual([LAVENDEL.name, SCHACHT.name]);

      // In view: per differing fact a block with both places, and both values differ.
      const factBlocks = page.locator('.ww-compare-narrow[data-part="facts"] > .ww-compare-block');
      const shown = (await factBlocks.locator('h4').allInnerTexts()).map((text) => text.split('\n')[0]);
      expect(shown).toEqual(['Afstand', 'Wachtlijst', 'Soort wonen', 'Grootte van de groep', 'Een eigen badkamer', 'Aanbieder', 'Adres']);
      for (const block of await factBlocks.all()) {
        await expect(block.isVisible()).resolves.toBe(true);
        expect(new Set(await block.locator('.ww-compare-block__value').allInnerTexts()).size).toBe(2);
      }
      // Folded: the facts the same at both places, one closed line with their count.
      const same = page.locator('details[data-same-facts]');
      const summary = same.locator('summary');
      await expect(summary.isVisible()).resolves.toBe(true);
      expect(await summary.innerText()).toBe('Hetzelfde bij alle plekken (9)');
      expect(await same.getAttribute('open')).toBeNull();
      await expect(same.locator('li').first().isVisible()).resolves.toBe(false);
      // Closed, the folded facts are still in the page for screen readers once opened, and no fact is lost.
      expect(await same.locator('li').count() + shown.length).toBe(16);
      // After the facts the links to each place, still in view.
      await expect(page.locator('.ww-compare-narrow[data-part="more"]').getByRole('link', { name: 'Meer over Kapelhof' }).isVisible()).resolves.toBe(true);

      // Shorter than before the facts were folded (6,675 px then, about 5,200 px now).
      const height = await page.evaluate(() => document.body.scrollHeight);
      expect(height).toBeLessThan(5_800);

      // By keyboard: the summary opens and closes the folded facts.
      await summary.focus();
      await page.keyboard.press('Enter');
      await expect(same.locator('li', { hasText: 'Roken mag: Nee' }).isVisible()).resolves.toBe(true);
      await page.keyboard.press('Enter');
      await expect(same.locator('li').first().isVisible()).resolves.toBe(false);

      // On paper everything: the table of differing facts and every folded fact and wish.
      await page.emulateMedia({ media: 'print' });
      await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      await expect(page.locator('.ww-compare-table').last().isVisible()).resolves.toBe(true);
      expect(await page.locator('.ww-compare-table').last().locator('tbody tr').count()).toBe(7);
      for (const item of await page.locator('details.ww-compare-fits li').all()) await expect(item.isVisible()).resolves.toBe(true);
      await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
      await page.emulateMedia({ media: 'screen' });
      expect(await same.getAttribute('open')).toBeNull();

      // With only one favourite nothing is compared: every fact is shown, nothing folded.
      await page.getByRole('checkbox', { name: new RegExp(`^${LAVENDEL.name}`) }).uncheck();
      expect(await comparedNames(page)).toEqual([SCHACHT.name]);
      expect(await page.locator('details[data-same-facts]').count()).toBe(0);
      expect(await factBlocks.count()).toBe(16);
    });

    it('compare page with the folded parts open: no axe violations in Dutch and English, no sideways scroll at 320 px', async () => {
      const page = await harness().newPage({ width: 390 });
      await seed(page, [LAVENDEL, SCHACHT]);
      const found: Record<string, unknown> = {};
      for (const path of [`/regio/${REGION}/vergelijken/`, `/en/region/${REGION}/compare/`]) {
        await page.goto(path);
        const summaries = page.locator('details.ww-compare-fits > summary');
        await summaries.first().waitFor();
        expect(await summaries.count(), path).toBe(2);
        for (const summary of await summaries.all()) await summary.click();
        expect(await page.locator('details.ww-compare-fits:not([open])').count(), path).toBe(0);
        const violations = await axeViolations(page);
        if (violations.length > 0) found[path] = violations;
        await page.setViewportSize({ width: 320, height: 844 });
        expect(await horizontalOverflow(page), path).toBe(0);
        await page.setViewportSize({ width: 390, height: 844 });
      }
      expect(found).toEqual({});
      expect(await page.locator('details[data-same-facts] summary').textContent()).toBe('The same at every place (9)');
      await screenshot(page, 'compare-folds-open');
    });

    it('compare page: unticking a favourite takes it out of the table; no sideways scroll at 320 px', async () => {
      const page = await harness().newPage({ width: 320 });
      await seed(page, [LAVENDEL, SCHACHT]);
      await page.goto(`/regio/${REGION}/vergelijken/`);
      expect(await comparedNames(page)).toHaveLength(2);
      expect(await horizontalOverflow(page)).toBe(0);
      await page.getByRole('checkbox', { name: new RegExp(`^${LAVENDEL.name}`) }).uncheck();
      expect(await comparedNames(page)).toEqual([SCHACHT.name]);
      expect(await horizontalOverflow(page)).toBe(0);
    });

    it('compare and report judge “Misschien verouderd” by the moment of the API’s answer, not by the browser’s clock', async () => {
      const page = await harness().newPage({ width: 1280 });
      // The browser's clock two months past the API's: by it, Kapelhof's list (confirmed about ten
      // days before the API's moment) would look outdated too; by the answer's asOf only De Schacht's is.
      await page.clock.setFixedTime(new Date('2027-01-20T09:00:00Z'));
      await seed(page, [LAVENDEL, SCHACHT]);
      const waitingLines = async () => page.locator('.ww-compare-waiting:visible').evaluateAll((blocks) => blocks.map((block) => block.textContent ?? ''));

      await page.goto(`/regio/${REGION}/vergelijken/`);
      await comparedNames(page);
      const compared = await waitingLines();
      expect(compared).toHaveLength(2);
      expect(compared.filter((line) => line.includes('Misschien verouderd'))).toHaveLength(1);
      expect(compared.filter((line) => line.includes('Laatst bevestigd op'))).toHaveLength(1);

      await page.goto(`/regio/${REGION}/verslag/`);
      const lavendel = page.locator('.ww-report-item', { has: page.getByRole('heading', { name: LAVENDEL.name }) });
      const schacht = page.locator('.ww-report-item', { has: page.getByRole('heading', { name: SCHACHT.name }) });
      await lavendel.locator('.ww-compare-waiting').waitFor();
      expect(await lavendel.locator('.ww-compare-waiting').innerText()).toContain('Laatst bevestigd op');
      expect(await lavendel.locator('.ww-compare-waiting').innerText()).not.toContain('Misschien verouderd');
      expect(await schacht.locator('.ww-compare-waiting').innerText()).toContain('Misschien verouderd');
    });

    it('compare page: an empty shortlist explains how to add favourites; no answers still compares the facts', async () => {
      const page = await harness().newPage({ width: 390 });
      await seed(page, []);
      await page.goto(`/regio/${REGION}/vergelijken/`);
      await page.getByRole('heading', { name: 'U heeft nog geen favorieten' }).waitFor();
      await expect(page.getByRole('link', { name: 'Bekijk de plekken die bij u passen' }).getAttribute('href')).resolves.toBe(`/regio/${REGION}/resultaten/`);
      await expect(page.getByRole('link', { name: 'Zoek in alle woonvormen' }).getAttribute('href')).resolves.toBe(`/regio/${REGION}/zoeken/`);

      await seed(page, [SCHACHT], false);
      await page.goto(`/regio/${REGION}/vergelijken/`);
      expect(await comparedNames(page)).toEqual([SCHACHT.name]);
      await expect(page.getByText('U heeft de vragen nog niet beantwoord.').isVisible()).resolves.toBe(true);
      expect(await page.locator('.ww-compare-part').allTextContents()).toEqual(['Feiten']);
    });

    it('compare page: when the API cannot be reached it says so, keeps the favourites and tries again', async () => {
      const page = await harness().newPage({ width: 390 });
      await seed(page, [LAVENDEL, SCHACHT]);
      await page.route('**/api/compare', (route) => route.abort('connectionrefused'));
      await page.goto(`/regio/${REGION}/vergelijken/`);
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toContain('Uw favorieten en antwoorden zijn niet weg');
      expect(await shortlistOf(page)).toHaveLength(2);
      await page.unroute('**/api/compare');
      await page.getByRole('button', { name: 'Probeer opnieuw' }).click();
      expect(await comparedNames(page)).toEqual([LAVENDEL.name, SCHACHT.name]);
    });

    it('report: wishes in plain words by importance, own words, favourites with reasons and contact, today’s date; prints without navigation', async () => {
      const page = await harness().newPage({ width: 1280 });
      await seed(page, [LAVENDEL, SCHACHT]);
      await page.goto(`/regio/${REGION}/verslag/`);
      const report = page.locator('[data-report]');
      await report.locator('.ww-report-item').first().waitFor();
      const today = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(new Date());
      expect(await report.locator('[data-part="date"]').textContent()).toBe(`Gemaakt op ${today}`);

      const wishes = report.locator('[data-part="wishes"]');
      expect(await wishes.locator('.ww-report-group', { hasText: 'Dit moet' }).textContent()).toContain('Geschikt voor een rolstoel');
      expect(await wishes.locator('.ww-report-group', { hasText: 'Dit is belangrijk' }).textContent()).toContain('Een tuin');
      expect(await wishes.locator('.ww-report-group', { hasText: 'Dit is leuk als het kan' }).textContent()).toContain('Een eigen badkamer');
      expect(await report.locator('[data-part="place"]').textContent()).toContain('In de buurt van postcode 6211 AB');
      expect(await report.locator('[data-part="place"]').textContent()).toContain('Hoogstens 50 km daarvandaan');
      const ownWords = report.locator('[data-part="own-words"]');
      expect(await ownWords.locator('h3').allTextContents()).toEqual(['Wilt u iets over uzelf vertellen?']);
      expect(await ownWords.locator('p').textContent()).toBe(OWN_WORDS);

      const items = report.locator('.ww-report-item');
      expect(await items.locator('h3').allTextContents()).toEqual([LAVENDEL.name, SCHACHT.name]);
      const schacht = await items.nth(1).textContent();
      expect(schacht).toContain('Past bij uw wensen');
      expect(schacht).toContain('Geschikt voor een rolstoel');
      expect(schacht).toContain('info@woonzorg-parkstad-oost.example');
      expect(await items.nth(0).textContent()).toContain('info@mergelland-zorg.example');
      await expect(page.getByText('Voor de cliëntondersteuner of de zorgaanbieder').isVisible()).resolves.toBe(true);
      await screenshot(page, 'report');

      const printButton = page.getByRole('button', { name: 'Print of bewaar als pdf' });
      await expect(printButton.isVisible()).resolves.toBe(true);
      await page.emulateMedia({ media: 'print' });
      await expect(printButton.isVisible()).resolves.toBe(false);
      await expect(page.locator('nav').first().isVisible()).resolves.toBe(false);
      expect(await page.locator('nav:visible').count()).toBe(0);
      await expect(page.locator('.ww-skip-link').isVisible()).resolves.toBe(false);
      await expect(page.locator('.ww-demo-banner').isVisible()).resolves.toBe(true);
      await expect(items.first().isVisible()).resolves.toBe(true);
      const pdf = join(REPO_ROOT, 'test-results', 'report.pdf');
      await page.pdf({ path: pdf, format: 'A4', printBackground: true });
      expect((await stat(pdf)).size).toBeGreaterThan(30_000);
    });

    it('report: per favourite under “Vraag de aanbieder” a plain question for each unknown wish, and the number to call', async () => {
      const page = await harness().newPage({ width: 1280 });
      await seed(page, [LAVENDEL, SHORT_STAY]);
      await page.goto(`/regio/${REGION}/verslag/`);
      const items = page.locator('[data-report] .ww-report-item');
      await items.first().waitFor();
      expect(await items.locator('h3').allTextContents()).toEqual([LAVENDEL.name, SHORT_STAY.name]);
      const askOf = (item: Locator) => item.locator('.ww-report-reasons--unknown');
      // Kapelhof gives no ages: the age is unknown there. Ter Borcht's short stay leaves the wheelchair unknown.
      expect(await askOf(items.nth(0)).locator('h4').innerText()).toBe('Vraag de aanbieder');
      expect(await askOf(items.nth(0)).locator('li').allInnerTexts()).toContain('Kan iemand van 84 jaar hier wonen?');
      expect(await askOf(items.nth(1)).locator('li').allInnerTexts()).toContain('Kan iemand met een rolstoel hier goed wonen?');
      expect(await askOf(items.nth(1)).innerText()).not.toContain('Geschikt voor een rolstoel');
      // The location's own number, else its organisation's.
      expect(await items.nth(0).getByRole('link', { name: '043 000 28 55' }).getAttribute('href')).toBe('tel:0430002855');
      expect(await items.nth(1).getByRole('link', { name: '043 000 48 64' }).getAttribute('href')).toBe('tel:0430004864');
      expect(await axeViolations(page)).toEqual([]);
      await page.emulateMedia({ media: 'print' });
      await expect(askOf(items.nth(1)).isVisible()).resolves.toBe(true);
    });

    it('report: “Voor wie is dit verslag?” stays in this browser, titles the report on screen and on paper, and is never sent', async () => {
      const page = await harness().newPage({ width: 390 });
      await seed(page, [LAVENDEL, SCHACHT]);
      await page.evaluate(({ key, answers }) => localStorage.setItem(key, JSON.stringify(answers)),
        { key: `woonwijzer.answers.${REGION}`, answers: { ...ANSWERS, answers: { ...ANSWERS.answers, 'wie-vult-in': { choice: 'naaste' } } } });
      const NAME = 'Mevr. J. Janssen-Knops';
      const sent: string[] = [];
      page.on('request', (request) => sent.push(`${request.url()} ${request.postData() ?? ''}`));

      await page.goto(`/regio/${REGION}/verslag/`);
      const report = page.locator('[data-report]');
      await report.locator('.ww-report-item').first().waitFor();
      const title = page.locator('h1');
      expect(await title.innerText()).toBe('Verslag');
      const field = page.getByRole('textbox', { name: 'Voor wie is dit verslag?' });
      await expect(field.isVisible()).resolves.toBe(true);
      // It says that the name stays on this device and is never sent.
      expect(await page.locator(`#${await field.getAttribute('aria-describedby')}`).innerText()).toContain('blijft alleen op dit apparaat. Het wordt nooit verstuurd.');

      await field.fill(NAME);
      expect(await title.innerText()).toBe(`Verslag over ${NAME}`);
      expect(await page.evaluate((key) => localStorage.getItem(key), `woonwijzer.reportName.${REGION}`)).toBe(JSON.stringify(NAME));

      // After a reload: the name is back in the field and the title; "Ingevuld door" stays.
      await page.reload();
      await report.locator('.ww-report-item').first().waitFor();
      expect(await field.inputValue()).toBe(NAME);
      expect(await title.innerText()).toBe(`Verslag over ${NAME}`);
      expect(await report.locator('[data-part="filled-by"]').innerText()).toContain('Ingevuld door: familie of mantelzorger');
      expect(await horizontalOverflow(page)).toBe(0);

      // On paper: the title with the name, no field.
      await page.emulateMedia({ media: 'print' });
      await expect(title.isVisible()).resolves.toBe(true);
      expect(await title.innerText()).toBe(`Verslag over ${NAME}`);
      await expect(field.isVisible()).resolves.toBe(false);
      await expect(report.locator('[data-part="filled-by"]').isVisible()).resolves.toBe(true);
      await page.emulateMedia({ media: 'screen' });

      // English reads the same stored name; Dutch, emptied, is "Verslag" again and keeps nothing.
      await page.goto(`/en/region/${REGION}/report/`);
      await report.locator('.ww-report-item').first().waitFor();
      expect(await title.innerText()).toBe(`Report about ${NAME}`);
      await page.goto(`/regio/${REGION}/verslag/`);
      await report.locator('.ww-report-item').first().waitFor();
      await field.fill('');
      expect(await title.innerText()).toBe('Verslag');
      expect(await page.evaluate((key) => localStorage.getItem(key), `woonwijzer.reportName.${REGION}`)).toBeNull();

      // Requests were made (the comparison), and none carried the name, in its address or its body.
      expect(sent.some((line) => line.includes('/api/compare'))).toBe(true);
      for (const part of [NAME, 'Janssen', encodeURIComponent(NAME)]) {
        expect(sent.filter((line) => line.includes(part)), part).toEqual([]);
      }
    });

    it('compare and report with data shown: no axe violations in Dutch and English; report at phone width', async () => {
      const h = harness();
      const page = await h.newPage({ width: 390 });
      await seed(page, [LAVENDEL, SCHACHT]);
      const found: Record<string, unknown> = {};
      for (const path of [`/regio/${REGION}/vergelijken/`, `/en/region/${REGION}/compare/`, `/regio/${REGION}/verslag/`, `/en/region/${REGION}/report/`]) {
        await page.goto(path);
        await page.locator('.ww-compare-part, .ww-report-item').first().waitFor();
        const violations = await axeViolations(page);
        if (violations.length > 0) found[path] = violations;
        expect(await horizontalOverflow(page), path).toBe(0);
      }
      expect(found).toEqual({});
      await page.goto(`/regio/${REGION}/verslag/`);
      await page.locator('.ww-report-item').first().waitFor();
      await screenshot(page, 'report');
      await page.goto(`/en/region/${REGION}/compare/`);
      expect(await comparedNames(page)).toEqual([LAVENDEL.name, SCHACHT.name]);
      // The wheelchair must fits both: among the wishes every place fits, with its importance.
      expect(await page.locator('details[data-all-fit] summary').textContent()).toBe('All places fit these wishes (2)');
      expect(await page.locator('details[data-all-fit] li', { hasText: 'Suitable for a wheelchair' }).textContent()).toContain('(Must)');
      await screenshot(page, 'compare');
    });
  });
}
