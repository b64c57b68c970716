// The easy-read journey (issue 17) as a person on a phone walks it: from the home page the header's
// switch, a region, the start, every question answered by clicking pictures (or "Weet ik niet"),
// a question read aloud (speechSynthesis stubbed in the page: the test checks what was spoken),
// picture cards with reasons, one kept from its card, another opened as the location's easy-read
// page (read aloud there) and kept, both under "Mijn keuzes" where one is taken off again, and the
// ordinary report for the supporter with the same answers and the place kept. On a phone the
// header's switch keeps its words.
// Without a Dutch voice the button says so. Axe on every easy-read page at 390 and 1280 px,
// targets of at least 44 px, and nothing sideways at 320 px.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from '../axe.ts';
import type { SiteHarness } from '../harness.ts';
import { horizontalOverflow, screenshot } from '../page-checks.ts';

const REGION = 'rotterdam';
const MIN_TARGET_PX = 44;

/** A stand-in for the browser's speech synthesis: records what is spoken; `voices` are the device's voices. */
function stubSpeech(voices: Array<{ lang: string; name: string }>): void {
  const spoken: Array<{ text: string; lang: string }> = [];
  (window as unknown as { spoken: typeof spoken }).spoken = spoken;
  class Utterance {
    voice: unknown = null;
    lang = '';
    rate = 1;
    constructor(public text: string) {}
  }
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
  Object.defineProperty(window, 'speechSynthesis', {
    configurable: true,
    value: {
      getVoices: () => voices,
      speak: (utterance: Utterance) => spoken.push({ text: utterance.text, lang: utterance.lang }),
      cancel: () => undefined,
      addEventListener: () => undefined,
    },
  });
}

const spoken = (page: Page) => page.evaluate(() => (window as unknown as { spoken: Array<{ text: string; lang: string }> }).spoken);

/** What the journey answers by picture (option id, "yes"/"no"); every other question gets "Weet ik niet". */
const PICTURE_ANSWERS: Record<string, string> = {
  'wie-vult-in': 'zelf',
  sector: 'verstandelijke-beperking',
  rolstoel: 'no',
  woonvorm: 'woongroep',
  tuin: 'yes',
  winkels: 'yes',
  wanneer: 'zo-snel-mogelijk',
};

async function expectAxeClean(page: Page, what: string): Promise<void> {
  expect(await axeViolations(page), `${what} at ${page.viewportSize()?.width ?? 0} px`).toEqual([]);
}

/** Buttons, links and answer cards smaller than 44 px in either direction (visible ones). */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate((min) => [...document.querySelectorAll<HTMLElement>('.ww-easy button, .ww-easy a.ww-button, .ww-easy-card__label, .ww-easy-switch__link')]
    .filter((element) => element.offsetParent !== null)
    .map((element) => ({ element, box: element.getBoundingClientRect() }))
    .filter(({ box }) => box.width < min || box.height < min)
    .map(({ element, box }) => `${element.className} "${(element.textContent ?? '').trim()}" ${Math.round(box.width)}x${Math.round(box.height)}`), MIN_TARGET_PX);
}

export function easyReadSuite(harness: () => SiteHarness): void {
  describe('easy read (makkelijk lezen)', () => {
    it('takes a person on a phone from the home page through every question by pictures to picture cards and the report', { timeout: 300_000 }, async () => {
      const h = harness();
      const page = await h.newPage({ width: 390 });
      await page.addInitScript(stubSpeech, [{ lang: 'en-US', name: 'English' }, { lang: 'nl-NL', name: 'Nederlands' }]);
      await page.goto('/');
      await page.getByRole('link', { name: 'Makkelijk lezen' }).click();
      await page.waitForURL('**/makkelijk-lezen/');
      await expectAxeClean(page, 'the way in');
      await page.getByRole('link', { name: 'Zoeken in Rotterdam' }).click();
      await page.waitForURL(`**/regio/${REGION}/makkelijk/`);
      await expect(page.locator('h1').innerText()).resolves.toBe('Een huis zoeken in Rotterdam');
      await expectAxeClean(page, 'the start');
      expect(await smallTargets(page)).toEqual([]);
      // The header says the mode is on and leads back to ordinary text.
      await expect(page.locator('.ww-easy-switch').innerText()).resolves.toContain('Makkelijk lezen staat aan.');
      await expect(page.getByRole('link', { name: 'Gewone tekst' }).getAttribute('href')).resolves.toBe(`/regio/${REGION}/`);
      // The credit for the pictures, with its licence.
      await expect(page.locator('.ww-easy-credit').innerText()).resolves.toContain('CC BY-SA 4.0');
      await page.getByRole('link', { name: 'Begin met de vragen' }).click();
      await page.waitForURL(`**/regio/${REGION}/makkelijk/vragen/`);

      // The first question read aloud, in the Dutch voice.
      const first = page.locator('[data-easy-question]:visible');
      await first.locator('h2 + .ww-speak, .ww-easy-text > .ww-speak').first().click();
      await expect.poll(() => spoken(page)).toEqual([{ text: 'Wie vult de vragen in?', lang: 'nl-NL' }]);
      // An answer read aloud too.
      await first.locator('.ww-easy-card').filter({ hasText: 'Een begeleider.' }).getByRole('button', { name: 'Lees voor' }).click();
      await expect.poll(async () => (await spoken(page)).at(-1)?.text).toBe('Een begeleider.');
      await expectAxeClean(page, 'a question with picture answers');
      expect(await smallTargets(page)).toEqual([]);

      const answered: string[] = [];
      for (let n = 1; n <= 60; n++) {
        const screen = page.locator('[data-easy-question]:visible');
        const questionId = (await screen.getAttribute('data-easy-question')) ?? '';
        const kind = await screen.getAttribute('data-kind');
        answered.push(questionId);
        // Every question has its picture with words as its alternative text.
        await expect(screen.locator('h2 img').getAttribute('alt')).resolves.toMatch(/\S/);
        const answer = PICTURE_ANSWERS[questionId];
        if (kind === 'number') {
          await screen.locator('input').fill('25');
        } else if (kind === 'place') {
          await screen.locator('input[type=text]').fill('3011 AB');
          await screen.locator('label', { hasText: 'Hoogstens 25 kilometer' }).locator('img').click();
          await expectAxeClean(page, 'the place question');
        } else if (answer !== undefined) {
          await screen.locator(`label[for="ww-easy-${questionId}-${answer}"] img`).click();
        }
        // The last question's button leads to the results; every other one to the next question.
        const last = (await page.locator('[data-next-label]').innerText()) === 'Bekijk de huizen';
        if (kind === 'free-text') await screen.getByRole('button', { name: 'Weet ik niet.' }).click();
        else if (answer === undefined && kind !== 'number' && kind !== 'place') {
          await screen.locator(`label[for="ww-easy-${questionId}-dont-know"] img`).click();
        }
        if (kind !== 'free-text') await page.getByRole('button', { name: last ? 'Bekijk de huizen' : 'Verder' }).click();
        if (last) break;
        await page.waitForFunction((id) => document.querySelector(`[data-easy-question="${id}"]`)?.hasAttribute('hidden') === true, questionId);
      }
      await page.waitForURL(`**/regio/${REGION}/makkelijk/resultaten/`);
      expect(answered).toHaveLength(36);

      // What was kept: the same format as the ordinary questions page; "Weet ik niet" gave nothing.
      const saved = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null') as { answers: Record<string, unknown> }, `woonwijzer.answers.${REGION}`);
      expect(saved.answers).toEqual({
        'wie-vult-in': { choice: 'zelf' },
        leeftijd: { number: 25 },
        sector: { choice: 'verstandelijke-beperking' },
        indicatie: { choice: 'weet-niet' },
        rolstoel: { yes: false },
        plaats: { postcode: '3011 AB', maxDistanceKm: 25 },
        tuin: { yes: true },
        winkels: { yes: true },
        woonvorm: { choice: 'woongroep' },
        zelfstandig: { choice: 'weet-niet' },
        overdag: { choice: 'weet-niet' },
        leveringsvorm: { choice: 'weet-niet' },
        wanneer: { choice: 'zo-snel-mogelijk' },
      });

      // Picture cards: at most three facts each, the reasons in words and pictures.
      const cards = page.locator('.ww-easy-result');
      await cards.first().waitFor();
      await expect(page.locator('[data-status]').innerText()).resolves.toMatch(/^We vonden \d+ huizen?\.$/);
      const firstCard = cards.first();
      await expect(firstCard.locator('.ww-easy-fact').count()).resolves.toBe(3);
      const facts = await firstCard.locator('.ww-easy-facts').innerText();
      expect(facts).toMatch(/Soort huis: /);
      expect(facts).toMatch(/Waar: In .+\. \d+ kilometer van uw postcode\./);
      expect(facts).toMatch(/Plek: /);
      const reasons = firstCard.locator('.ww-easy-reason');
      expect(await reasons.count()).toBeGreaterThan(0);
      const reasonTexts = await reasons.allInnerTexts();
      expect(reasonTexts.join('\n')).toContain('Dichtbij uw postcode.');
      expect(reasonTexts.some((text) => /In een huis met een groep\. Met hulp\.\s+(Dat klopt\.|Dat is er niet\.|Dat weten we niet\. Vraag het\.)/.test(text))).toBe(true);
      await expect(reasons.first().locator('img').count()).resolves.toBe(2);
      // The card read aloud: its name, facts and reasons.
      await firstCard.getByRole('button', { name: 'Lees voor' }).click();
      await expect.poll(async () => (await spoken(page)).at(-1)?.text ?? '').toContain('Soort huis');
      await screenshot(page, 'easy-read-results');
      await expectAxeClean(page, 'the picture cards');
      expect(await smallTargets(page)).toEqual([]);
      await page.setViewportSize({ width: 1280, height: 900 });
      await expectAxeClean(page, 'the picture cards');

      // A second card kept right on the results, to take off again under "Mijn keuzes".
      await page.setViewportSize({ width: 390, height: 844 });
      const secondCard = cards.nth(1);
      const secondName = (await secondCard.locator('h2').innerText()).replace(/^2\. /, '');
      await secondCard.getByRole('button', { name: 'Bewaar deze plek' }).click();
      await expect(secondCard.getByRole('status').innerText()).resolves.toBe('Bewaard. U vindt het bij Mijn keuzes.');
      await expect(secondCard.getByRole('button', { name: 'Niet meer bewaren' }).isVisible()).resolves.toBe(true);

      // The first card leads to the location in easy read.
      const firstName = (await firstCard.locator('h2').innerText()).replace(/^1\. /, '');
      const more = firstCard.getByRole('link', { name: /^Meer over dit huis/ });
      // Its name says which home, for a screen reader going from link to link.
      expect(await more.evaluate((link) => link.textContent)).toBe(`Meer over dit huis: ${firstName}`);
      await more.click();
      await page.waitForURL(/\/locatie\/[^/]+\/makkelijk\/$/);
      const locationPath = new URL(page.url()).pathname;
      const home = page.locator('[data-easy-location] .ww-easy-block').filter({ has: page.getByRole('heading', { name: firstName }) });
      // Three facts: the kind of home, whether there is a place, and since when the provider said so.
      const homeFacts = await home.locator('.ww-easy-fact').allInnerTexts();
      expect(homeFacts).toHaveLength(3);
      expect(homeFacts[0]).toMatch(/^Soort huis: /);
      expect(homeFacts[1]).toMatch(/^Plek: (Er is nu plek\.|Snel plek\. Binnen 3 maanden\.|Lang wachten op een plek\.|Er is geen plek\.|Dat weten we niet\. Vraag of er plek is\.)$/);
      expect(homeFacts[2]).toMatch(/^(Dat zei de aanbieder op|De aanbieder zei iets op) \d+ \w+ \d{4}\./);
      // Where it is, read aloud: the block's heading and its facts.
      const where = page.getByRole('region', { name: 'Waar is het?' });
      await where.getByRole('button', { name: 'Lees voor' }).click();
      await expect.poll(async () => (await spoken(page)).at(-1)?.text ?? '').toMatch(/^Waar is het\? In .+\. Het adres is .+\.$/);
      // Every text has its read-aloud button: each block and each sentence on its own.
      expect(await page.locator('[data-easy-location] .ww-speak').count()).toBeGreaterThanOrEqual(await page.locator('[data-easy-location] .ww-easy-block, [data-easy-location] > .ww-easy-text').count());
      await expect(page.getByRole('link', { name: 'Alle informatie' }).getAttribute('href')).resolves.toBe(locationPath.replace(/makkelijk\/$/, ''));
      const call = page.getByRole('link', { name: /^Bel de aanbieder: / });
      if (await call.count() > 0) await expect(call.getAttribute('href')).resolves.toMatch(/^tel:\+?\d+$/);
      await expect(page.getByRole('link', { name: 'Gewone tekst' }).getAttribute('href')).resolves.toBe(locationPath.replace(/makkelijk\/$/, ''));
      await expectAxeClean(page, 'the easy-read location page');
      expect(await smallTargets(page)).toEqual([]);
      await home.getByRole('button', { name: 'Bewaar deze plek' }).click();
      await expect(home.getByRole('status').innerText()).resolves.toBe('Bewaard. U vindt het bij Mijn keuzes.');
      await screenshot(page, 'easy-read-location');
      await page.setViewportSize({ width: 1280, height: 900 });
      await expectAxeClean(page, 'the easy-read location page');
      await page.setViewportSize({ width: 390, height: 844 });

      // "Mijn keuzes": both kept places as picture cards; one taken off again.
      await page.getByRole('link', { name: 'Mijn keuzes' }).click();
      await page.waitForURL(`**/regio/${REGION}/makkelijk/keuzes/`);
      const choices = page.locator('.ww-easy-result');
      await expect.poll(() => page.locator('[data-status]').innerText()).toBe('U bewaarde 2 plekken.');
      const choiceNames = await choices.locator('h2').allInnerTexts();
      expect(choiceNames.some((name) => name.startsWith(`${firstName}, `))).toBe(true);
      expect(choiceNames.some((name) => name.startsWith(`${secondName}, `))).toBe(true);
      await expect(choices.first().locator('.ww-easy-fact').count()).resolves.toBe(3);
      const second = choices.filter({ has: page.getByRole('heading', { name: new RegExp(`^${secondName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, `) }) });
      await second.getByRole('button', { name: 'Niet meer bewaren' }).click();
      await expect(second.getByRole('status').innerText()).resolves.toBe('Niet meer bewaard.');
      await expect(page.locator('[data-status]').innerText()).resolves.toBe('U bewaarde 1 plek.');
      await choices.first().getByRole('button', { name: 'Lees voor' }).click();
      await expect.poll(async () => (await spoken(page)).at(-1)?.text ?? '').toContain('Soort huis');
      await expectAxeClean(page, 'Mijn keuzes');
      expect(await smallTargets(page)).toEqual([]);

      // For the supporter: the ordinary report, with the answers given here and the place kept.
      await page.getByRole('link', { name: 'Laat dit zien aan mijn ondersteuner' }).click();
      await page.waitForURL(`**/regio/${REGION}/verslag/`);
      await expect.poll(() => page.locator('main').innerText()).toContain('Soort wonen: Woongroep met begeleiding');
      const report = await page.locator('main').innerText();
      expect(report).toContain('In de buurt van postcode 3011 AB');
      expect(report).toContain('Een tuin');
      await expect.poll(() => page.locator('[data-part="shortlist"]').innerText()).toContain(firstName);
      expect(await page.locator('[data-part="shortlist"]').innerText()).not.toContain(secondName);
    });

    it('keeps the switch\'s words on a phone, with the heading still in the top third of the screen', async () => {
      const page = await harness().newPage({ width: 390 });
      await page.goto('/regio/zuid-limburg/');
      const link = page.locator('.ww-easy-switch__link');
      expect((await link.innerText()).replace(/\s+/g, ' ')).toBe('Makkelijk lezen');
      const box = (await link.boundingBox())!;
      const name = (await page.locator('.ww-logo').boundingBox())!;
      // Beside the site's name, not on a row of its own.
      expect(box.y).toBeLessThan(name.y + name.height);
      expect(box.height).toBeGreaterThanOrEqual(MIN_TARGET_PX);
      expect((await page.locator('h1').boundingBox())?.y).toBeLessThan(844 / 3);
      // From a location page it leads to that location in easy read.
      await page.goto('/locatie/de-linde-bocholtz/');
      await expect(page.getByRole('link', { name: 'Makkelijk lezen' }).getAttribute('href')).resolves.toBe('/locatie/de-linde-bocholtz/makkelijk/');
    });

    it('says in words when the device has no Dutch voice', async () => {
      const page = await harness().newPage({ width: 390 });
      await page.addInitScript(stubSpeech, [{ lang: 'en-US', name: 'English' }]);
      await page.goto(`/regio/${REGION}/makkelijk/`);
      // By its place, not its name: the name changes to the message.
      const button = page.locator('button.ww-speak').first();
      await button.click();
      await expect.poll(() => button.innerText()).toBe('Geen Nederlandse stem op dit apparaat. Vraag iemand om voor te lezen.');
      await expect(page.locator('[data-speak-status]').innerText()).resolves.toBe('Geen Nederlandse stem op dit apparaat. Vraag iemand om voor te lezen.');
      await expect(spoken(page)).resolves.toEqual([]);
    });

    const easyReadPaths = [
      '/makkelijk-lezen/', `/regio/${REGION}/makkelijk/`, `/regio/${REGION}/makkelijk/vragen/`, `/regio/${REGION}/makkelijk/resultaten/`,
      `/regio/${REGION}/makkelijk/keuzes/`,
      '/en/easy-read/', `/en/region/${REGION}/easy/`, `/en/region/${REGION}/easy/questions/`, `/en/region/${REGION}/easy/results/`,
      `/en/region/${REGION}/easy/choices/`, '/en/location/casa-morabeza-rotterdam/easy/',
      '/regio/zuid-limburg/makkelijk/vragen/', '/locatie/de-linde-bocholtz/makkelijk/',
    ];
    // One test per width: thirteen axe runs each, which on a loaded machine take minutes together.
    for (const width of [390, 1280]) {
      it(`is axe clean on every easy-read page at ${width} px, in both languages`, { timeout: 180_000 }, async () => {
        for (const path of easyReadPaths) {
          const page = await harness().newPage({ width });
          await page.goto(path);
          await page.locator('[data-status]:not(:empty), h1').first().waitFor();
          await expectAxeClean(page, path);
          await page.context().close();
        }
      });
    }

    it('fits the easy-read pages in 320 px without sideways scrolling', { timeout: 120_000 }, async () => {
      for (const path of [...easyReadPaths.slice(0, 5), '/locatie/de-linde-bocholtz/makkelijk/']) {
        const page = await harness().newPage({ width: 320 });
        await page.goto(path);
        expect(await horizontalOverflow(page), path).toBe(0);
        await page.context().close();
      }
    });
  });
}
