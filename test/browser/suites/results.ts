// The results page as a person meets it: answers kept in this browser (seeded in localStorage with
// the shipped Zuid-Limburg questionnaire's question ids) become a ranked list with reasons in
// words; near misses name the wish they fail; switching a must off changes the list and the count
// is announced; favourites are stored; the map's tiles may fail (no internet in tests) and the list
// and numbered markers still work; without answers, without the API and without JavaScript the
// page says what to do. And axe, 320 px and screenshots.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from '../axe.ts';
import type { SiteHarness } from '../harness.ts';
import { horizontalOverflow, screenshot } from '../page-checks.ts';

const REGION = 'zuid-limburg';
const PATH = `/regio/${REGION}/resultaten/`;
const PATH_EN = `/en/region/${REGION}/results/`;

/** Answers to the shipped questionnaire: elderly care, a wheelchair and a pet as musts, a garden as important, a place with 10 km. */
const ANSWERS = {
  sector: { choice: 'ouderenzorg' },
  rolstoel: { yes: true, importance: 'must' },
  huisdier: { yes: true, importance: 'must' },
  tuin: { yes: true, importance: 'important' },
  plaats: { postcode: '6211 AB', maxDistanceKm: 10 },
};

const stored = (page: Page, key: string) => page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? 'null') as unknown, key);

/** A page with the map's tiles refused (as without internet) and the answers in this browser. */
async function pageWithAnswers(h: SiteHarness, width: number, path = PATH): Promise<Page> {
  const page = await h.newPage({ width });
  await page.route('https://tile.openstreetmap.org/**', (route) => route.abort());
  const { questionnaire } = (await (await fetch(`${h.baseUrl}/api/regions/${REGION}/questionnaire`)).json()) as { questionnaire: { id: string; version: number } };
  await page.goto(path);
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [
    `woonwijzer.answers.${REGION}`,
    JSON.stringify({ regionId: REGION, questionnaireId: questionnaire.id, version: questionnaire.version, savedAt: new Date().toISOString(), answers: ANSWERS }),
  ] as const);
  await page.goto(path);
  return page;
}

/** Waits for the announced count (other than `not`) and returns it. */
async function announcedCount(page: Page, not?: number): Promise<number> {
  const handle = await page.waitForFunction((previous) => {
    const match = /(\d+) (plekken|plek|places|place) (gevonden|found)/.exec(document.querySelector('[data-status]')?.textContent ?? '');
    return match && Number(match[1]) !== previous ? Number(match[1]) : false;
  }, not ?? -1);
  return (await handle.jsonValue()) as number;
}

export function resultsSuite(harness: () => SiteHarness): void {
  describe('the results page', () => {
    it('shows ranked results with reasons in words, near misses with the failed wish, and a list that follows a changed wish', async () => {
      const page = await pageWithAnswers(harness(), 390);
      const before = await announcedCount(page);
      expect(before).toBeGreaterThan(0);
      const cards = page.locator('[data-result-list] > li');
      expect(await cards.count()).toBe(Math.min(before, 20));

      const first = page.locator('#result-1');
      const link = first.locator('h3 a');
      expect(await link.getAttribute('href')).toMatch(/^\/locatie\/[a-z0-9-]+\/#woonvorm-[a-z0-9-]+$/);
      const firstText = await first.innerText();
      expect(firstText).toContain('Nummer 1');
      expect(firstText).toMatch(/km van 6211 AB/);
      expect(firstText).toContain('Laatst bevestigd op');
      expect(firstText).toContain('Soort wonen');
      // Reasons in three groups with words, musts first.
      const fits = first.locator('.ww-reasons__group--match');
      expect(await fits.locator('.ww-reasons__title').innerText()).toContain('Past');
      expect(await fits.locator('li').first().innerText()).toContain('(Moet)');
      expect(await fits.innerText()).toContain('Geschikt voor een rolstoel (Moet)');
      expect(await fits.innerText()).toContain('Mijn huisdier mag mee (Moet)');

      // Near misses say which must they fail.
      const near = page.locator('[data-near-section]');
      expect(await near.isVisible()).toBe(true);
      const nearText = await near.innerText();
      expect(nearText).toContain('Past niet bij wat moet:');
      expect(nearText).toContain('Mijn huisdier mag mee');

      // Switching the pet wish off: the list grows, the count is announced, focus stays on the choice.
      await page.getByText(/Verander uw wensen/).click();
      const petWish = page.locator('fieldset.ww-wish', { hasText: 'Mijn huisdier mag mee' });
      await petWish.getByLabel('Niet meenemen').check();
      const after = await announcedCount(page, before);
      expect(after).toBeGreaterThan(before);
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('off');
      expect(await petWish.innerText()).toContain('Deze wens telt nu niet mee.');
      expect(await stored(page, `woonwijzer.adjustments.${REGION}`)).toMatchObject({ importance: { pets: 'off' } });
      expect(await near.innerText()).not.toContain('Mijn huisdier mag mee');

      // Switching it on again as "important" keeps it among the reasons, not among the musts.
      await petWish.getByLabel('Belangrijk').check();
      await page.waitForFunction(() => document.querySelector('#result-1 .ww-reasons')?.textContent?.includes('Mijn huisdier mag mee (Belangrijk)'));
      expect(await announcedCount(page, before)).toBe(after);

      // After a reload the change is still there.
      await page.reload();
      expect(await announcedCount(page)).toBe(after);
      await page.getByText(/Verander uw wensen/).click();
      expect(await page.locator('fieldset.ww-wish', { hasText: 'Mijn huisdier mag mee' }).getByLabel('Belangrijk').isChecked()).toBe(true);
    });

    it('pages with "show more", keeps what is shown, and checks the place next to its field', async () => {
      const page = await pageWithAnswers(harness(), 1280);
      await announcedCount(page);
      // No distance limit: more places than one page.
      await page.selectOption('#ww-results-distance', '');
      await page.getByRole('button', { name: 'Zoek vanaf deze plaats' }).click();
      const all = await page.waitForFunction(() => {
        const match = /(\d+) plekken gevonden/.exec(document.querySelector('[data-status]')?.textContent ?? '');
        return match && Number(match[1]) > 20 ? Number(match[1]) : false;
      });
      const total = (await all.jsonValue()) as number;
      const firstName = await page.locator('#result-1 h3 a').innerText();
      await page.getByRole('button', { name: 'Toon meer plekken' }).click();
      await page.locator('#result-21').waitFor();
      expect(await page.locator('[data-result-list] > li').count()).toBe(Math.min(total, 40));
      expect(await page.locator('#result-1 h3 a').innerText()).toBe(firstName);
      expect(await page.evaluate(() => document.activeElement?.closest('li')?.id)).toBe('result-21');
      expect(await page.locator('[data-status]').innerText()).toContain(`van de ${total} plekken`);
      expect(await stored(page, `woonwijzer.adjustments.${REGION}`)).toMatchObject({ maxDistanceKm: null });

      // Not a postcode: said next to the field, the typed text stays, nothing is asked.
      await page.fill('#ww-results-postcode', '12');
      await page.getByRole('button', { name: 'Zoek vanaf deze plaats' }).click();
      expect(await page.locator('[data-postcode-error]').innerText()).toContain('Vul een postcode in met 4 cijfers');
      expect(await page.getAttribute('#ww-results-postcode', 'aria-invalid')).toBe('true');
      // A postcode area the API does not know (400): said next to the field; the list and the saved place stay.
      await page.fill('#ww-results-postcode', '1000');
      await page.getByRole('button', { name: 'Zoek vanaf deze plaats' }).click();
      await page.getByText('Deze postcode kennen wij niet', { exact: false }).first().waitFor();
      expect(await page.locator('[data-postcode-error]').isVisible()).toBe(true);
      expect(await page.inputValue('#ww-results-postcode')).toBe('1000');
      expect(await page.locator('#result-1').isVisible()).toBe(true);
      expect(await stored(page, `woonwijzer.adjustments.${REGION}`)).toMatchObject({ postcode: '6211 AB' });
    });

    it('stores favourites with a pressed toggle, counts them on the compare link, and says when the list is full', async () => {
      const page = await pageWithAnswers(harness(), 390);
      await announcedCount(page);
      const button = page.locator('#result-1 button.ww-favourite');
      expect(await button.getAttribute('aria-pressed')).toBe('false');
      await button.click();
      expect(await button.getAttribute('aria-pressed')).toBe('true');
      const shortlist = (await stored(page, `woonwijzer.shortlist.${REGION}`)) as Array<{ housingFormId: string; name: string }>;
      expect(shortlist).toHaveLength(1);
      expect(shortlist[0]?.name).toBe(await page.locator('#result-1 h3 a').innerText());
      const compare = page.locator('[data-compare-link]');
      expect(await compare.innerText()).toBe('Vergelijk uw favorieten (1)');
      expect(await compare.getAttribute('href')).toBe(`/regio/${REGION}/vergelijken/`);
      expect(await page.locator('#result-1').innerText()).toContain('is bewaard als favoriet');
      await button.click();
      expect(await button.getAttribute('aria-pressed')).toBe('false');
      expect(await stored(page, `woonwijzer.shortlist.${REGION}`)).toEqual([]);

      // Ten favourites already: the eleventh is refused in words.
      await page.evaluate((key) => localStorage.setItem(key, JSON.stringify(Array.from({ length: 10 }, (_, i) => ({
        locationId: `l-${i}`, housingFormId: `h-${i}`, name: `Woonvorm ${i}`, locationName: `Locatie ${i}`, addedAt: '2026-11-01T10:00:00Z',
      })))), `woonwijzer.shortlist.${REGION}`);
      await button.click();
      expect(await button.getAttribute('aria-pressed')).toBe('false');
      expect(await page.locator('#result-1').innerText()).toContain('U heeft al 10 favorieten');
    });

    it('keeps list and numbered markers usable when the map tiles cannot load', async () => {
      const page = await pageWithAnswers(harness(), 390);
      const total = await announcedCount(page);
      const map = page.locator('[data-map-section]');
      await map.locator('[data-map-failed]').waitFor({ state: 'visible' });
      expect(await map.innerText()).toContain('De kaart zelf kon niet laden');
      expect(await map.innerText()).toContain('OpenStreetMap');
      const pins = map.locator('.ww-map__pin');
      expect(await pins.count()).toBe(Math.min(total, 20));
      // The list comes before the map.
      const order = await page.evaluate(() => {
        const list = document.querySelector('[data-result-list]');
        const box = document.querySelector('[data-map]');
        return list && box ? list.compareDocumentPosition(box) & Node.DOCUMENT_POSITION_FOLLOWING : 0;
      });
      expect(order).toBeTruthy();
      // Every marker sits inside the box.
      const outside = await page.evaluate(() => {
        const box = document.querySelector('[data-map]')!.getBoundingClientRect();
        return [...document.querySelectorAll('.ww-map__pin')].filter((pin) => {
          const r = pin.getBoundingClientRect();
          return r.left < box.left || r.right > box.right || r.top < box.top || r.bottom > box.bottom;
        }).length;
      });
      expect(outside).toBe(0);
      // The person's own place is on the map as a house, named for screen readers, not covering a pin.
      const house = map.getByRole('img', { name: 'Uw plek: postcode 6211 AB' });
      await house.waitFor();
      expect(await map.locator('[data-map-home]').innerText()).toBe('Het huisje op de kaart is uw eigen plek (postcode 6211 AB).');
      const covered = await page.evaluate(() => {
        const home = document.querySelector('.ww-map__home-icon')!.getBoundingClientRect();
        return [...document.querySelectorAll('.ww-map__pin')].filter((pin) => {
          const r = pin.getBoundingClientRect();
          return r.left < home.right && r.right > home.left && r.top < home.bottom && r.bottom > home.top;
        }).length;
      });
      expect(covered).toBe(0);
      await pins.filter({ hasText: /^2$/ }).first().click();
      expect(await page.evaluate(() => document.activeElement?.closest('li')?.id)).toBe('result-2');
    });

    it('explains what to do without answers, and without JavaScript', async () => {
      const h = harness();
      const page = await h.newPage({ width: 390 });
      await page.goto(PATH);
      await page.getByRole('heading', { name: 'U heeft de vragen nog niet beantwoord' }).waitFor();
      expect(await page.getByRole('link', { name: 'Begin met de vragen' }).getAttribute('href')).toBe(`/regio/${REGION}/vragen/`);
      expect(await page.getByRole('link', { name: 'Of zoek zelf in alle woonvormen' }).getAttribute('href')).toBe(`/regio/${REGION}/zoeken/`);
      expect(await page.locator('[data-results-section]').isVisible()).toBe(false);
      expect(await axeViolations(page)).toEqual([]);

      const context = await h.browser.newContext({ javaScriptEnabled: false, baseURL: h.baseUrl });
      try {
        const noJs = await context.newPage();
        await noJs.goto(PATH);
        await expect(noJs.locator('div.ww-alert', { hasText: 'Voor deze pagina is JavaScript nodig' }).isVisible()).resolves.toBe(true);
      } finally {
        await context.close();
      }
    });

    it('says so when the API cannot be reached, and "try again" works', async () => {
      const page = await pageWithAnswers(harness(), 390);
      await page.route('**/api/match', (route) => route.abort());
      await page.reload();
      const error = page.locator('[data-error]');
      await error.waitFor({ state: 'visible' });
      expect(await error.innerText()).toContain('Het zoeken lukt nu niet');
      expect(await page.locator('[data-results-section]').isVisible()).toBe(false);
      // The wishes are still there to change.
      expect(await page.inputValue('#ww-results-postcode')).toBe('6211 AB');
      await page.unroute('**/api/match');
      await page.getByRole('button', { name: 'Probeer het opnieuw' }).click();
      expect(await announcedCount(page)).toBeGreaterThan(0);
      expect(await error.isVisible()).toBe(false);
      expect(await page.locator('#result-1').isVisible()).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('ww-results-title');
    });

    it('has no axe violations with results shown (Dutch and English), fits 320 px, and is photographed', async () => {
      const found: Record<string, unknown> = {};
      for (const [name, path] of [['results-nl', PATH], ['results-en', PATH_EN]] as const) {
        const page = await pageWithAnswers(harness(), 390, path);
        await announcedCount(page);
        await page.locator('[data-wishes-details] > summary').click();
        const violations = await axeViolations(page);
        if (violations.length > 0) found[name] = violations;
        await screenshot(page, name);
        await page.setViewportSize({ width: 320, height: 640 });
        expect(await horizontalOverflow(page), `${name} at 320 px`).toBe(0);
      }
      const wide = await pageWithAnswers(harness(), 1280);
      await announcedCount(wide);
      await screenshot(wide, 'results-nl');
      expect(found).toEqual({});
    }, 90_000);
  });
}
