// Issue 13, item 6: a report to share. "Maak een link" carries the answers, changed wishes and
// favourites in the link's fragment (never sent to a server); the link opened in a fresh browser
// shows the same report and the same results; a device holding other answers is asked before they
// are replaced; a damaged link says so and changes nothing; the QR code, copy and e-mail are there.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from '../axe.ts';
import type { SiteHarness } from '../harness.ts';
import { horizontalOverflow, screenshot } from '../page-checks.ts';

const REGION = 'zuid-limburg';
const OWN_WORDS = 'Mijn moeder zingt graag en heeft een kat, Minoes.';
const ANSWERS = {
  regionId: REGION,
  questionnaireId: 'zuid-limburg',
  version: 1,
  savedAt: '2026-11-20T10:00:00.000Z',
  answers: {
    leeftijd: { number: 84 },
    'over-mij': { text: OWN_WORDS },
    plaats: { postcode: '6211 AB', maxDistanceKm: 25 },
    tuin: { yes: true, importance: 'important' },
  },
};
const FAVOURITE = {
  locationId: 'kapelhof-gulpen', housingFormId: 'groep-lavendel-kleinschalig-wonen-bij-dementie',
  name: 'Groep Lavendel: kleinschalig wonen bij dementie', locationName: 'Kapelhof', addedAt: '2026-11-21T10:00:00.000Z',
};

async function seed(page: Page, answers: unknown, favourites: unknown[]): Promise<void> {
  page.setDefaultTimeout(8_000);
  await page.goto('/');
  await page.evaluate(({ answers, favourites, region }) => {
    localStorage.clear();
    if (answers) localStorage.setItem(`woonwijzer.answers.${region}`, JSON.stringify(answers));
    localStorage.setItem(`woonwijzer.shortlist.${region}`, JSON.stringify(favourites));
    localStorage.setItem(`woonwijzer.reportName.${region}`, JSON.stringify('Mevrouw J.'));
  }, { answers, favourites, region: REGION });
}

/** The link once it is made (compressing takes a moment). */
async function linkMade(page: Page): Promise<string> {
  const field = page.getByLabel('De link naar uw verslag');
  await field.waitFor();
  await page.waitForFunction(() => (document.querySelector<HTMLInputElement>('[data-share-link]')?.value ?? '') !== '');
  return field.inputValue();
}

/** The report's text once its favourites are in. */
async function reportText(page: Page): Promise<string> {
  await page.locator('[data-part="shortlist"] .ww-report-item').first().waitFor();
  return page.locator('main').innerText();
}

export function shareLinkSuite(harness: () => SiteHarness): void {
  describe('sharing the report by a link', () => {
    it('opens the same report and results in a fresh browser, and never sends the link\'s content', async () => {
      const h = harness();
      const page = await h.newPage({ width: 390 });
      await seed(page, ANSWERS, [FAVOURITE]);
      await page.goto(`/regio/${REGION}/verslag/`);
      const before = await reportText(page);
      await page.getByRole('button', { name: 'Maak een link' }).click();
      const link = await linkMade(page);
      expect(link).toMatch(new RegExp(`/regio/${REGION}/verslag/#delen=[A-Za-z0-9_-]+$`));
      // What is in the fragment is compressed: no answer text can be read from the link.
      expect(link).not.toContain('Minoes');
      expect(await page.getByRole('img', { name: /QR-code met de link/ }).count()).toBe(1);
      const mail = new URL((await page.getByRole('link', { name: 'Stuur de link met uw e-mail' }).getAttribute('href')) ?? '');
      expect(mail.searchParams.get('body')).toContain(link);
      expect(await horizontalOverflow(page)).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'report-share-nl');

      const fresh = await h.newPage({ width: 1280 });
      const sent: string[] = [];
      fresh.on('request', (request) => sent.push(`${request.url()} ${request.postData() ?? ''}`));
      await fresh.goto(link);
      await fresh.getByText('U ziet het verslag uit de link.').waitFor();
      const after = await reportText(fresh);
      expect(after).toContain(OWN_WORDS);
      expect(after).toContain('Groep Lavendel');
      // The person's name stays on the first device.
      expect(before).toContain('Mevrouw J.');
      expect(after).not.toContain('Mevrouw J.');
      // The link is gone from the address bar, so a reload does not bring it back.
      expect(new URL(fresh.url()).hash).toBe('');
      expect(sent.some((line) => line.includes('delen='))).toBe(false);
      // The results on the new device follow the shared answers.
      await fresh.goto(`/regio/${REGION}/resultaten/`);
      await fresh.locator('.ww-result__card').first().waitFor();
      expect(await fresh.evaluate((region) => localStorage.getItem(`woonwijzer.answers.${region}`), REGION)).toContain('Minoes');
    });

    it('asks before replacing other answers on the device, and says when a link is damaged', async () => {
      const h = harness();
      const first = await h.newPage({ width: 1280 });
      await seed(first, ANSWERS, [FAVOURITE]);
      await first.goto(`/regio/${REGION}/verslag/`);
      await first.getByRole('button', { name: 'Maak een link' }).click();
      const link = await linkMade(first);

      const other = await h.newPage({ width: 1280 });
      const mine = { ...ANSWERS, answers: { ...ANSWERS.answers, 'over-mij': { text: 'Mijn eigen woorden.' } } };
      await seed(other, mine, []);
      await other.goto(link);
      const question = other.getByRole('group', { name: /Op dit apparaat staan al andere antwoorden/ });
      await question.waitFor();
      expect(await axeViolations(other)).toEqual([]);
      await other.getByRole('button', { name: 'Nee, houd die van dit apparaat' }).click();
      await other.getByText('De link is niet gebruikt.').waitFor();
      expect(await other.locator('main').innerText()).toContain('Mijn eigen woorden.');

      await other.goto(link);
      await other.getByRole('button', { name: 'Ja, gebruik die uit de link' }).click();
      expect(await reportText(other)).toContain(OWN_WORDS);

      await other.goto(`${link.slice(0, -12)}`);
      await other.getByRole('alert').filter({ hasText: 'Deze link werkt niet.' }).waitFor();
      expect(await other.locator('main').innerText()).toContain(OWN_WORDS);
    });
  });
}
