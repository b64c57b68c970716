// The provider's inbox in the portal (/beheer/, issue 14) as a care provider's editor uses it: the
// overview leads to "Gedeelde verslagen (N)", the list names each report's date, region and that it
// is new and unanswered; the report reads in the words of the citizen's "my report" (own words, the
// shortlist with its reasons); an answer without its date or reason is refused at the box with the
// reason kept, and "we would like to meet", chosen and sent by keyboard, is confirmed and shown.
// The supporter's API then shows the answer and when the report was opened. The harness seeds
// npm start's example dossier, whose report is shared with this provider. Axe clean at 390 and
// 1280 px, nothing sideways at 320 px.
import { describe, expect, it } from 'vitest';
import { DEMO_DOSSIER_LABEL } from '../../../functions/dossiers/demo-dossiers.ts';
import { codeFor, mailsTo } from '../outbox.ts';
import { BUILD_DATE, type SiteHarness } from '../harness.ts';
import { expectAccessible, focusState, screenshot } from '../page-checks.ts';

const PROVIDER = 'expertisecentrum-kruisberg';
const EDITOR = `redactie@${PROVIDER}.example`;
const SUPPORT = 'clientondersteuning-zuid-limburg';
const SUPPORTER = `ondersteuner@${SUPPORT}.example`;

/** The example dossier's share with this provider, from the stores (its id is nowhere on a page before the list). */
async function demoShare(h: SiteHarness) {
  const found = (await h.stores.dossiers.listInbox(PROVIDER)).find((item) => item.dossier.label === DEMO_DOSSIER_LABEL);
  if (!found) throw new Error(`The harness did not share the example dossier with ${PROVIDER}`);
  return found;
}

export function providerInboxSuite(harness: () => SiteHarness): void {
  describe('the provider\'s inbox of shared reports', () => {
    it('an editor finds the shared report from the overview, reads it in the report\'s words, answers "we would like to meet" by keyboard, and the supporter sees it', async () => {
      const h = harness();
      const { share, dossier } = await demoShare(h);
      const page = await h.newPage({ width: 390 });
      page.setDefaultTimeout(15_000);
      await page.clock.setFixedTime(new Date(`${BUILD_DATE}T09:00:00Z`));

      await page.goto('/beheer/');
      await page.locator('[data-view="sign-in"]:not([hidden])').waitFor();
      const before = (await mailsTo(h, EDITOR)).length;
      await page.fill('#signin-email', EDITOR);
      await page.click('form[data-form="email"] button[type="submit"]');
      await page.locator('#signin-code').waitFor({ state: 'visible' });
      await page.fill('#signin-code', await codeFor(h, EDITOR, before));
      await page.click('form[data-form="code"] button[type="submit"]');
      await page.locator('[data-view="overview"]:not([hidden])').waitFor();

      // The overview says how many reports there are, and leads to them.
      const link = page.locator('a[data-tool="inbox"]');
      await link.waitFor({ state: 'visible' });
      const shown = (await link.textContent()) ?? '';
      expect(shown).toMatch(/^Gedeelde verslagen \(\d+\)$/);
      await link.click();
      const inbox = page.locator('[data-view="inbox"]:not([hidden])');
      await inbox.waitFor();
      expect(await inbox.locator('h1').textContent()).toBe('Gedeelde verslagen');
      expect(shown).toBe(`Gedeelde verslagen (${await inbox.locator('[data-share-entry]').count()})`);
      expect(new URL(page.url()).searchParams.get('weergave')).toBe('verslagen');
      const entry = inbox.locator(`[data-share-entry="${share.id}"]`);
      expect(await entry.locator('h2').textContent()).toBe(`Verslag ${share.reference}`);
      const entryText = (await entry.textContent()) ?? '';
      expect(entryText).toContain('Gedeeld op 23 november 2026');
      expect(entryText).toContain('Regio: Zuid-Limburg');
      expect(await entry.locator('[data-share-state]').textContent()).toBe('Nieuw: nog niet gelezen, Nog niet beantwoord');
      // What happens when access ends is said before anyone wonders where a report went.
      expect(await inbox.textContent()).toContain('Dan kunt u het verslag niet meer lezen.');
      await screenshot(page, 'provider-inbox');
      await expectAccessible(page, 'the inbox');

      // The report, in the citizen's report's words.
      await entry.getByRole('link', { name: `Lees verslag ${share.reference}` }).click();
      const report = page.locator('[data-view="share"]:not([hidden])');
      await report.waitFor();
      expect(await report.locator('h1').textContent()).toBe(`Verslag ${share.reference}`);
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
      const text = (await report.textContent()) ?? '';
      expect(text).toContain(`Gestuurd door ${share.sharedBy.name} op 23 november 2026`);
      expect(text).toContain('In eigen woorden');
      expect(text).toContain('Ik ben 84 en woon nog thuis in Heerlen.');
      const item = share.report.shortlist[0];
      expect(item, 'the example report has a favourite').toBeDefined();
      const favourite = report.locator('.ww-report-item').first();
      expect(await favourite.locator('h3').textContent()).toBe(item?.name);
      for (const fit of item?.fits ?? []) expect(await favourite.textContent()).toContain(fit);
      expect(await report.locator('[data-given-answer]').count()).toBe(0);
      await screenshot(page, 'provider-inbox-report');
      await expectAccessible(page, 'a shared report');

      // Refused at the box: no choice; "no fit" without a reason; "a place from" without a date (the reason typed stays).
      const send = report.getByRole('button', { name: 'Antwoord versturen' });
      await send.click();
      expect(await page.locator('#answer-kind-error').textContent()).toBe('Kies een antwoord.');
      await page.check('#answer-kind-no-fit');
      await send.click();
      expect(await page.locator('#answer-reason-error').textContent()).toBe('Schrijf kort waarom het niet past.');
      expect(await page.getAttribute('#answer-reason', 'aria-invalid')).toBe('true');
      await page.fill('#answer-reason', 'Wij hebben geen plek voor een huisdier.');
      await page.check('#answer-kind-place-from');
      expect(await page.locator('#answer-reason').isVisible()).toBe(false);
      await send.click();
      expect(await page.locator('#answer-date-error').textContent()).toBe('Vul de datum in waarop er een plek is.');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('answer-date');
      await page.check('#answer-kind-no-fit');
      expect(await page.inputValue('#answer-reason')).toBe('Wij hebben geen plek voor een huisdier.');
      await screenshot(page, 'provider-inbox-refused');
      await expectAccessible(page, 'a refused answer');

      // "We willen graag kennismaken", by keyboard: Space on the choice, Tab to send, Enter.
      await page.focus('#answer-kind-meet');
      await page.keyboard.press('Space');
      expect(await page.isChecked('#answer-kind-meet')).toBe(true);
      await page.keyboard.press('Tab');
      expect(await focusState(page)).toMatchObject({ tag: 'button', text: 'Antwoord versturen', visible: true });
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('[data-status]').textContent()).toBe('Uw antwoord is verstuurd naar de cliëntondersteuner.');
      expect(await report.locator('[data-given-answer]').textContent()).toContain('Antwoord: We willen graag kennismaken.');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('share-answer-title');
      await expectAccessible(page, 'an answered report');

      // Back in the list, the report reads as read and answered.
      await report.getByRole('link', { name: 'Terug naar de gedeelde verslagen' }).click();
      await inbox.waitFor();
      await expect.poll(() => entry.locator('[data-share-state]').textContent()).toBe('Gelezen, Beantwoord');

      // The supporter's own API shows the answer and when it was opened.
      const supporter = (await h.newPage()).context().request;
      const headers = { origin: h.baseUrl, 'content-type': 'application/json' };
      const sent = (await mailsTo(h, SUPPORTER)).length;
      expect((await supporter.post('/api/auth/code', { headers, data: { email: SUPPORTER } })).ok()).toBe(true);
      expect((await supporter.post('/api/auth/sign-in', { headers, data: { email: SUPPORTER, code: await codeFor(h, SUPPORTER, sent) } })).ok()).toBe(true);
      const listed = await supporter.get(`/api/supporter/organizations/${SUPPORT}/dossiers/${dossier.id}/shares`);
      expect(listed.status()).toBe(200);
      const seen = ((await listed.json()) as { shares: Array<{ id: string; openedAt?: string; answers: Array<{ response: { kind: string } }> }> })
        .shares.find((candidate) => candidate.id === share.id);
      expect(seen?.openedAt).toBeDefined();
      expect(seen?.answers.at(-1)?.response).toEqual({ kind: 'meet' });
    });
  });
}
