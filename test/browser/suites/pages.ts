// Home, region and location pages in both languages: axe, keyboard, 320 px, screenshots.
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
