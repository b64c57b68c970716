// Direct search, the help page and the region's navigation. Search: words found by their stem,
// the count announced, a ticked filter narrowing the list at once to its facet count (no button;
// focus stays, the count is said once, one request for boxes ticked in a row, a link under the
// group with the new count), the search in the address (Back restores it, paging changes it), a
// failing API said in words with the typed text kept, and a note without JavaScript. Help: the
// region's organisations in Dutch and English. Navigation: by keyboard, current page marked; on a
// phone folded behind "Menu", which opens by keyboard. And axe, 320 px and the first screen at phone
// and desktop width for both pages.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RegionDetail, SearchResponse } from '../../../shared/domain/index.ts';
import { axeViolations } from '../axe.ts';
import type { SiteHarness } from '../harness.ts';
import { FIRST_SCREEN_OK, firstScreen, focusState, horizontalOverflow, inFirstScreen, type FirstScreen } from '../page-checks.ts';

const REGION = 'zuid-limburg';
const SEARCH = `/regio/${REGION}/zoeken/`;
const SEARCH_EN = `/en/region/${REGION}/search/`;
const HELP = `/regio/${REGION}/hulp/`;
const HELP_EN = `/en/region/${REGION}/help/`;
// 'groepen' is in no listing's name: only its stem 'groep' is ("Groep Berk", "Kleine groep ...").
const WORDS = 'groepen';

/** A page that fails a step with its own message instead of running into the test's timeout. */
async function open(h: SiteHarness, width = 1280): Promise<Page> {
  const page = await h.newPage({ width });
  page.setDefaultTimeout(8_000);
  return page;
}
const status = (page: Page) => page.locator('[data-search-status]');
/** Waits until the script has answered (a count or "nothing found"), and returns what it announced. */
async function announced(page: Page): Promise<string> {
  await page.waitForFunction(() => /gevonden|found/i.test(document.querySelector('[data-search-status]')?.textContent ?? ''));
  return (await status(page).textContent()) ?? '';
}
const hitTitles = (page: Page) => page.locator('[data-search-results] .ww-card__title').allTextContents();
const totalOf = (text: string) => Number(/^(\d+)/.exec(text)?.[1]);
/** Waits until the status says this many were found (after a filter, the old count stays until the new one is there). */
async function announcedTotal(page: Page, total: number): Promise<string> {
  await page.waitForFunction((n) => new RegExp(`^${n} (woonvorm|housing form)`).test(document.querySelector('[data-search-status]')?.textContent ?? ''), total);
  return (await status(page).textContent()) ?? '';
}

/** Presses Tab until `wanted` holds, checking at every stop that the focus can be seen. */
async function tabUntilFocused(page: Page, wanted: (state: Awaited<ReturnType<typeof focusState>>) => boolean): Promise<void> {
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    const state = await focusState(page);
    expect(state.visible, `focus visible on <${state.tag}> "${state.text}"`).toBe(true);
    if (wanted(state)) return;
  }
  throw new Error('Not reached by Tab in 20 presses');
}

async function apiSearch(h: SiteHarness, query: string): Promise<SearchResponse> {
  return (await (await fetch(`${h.baseUrl}/api/search?regionId=${REGION}&${query}`)).json()) as SearchResponse;
}

export function searchSupportSuite(harness: () => SiteHarness): void {
  describe('direct search', () => {
    it('finds words by their stem, announces the count, narrows by a filter, keeps the search in the address', async () => {
      const h = harness();
      const page = await open(h, 390);
      await page.goto(SEARCH);
      await announced(page);
      expect(await status(page).getAttribute('role')).toBe('status');

      await page.getByLabel('Zoekwoorden').fill(WORDS);
      await Promise.all([page.waitForURL(/[?&]q=groepen/), page.getByLabel('Zoekwoorden').press('Enter')]);
      const found = await announced(page);
      const expected = await apiSearch(h, `q=${WORDS}`);
      expect(expected.total).toBeGreaterThan(10);
      expect(totalOf(found)).toBe(expected.total);
      expect(found).toContain(`${expected.total} woonvormen gevonden`);
      const titles = await hitTitles(page);
      expect(titles).toHaveLength(10);
      expect(titles.some((title) => /\bgroep\b/i.test(title))).toBe(true);

      // The facet count beside a filter is what ticking it gives; ticking it (by keyboard) is enough.
      await page.locator('summary', { hasText: 'Soort wonen' }).click();
      const option = page.getByRole('checkbox', { name: /^Kleinschalig wonen in een kleine groep \(\d+\)$/ });
      const label = (await page.locator('label', { has: option }).textContent()) ?? '';
      const facet = Number(/\((\d+)\)\s*$/.exec(label)?.[1]);
      expect(facet).toBe(expected.facets.housingType?.['small-scale-group']);
      expect(facet).toBeLessThan(expected.total);
      // Everything the live region says from now on, and every search asked.
      await page.evaluate(() => {
        const said: string[] = [];
        (window as unknown as { said: string[] }).said = said;
        const region = document.querySelector('[data-search-status]');
        if (region) new MutationObserver(() => { if (region.textContent) said.push(region.textContent); }).observe(region, { childList: true, characterData: true, subtree: true });
      });
      const searches: string[] = [];
      page.on('request', (request) => { if (request.url().includes('/api/search')) searches.push(request.url()); });
      await option.focus();
      await page.keyboard.press('Space');
      await page.waitForURL(/[?&]housingType=small-scale-group/);
      expect(totalOf(await announcedTotal(page, facet))).toBe(facet);
      expect(await hitTitles(page)).toHaveLength(Math.min(facet, 10));
      expect(new URL(page.url()).searchParams.get('q')).toBe(WORDS);
      // Focus stays on the box; the count is said once, without "searching" before it.
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('small-scale-group');
      expect(await page.evaluate(() => (window as unknown as { said: string[] }).said)).toEqual([await status(page).textContent()]);
      expect(searches).toHaveLength(1);
      // Under the open group, the way to the list with its new count.
      const toList = page.locator('details[open] [data-show-results]');
      expect(await toList.innerText()).toBe(`Bekijk de lijst (${facet} ${facet === 1 ? 'woonvorm' : 'woonvormen'})`);
      expect(await toList.getAttribute('href')).toBe('#resultaten');
      expect(await page.getByLabel('Zoekwoorden').inputValue()).toBe(WORDS);
      expect(await option.isChecked()).toBe(true);

      // Two more boxes ticked one after the other: one search, one address, one announcement.
      searches.length = 0;
      await page.locator('summary', { hasText: 'Wachtlijst' }).click();
      const waiting = page.locator('input[name="waitingList"]');
      await waiting.nth(0).check();
      await waiting.nth(1).check();
      const codes = [await waiting.nth(0).getAttribute('value'), await waiting.nth(1).getAttribute('value')];
      const both = await apiSearch(h, `q=${WORDS}&housingType=small-scale-group&waitingList=${codes[0]}&waitingList=${codes[1]}`);
      await page.waitForURL((url) => url.searchParams.getAll('waitingList').length === 2);
      await announcedTotal(page, both.total);
      expect(searches).toHaveLength(1);
      await toList.first().click();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('resultaten');

      // Back: the search before, in the form and in the results.
      await page.goBack();
      await page.waitForURL((url) => url.searchParams.get('housingType') === 'small-scale-group' && !url.searchParams.has('waitingList'));
      await announcedTotal(page, facet);
      await page.goBack();
      await page.waitForURL((url) => !url.search.includes('housingType'));
      expect(totalOf(await announcedTotal(page, expected.total))).toBe(expected.total);
      expect(await page.getByLabel('Zoekwoorden').inputValue()).toBe(WORDS);
      // (Its group is folded again, as nothing in it is chosen: the box is found by name and value.)
      expect(await page.locator('input[name="housingType"][value="small-scale-group"]').isChecked()).toBe(false);

      // A shared address gives the same search.
      const other = await open(h, 1280);
      await other.goto(`${SEARCH}?q=${WORDS}&housingType=small-scale-group`);
      expect(totalOf(await announced(other))).toBe(facet);
    });

    it('pages through the hits with links that change the address', async () => {
      const h = harness();
      const page = await open(h);
      await page.goto(`${SEARCH}?q=${WORDS}`);
      const total = totalOf(await announced(page));
      const firstPage = await hitTitles(page);
      expect(await page.getByRole('link', { name: 'Vorige pagina' }).count()).toBe(0);
      await Promise.all([page.waitForURL(/[?&]page=2/), page.getByRole('link', { name: 'Volgende pagina' }).click()]);
      expect(await announced(page)).toContain(`U ziet nummer 11 tot en met ${Math.min(total, 20)}`);
      const secondPage = await hitTitles(page);
      expect(secondPage).toHaveLength(Math.min(total, 20) - 10);
      const { items } = await apiSearch(h, `q=${WORDS}&limit=10&offset=10`);
      expect(secondPage).toEqual(items.map((hit) => hit.name));
      expect(await page.getByLabel('Zoekwoorden').inputValue()).toBe(WORDS);
      await Promise.all([page.waitForURL((url) => !url.search.includes('page=')), page.getByRole('link', { name: 'Vorige pagina' }).click()]);
      await announced(page);
      expect(await hitTitles(page)).toEqual(firstPage);
    });

    it('says in words when the search fails, and keeps what was typed', async () => {
      const page = await open(harness(), 390);
      await page.route('**/api/search?**', (route) => route.abort('connectionrefused'));
      await page.goto(SEARCH);
      await page.getByLabel('Zoekwoorden').fill('appartement in Heerlen');
      await Promise.all([page.waitForURL(/[?&]q=appartement/), page.getByLabel('Zoekwoorden').press('Enter')]);
      const alert = page.getByRole('alert');
      await alert.waitFor({ state: 'visible' });
      expect(await alert.textContent()).toContain('Het zoeken lukt nu niet');
      expect(await page.getByLabel('Zoekwoorden').inputValue()).toBe('appartement in Heerlen');
      expect(await page.locator('[data-search-results] li').count()).toBe(0);

      // A refused request (400) is said differently, and names the text box.
      await page.unroute('**/api/search?**');
      await page.route('**/api/search?**', (route) => route.fulfill({
        status: 400, contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'invalid_request', message: 'Too long.', fields: [{ path: 'q', message: 'Too long.' }] } }),
      }));
      await page.reload();
      await alert.waitFor({ state: 'visible' });
      expect(await alert.textContent()).toContain('Deze zoekopdracht kunnen we niet uitvoeren');
      expect(await page.getByLabel('Zoekwoorden').getAttribute('aria-invalid')).toBe('true');
      expect(await page.getByLabel('Zoekwoorden').inputValue()).toBe('appartement in Heerlen');
    });

    it('says without JavaScript that searching needs it, and links to the list of locations', async () => {
      const context = await harness().browser.newContext({ javaScriptEnabled: false, baseURL: harness().baseUrl });
      try {
        const page = await context.newPage();
        await page.goto(SEARCH);
        // Playwright's text search skips <noscript>, so the message is found by its class.
        const note = page.locator('.ww-alert', { hasText: 'alleen als JavaScript aan staat' });
        await expect(note.isVisible()).resolves.toBe(true);
        expect(await note.locator('a').getAttribute('href')).toBe(`/regio/${REGION}/`);
      } finally {
        await context.close();
      }
    });
  });

  describe('help with choosing', () => {
    it('explains client support and lists the region’s organisations, in Dutch and English', async () => {
      const h = harness();
      const { region } = (await (await fetch(`${h.baseUrl}/api/regions/${REGION}`)).json()) as RegionDetail;
      expect(region.supportOrganizations.length, 'the demonstration region lists support organisations').toBeGreaterThan(0);
      const page = await open(h);
      for (const [path, locale, free] of [[HELP, 'nl', 'gratis'], [HELP_EN, 'en', 'free']] as const) {
        await page.goto(path);
        expect(await page.locator('main').textContent()).toContain(free);
        const names = await page.locator('.ww-support-org h3').allTextContents();
        expect(names).toEqual(region.supportOrganizations.map((organization) => organization.name));
        for (const organization of region.supportOrganizations) {
          const card = page.locator('.ww-support-org', { has: page.getByRole('heading', { name: organization.name, exact: true }) });
          expect(await card.textContent()).toContain(organization.description[locale]);
          if (organization.phone) expect(await card.getByRole('link', { name: organization.phone }).count()).toBe(1);
        }
      }
      expect(await page.locator('script').count()).toBe(0);
    });
  });

  describe('the region’s navigation', () => {
    it('is reached by keyboard, with visible focus, and marks the current page', async () => {
      const page = await open(harness());
      await page.goto(`/regio/${REGION}/`);
      const nav = page.getByRole('navigation', { name: 'Pagina’s over Zuid-Limburg' });
      expect(await nav.getByRole('link').allTextContents()).toEqual(['Vragen', 'Resultaten', 'Zoeken', 'Favorieten en vergelijken', 'Mijn verslag', 'Hulp bij kiezen']);
      expect(await nav.locator('[aria-current]').count()).toBe(0);
      let reached = false;
      for (let i = 0; i < 12 && !reached; i++) {
        await page.keyboard.press('Tab');
        const state = await focusState(page);
        expect(state.visible, `focus visible on <${state.tag}> "${state.text}"`).toBe(true);
        reached = state.href === SEARCH;
      }
      expect(reached, 'the search link of the region navigation is among the first 12 tab stops').toBe(true);
      await Promise.all([page.waitForURL(`**${SEARCH}`), page.keyboard.press('Enter')]);
      expect(await nav.locator('[aria-current="page"]').allTextContents()).toEqual(['Zoeken']);

      await page.goto(HELP_EN);
      const navEn = page.getByRole('navigation', { name: 'Pages about Zuid-Limburg' });
      expect(await navEn.locator('[aria-current="page"]').allTextContents()).toEqual(['Help with choosing']);

      // Every step of the questions links to the help page.
      await page.goto(`/regio/${REGION}/vragen/`);
      const help = page.getByRole('link', { name: 'Hulp nodig bij deze vraag?' });
      expect(await help.first().getAttribute('href')).toBe(HELP);
      expect(await nav.locator('[aria-current="page"]').allTextContents()).toEqual(['Vragen']);
    });

    it('on a phone is folded behind “Menu” naming the current page, and opens by keyboard with visible focus and 44 px targets', async () => {
      const page = await open(harness(), 390);
      await page.goto(SEARCH);
      const nav = page.getByRole('navigation', { name: 'Pagina’s over Zuid-Limburg' });
      const menu = nav.locator('details');
      const toggle = menu.locator('summary');
      // Folded: one row with the current page's name; no links to see or to tab through.
      expect(await menu.getAttribute('open')).toBeNull();
      expect((await toggle.textContent())?.replace(/\s+/g, ' ').trim()).toBe('Menu U bent op: Zoeken');
      await expect(toggle.isVisible()).resolves.toBe(true);
      expect(await nav.getByRole('link').count()).toBe(0);
      expect((await toggle.boundingBox())?.height).toBeGreaterThanOrEqual(44);
      expect((await nav.boundingBox())?.height).toBeLessThan(90);

      // By keyboard: Tab to "Menu", Enter opens it, Tab goes into the links.
      await tabUntilFocused(page, (state) => state.tag === 'summary' && state.text.startsWith('Menu'));
      await page.keyboard.press('Enter');
      expect(await menu.getAttribute('open')).toBe('');
      const links = nav.getByRole('link');
      expect(await links.allTextContents()).toEqual(['Vragen', 'Resultaten', 'Zoeken', 'Favorieten en vergelijken', 'Mijn verslag', 'Hulp bij kiezen']);
      for (const link of await links.all()) expect((await link.boundingBox())?.height, await link.textContent() ?? '').toBeGreaterThanOrEqual(44);
      expect(await nav.locator('[aria-current="page"]').allTextContents()).toEqual(['Zoeken']);
      await page.keyboard.press('Tab');
      const first = await focusState(page);
      expect(first.href).toBe(`/regio/${REGION}/vragen/`);
      expect(first.visible).toBe(true);
      expect(await horizontalOverflow(page)).toBe(0);
      await tabUntilFocused(page, (state) => state.href === HELP);
      await Promise.all([page.waitForURL(`**${HELP}`), page.keyboard.press('Enter')]);
      // The next page starts folded again, with its own name.
      expect(await menu.getAttribute('open')).toBeNull();
      expect((await toggle.textContent())?.replace(/\s+/g, ' ').trim()).toBe('Menu U bent op: Hulp bij kiezen');
      // And Space closes it again.
      await toggle.focus();
      await page.keyboard.press('Space');
      expect(await menu.getAttribute('open')).toBe('');
      await page.keyboard.press('Space');
      expect(await menu.getAttribute('open')).toBeNull();
    });

    it('is one wrapping row on a tablet, without the menu button', async () => {
      const page = await open(harness(), 820);
      await page.goto(HELP);
      const nav = page.getByRole('navigation', { name: 'Pagina’s over Zuid-Limburg' });
      await expect(nav.locator('summary').isVisible()).resolves.toBe(false);
      const boxes = await Promise.all((await nav.getByRole('link').all()).map(async (link) => (await link.boundingBox())!));
      expect(boxes).toHaveLength(6);
      // Rows of links side by side, each as wide as its words (no empty grid cells).
      const rows = [...new Set(boxes.map((box) => Math.round(box.y)))];
      expect(rows.length).toBeLessThanOrEqual(2);
      for (const box of boxes) expect(box.height).toBeGreaterThanOrEqual(44);
      for (const [i, box] of boxes.entries()) {
        const next = boxes[i + 1];
        if (next && Math.round(next.y) === Math.round(box.y)) expect(next.x - (box.x + box.width)).toBeLessThan(16);
      }
    });
  });

  describe('search and help pages', () => {
    const withResults = [
      { name: 'search-nl', path: `${SEARCH}?q=${WORDS}&waitingList=short` },
      { name: 'search-en', path: `${SEARCH_EN}?q=${WORDS}` },
      { name: 'help-nl', path: HELP },
      { name: 'help-en', path: HELP_EN },
    ];
    const ready = async (page: Page, path: string) => {
      await page.goto(path);
      if (path.includes('?')) await announced(page);
    };

    it('have no WCAG 2.x A or AA violations by axe-core (search with results), in Dutch and English', async () => {
      const page = await open(harness());
      const found: Record<string, unknown> = {};
      for (const { name, path } of withResults) {
        await ready(page, path);
        if (name.startsWith('search')) expect(await page.locator('[data-search-results] li').count(), name).toBeGreaterThan(0);
        // Open the filter groups, so their contents are checked too.
        await page.evaluate(() => document.querySelectorAll('details').forEach((details) => { details.open = true; }));
        const violations = await axeViolations(page);
        if (violations.length > 0) found[name] = violations;
      }
      expect(found).toEqual({});
    });

    it('do not scroll sideways at 320 px wide', async () => {
      const page = await harness().newPage({ width: 320, height: 640 });
      const overflow: Record<string, number> = {};
      for (const { name, path } of withResults) {
        await ready(page, path);
        await page.evaluate(() => document.querySelectorAll('details').forEach((details) => { details.open = true; }));
        overflow[name] = await horizontalOverflow(page);
      }
      expect(overflow).toEqual(Object.fromEntries(Object.keys(overflow).map((name) => [name, 0])));
    });

    // A phone and a desktop, as people have them (pictures of these: `npm run screenshots`).
    it('at phone (390 px) and desktop (1280 px) width: nothing wider than the screen, heading and search field on the first screen, the skip link first', async () => {
      const seen: Record<string, FirstScreen & { searchFieldInView?: boolean }> = {};
      const expected: typeof seen = {};
      for (const width of [390, 1280]) {
        const page = await open(harness(), width);
        for (const { name, path } of withResults) {
          await ready(page, path);
          const key = `${name}-${width}`;
          const searchFieldInView = name.startsWith('search') ? { searchFieldInView: await inFirstScreen(page, 'input[type="search"]') } : {};
          seen[key] = { ...(await firstScreen(page)), ...searchFieldInView };
          expected[key] = { ...FIRST_SCREEN_OK, ...(name.startsWith('search') ? { searchFieldInView: true } : {}) };
        }
      }
      expect(seen).toEqual(expected);
    });

    it('on a desktop (1280 px) shows the count and the first hit without scrolling', async () => {
      const page = await open(harness(), 1280);
      const seen: Record<string, { count: boolean; firstHit: boolean }> = {};
      for (const { name, path } of withResults.filter(({ name }) => name.startsWith('search'))) {
        await ready(page, path);
        seen[name] = { count: await inFirstScreen(page, '[data-search-status]'), firstHit: await inFirstScreen(page, '[data-search-results] li') };
      }
      expect(seen).toEqual({ 'search-nl': { count: true, firstHit: true }, 'search-en': { count: true, firstHit: true } });
    });
  });
}
