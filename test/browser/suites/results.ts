// The results page as a person meets it: answers kept in this browser (seeded in localStorage with
// the shipped Zuid-Limburg questionnaire's question ids) become a ranked list with reasons in
// words: the musts that fit in one line, what does not fit or is unknown in sight; the near misses
// as compact cards under a summary by failed must, with a one-tap way out; switching a must off
// changes the list, the count is announced and a line under the wish says so; going back from a
// location page returns to the card; a refused or far-away postcode is said at its field;
// favourites are stored; the map's tiles may fail (no internet in tests) and the list and numbered
// markers still work; without answers, without the API and without JavaScript the page says what
// to do. And axe, 320 px, the page's height on a phone, and screenshots.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from '../axe.ts';
import type { SiteHarness } from '../harness.ts';
import { horizontalOverflow, screenshot } from '../page-checks.ts';
import type { MatchResponse } from '../../../shared/domain/criteria.ts';
import { explainMatch } from '../../../shared/matching/explain-answer.ts';

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
/** The pet wish as the page words it (shared/i18n/criterion-text.ts). */
const PET = 'Huisdier mag mee';
const WHEELCHAIR = 'Geschikt voor een rolstoel';

const stored = (page: Page, key: string) => page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? 'null') as unknown, key);
const focusedCard = (page: Page) => page.evaluate(() => document.activeElement?.closest('li')?.id ?? '');

/** A page with the map's tiles refused (as without internet) and the answers in this browser. */
async function pageWithAnswers(h: SiteHarness, width: number, path = PATH, answers: object = ANSWERS, region = REGION): Promise<Page> {
  const page = await h.newPage({ width });
  // A step that hangs fails with its own message rather than the test's timeout.
  page.setDefaultTimeout(10_000);
  await page.route('https://tile.openstreetmap.org/**', (route) => route.abort());
  const { questionnaire } = (await (await fetch(`${h.baseUrl}/api/regions/${region}/questionnaire`)).json()) as { questionnaire: { id: string; version: number } };
  await page.goto(path);
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [
    `woonwijzer.answers.${region}`,
    JSON.stringify({ regionId: region, questionnaireId: questionnaire.id, version: questionnaire.version, savedAt: new Date().toISOString(), answers }),
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

/** Opens the wish panel as a person on a phone does (it starts folded up to 64em), if it is folded. */
async function openWishes(page: Page): Promise<void> {
  const toggle = page.getByRole('button', { name: /^(Uw wensen|Your wishes)$/ });
  if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
}

/** Whether the element lies (at least partly) in the viewport. */
const inView = (page: Page, selector: string) => page.evaluate((sel) => {
  const box = document.querySelector(sel)?.getBoundingClientRect();
  return box !== undefined && box.bottom > 0 && box.top < window.innerHeight;
}, selector);

export function resultsSuite(harness: () => SiteHarness): void {
  describe('the results page', () => {
    it('shows ranked results with the musts that fit in one line and the rest in words, the stale note once, and a list that follows a changed wish', async () => {
      const page = await pageWithAnswers(harness(), 390);
      const before = await announcedCount(page);
      expect(before).toBeGreaterThan(0);
      const cards = page.locator('[data-result-list] > li');
      expect(await cards.count()).toBe(Math.min(before, 20));

      const first = page.locator('#result-1');
      const link = first.locator('h3 a');
      expect(await link.getAttribute('href')).toMatch(/^\/locatie\/[a-z0-9-]+\/\?woonvorm=[a-z0-9-]+$/);
      const firstText = await first.innerText();
      expect(firstText).toContain('Nummer 1');
      expect(firstText).toMatch(/km van 6211 AB/);
      expect(firstText).toMatch(/Laatst bevestigd op|Misschien verouderd: bevestigd op/);
      expect(firstText).toContain('Soort wonen');
      // The musts the person chose (wheelchair, pet) are in sight, with their outcome, without opening anything.
      const fits = first.locator('.ww-reasons__group--match');
      expect(await fits.innerText()).toMatch(/^✓?\s*Past\n/);
      for (const must of [PET, WHEELCHAIR]) {
        const line = fits.locator('li', { hasText: must });
        expect(await line.isVisible(), must).toBe(true);
        expect(await line.innerText()).toBe(`${must} (Moet)`);
      }
      // The facts of the situation (the kind of care, the distance) are one line under their own name, their list behind it.
      const situation = first.locator('.ww-reasons__situation');
      expect(await situation.locator('summary').innerText()).toMatch(/^✓?\s*Past bij uw situatie \(2\)$/);
      expect(await situation.locator('summary [aria-hidden="true"]').innerText()).toBe('✓');
      expect(await situation.locator('ul').isVisible()).toBe(false);
      expect(firstText).not.toContain('Soort zorg:');
      await situation.locator('summary').click();
      const facts = await situation.locator('ul').innerText();
      expect(facts).toContain('Soort zorg: ');
      expect(facts).toContain('Hoogstens 10 km van de eigen plek');
      expect(facts).not.toContain(PET);
      // The important wish stays in sight with its outcome in words.
      expect(await first.locator('.ww-reasons__group', { hasText: 'Een tuin' }).innerText()).toMatch(/^✓?\s*(Past|Past niet|Onbekend: vraag het de aanbieder)\n[\s\S]*Een tuin \(Belangrijk\)/);

      // A waiting list not confirmed for 30 days: one short line on the card, explained once after the list.
      // (The demonstration data is built for BUILD_DATE; some of its waiting lists are older than 30 days by then.)
      const staleLines = page.locator('[data-result-list] .ww-result__stale');
      expect(await staleLines.count()).toBeGreaterThan(0);
      for (const line of await staleLines.allInnerTexts()) {
        expect(line).toMatch(/^Misschien verouderd: bevestigd op \d{1,2} \p{L}+ \d{4}\. Telt niet mee voor de volgorde en niet als ‘snel een plek’\. Vraag de aanbieder of er plaats is\.$/u);
      }
      expect(await page.locator('[data-result-list]').innerText()).not.toContain('ouder dan 30 dagen');
      const staleNote = page.locator('[data-results-section] > [data-stale-note]');
      expect(await staleNote.isVisible()).toBe(true);
      expect(await staleNote.innerText()).toBe('Wat is “Misschien verouderd”?');
      await staleNote.locator('summary').click();
      expect(await staleNote.innerText()).toContain('langer dan 30 dagen niet bevestigd');

      // Near misses: a summary by failed must with counts, then 5 compact cards, each saying the failed must once.
      const near = page.locator('[data-near-section]');
      const summary = near.locator('[data-near-summary] > li');
      const summaryText = await near.locator('[data-near-summary]').innerText();
      expect(summaryText).toMatch(/\d+ plekken passen alleen niet omdat ze verder weg zijn dan 10 km\./);
      expect(summaryText).toMatch(new RegExp(`\\d+ plekken passen alleen niet bij deze wens: ${PET}\\.`));
      const inGroups = (await summary.allInnerTexts()).reduce((sum, text) => sum + Number(/^(\d+) /.exec(text)?.[1] ?? 0), 0);
      const nearCards = near.locator('[data-near-list] > li');
      expect(await nearCards.count()).toBe(5);
      for (const text of await nearCards.allInnerTexts()) {
        expect(text.match(/Dit past niet:/g)).toHaveLength(1);
        expect(text).toMatch(/Locatie:?\s*.+ in .+/);
        expect(text).toContain('Wachtlijst');
        expect(text).toMatch(/km van 6211 AB/);
        expect(text).not.toContain('Past bij wat moet');
        expect(text).not.toContain('(Moet)');
        expect(text).not.toContain(WHEELCHAIR);
      }
      // All reasons behind a disclosure.
      const allReasons = near.locator('#near-miss-1 details');
      // Named after its place for screen readers ("Alle redenen bekijken: Roze appartementen met zorg").
      const nearName = await near.locator('#near-miss-1 h3').innerText();
      expect(await allReasons.locator('summary').textContent()).toBe(`Alle redenen bekijken: ${nearName}`);
      await allReasons.locator('summary').click();
      expect(await allReasons.innerText()).toContain(`${WHEELCHAIR} (Moet)`);
      // "Show more": 5 at a time, focus on the first new card, until every near miss of the summary is there.
      const showMore = near.getByRole('button', { name: 'Toon meer bijna passende plekken' });
      await showMore.click();
      expect(await nearCards.count()).toBe(Math.min(10, inGroups));
      expect(await focusedCard(page)).toBe('near-miss-6');
      while (await showMore.isVisible()) await showMore.click();
      expect(await nearCards.count()).toBe(inGroups);
      // A full list (the API sends the closest 20) says there may be more, so the counts read as "at least".
      expect(inGroups).toBe(20);
      expect(await near.getByText('Dit zijn de 20 plekken die er het dichtst bij komen. Er kunnen er meer zijn.').isVisible()).toBe(true);

      // Switching the pet wish off: the list grows, the count is announced, focus stays on the choice,
      // and a line right under the wish says so (not a second live region), with a link to the list.
      await openWishes(page);
      await page.getByText(/Verander uw wensen/).click();
      const petWish = page.locator('fieldset.ww-wish', { hasText: PET });
      await petWish.getByLabel('Niet meenemen').check();
      const after = await announcedCount(page, before);
      expect(after).toBeGreaterThan(before);
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('off');
      expect(await petWish.innerText()).toContain('Deze wens telt nu niet mee.');
      const note = petWish.locator('xpath=following-sibling::*[1]');
      expect(await note.getAttribute('data-change-note')).not.toBeNull();
      expect(await note.innerText()).toBe(`De lijst is aangepast: nu ${after} plekken. Bekijk de lijst`);
      expect(await note.getAttribute('role')).toBeNull();
      expect(await note.getAttribute('aria-live')).toBeNull();
      expect(await page.locator('[role="status"], [aria-live]').filter({ hasText: 'gevonden' }).count()).toBe(1);
      expect(await stored(page, `woonwijzer.adjustments.${REGION}`)).toMatchObject({ importance: { pets: 'off' } });
      expect(await near.innerText()).not.toContain(PET);
      await note.getByRole('link', { name: 'Bekijk de lijst' }).click();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('ww-results-title');

      // Switching it on again as "important" keeps it among the reasons, not among the musts.
      await petWish.getByLabel('Belangrijk').check();
      await page.waitForFunction((pet) => document.querySelector('#result-1 .ww-reasons')?.textContent?.includes(`${pet} (Belangrijk)`), PET);
      expect(await announcedCount(page, before)).toBe(after);

      // After a reload the change is still there.
      await page.reload();
      expect(await announcedCount(page)).toBe(after);
      await openWishes(page);
      await page.getByText(/Verander uw wensen/).click();
      expect(await page.locator('fieldset.ww-wish', { hasText: PET }).getByLabel('Belangrijk').isChecked()).toBe(true);
    });

    it('never puts a stale "place free" first nor calls it a fit for "snel een plek": it says it does not count', async () => {
      // Issue 13: "Plaats vrij" confirmed 53 days ago ranked first, with "Snel een plek" as a fit.
      const page = await pageWithAnswers(harness(), 1280, PATH, {
        sector: { choice: 'ouderenzorg' },
        wanneer: { choice: 'zo-snel-mogelijk', importance: 'important' },
        plaats: { postcode: '6211 AB' },
      });
      const total = await announcedCount(page);
      const more = page.getByRole('button', { name: 'Toon meer plekken' });
      while (await more.isVisible()) {
        const shown = await page.locator('[data-result-list] > li').count();
        await more.click();
        await page.locator(`#result-${shown + 1}`).waitFor();
      }
      const cards = await page.locator('[data-result-list] > li').evaluateAll((items) => items.map((item) => ({
        id: item.id,
        stale: item.querySelector('.ww-result__stale')?.textContent ?? undefined,
        available: item.querySelector('.ww-result__waiting .ww-status--available') !== null,
        fits: item.querySelector('.ww-reasons__group--match')?.textContent ?? '',
        unknown: item.querySelector('.ww-reasons__group--unknown')?.textContent ?? '',
      })));
      expect(cards).toHaveLength(total);
      const staleFree = cards.filter((card) => card.stale !== undefined && card.available);
      // The demonstration data (built for BUILD_DATE) holds "place free" states older than 30 days.
      expect(staleFree.length).toBeGreaterThan(0);
      expect(cards[0]?.stale, 'the first result has a current waiting list').toBeUndefined();
      for (const card of staleFree) {
        expect(card.fits, card.id).not.toContain('Snel een plek');
        expect(card.unknown, card.id).toContain('Snel een plek');
        expect(card.stale, card.id).toContain('Telt niet mee voor de volgorde');
      }
      // Every current "place free" ranks above every stale one: the wish (3) and the waiting list
      // (2 against 0.5) outweigh any difference in distance (at most 3).
      const currentFree = cards.flatMap((card, index) => (card.stale === undefined && card.available ? [index] : []));
      const staleFreeAt = cards.flatMap((card, index) => (card.stale !== undefined && card.available ? [index] : []));
      expect(currentFree.length).toBeGreaterThan(0);
      expect(Math.max(...currentFree)).toBeLessThan(Math.min(...staleFreeAt));
    });

    it('a young adult wishing people of about that age and day activities sees the places for 18 to 30 first, and day activities nearby as a fit', async () => {
      // The Rotterdam questionnaire: 23 years old, "Ja, graag" to people of about that age, day activities at the new home or nearby.
      const answers = { leeftijd: { number: 23 }, leeftijdgenoten: { choice: 'ja' }, overdag: { choice: 'dagbesteding-thuis' } };
      const page = await pageWithAnswers(harness(), 1280, '/regio/rotterdam/resultaten/', answers, 'rotterdam');
      await announcedCount(page);
      const peers = 'Wonen met mensen van ongeveer 23 jaar (Belangrijk)';
      const fits = (n: number) => page.locator(`#result-${n} .ww-reasons__group--match li`).allInnerTexts();
      // The first place says, in view, that people of about that age live there.
      expect(await fits(1)).toContain(peers);
      const firstFour = await Promise.all([1, 2, 3, 4].map(fits));
      for (const said of firstFour) expect(said).toContain(peers);
      // Day activities nearby with transport count as a fit, and the card says where they are.
      const nearby = 'Dagbesteding in de buurt, met vervoer (Belangrijk)';
      expect(firstFour.flat()).toContain(nearby);
      expect(firstFour.flat()).toContain('Dagbesteding op de locatie (Belangrijk)');
      const cardText = await page.locator('[data-result-list]').innerText();
      expect(cardText).not.toContain('Past niet: Dagbesteding');
      await page.close();
    });

    it('near misses: one tap makes a failed must "belangrijk", another searches further, saved like a place change', async () => {
      const page = await pageWithAnswers(harness(), 390);
      const before = await announcedCount(page);
      const near = page.locator('[data-near-section]');
      const title = page.locator('#ww-results-title');

      // The pet group: make that wish important instead of a must.
      await near.getByRole('button', { name: `Maak “${PET}” belangrijk in plaats van moet` }).click();
      const withPet = await announcedCount(page, before);
      expect(withPet).toBeGreaterThan(before);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('ww-results-title');
      expect(await title.locator('xpath=following-sibling::*[1]').innerText()).toBe(`De lijst is aangepast: nu ${withPet} plekken.`);
      expect(await stored(page, `woonwijzer.adjustments.${REGION}`)).toMatchObject({ importance: { pets: 'important' } });
      expect(await near.locator('[data-near-summary]').innerText()).not.toContain(PET);
      await openWishes(page);
      await page.getByText(/Verander uw wensen/).click();
      expect(await page.locator('fieldset.ww-wish', { hasText: PET }).getByLabel('Belangrijk').isChecked()).toBe(true);

      // The distance group: one tap searches up to the next distance the page offers.
      const group = near.locator('[data-near-summary] > li', { hasText: 'verder weg zijn dan 10 km' });
      const inGroup = Number(/^(\d+) /.exec(await group.innerText())?.[1]);
      await group.getByRole('button', { name: 'Zoek ook tot 25 km' }).click();
      const wider = await announcedCount(page, withPet);
      expect(wider).toBeGreaterThanOrEqual(withPet + inGroup);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('ww-results-title');
      expect(await title.locator('xpath=following-sibling::*[1]').innerText()).toBe(`De lijst is aangepast: nu ${wider} plekken.`);
      expect(await page.inputValue('#ww-results-distance')).toBe('25');
      expect(await page.locator('[data-place-now]').innerText()).toBe('Gezocht vanaf 6211 AB, hoogstens 25 km.');
      expect(await stored(page, `woonwijzer.adjustments.${REGION}`)).toMatchObject({ postcode: '6211 AB', maxDistanceKm: 25 });
      expect(await near.locator('[data-near-summary]').innerText()).not.toContain('dan 10 km');

      await page.reload();
      expect(await announcedCount(page)).toBe(wider);
    });

    it('a result opens its location page at the top with why it fits; going back returns to the card; the page links back', async () => {
      const h = harness();
      const page = await pageWithAnswers(h, 390);
      await announcedCount(page);
      const sixth = page.locator('#result-6 h3 a');
      const href = (await sixth.getAttribute('href')) ?? '';
      await Promise.all([page.waitForURL((url) => `${url.pathname}${url.search}` === href), sixth.click()]);
      const backLinks = page.getByRole('link', { name: 'Terug naar de plekken die bij u passen' });
      expect(await backLinks.count()).toBe(2);
      for (const link of await backLinks.all()) expect(await link.getAttribute('href')).toBe(PATH);
      expect(await page.locator('[data-back-to-results]').evaluate((box) => box.compareDocumentPosition(document.querySelector('h1')!) & Node.DOCUMENT_POSITION_FOLLOWING)).toBeTruthy();
      // Issue 13, item 5: the page opens at its top (name and address in view), says first how this
      // housing form answers the person's wishes, and marks it further down, with the way back there too.
      const why = page.getByRole('region', { name: /^Past .+ bij u\?$/ });
      await why.waitFor();
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      expect(await inView(page, 'h1')).toBe(true);
      const whyText = await why.innerText();
      expect(whyText).toMatch(/Past bij uw wensen|Past niet bij uw wensen|Niet bekend: vraag de aanbieder/);
      expect(whyText).toContain(WHEELCHAIR);
      const formId = `woonvorm-${new URL(href, h.baseUrl).searchParams.get('woonvorm') ?? ''}`;
      const form = page.locator(`[id="${formId}"]`);
      expect(await form.locator('.ww-opened-mark').innerText()).toBe('U kwam hier vanuit uw resultaten');
      expect(await form.locator('[data-back-near]').count()).toBe(1);
      expect(await why.getByRole('link', { name: /^Lees alles over / }).getAttribute('href')).toBe(`#${formId}`);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'location-from-result');
      const back = page.locator('[data-back-near] a');

      // The browser's Back: the list is drawn again, then the card is in view with its link focused.
      await page.goBack();
      await page.waitForFunction(() => document.activeElement?.closest('li')?.id === 'result-6');
      expect(await inView(page, '#result-6')).toBe(true);

      // A near miss shown after "show more", then the page's own link back.
      await page.getByRole('button', { name: 'Toon meer bijna passende plekken' }).click();
      await Promise.all([page.waitForURL('**/locatie/**'), page.locator('#near-miss-7 h3 a').click()]);
      await Promise.all([page.waitForURL(`**${PATH}`), back.click()]);
      await page.waitForFunction(() => document.activeElement?.closest('li')?.id === 'near-miss-7');
      expect(await inView(page, '#near-miss-7')).toBe(true);
      // Used once: a later visit starts at the top.
      await page.reload();
      await announcedCount(page);
      expect(await focusedCard(page)).toBe('');

      // A location page reached otherwise has no link back; without JavaScript it stays away too.
      const direct = await h.newPage({ width: 390 });
      await direct.goto(href);
      await direct.locator('h1').waitFor();
      expect(await direct.locator('[data-back-to-results]').isVisible()).toBe(false);
      const context = await h.browser.newContext({ javaScriptEnabled: false, baseURL: h.baseUrl });
      try {
        const noJs = await context.newPage();
        await noJs.goto(href);
        expect(await noJs.locator('[data-back-to-results]').isVisible()).toBe(false);
      } finally {
        await context.close();
      }
    });

    it('gives the provider’s number as a tel: link on every card and the location page, which, opened from a result, lists the questions for what is unknown', async () => {
      const h = harness();
      const page = await pageWithAnswers(h, 390);
      await announcedCount(page);
      // Every demonstration organisation gives a number, so every card has one: the location's, else the organisation's.
      const cards = page.locator('[data-result-list] > li');
      const phones = await cards.locator('.ww-result__facts a[href^="tel:"]').evaluateAll((links) => links.map((a) => ({ text: a.textContent ?? '', href: a.getAttribute('href') })));
      expect(phones).toHaveLength(await cards.count());
      for (const { text, href } of phones) {
        expect(text).toMatch(/^0\d{2,3} 000 [\d ]+$/);
        expect(href).toBe(`tel:${text.replace(/\D/g, '')}`);
      }

      // Ter Borcht gives no number of its own: the page gives Mergelland Zorg's. Its short stay leaves
      // the wheelchair and the pet (both musts here) unknown: a question for each, and the number to call.
      await page.goto('/locatie/ter-borcht-gronsveld/?woonvorm=kortdurend-verblijf');
      const why = page.getByRole('region', { name: /^Past .+ bij u\?$/ });
      await why.waitFor();
      const questions = why.locator('[data-questions]');
      await questions.waitFor();
      expect(await questions.getByRole('heading').innerText()).toBe('Vragen voor deze aanbieder');
      expect((await questions.locator('li').allInnerTexts()).sort()).toEqual(['Kan iemand met een rolstoel hier goed wonen?', 'Mag een huisdier mee?']);
      expect((await why.locator('.ww-why__group--unknown li').allInnerTexts()).sort()).toEqual([WHEELCHAIR, PET]);
      expect(await questions.getByRole('link', { name: '043 000 48 64' }).getAttribute('href')).toBe('tel:0430004864');
      expect(await page.locator('.ww-facts').first().getByRole('link', { name: '043 000 48 64' }).getAttribute('href')).toBe('tel:0430004864');
      const print = questions.getByRole('button', { name: 'Print de vragen' });
      await expect(print.isVisible()).resolves.toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      // On paper: the questions at the top, without the button.
      await page.emulateMedia({ media: 'print' });
      await expect(questions.isVisible()).resolves.toBe(true);
      await expect(print.isVisible()).resolves.toBe(false);
      await page.emulateMedia({ media: 'screen' });

      // Kapelhof has its own number, which is the one given; a housing form with nothing unknown asks nothing.
      await page.goto('/locatie/kapelhof-gulpen/?woonvorm=groep-lavendel-kleinschalig-wonen-bij-dementie');
      await why.waitFor();
      expect(await page.getByRole('link', { name: '043 000 28 55' }).first().getAttribute('href')).toBe('tel:0430002855');
      expect(await page.getByRole('link', { name: '043 000 48 64' }).count()).toBe(0);
      if ((await why.locator('.ww-why__group--unknown').count()) === 0) expect(await why.locator('[data-questions]').count()).toBe(0);
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
      // Said under the place form too, with a link to the list.
      expect(await page.locator('[data-place-form] + [data-change-note]').innerText()).toBe(`De lijst is aangepast: nu ${total} plekken. Bekijk de lijst`);
      const firstName = await page.locator('#result-1 h3 a').innerText();
      await page.getByRole('button', { name: 'Toon meer plekken' }).click();
      await page.locator('#result-21').waitFor();
      expect(await page.locator('[data-result-list] > li').count()).toBe(Math.min(total, 40));
      expect(await page.locator('#result-1 h3 a').innerText()).toBe(firstName);
      expect(await focusedCard(page)).toBe('result-21');
      expect(await page.locator('[data-status]').innerText()).toContain(`van de ${total} plekken`);
      expect(await stored(page, `woonwijzer.adjustments.${REGION}`)).toMatchObject({ maxDistanceKm: null });

      // Back from a card after "show more": the same cards again, and that card.
      await Promise.all([page.waitForURL('**/locatie/**'), page.locator('#result-25 h3 a').click()]);
      await page.goBack();
      await page.waitForFunction(() => document.activeElement?.closest('li')?.id === 'result-25');

      // Not a postcode: said next to the field, the typed text stays, nothing is asked.
      await page.fill('#ww-results-postcode', '12');
      await page.getByRole('button', { name: 'Zoek vanaf deze plaats' }).click();
      expect(await page.locator('[data-postcode-error]').innerText()).toContain('Vul een postcode in met 4 cijfers');
      expect(await page.getAttribute('#ww-results-postcode', 'aria-invalid')).toBe('true');
      // A postcode area the API does not know (400): said next to the field, which gets focus; the list and the saved place stay.
      await page.fill('#ww-results-postcode', '1000');
      await page.getByRole('button', { name: 'Zoek vanaf deze plaats' }).click();
      await page.locator('[data-postcode-error]', { hasText: 'Deze postcode kennen wij niet' }).waitFor();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('ww-results-postcode');
      expect(await page.inputValue('#ww-results-postcode')).toBe('1000');
      expect(await page.locator('#result-1').isVisible()).toBe(true);
      expect(await page.locator('[data-postcode-error]').innerText()).toContain('De lijst hieronder is nog die van de vorige zoekopdracht.');
      expect(await page.locator('[data-place-now]').innerText()).toBe('Gezocht vanaf 6211 AB.');
      expect(await stored(page, `woonwijzer.adjustments.${REGION}`)).toMatchObject({ postcode: '6211 AB' });
    });

    it('a refused postcode is not searched from and gets focus; a postcode in another region says where it lies, without far near misses', async () => {
      const page = await pageWithAnswers(harness(), 390, PATH, { ...ANSWERS, plaats: { postcode: '1234', maxDistanceKm: 10 } });
      const field = page.locator('#ww-results-postcode');
      await page.locator('[data-postcode-error]', { hasText: 'Deze postcode kennen wij niet' }).waitFor();
      await page.waitForFunction(() => document.activeElement?.id === 'ww-results-postcode');
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('[data-wishes]').innerText()).not.toContain('Gezocht vanaf 1234');
      expect(await page.locator('[data-results-section]').isVisible()).toBe(false);
      // No earlier list on the page: nothing to call old.
      expect(await page.locator('[data-postcode-error]').innerText()).not.toContain('vorige zoekopdracht');

      // Amsterdam, 162 km from the nearest place: 0 places, the page says where 1012 lies and that
      // this site has no overview there yet, and shows no near misses that far away.
      await field.fill('1012');
      await page.getByRole('button', { name: 'Zoek vanaf deze plaats' }).click();
      const elsewhere = 'Postcode 1012 ligt in de gemeente Amsterdam. Die hoort bij de regio Amsterdam. Voor Amsterdam hebben we nog geen overzicht.';
      const status = page.locator('[data-status]');
      await status.filter({ hasText: elsewhere }).waitFor();
      const note = `${elsewhere} De dichtstbijzijnde plek in Zuid-Limburg ligt 162 km daarvandaan. Daarom laten we geen plekken zien die bijna passen.`;
      expect(await status.innerText()).toBe(`0 plekken gevonden die passen. ${note}`);
      const farLine = page.locator('[data-postcode-field] [data-postcode-far]');
      expect(await farLine.innerText()).toBe(note);
      expect((await field.getAttribute('aria-describedby'))?.split(' ')).toContain(await farLine.getAttribute('id'));
      expect(await field.getAttribute('aria-invalid')).toBeNull();
      // Not the advice to change a must: the place is the thing to check.
      expect(await page.locator('[data-no-results]').innerText()).toBe(note);
      expect(await page.locator('[data-near-section]').isVisible()).toBe(false);
      expect(await page.locator('.ww-result--near').count()).toBe(0);
      expect(await page.locator('main').innerText()).not.toMatch(/\b1[0-9]{2} km\b(?! daarvandaan)/);

      // Then a postcode that is not one: only the format error at the box, the note about 1012 gone.
      await field.fill('10 12');
      await page.getByRole('button', { name: 'Zoek vanaf deze plaats' }).click();
      const error = page.locator('[data-postcode-error]');
      await error.filter({ hasText: 'Vul een postcode in met 4 cijfers' }).waitFor();
      expect(await farLine.isVisible()).toBe(false);
      expect(await page.locator('[data-postcode-field]').innerText()).not.toContain('Amsterdam');

      // Rotterdam is a region of this site: the note links to its questions, carrying nothing of the answers.
      await field.fill('3011');
      await page.getByRole('button', { name: 'Zoek vanaf deze plaats' }).click();
      await farLine.filter({ hasText: 'Postcode 3011 ligt in de gemeente Rotterdam.' }).waitFor();
      expect(await error.isVisible()).toBe(false);
      expect(await farLine.innerText()).toMatch(/^Postcode 3011 ligt in de gemeente Rotterdam\. Die hoort bij de regio Rotterdam\. Voor Rotterdam hebben we ook een overzicht: ga naar de vragen voor Rotterdam\. De dichtstbijzijnde plek in Zuid-Limburg ligt \d+ km daarvandaan\./);
      const link = farLine.getByRole('link', { name: 'ga naar de vragen voor Rotterdam' });
      expect(await link.getAttribute('href')).toBe('/regio/rotterdam/vragen/');
      expect(await page.locator('[data-no-results]').getByRole('link', { name: 'ga naar de vragen voor Rotterdam' }).count()).toBe(1);

      await field.fill('6211 AB');
      await page.getByRole('button', { name: 'Zoek vanaf deze plaats' }).click();
      const found = await announcedCount(page, 0);
      expect(found).toBeGreaterThan(0);
      expect(await farLine.isVisible()).toBe(false);
      expect(await page.locator('[data-status]').innerText()).not.toContain('Klopt de postcode');
      expect(await page.locator('[data-place-now]').innerText()).toBe('Gezocht vanaf 6211 AB, hoogstens 10 km.');
    });

    it('stores favourites with a pressed toggle, shows the compare link only with favourites, and says when the list is full', async () => {
      const page = await pageWithAnswers(harness(), 390);
      await announcedCount(page);
      const compare = page.locator('[data-compare-link]');
      expect(await compare.isVisible()).toBe(false);
      const button = page.locator('#result-1 button.ww-favourite');
      expect(await button.getAttribute('aria-pressed')).toBe('false');
      await button.click();
      expect(await button.getAttribute('aria-pressed')).toBe('true');
      const shortlist = (await stored(page, `woonwijzer.shortlist.${REGION}`)) as Array<{ housingFormId: string; name: string }>;
      expect(shortlist).toHaveLength(1);
      expect(shortlist[0]?.name).toBe(await page.locator('#result-1 h3 a').innerText());
      expect(await compare.isVisible()).toBe(true);
      expect(await compare.innerText()).toBe('Vergelijk uw favorieten (1)');
      expect(await compare.getAttribute('href')).toBe(`/regio/${REGION}/vergelijken/`);
      expect(await page.locator('#result-1').innerText()).toContain('is bewaard als favoriet');
      // The card's confirmation offers the compare page.
      const cardCompare = page.locator('#result-1').getByRole('link', { name: 'Vergelijk uw favorieten' });
      expect(await cardCompare.isVisible()).toBe(true);
      expect(await cardCompare.getAttribute('href')).toBe(`/regio/${REGION}/vergelijken/`);
      await button.click();
      expect(await button.getAttribute('aria-pressed')).toBe('false');
      expect(await stored(page, `woonwijzer.shortlist.${REGION}`)).toEqual([]);
      expect(await compare.isVisible()).toBe(false);
      expect(await cardCompare.isVisible()).toBe(false);

      // A near miss can be kept too; one shown later by "show more" comes up already pressed.
      const showMore = page.getByRole('button', { name: 'Toon meer bijna passende plekken' });
      await showMore.click();
      const sixth = page.locator('#near-miss-6 button.ww-favourite');
      await sixth.click();
      expect(await sixth.getAttribute('aria-pressed')).toBe('true');
      const kept = (await stored(page, `woonwijzer.shortlist.${REGION}`)) as Array<{ name: string }>;
      expect(kept.map((entry) => entry.name)).toEqual([await page.locator('#near-miss-6 h3 a').innerText()]);
      await page.reload();
      await announcedCount(page);
      await showMore.click();
      expect(await sixth.getAttribute('aria-pressed')).toBe('true');
      await sixth.click();
      expect(await stored(page, `woonwijzer.shortlist.${REGION}`)).toEqual([]);

      // Ten favourites already: the eleventh is refused in words.
      await page.evaluate((key) => localStorage.setItem(key, JSON.stringify(Array.from({ length: 10 }, (_, i) => ({
        locationId: `l-${i}`, housingFormId: `h-${i}`, name: `Woonvorm ${i}`, locationName: `Locatie ${i}`, addedAt: '2026-11-01T10:00:00Z',
      })))), `woonwijzer.shortlist.${REGION}`);
      await button.click();
      expect(await button.getAttribute('aria-pressed')).toBe('false');
      expect(await page.locator('#result-1').innerText()).toContain('U heeft al 10 favorieten');
    });

    it('says an unknown common to (nearly) all places once above the list and on no card; a card keeps what sets it apart', async () => {
      const h = harness();
      const answers = { ...ANSWERS, leeftijd: { number: 84 } };
      // The first page as the API gives it, read apart from the page: most elderly-care listings give no age range.
      const post = async <T>(path: string, body: object) => (await (await fetch(`${h.baseUrl}${path}`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
      })).json()) as T;
      const wishes = await post<{ criteria: object[]; postcode: string; maxDistanceKm: number }>(`/api/regions/${REGION}/questionnaire/criteria`, { answers });
      const { results } = explainMatch(await post<MatchResponse>('/api/match', {
        regionId: REGION, criteria: wishes.criteria, postcode: wishes.postcode, maxDistanceKm: wishes.maxDistanceKm, limit: 20,
      }));
      const ageUnknown = results.filter((result) => result.reasons.some((reason) => reason.criterion === 'age' && reason.outcome === 'unknown'));
      expect(results.length).toBeGreaterThanOrEqual(3);
      expect(ageUnknown.length, 'the age is unknown for at least 90 % of the places shown').toBeGreaterThanOrEqual(0.9 * results.length);

      const page = await pageWithAnswers(h, 390, PATH, answers);
      await announcedCount(page);
      const common = page.locator('[data-results-section] [data-common-unknowns]');
      expect(await common.isVisible()).toBe(true);
      const said = await common.innerText();
      expect(said).toMatch(/^Bij (bijna )?alle plekken hieronder onbekend: .*Vraag het de aanbieder\.$/);
      expect(said).toContain('Leeftijd: 84 jaar (Belangrijk)');
      // Above the list, and on no card as unknown.
      expect(await common.evaluate((box) => Boolean(box.compareDocumentPosition(document.querySelector('[data-result-list]')!) & Node.DOCUMENT_POSITION_FOLLOWING))).toBe(true);
      const unknownsOnCards = await page.locator('[data-result-list] .ww-reasons__group--unknown').allInnerTexts();
      for (const text of unknownsOnCards) expect(text).not.toContain('Leeftijd');
      expect(await page.locator('[data-results-section]').innerText()).toContain('Leeftijd: 84 jaar (Belangrijk)');
      // An unknown that only some places have stays on their cards: it sets them apart.
      const apart = results.flatMap((result, i) => result.reasons
        .filter((reason) => reason.outcome === 'unknown' && results.filter((other) => other.reasons.some((o) => o.criterion === reason.criterion && o.outcome === 'unknown')).length < 0.9 * results.length)
        .map((reason) => ({ card: i + 1, criterion: reason.criterion })));
      for (const { card } of apart) {
        expect(await page.locator(`#result-${card} .ww-reasons__group--unknown`).count(), `card ${card}`).toBe(1);
      }
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

    it('searching the whole country from a place in another region names each place\'s region and puts every place on the map', async () => {
      const page = await pageWithAnswers(harness(), 1280);
      await announcedCount(page);
      // From Rotterdam's centre, on Zuid-Limburg's page: the nearest places lie in the other region.
      await page.selectOption('#ww-results-scope', 'country');
      await page.fill('#ww-results-postcode', '3011');
      await page.getByRole('button', { name: 'Zoek vanaf deze plaats' }).click();
      await page.waitForFunction(() => (document.querySelector('#result-1')?.textContent ?? '').includes('Rotterdam'));
      const shown = await page.locator('[data-result-list] > li').count();
      expect(shown).toBeGreaterThan(0);
      // Their points are not in the page (it holds its own region's): the map asks for them and draws every one.
      await page.waitForFunction((n) => document.querySelectorAll('[data-map-section] .ww-map__pin').length === n, shown);
      await page.locator('[data-map-section] .ww-map__pin').filter({ hasText: /^1$/ }).first().click();
      expect(await page.evaluate(() => document.activeElement?.closest('li')?.id)).toBe('result-1');
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

    it('has no axe violations with results shown (Dutch and English), fits 320 px, has 44 px targets, and is photographed', async () => {
      const found: Record<string, unknown> = {};
      for (const [name, path] of [['results-nl', PATH], ['results-en', PATH_EN]] as const) {
        const page = await pageWithAnswers(harness(), 390, path);
        await announcedCount(page);
        // Every disclosure open, and a change made (its note shown), so axe sees it all.
        await openWishes(page);
        await page.locator('[data-wishes-details] > summary').click();
        await page.locator('#result-1 .ww-reasons__situation > summary').click();
        await page.locator('#near-miss-1 details > summary').click();
        await page.locator('fieldset.ww-wish').first().locator('input[value="important"]').check();
        await page.locator('[data-change-note]').waitFor();
        const violations = await axeViolations(page);
        if (violations.length > 0) found[name] = violations;
        // Headings in order: the page's h1, sections' h2, cards' h3.
        const levels = await page.locator('main :is(h1, h2, h3, h4):visible').evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
        levels.forEach((level, i) => expect(level - (levels[i - 1] ?? 0), `heading ${i}`).toBeLessThanOrEqual(1));
        // Disclosures, buttons and the compact cards' links to act on are 44 px high or more.
        const small = await page.locator('[data-results] :is(summary, button, .ww-button, [data-change-note] a):visible').evaluateAll((els) =>
          els.filter((el) => el.getBoundingClientRect().height < 44).map((el) => el.textContent?.trim().slice(0, 40)));
        expect(small, name).toEqual([]);
        await screenshot(page, name);
        await page.setViewportSize({ width: 320, height: 640 });
        expect(await horizontalOverflow(page), `${name} at 320 px`).toBe(0);
      }
      const wide = await pageWithAnswers(harness(), 1280);
      await announcedCount(wide);
      await screenshot(wide, 'results-nl');
      expect(found).toEqual({});
    }, 90_000);

    it('puts the first place on the first screen of a phone (390 x 844) and a tablet, the wish panel folded, the status line and the skip link kept', async () => {
      const page = await pageWithAnswers(harness(), 390);
      expect(page.viewportSize()).toEqual({ width: 390, height: 844 });
      await announcedCount(page);
      // The first place's heading lies on the first screen, without scrolling; the count above it too.
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      const heading = await page.locator('#result-1 h3').boundingBox();
      expect(heading).not.toBeNull();
      expect(heading!.y + heading!.height, 'bottom of the first heading').toBeLessThanOrEqual(844);
      expect(await inView(page, '[data-status]')).toBe(true);
      // A card fits in one screen (1.6 screens before, 2026-12).
      const card = await page.locator('#result-1').boundingBox();
      expect(card!.height, 'height of the first card').toBeLessThanOrEqual(844);
      // The wish panel is folded behind its heading, a button that says its state; what was searched from stays in sight.
      const toggle = page.getByRole('button', { name: 'Uw wensen' });
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await page.locator('#ww-results-postcode').isVisible()).toBe(false);
      expect(await page.locator('[data-place-now]').innerText()).toBe('Gezocht vanaf 6211 AB, hoogstens 10 km.');
      expect(await page.locator('a[data-skip-to]').getAttribute('href')).toBe('#ww-results-title');
      // By keyboard: Enter opens it (focus stays on the button), Space folds it again.
      await toggle.focus();
      await page.keyboard.press('Enter');
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      expect(await page.locator('#ww-results-postcode').isVisible()).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-controls'))).toBe('ww-wishes-panel');
      await page.keyboard.press('Space');
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');

      // A tablet (768 x 1024): folded too, the first place on the first screen. A desk: open.
      const tablet = await harness().newPage({ width: 768, height: 1024 });
      await tablet.route('https://tile.openstreetmap.org/**', (route) => route.abort());
      await tablet.goto(PATH);
      await tablet.evaluate((answers) => localStorage.setItem(answers[0], answers[1]), [
        `woonwijzer.answers.${REGION}`, await page.evaluate((k) => localStorage.getItem(k) ?? '', `woonwijzer.answers.${REGION}`),
      ] as const);
      await tablet.reload();
      await announcedCount(tablet);
      const onTablet = await tablet.locator('#result-1 h3').boundingBox();
      expect(onTablet!.y + onTablet!.height).toBeLessThanOrEqual(1024);
      expect(await tablet.getByRole('button', { name: 'Uw wensen' }).getAttribute('aria-expanded')).toBe('false');
      const desk = await pageWithAnswers(harness(), 1280);
      await announcedCount(desk);
      expect(await desk.getByRole('button', { name: 'Uw wensen' }).getAttribute('aria-expanded')).toBe('true');
      expect(await desk.locator('#ww-results-postcode').isVisible()).toBe(true);
    });

    it('stays short on a phone: near misses compact, musts in one line', async () => {
      const page = await pageWithAnswers(harness(), 390);
      await announcedCount(page);
      // 33,690 px before the near misses were made compact and the musts summed up (2026-11-23).
      const height = await page.evaluate(() => document.body.scrollHeight);
      expect(height).toBeLessThan(16_000);
      expect(await page.locator('[data-near-section]').evaluate((section) => (section as HTMLElement).offsetHeight)).toBeLessThan(4_000);
    });
  });
}
