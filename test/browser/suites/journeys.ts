// The two journeys of issue 4 as people make them, start to end, by clicking (or typing) through
// the real pages with nothing put in the browser beforehand: every answer, wish change and
// favourite comes from the pages' own controls. A citizen on a phone in Dutch (questions, results
// with reasons, a changed wish, two favourites, a location, compare, the report printed to PDF);
// a client supporter at a desk in English, keyboard first (questions, results, direct search with
// a filter, a location, compare, the report printed to PDF). Screenshots at phone and desktop width.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { REPO_ROOT } from '../../../functions/platform/paths.ts';
import type { SearchResponse } from '../../../shared/domain/index.ts';
import { codeLabels } from '../../../shared/i18n/code-labels.ts';
import type { SiteHarness } from '../harness.ts';
import { focusState, screenshot } from '../page-checks.ts';

const PDF_DIR = join(REPO_ROOT, 'test-results');
const OWN_WORDS_NL = 'Ik was bakker in Gulpen. Ik hou van de radio.';
const OWN_WORDS_EN = 'I like music and I work three days a week at a bakery.';

/** A page that fails a step with its own message rather than the test's timeout; map tiles refused (no internet in tests). */
async function open(h: SiteHarness, width: number): Promise<Page> {
  const page = await h.newPage({ width });
  page.setDefaultTimeout(10_000);
  await page.route('https://tile.openstreetmap.org/**', (route) => route.abort());
  return page;
}

/** Waits until the address and the page both show this step (the script follows the hash). */
async function atStep(page: Page, hash: string): Promise<void> {
  await page.waitForURL((url) => url.hash === `#${hash}`);
  await page.locator(`#${hash}`).waitFor({ state: 'visible' });
}

/** Clicks a link and waits for the page it leads to. */
async function follow(page: Page, link: Locator, path: string | ((url: URL) => boolean)): Promise<void> {
  await Promise.all([page.waitForURL(typeof path === 'string' ? `**${path}` : path), link.click()]);
}

/** Waits for the results page's announced count (other than `not`) and returns it. */
async function announcedCount(page: Page, not = -1): Promise<number> {
  const handle = await page.waitForFunction((previous) => {
    const match = /(\d+) (plekken|plek|places|place) (gevonden|found)/.exec(document.querySelector('[data-status]')?.textContent ?? '');
    return match && Number(match[1]) !== previous ? Number(match[1]) : false;
  }, not);
  return (await handle.jsonValue()) as number;
}

/** The housing form id in a result (…/?woonvorm={id}) or search hit link (…/#woonvorm-{id}). */
const housingFormOf = (href: string | null): string => decodeURIComponent(/(?:#woonvorm-|[?&]woonvorm=)(.+)$/.exec(href ?? '')?.[1] ?? '');

/** Presses Tab until `wanted` holds, checking at every stop that the focus can be seen. */
async function tabUntil(page: Page, wanted: (state: Awaited<ReturnType<typeof focusState>>) => boolean, what: string, max = 40) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const state = await focusState(page);
    expect(state.visible, `focus visible on <${state.tag}> #${state.id} "${state.text.slice(0, 40)}"`).toBe(true);
    if (wanted(state)) return state;
  }
  throw new Error(`${what} was not reached by Tab in ${max} presses`);
}
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

/** Print form: no navigation, no buttons (nor links dressed as buttons); then the page as an A4 PDF. */
async function printToPdf(page: Page, name: string): Promise<void> {
  await page.emulateMedia({ media: 'print' });
  expect(await page.locator('nav:visible').count(), 'navigation hidden in print').toBe(0);
  expect(await page.locator('button:visible, .ww-button:visible').count(), 'buttons hidden in print').toBe(0);
  await expect(page.locator('.ww-report-item').first().isVisible()).resolves.toBe(true);
  const path = join(PDF_DIR, `${name}.pdf`);
  await page.pdf({ path, format: 'A4', printBackground: true });
  expect((await stat(path)).size).toBeGreaterThan(30_000);
  await page.emulateMedia({ media: 'screen' });
}

/** A full-page screenshot at another width, then back. */
async function screenshotAt(page: Page, name: string, width: number): Promise<void> {
  const before = page.viewportSize();
  await page.setViewportSize({ width, height: width < 600 ? 844 : 900 });
  await screenshot(page, name);
  if (before) await page.setViewportSize(before);
}

export function journeysSuite(harness: () => SiteHarness): void {
  describe('journeys', () => {
    it('journey of a citizen on a phone (Dutch): questions, results with reasons, favourites, a location, compare, the printed report', async () => {
      const REGION = 'zuid-limburg';
      const page = await open(harness(), 390);

      // Home → the region → "Ontdek wat bij u past".
      await page.goto('/');
      await screenshot(page, 'journey-citizen-1-home');
      await follow(page, page.getByRole('link', { name: 'Zuid-Limburg', exact: true }), `/regio/${REGION}/`);
      await expect(page.getByRole('heading', { name: 'Ontdek wat bij u past' }).isVisible()).resolves.toBe(true);
      await follow(page, page.getByRole('link', { name: 'Begin met de vragen' }), `/regio/${REGION}/vragen/`);
      expect(await page.evaluate(() => localStorage.length), 'nothing stored before the person answers').toBe(0);
      await expect(page.getByText('Stap 1 van 9').isVisible()).resolves.toBe(true);
      const next = page.getByRole('link', { name: 'Volgende stap' });

      // Step 1: about me (where I live now is skipped).
      await page.check('#q-wie-vult-in-naaste');
      await page.getByLabel('Hoe oud bent u?').fill('84');
      await page.getByLabel('Wilt u iets over uzelf vertellen?').fill(OWN_WORDS_NL);
      await screenshot(page, 'journey-citizen-2-questions');
      await next.click();
      await atStep(page, 'stap-2');

      // Step 2: my care; a wheelchair is a must (profile and diagnosis skipped).
      await page.check('#q-sector-ouderenzorg');
      await page.check('#q-rolstoel-yes');
      await page.check('#q-rolstoel-importance-must');
      await next.click();
      await atStep(page, 'stap-3');

      // Step 3: a postcode and a distance; shops important (the rest skipped).
      await page.fill('#q-plaats-postcode', '6211 AB');
      await page.check('#q-plaats-25-km');
      await page.check('#q-winkels-yes');
      await next.click();
      await atStep(page, 'stap-4');

      // Step 4: a garden is important, the pet is a must.
      await page.check('#q-tuin-yes');
      await page.check('#q-tuin-importance-important');
      await page.check('#q-huisdier-yes');
      await page.check('#q-huisdier-importance-must');
      await screenshot(page, 'journey-citizen-3-wishes');
      // Steps 5 to 8 skipped entirely.
      for (const step of [5, 6, 7, 8, 9]) {
        await next.click();
        await atStep(page, `stap-${step}`);
      }
      await expect(page.getByRole('heading', { name: 'Klaar met de vragen' }).isVisible()).resolves.toBe(true);
      await follow(page, page.getByRole('link', { name: 'Bekijk de plekken die bij u passen' }), `/regio/${REGION}/resultaten/`);

      // Results: ranked, with reasons in words, the distance in km and the waiting list.
      const before = await announcedCount(page);
      expect(before).toBeGreaterThan(1);
      const first = page.locator('#result-1');
      const firstText = await first.innerText();
      expect(firstText).toMatch(/\d+(,\d)? km van 6211 AB/);
      const states = Object.values(codeLabels.nl.waitingListStatuses);
      expect(states.some((state) => firstText.includes(`Wachtlijst: ${state}`)), `a waiting-list state in "${firstText}"`).toBe(true);
      expect(firstText).toMatch(/Laatst bevestigd op|Misschien verouderd: bevestigd op/);
      // The musts she chose in sight with their outcome; the facts of her situation in one line, their list behind it.
      expect(await first.locator('.ww-reasons__group li', { hasText: 'Huisdier mag mee' }).innerText()).toBe('Huisdier mag mee (Moet)');
      expect(await first.locator('.ww-reasons__group li', { hasText: 'Geschikt voor een rolstoel' }).isVisible()).toBe(true);
      const situation = first.locator('.ww-reasons__situation');
      expect(await situation.locator('summary').innerText()).toMatch(/Past bij uw situatie( \(\d+\)|, voor zover bekend \(\d+ van \d+\))$/);
      await situation.locator('summary').click();
      expect(await situation.innerText()).toContain('km van de eigen plek');
      expect(await situation.innerText()).not.toContain('Huisdier mag mee');
      // Across the list all three kinds of reason appear, each in words.
      const groupTitles = await page.locator('[data-result-list] .ww-reasons__title').allInnerTexts();
      const outcomes = new Set(groupTitles.map((title) => title.replace(/^[✓✗?]\s*/, '')));
      expect([...outcomes].sort()).toEqual(['Onbekend: vraag het de aanbieder', 'Past', 'Past niet']);
      await screenshot(page, 'journey-citizen-4-results');
      await screenshotAt(page, 'journey-citizen-4-results', 1280);

      // One wish changed on the page: the pet no longer counts, more places fit.
      // On a phone the wish panel starts folded, so the first place is on the first screen.
      await page.getByRole('button', { name: 'Uw wensen' }).click();
      await page.getByText(/Verander uw wensen/).click();
      await page.locator('fieldset.ww-wish', { hasText: 'Huisdier mag mee' }).getByLabel('Niet meenemen').check();
      const after = await announcedCount(page, before);
      expect(after).toBeGreaterThan(before);
      expect(await page.locator('#result-1 .ww-reasons').innerText()).not.toContain('Huisdier mag mee');

      // Two favourites from the list.
      const favourites: Array<{ name: string; housingFormId: string; href: string }> = [];
      for (const n of [1, 2]) {
        const card = page.locator(`#result-${n}`);
        const link = card.locator('h3 a');
        const href = (await link.getAttribute('href')) ?? '';
        favourites.push({ name: await link.innerText(), housingFormId: housingFormOf(href), href });
        const button = card.locator('button.ww-favourite');
        await button.click();
        expect(await button.getAttribute('aria-pressed')).toBe('true');
      }
      expect(await page.locator('[data-compare-link]').innerText()).toBe('Vergelijk uw favorieten (2)');

      // The first favourite's location page: its distance, and the favourite kept.
      const [fav1, fav2] = favourites as [typeof favourites[number], typeof favourites[number]];
      await follow(page, page.locator('#result-1 h3 a'), (url) => url.pathname.startsWith('/locatie/'));
      const distance = page.locator('[data-location-page]');
      await distance.waitFor({ state: 'visible' });
      expect(await distance.innerText()).toMatch(/^Ongeveer \d+ km van 6211 AB/);
      const saved = page.locator(`button[data-housing-form-id="${fav1.housingFormId}"]`);
      await saved.waitFor({ state: 'visible' });
      expect(await saved.getAttribute('aria-pressed')).toBe('true');
      expect((await saved.innerText()).trim()).toBe('Favoriet');
      await screenshot(page, 'journey-citizen-5-location');

      // Compare, through the region's navigation: both side by side with the wishes as now set.
      // (On a phone the region's pages are folded behind "Menu".)
      const nav = page.getByRole('navigation', { name: 'Pagina’s over Zuid-Limburg' });
      await nav.locator('summary', { hasText: 'Menu' }).click();
      await follow(page, nav.getByRole('link', { name: 'Favorieten en vergelijken' }), `/regio/${REGION}/vergelijken/`);
      // On a phone: per wish a block with both places and their outcome in words; the wishes
      // both places fit are folded into one line.
      const compared = page.locator('[data-compare]');
      await compared.locator('.ww-compare-part').first().waitFor();
      expect(await compared.locator('.ww-compare-table').first().isVisible()).toBe(false);
      expect(await compared.locator('.ww-compare-block').first().locator('.ww-compare-block__place strong').allInnerTexts()).toEqual([fav1.name, fav2.name]);
      const wishRows = compared.locator('.ww-compare-narrow[data-part="wishes"] > li, details[data-all-fit] li');
      const wheelchair = wishRows.filter({ hasText: 'Geschikt voor een rolstoel' });
      expect(await wheelchair.count()).toBe(1);
      expect(await wheelchair.textContent()).toContain('Moet');
      for (const outcome of await wheelchair.locator('.ww-compare-block__value').allInnerTexts()) expect(outcome).toMatch(/Past|Past niet|Onbekend: vraag het de aanbieder/);
      expect(await wishRows.filter({ hasText: 'Een tuin' }).count()).toBeGreaterThan(0);
      expect(await wishRows.filter({ hasText: 'Hoogstens 25 km van de eigen plek' }).count()).toBe(1);
      // The wish switched off on the results page is off here too.
      expect(await wishRows.filter({ hasText: 'Huisdier mag mee' }).count()).toBe(0);
      await screenshot(page, 'journey-citizen-6-compare');
      await screenshotAt(page, 'journey-citizen-6-compare', 1280);

      // The report: wishes in plain words, the place, own words and both favourites; then printed.
      await follow(page, page.getByRole('link', { name: 'Maak uw verslag' }), `/regio/${REGION}/verslag/`);
      const report = page.locator('[data-report]');
      await report.locator('.ww-report-item').first().waitFor();
      const wishes = report.locator('[data-part="wishes"]');
      expect(await wishes.locator('.ww-report-group', { hasText: 'Dit moet' }).innerText()).toContain('Geschikt voor een rolstoel');
      expect(await wishes.locator('.ww-report-group', { hasText: 'Dit is belangrijk' }).innerText()).toContain('Een tuin');
      expect(await report.locator('[data-part="place"]').innerText()).toContain('In de buurt van postcode 6211 AB');
      expect(await report.locator('[data-part="place"]').innerText()).toContain('Hoogstens 25 km daarvandaan');
      expect(await report.locator('[data-part="own-words"]').innerText()).toContain(OWN_WORDS_NL);
      expect(await report.locator('.ww-report-item h3').allInnerTexts()).toEqual([fav1.name, fav2.name]);
      await screenshot(page, 'journey-citizen-7-report');
      await expect(page.getByRole('button', { name: 'Print of bewaar als pdf' }).isVisible()).resolves.toBe(true);
      await printToPdf(page, 'journey-citizen');
    }, 120_000);

    it('journey of a client supporter at a desk (English, keyboard first): questions, results, search with a filter, a location, compare, the printed report', async () => {
      const h = harness();
      const REGION = 'rotterdam';
      const page = await open(h, 1280);

      await page.goto('/en/');
      await follow(page, page.getByRole('link', { name: 'Rotterdam', exact: true }), `/en/region/${REGION}/`);
      await expect(page.getByRole('heading', { name: 'Find out what suits you' }).isVisible()).resolves.toBe(true);
      await follow(page, page.getByRole('link', { name: 'Start the questions' }), `/en/region/${REGION}/questions/`);
      await expect(page.getByText('Step 1 of 9').isVisible()).resolves.toBe(true);

      // Step 1 by keyboard alone: who fills in (arrow keys in the radio group), age, own words, Enter on "Next step".
      await tabUntil(page, (s) => s.id === 'q-wie-vult-in--skip', 'the first question');
      await page.keyboard.press('ArrowUp');
      expect(await page.isChecked('#q-wie-vult-in-ondersteuner')).toBe(true);
      await tabUntil(page, (s) => s.id === 'q-leeftijd', 'the age box');
      await page.keyboard.type('23');
      await tabUntil(page, (s) => s.id === 'q-over-mij', 'the own-words box');
      await page.keyboard.type(OWN_WORDS_EN);
      await tabUntil(page, (s) => s.text === 'Next step', 'the next step link');
      await page.keyboard.press('Enter');
      await atStep(page, 'step-2');
      expect(await focusedId(page)).toBe('step-2-title');
      expect(await page.inputValue('#q-leeftijd')).toBe('23');

      // Step 2 with the mouse: the kind of care (the rest skipped).
      await page.check('#q-sector-verstandelijke-beperking');
      await page.getByRole('link', { name: 'Next step' }).click();
      await atStep(page, 'step-3');

      // Step 3 by keyboard alone: Space ticks a box and picks a distance, arrows choose, Enter goes on.
      await tabUntil(page, (s) => s.id === 'q-dichtbij-wat-vrienden', 'the "friends" box');
      await page.keyboard.press('Space');
      expect(await page.isChecked('#q-dichtbij-wat-vrienden')).toBe(true);
      await tabUntil(page, (s) => s.id === 'q-plaats-postcode', 'the postcode box');
      await page.keyboard.type('3011 AB');
      await page.keyboard.press('Tab');
      expect(await focusedId(page)).toBe('q-plaats-5-km');
      await page.keyboard.press('Space');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      expect(await page.isChecked('#q-plaats-25-km')).toBe(true);
      expect((await focusState(page)).visible).toBe(true);
      await tabUntil(page, (s) => s.id === 'q-bus-tram-metro--skip', 'the public transport question');
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('ArrowUp');
      expect(await page.isChecked('#q-bus-tram-metro-yes')).toBe(true);
      await tabUntil(page, (s) => s.id.startsWith('q-bus-tram-metro-importance-'), 'how much it matters');
      await page.keyboard.press('ArrowUp');
      expect(await page.isChecked('#q-bus-tram-metro-importance-must')).toBe(true);
      await screenshot(page, 'journey-supporter-1-questions');
      await tabUntil(page, (s) => s.text === 'Next step', 'the next step link');
      await page.keyboard.press('Enter');
      await atStep(page, 'step-4');

      // The remaining steps skipped; the finish link by keyboard.
      for (const step of [5, 6, 7, 8, 9]) {
        await page.getByRole('link', { name: 'Next step' }).click();
        await atStep(page, `step-${step}`);
      }
      await tabUntil(page, (s) => s.text === 'See the places that suit you', 'the finish link');
      await Promise.all([page.waitForURL(`**/en/region/${REGION}/results/`), page.keyboard.press('Enter')]);

      // Results in English, with reasons in words; the first one saved as a favourite.
      expect(await announcedCount(page)).toBeGreaterThan(0);
      const first = page.locator('#result-1');
      expect(await first.innerText()).toMatch(/\d+(\.\d)? km from 3011 AB/);
      expect(await first.innerText()).toContain('Waiting list:');
      expect(await first.locator('.ww-reasons__situation > summary').innerText()).toMatch(/Suits your situation( \(\d+\)|, as far as known \(\d+ of \d+\))$/);
      expect(await first.locator('.ww-reasons').textContent()).toContain('Bus, tram or train nearby');
      const fav1 = { name: await first.locator('h3 a').innerText(), housingFormId: housingFormOf(await first.locator('h3 a').getAttribute('href')) };
      await first.locator('button.ww-favourite').click();
      expect(await first.locator('button.ww-favourite').getAttribute('aria-pressed')).toBe('true');
      await screenshot(page, 'journey-supporter-2-results');
      await screenshotAt(page, 'journey-supporter-2-results', 390);

      // Direct search from the region's navigation: a word, then a filter; the counts are the API's.
      const nav = page.getByRole('navigation', { name: 'Pages about Rotterdam' });
      await follow(page, nav.getByRole('link', { name: 'Search', exact: true }), `/en/region/${REGION}/search/`);
      const WORD = 'woongroep';
      const apiSearch = async (query: string) =>
        (await (await fetch(`${h.baseUrl}/api/search?regionId=${REGION}&${query}`)).json()) as SearchResponse;
      const expected = await apiSearch(`q=${WORD}`);
      expect(expected.total).toBeGreaterThan(1);
      await page.getByLabel('Search words').fill(WORD);
      await Promise.all([page.waitForURL(/[?&]q=woongroep/), page.getByLabel('Search words').press('Enter')]);
      const status = page.locator('[data-search-status]');
      await page.waitForFunction((text) => document.querySelector('[data-search-status]')?.textContent?.includes(text), `${expected.total} housing forms found`);
      // The waiting-list state with the fewest hits (but some) narrows the search.
      const [code, facet] = Object.entries(expected.facets.waitingList ?? {}).filter(([, n]) => n > 0).sort((a, b) => a[1] - b[1])[0] ?? ['', 0];
      expect(facet).toBeGreaterThan(0);
      expect(facet).toBeLessThan(expected.total);
      await page.locator('summary', { hasText: 'Waiting list' }).click();
      const label = codeLabels.en.waitingListStatuses[code as keyof typeof codeLabels.en.waitingListStatuses];
      const box = page.getByRole('checkbox', { name: `${label} (${facet})` });
      // Ticked by keyboard, the filter applies itself: the address, the count and the list follow; focus stays.
      await box.focus();
      await page.keyboard.press('Space');
      await page.waitForURL(new RegExp(`waitingList=${code}`));
      await page.waitForFunction((text) => document.querySelector('[data-search-status]')?.textContent?.startsWith(text), `${facet} housing form`);
      expect(await status.innerText()).toMatch(new RegExp(`^${facet} housing forms? found`));
      expect(await page.getByLabel('Search words').inputValue()).toBe(WORD);
      expect(await box.evaluate((element) => element === document.activeElement)).toBe(true);
      await screenshot(page, 'journey-supporter-3-search');

      // A hit that is not yet a favourite: its location page, saved there.
      const hrefs = await page.locator('[data-search-results] a[href*="#woonvorm-"]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
      const target = hrefs.find((href) => housingFormOf(href) !== fav1.housingFormId);
      expect(target, 'a search hit other than the first favourite').toBeDefined();
      await follow(page, page.locator(`[data-search-results] a[href="${target}"]`), (url) => url.pathname.startsWith('/en/location/'));
      const fav2Id = housingFormOf(target ?? '');
      const save = page.locator(`button[data-housing-form-id="${fav2Id}"]`);
      await save.waitFor({ state: 'visible' });
      expect(await page.locator('[data-location-page]').innerText()).toMatch(/^About \d+ km from 3011 AB/);
      expect((await save.innerText()).trim()).toBe('Save as favourite');
      await save.focus();
      await page.keyboard.press('Enter');
      expect(await save.getAttribute('aria-pressed')).toBe('true');
      const favouriteBox = page.locator(`#woonvorm-${fav2Id} [data-favourite-box]`);
      expect(await favouriteBox.locator('[role="status"]').innerText()).toContain('You now have 2 favourites');
      const fav2Name = (await save.getAttribute('data-name')) ?? '';
      await screenshot(page, 'journey-supporter-4-location');

      // Compare: both, side by side, against the wishes.
      await follow(page, favouriteBox.getByRole('link', { name: 'Compare your favourites' }), `/en/region/${REGION}/compare/`);
      const compared = page.locator('[data-compare]');
      await compared.locator('.ww-compare-table').first().waitFor();
      expect(await compared.locator('[data-part="facts"] .ww-compare-table thead th .ww-compare-name').allInnerTexts()).toEqual([fav1.name, fav2Name]);
      // The wish in the table (places differ) or folded with those both fit, said with its importance.
      const transport = compared.locator('[data-part="wishes"] .ww-compare-table tbody tr, details[data-all-fit] li').filter({ hasText: 'Bus, tram or train nearby' });
      expect(await transport.count()).toBe(1);
      expect(await transport.textContent()).toContain('Must');
      for (const outcome of await transport.locator('td').allInnerTexts()) expect(outcome).toMatch(/Fits|Does not fit|Unknown: ask the provider/);
      await screenshot(page, 'journey-supporter-5-compare');
      await screenshotAt(page, 'journey-supporter-5-compare', 390);

      // The report in English, printed.
      await follow(page, page.getByRole('link', { name: 'Make your report' }), `/en/region/${REGION}/report/`);
      const report = page.locator('[data-report]');
      await report.locator('.ww-report-item').first().waitFor();
      expect(await report.locator('[data-part="wishes"] .ww-report-group', { hasText: 'This is a must' }).innerText()).toContain('Bus, tram or train nearby');
      expect(await report.locator('[data-part="place"]').innerText()).toContain('Near postcode 3011 AB');
      expect(await report.locator('[data-part="place"]').innerText()).toContain('At most 25 km from there');
      expect(await report.locator('[data-part="own-words"]').innerText()).toContain(OWN_WORDS_EN);
      // Who filled the questions in is not a wish, but the reader of the report needs to know.
      expect(await report.locator('[data-part="filled-by"]').innerText()).toContain('Filled in by: a client supporter or support worker');
      expect(await report.locator('.ww-report-item h3').allInnerTexts()).toEqual([fav1.name, fav2Name]);
      await expect(page.getByText('For the client supporter or the care provider').isVisible()).resolves.toBe(true);
      await screenshot(page, 'journey-supporter-6-report');
      await screenshotAt(page, 'journey-supporter-6-report', 390);
      await printToPdf(page, 'journey-supporter');
    }, 120_000);
  });
}
