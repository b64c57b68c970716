// Home, region and location pages in both languages: axe, keyboard, 320 px, the first screen at
// phone and desktop width; on a phone the chrome (folded region menu, one-line demonstration
// note) leaves the first screen to the page; no failed requests (the favicon is there). The
// region page folds each town into a <details> (ux-review-2 (b)10: it was 19,128 px on a phone):
// short, opened by keyboard or by the index of towns, every location link still in the HTML, all
// unfolded on paper.
import { describe, expect, it } from 'vitest';
import type { LocationSummary } from '../../../shared/domain/index.ts';
import type { Page } from 'playwright-core';
import { axeViolations } from '../axe.ts';
import type { SiteHarness } from '../harness.ts';
import { FIRST_SCREEN_OK, firstScreen, focusState, horizontalOverflow, screenshot, type FirstScreen } from '../page-checks.ts';

const REGION = 'zuid-limburg';

async function firstLocationId(h: SiteHarness): Promise<string> {
  const { locations } = (await (await fetch(`${h.baseUrl}/api/regions/${REGION}/locations`)).json()) as { locations: LocationSummary[] };
  const first = locations[0];
  if (!first) throw new Error(`No locations in ${REGION}`);
  return first.id;
}

async function locationCount(h: SiteHarness): Promise<number> {
  const { locations } = (await (await fetch(`${h.baseUrl}/api/regions/${REGION}/locations`)).json()) as { locations: LocationSummary[] };
  return locations.length;
}

/** Unfolds every <details> on the page (the towns, the index, the menu) as a reader could. */
function openAllDetails(page: Page): Promise<void> {
  return page.evaluate(() => { document.querySelectorAll('details').forEach((details) => { details.open = true; }); });
}

const REGION_PAGES = [
  { locale: 'nl', path: `/regio/${REGION}/` },
  { locale: 'en', path: `/en/region/${REGION}/` },
] as const;

async function pageTypes(h: SiteHarness): Promise<Array<{ name: string; path: string }>> {
  const locationId = await firstLocationId(h);
  return [
    { name: 'home-nl', path: '/' },
    { name: 'home-en', path: '/en/' },
    { name: 'region-nl', path: `/regio/${REGION}/` },
    { name: 'region-en', path: `/en/region/${REGION}/` },
    { name: 'location-nl', path: `/locatie/${locationId}/` },
    { name: 'location-en', path: `/en/location/${locationId}/` },
  ];
}

export function pagesSuite(harness: () => SiteHarness): void {
  describe('home, region and location pages', () => {
    it('have no WCAG 2.x A or AA violations by axe-core, in Dutch and English', async () => {
      const h = harness();
      const page = await h.newPage();
      const found: Record<string, unknown> = {};
      for (const { name, path } of await pageTypes(h)) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(200);
        const violations = await axeViolations(page);
        if (violations.length > 0) found[name] = violations;
        if (name.startsWith('region-')) {
          // The towns folded (above) and unfolded.
          await openAllDetails(page);
          const unfolded = await axeViolations(page);
          if (unfolded.length > 0) found[`${name}-unfolded`] = unfolded;
        }
      }
      expect(found).toEqual({});
    });

    it('can be used by keyboard alone: skip link, a region, a location, with visible focus', async () => {
      const page = await harness().newPage();
      await page.goto('/');
      await page.keyboard.press('Tab');
      const skip = await focusState(page);
      expect(skip.href).toBe('#main');
      expect(skip.visible, 'the skip link shows focus').toBe(true);

      const tabUntil = async (found: (state: Awaited<ReturnType<typeof focusState>>) => boolean, what: string) => {
        for (let i = 0; i < 80; i++) {
          await page.keyboard.press('Tab');
          const state = await focusState(page);
          expect(state.visible, `focus visible on <${state.tag}> "${state.text}"`).toBe(true);
          if (found(state)) return state;
        }
        throw new Error(`No ${what} reached by Tab`);
      };
      const tabTo = (pattern: RegExp) => tabUntil((state) => state.href !== null && pattern.test(state.href), `link matching ${pattern}`);
      await tabTo(/\/regio\/[^/]+\/$/);
      await Promise.all([page.waitForURL(/\/regio\/[^/]+\/$/), page.keyboard.press('Enter')]);
      // The towns are folded: the first town opens with Enter, then its locations are next.
      await tabUntil((state) => state.tag === 'summary' && /\d+ locaties?$/.test(state.text), 'town');
      await page.keyboard.press('Enter');
      const location = await tabTo(/\/locatie\/[^/]+\/$/);
      await Promise.all([page.waitForURL(/\/locatie\/[^/]+\/$/), page.keyboard.press('Enter')]);
      expect(new URL(page.url()).pathname).toBe(location.href);
      await expect(page.locator('h1').textContent()).resolves.toBeTruthy();
    });

    it('do not scroll sideways at 320 px wide', async () => {
      const h = harness();
      const page = await h.newPage({ width: 320, height: 640 });
      const overflow: Record<string, number> = {};
      for (const { name, path } of await pageTypes(h)) {
        await page.goto(path);
        overflow[name] = await horizontalOverflow(page);
        if (name.startsWith('region-')) {
          await openAllDetails(page);
          overflow[`${name}-unfolded`] = await horizontalOverflow(page);
        }
      }
      expect(overflow).toEqual(Object.fromEntries(Object.keys(overflow).map((name) => [name, 0])));
    });

    it('start their content on a phone’s first screen: the region menu folded, the demonstration note one line', async () => {
      const page = await harness().newPage({ width: 390 });
      await page.goto(`/regio/${REGION}/`);
      const nav = page.getByRole('navigation', { name: 'Pagina’s over Zuid-Limburg' });
      expect(await nav.locator('details').getAttribute('open')).toBeNull();
      expect(await nav.getByRole('link').count()).toBe(0);
      const banner = page.locator('.ww-demo-banner');
      expect((await banner.innerText()).trim()).toBe('Let op: voorbeeldgegevens');
      expect((await banner.boundingBox())?.height).toBeLessThan(60);
      // The explanation is one tap (or Enter) away.
      await banner.locator('summary').focus();
      await page.keyboard.press('Enter');
      await expect(banner.getByText('Dit zijn voorbeeldgegevens. De locaties bestaan niet echt.').isVisible()).resolves.toBe(true);
      await page.reload();
      // The heading in the top third of the screen (it was 412 px down before the menu folded).
      expect((await page.locator('h1').boundingBox())?.y).toBeLessThan(844 / 3);
      // In English the language switch stays beside the site's name.
      await page.goto(`/en/region/${REGION}/`);
      const name = (await page.locator('.ww-logo').boundingBox())!;
      const other = (await page.getByRole('link', { name: 'Nederlands' }).boundingBox())!;
      expect(other.y).toBeLessThan(name.y + name.height);
      expect(await horizontalOverflow(page)).toBe(0);
    });

    it('region page: every town folded, so a phone scrolls a few screens instead of 19,000 px; every location link still in the HTML', async () => {
      const h = harness();
      const count = await locationCount(h);
      const page = await h.newPage({ width: 390 });
      for (const { locale, path } of REGION_PAGES) {
        await page.goto(path);
        const towns = page.locator('details.ww-town');
        expect(await towns.count(), locale).toBeGreaterThan(3);
        expect(await page.locator('details.ww-town[open]').count(), `${locale}: no town open`).toBe(0);
        // Before the towns were folded: 19,128 px (nl) and 18,831 px (en); folded about 3,950 px.
        expect(await page.evaluate(() => document.body.scrollHeight), `${locale}: page height at 390 px`).toBeLessThan(6000);
        // Without JavaScript every location page is still one link away (for people and search engines).
        expect(await page.locator('.ww-town .ww-card__link[href]').count(), locale).toBe(count);
        expect(await page.locator('script').count(), `${locale}: no JavaScript`).toBe(0);
        // Each town's button names the town and its number of locations, and is a large target.
        const summary = towns.first().locator('summary');
        expect(await summary.innerText(), locale).toMatch(locale === 'nl' ? /^\S.* \d+ locaties?$/ : /^\S.* \d+ locations?$/);
        expect((await summary.boundingBox())?.height, locale).toBeGreaterThanOrEqual(44);
        await screenshot(page, `region-folded-${locale}`);
      }
    });

    it('region page: a town opens by keyboard (Enter) with visible focus and shows its locations; the index of towns opens its town', async () => {
      const page = await harness().newPage({ width: 390 });
      await page.goto(`/regio/${REGION}/`);
      const town = page.locator('details.ww-town').nth(1);
      const summary = town.locator('summary');
      const marker = () => summary.evaluate((element) => getComputedStyle(element, '::before').content);
      const closedMarker = await marker();
      await summary.focus();
      const focus = await focusState(page);
      expect(focus.tag).toBe('summary');
      expect(focus.visible, 'the town shows focus').toBe(true);
      const link = town.locator('.ww-card__link').first();
      await expect(link.isVisible()).resolves.toBe(false);
      await page.keyboard.press('Enter');
      await expect(town.getAttribute('open')).resolves.toBe('');
      await expect(link.isVisible()).resolves.toBe(true);
      expect(await marker(), 'the sign changes when the town opens').not.toBe(closedMarker);
      await page.keyboard.press('Tab');
      expect((await focusState(page)).href).toBe(await link.getAttribute('href'));
      // Enter on the town again folds it.
      await summary.focus();
      await page.keyboard.press('Enter');
      await expect(town.getAttribute('open')).resolves.toBeNull();

      // The index of towns: a link to a folded town opens it, with its name in view.
      for (const { locale, path } of REGION_PAGES) {
        await page.goto(path);
        const nav = page.locator('.ww-places-nav');
        await nav.locator('summary').click();
        const indexLink = nav.getByRole('link').nth(5);
        const href = (await indexLink.getAttribute('href')) ?? '';
        const target = page.locator(`details.ww-town:has(${href})`);
        await expect(target.getAttribute('open'), locale).resolves.toBeNull();
        await indexLink.click();
        await expect.poll(() => target.getAttribute('open'), { message: `${locale}: ${href} opens its town` }).toBe('');
        // (The page scrolls smoothly: wait until the town's name is in the top half of the screen.)
        await expect.poll(async () => {
          const y = (await target.locator('summary').boundingBox())?.y ?? -1;
          return y >= 0 && y < 844 / 2;
        }, { message: `${locale}: the town's name in view` }).toBe(true);
        await expect(target.locator('.ww-card__link').first().isVisible()).resolves.toBe(true);
      }
      // Also when the page is opened at a town (a link from elsewhere, a bookmark).
      const fresh = await harness().newPage({ width: 390 });
      await fresh.goto(`/regio/${REGION}/#plaats-maastricht`);
      await expect.poll(() => fresh.locator('details.ww-town:has(#plaats-maastricht)').getAttribute('open')).toBe('');
    });

    it('region page: on paper every town is unfolded', async () => {
      const h = harness();
      const page = await h.newPage({ width: 390 });
      await page.goto(`/regio/${REGION}/`);
      await page.emulateMedia({ media: 'print' });
      const links = page.locator('.ww-town .ww-card__link');
      const visible = await links.evaluateAll((elements) => elements.filter((element) => element.getBoundingClientRect().height > 0).length);
      expect(visible).toBe(await locationCount(h));
    });

    it('load without a failed request, the favicon (a house, as SVG) included', async () => {
      const h = harness();
      const page = await h.newPage({ width: 390 });
      const failed: string[] = [];
      page.on('response', (response) => { if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`); });
      // (A favicon request cut short by the next page is not a failure: net::ERR_ABORTED.)
      page.on('requestfailed', (request) => { if (request.failure()?.errorText !== 'net::ERR_ABORTED') failed.push(`${request.failure()?.errorText} ${request.url()}`); });
      for (const { path } of await pageTypes(h)) {
        await page.goto(path);
        await page.waitForLoadState('load');
        expect(await page.locator('link[rel="icon"]').getAttribute('href'), path).toBe('/favicon.svg');
      }
      expect(failed).toEqual([]);
      const icon = await fetch(`${h.baseUrl}/favicon.svg`);
      expect(icon.status).toBe(200);
      expect(icon.headers.get('content-type')).toContain('image/svg+xml');
      expect(await icon.text()).toContain('#154273');
    });

    // A phone and a desktop, as people have them (pictures of these: `npm run screenshots`).
    it('at phone (390 px) and desktop (1280 px) width: nothing wider than the screen, the heading on the first screen, the skip link first', async () => {
      const h = harness();
      const seen: Record<string, FirstScreen> = {};
      for (const width of [390, 1280]) {
        const page = await h.newPage({ width });
        for (const { name, path } of await pageTypes(h)) {
          await page.goto(path);
          seen[`${name}-${width}`] = await firstScreen(page);
        }
      }
      expect(seen).toEqual(Object.fromEntries(Object.keys(seen).map((name) => [name, FIRST_SCREEN_OK])));
    });
  });
}
