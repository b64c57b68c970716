// Home, region and location pages in both languages: axe, keyboard, 320 px, screenshots; on a
// phone the chrome (folded region menu, one-line demonstration note) leaves the first screen to
// the page; no failed requests (the favicon is there).
import { describe, expect, it } from 'vitest';
import type { LocationSummary } from '../../../shared/domain/index.ts';
import { axeViolations } from '../axe.ts';
import type { SiteHarness } from '../harness.ts';
import { focusState, horizontalOverflow, screenshot } from '../page-checks.ts';

const REGION = 'zuid-limburg';

async function firstLocationId(h: SiteHarness): Promise<string> {
  const { locations } = (await (await fetch(`${h.baseUrl}/api/regions/${REGION}/locations`)).json()) as { locations: LocationSummary[] };
  const first = locations[0];
  if (!first) throw new Error(`No locations in ${REGION}`);
  return first.id;
}

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

      const tabTo = async (pattern: RegExp) => {
        for (let i = 0; i < 80; i++) {
          await page.keyboard.press('Tab');
          const state = await focusState(page);
          expect(state.visible, `focus visible on <${state.tag}> "${state.text}"`).toBe(true);
          if (state.href && pattern.test(state.href)) return state;
        }
        throw new Error(`No link matching ${pattern} reached by Tab`);
      };
      await tabTo(/\/regio\/[^/]+\/$/);
      await Promise.all([page.waitForURL(/\/regio\/[^/]+\/$/), page.keyboard.press('Enter')]);
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

    it('are photographed at phone (390 px) and desktop (1280 px) width', async () => {
      const h = harness();
      const types = (await pageTypes(h)).filter(({ name }) => name.endsWith('-nl') || name === 'location-en');
      for (const width of [390, 1280]) {
        const page = await h.newPage({ width });
        for (const { name, path } of types) {
          await page.goto(path);
          await screenshot(page, name);
        }
      }
    });
  });
}
