// A client supporter's pages (/ondersteuner/, issue 14) as a supporter uses them: the demonstration
// supporter signs in at the portal (/beheer/) and finds the dossiers from there, starts a dossier
// (a label that reads as a citizen service number is refused at the box, what was typed kept),
// records consent for two care providers, prints the consent form (it names both, and on A4 it is
// one page without the page's buttons), shares the report with one of them and sees the share; the
// provider's editor opens it and answers "we would like to meet", which the dossier then shows; a
// share to a third provider (chosen and sent by keyboard) is refused at the field with the reason.
// Every view is axe clean at 390 and 1280 px, with nothing sideways down to 320 px.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { APIRequestContext, Page } from 'playwright-core';
import { REPO_ROOT } from '../../../functions/platform/paths.ts';
import { codeFor, mailsTo } from '../outbox.ts';
import { BUILD_DATE, type SiteHarness } from '../harness.ts';
import { expectAccessible, focusState, screenshot } from '../page-checks.ts';

const SUPPORTER = 'ondersteuner@clientondersteuning-zuid-limburg.example';
const FIRST = { id: 'expertisecentrum-kruisberg', name: 'Expertisecentrum Kruisberg' };
const SECOND = { id: 'kleinschalig-wonen-de-wingerd', name: 'Kleinschalig Wonen De Wingerd' };
const THIRD = { id: 'mergelland-zorg', name: 'Stichting Mergelland Zorg' };

async function open(h: SiteHarness, width: number): Promise<Page> {
  const page = await h.newPage({ width });
  page.setDefaultTimeout(15_000);
  await page.clock.setFixedTime(new Date(`${BUILD_DATE}T09:00:00Z`));
  return page;
}

/** The provider editor's session, through the staff API as the portal's page would call it (same origin). */
async function providerSession(h: SiteHarness, request: APIRequestContext, email: string): Promise<void> {
  const headers = { origin: h.baseUrl, 'content-type': 'application/json' };
  const before = (await mailsTo(h, email)).length;
  expect((await request.post('/api/auth/code', { headers, data: { email } })).ok()).toBe(true);
  const signedIn = await request.post('/api/auth/sign-in', { headers, data: { email, code: await codeFor(h, email, before) } });
  expect(signedIn.ok()).toBe(true);
}

export function supporterPortalSuite(harness: () => SiteHarness): void {
  describe('the supporter\'s pages', () => {
    it('in English, says who the page is for and leads someone not signed in to the portal\'s sign-in', async () => {
      const page = await open(harness(), 390);
      await page.goto('/en/supporter/');
      const view = page.locator('[data-view="sign-in-needed"]:not([hidden])');
      await view.waitFor();
      expect(await view.textContent()).toContain('You are not signed in. Sign in at Manage first.');
      expect(await view.getByRole('link', { name: 'Go to sign in at Manage' }).getAttribute('href')).toBe('/en/manage/');
      expect(await page.locator('[data-loading]').isVisible()).toBe(false);
      await expectAccessible(page, 'the English page, signed out');
    });

    it('a supporter finds the dossiers from the portal, starts one, records consent for two providers, prints the form naming both, shares with one and sees its answer; a third provider is refused at the field', async () => {
      const h = harness();
      const page = await open(h, 390);

      // Signing in is the portal's; a supporter's account panel leads to the dossiers.
      await page.goto('/beheer/');
      await page.locator('[data-view="sign-in"]:not([hidden])').waitFor();
      const before = (await mailsTo(h, SUPPORTER)).length;
      await page.fill('#signin-email', SUPPORTER);
      await page.click('form[data-form="email"] button[type="submit"]');
      await page.locator('#signin-code').waitFor({ state: 'visible' });
      await page.fill('#signin-code', await codeFor(h, SUPPORTER, before));
      await page.click('form[data-form="code"] button[type="submit"]');
      const link = page.locator('[data-account] a[data-supporter]');
      await link.waitFor({ state: 'visible' });
      expect(await link.textContent()).toBe('Dossiers van cliënten');
      await link.click();

      await page.waitForURL('**/ondersteuner/');
      const list = page.locator('[data-view="list"]:not([hidden])');
      await list.waitFor();
      // The harness seeds npm start's example dossier: the list shows it.
      await expect.poll(() => list.locator('[data-dossiers]').textContent()).toContain('Mevr. V. (voorbeeld)');
      await screenshot(page, 'supporter-list');
      await expectAccessible(page, 'the dossier list');

      // A label that reads as a citizen service number is refused at the box, and stays as typed.
      await page.fill('#sp-new-label', '123 456 782');
      await page.selectOption('#sp-new-status', 'choosing');
      await page.click('form[data-form="create"] button[type="submit"]');
      const labelError = page.locator('#sp-new-label-error');
      await labelError.waitFor({ state: 'visible' });
      expect(await labelError.textContent()).toContain('burgerservicenummer');
      expect(await page.inputValue('#sp-new-label')).toBe('123 456 782');
      expect(await page.getAttribute('#sp-new-label', 'aria-invalid')).toBe('true');

      await page.fill('#sp-new-label', 'J.T.');
      await page.click('form[data-form="create"] button[type="submit"]');
      const dossier = page.locator('[data-view="dossier"]:not([hidden])');
      await dossier.waitFor();
      expect(await dossier.locator('h1').textContent()).toBe('J.T.');
      await expect.poll(() => page.locator('[data-status]').textContent()).toBe('Het dossier J.T. is gemaakt.');
      expect(await dossier.locator('[data-summary]').textContent()).toContain('Status: Kiezen');
      const dossierId = new URL(page.url()).searchParams.get('dossier') ?? '';
      expect(await dossier.locator('[data-together]').getAttribute('href')).toBe(`/ondersteuner/samen/?dossier=${dossierId}`);

      // Consent for two providers: signed form, by the client; it ends 12 months later by default.
      expect(await page.inputValue('#sp-consent-given-on')).toBe(BUILD_DATE);
      expect(await page.inputValue('#sp-consent-expires-on')).toBe('2027-11-23');
      await page.check(`#sp-consent-${FIRST.id}`);
      await page.check(`#sp-consent-${SECOND.id}`);
      await page.check('#sp-consent-method-signed-form');
      await page.check('#sp-consent-giver-client');
      await page.click('form[data-form="consent"] button[type="submit"]');
      await expect.poll(() => page.locator('[data-status]').textContent()).toBe('De toestemming is vastgelegd.');
      const consent = dossier.locator('[data-consents] li').first();
      expect(await consent.locator('h3').textContent()).toBe(`Geldig: ${FIRST.name}, ${SECOND.name}`);
      expect(await consent.textContent()).toContain('Geldig tot 23 november 2027');
      await screenshot(page, 'supporter-dossier');
      await expectAccessible(page, 'the dossier');

      // The printable form names both providers; printed, it is the form alone on one A4 page.
      await consent.getByRole('link', { name: 'Formulier om te tekenen' }).click();
      const form = page.locator('[data-view="consent-form"]:not([hidden])');
      await form.waitFor();
      await expect.poll(() => form.locator('[data-form-providers]').textContent()).toContain(FIRST.name);
      const formText = await form.textContent() ?? '';
      expect(formText).toContain(FIRST.name);
      expect(formText).toContain(SECOND.name);
      expect(formText).toContain('Van 23 november 2026 tot 23 november 2027.');
      expect(formText).toContain('Dossier: J.T.');
      expect(formText).not.toContain(THIRD.name);
      await expectAccessible(page, 'the consent form');
      await page.emulateMedia({ media: 'print' });
      expect(await form.getByRole('button', { name: 'Afdrukken' }).isVisible()).toBe(false);
      expect(await page.locator('[data-view="dossier"]').isVisible()).toBe(false);
      const pdf = await page.pdf({ format: 'A4', path: join(REPO_ROOT, 'test-results', 'supporter-consent-form.pdf') });
      expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length, 'pages on A4').toBe(1);
      await page.emulateMedia({ media: 'screen' });
      await screenshot(page, 'supporter-consent-form');
      await form.getByRole('link', { name: 'Terug naar het dossier' }).click();
      await dossier.waitFor();

      // Shared with one provider: the share is listed, not opened yet.
      const shareForm = page.locator('form[data-form="share"]');
      await page.check(`#sp-share-${FIRST.id}`);
      await shareForm.locator('button[type="submit"]').click();
      await expect.poll(() => page.locator('[data-status]').textContent()).toBe('Het verslag is gestuurd naar 1 zorgaanbieder.');
      const share = dossier.locator(`[data-shares] li[data-share="${FIRST.id}"]`);
      expect(await share.locator('h4').textContent()).toBe(FIRST.name);
      expect(await share.textContent()).toContain('Nog niet geopend.');
      expect(await share.textContent()).toContain('Nog geen antwoord.');

      // A provider outside the consent: refused at the field with the reason, the choice kept, nothing shared.
      // By keyboard alone: Space ticks the box, Enter on the button sends; focus stays visible.
      await page.focus(`#sp-share-${THIRD.id}`);
      await page.keyboard.press('Space');
      await shareForm.locator('button[type="submit"]').focus();
      expect((await focusState(page)).visible, 'focus visible on the send button').toBe(true);
      await page.keyboard.press('Enter');
      const shareError = page.locator('#sp-share-providers-error');
      await shareError.waitFor({ state: 'visible' });
      expect(await shareError.textContent()).toBe(`${THIRD.name} staat niet in de toestemming van de cliënt. Deel alleen met zorgaanbieders waarvoor toestemming is gegeven.`);
      expect(await page.isChecked(`#sp-share-${THIRD.id}`)).toBe(true);
      expect(await page.getAttribute(`#sp-share-${THIRD.id}`, 'aria-invalid')).toBe('true');
      expect(await dossier.locator('[data-shares] li').count()).toBe(1);
      await screenshot(page, 'supporter-share-refused');
      await expectAccessible(page, 'the dossier with a refused share');

      // The provider's editor opens the report in the inbox and answers "we would like to meet".
      const provider = await open(h, 1280);
      const request = provider.context().request;
      await providerSession(h, request, `redactie@${FIRST.id}.example`);
      const inbox = await (await request.get(`/api/provider/organizations/${FIRST.id}/inbox`)).json() as { shares: Array<{ id: string; reference: string }> };
      const reference = (await share.textContent())?.match(/Kenmerk (WW-[A-Z0-9]+)/)?.[1];
      const entry = inbox.shares.find((s) => s.reference === reference);
      expect(entry, 'the share in the provider\'s inbox').toBeDefined();
      const opened = await (await request.get(`/api/provider/organizations/${FIRST.id}/inbox/${entry?.id ?? ''}`)).json() as { version: number };
      const answered = await request.post(`/api/provider/organizations/${FIRST.id}/inbox/${entry?.id ?? ''}/answer`, {
        headers: { origin: h.baseUrl, 'content-type': 'application/json' }, data: { version: opened.version, response: { kind: 'meet' } },
      });
      expect(answered.status()).toBe(200);

      await page.reload();
      await dossier.waitFor();
      const seen = dossier.locator(`[data-shares] li[data-share="${FIRST.id}"]`);
      await expect.poll(() => seen.locator('[data-share-answer]').textContent()).toContain('Antwoord: We willen graag kennismaken.');
      expect(await seen.textContent()).toContain('Geopend op 23 november 2026');
      await screenshot(page, 'supporter-share-answered');

      // Withdrawn after a confirm step (which says what it does): from then on the provider cannot read the report.
      const given = dossier.locator('[data-consents] li').first();
      await given.getByRole('button', { name: 'Toestemming intrekken' }).click();
      const confirm = given.locator('.ww-manage__confirm');
      await confirm.waitFor({ state: 'visible' });
      expect(await confirm.textContent()).toContain(`Vanaf nu kunnen ${FIRST.name}, ${SECOND.name} het verslag niet meer lezen.`);
      await confirm.getByRole('button', { name: 'Ja, intrekken' }).click();
      await expect.poll(() => page.locator('[data-status]').textContent()).toBe('De toestemming is ingetrokken.');
      expect(await dossier.locator('[data-consents] li h3').first().textContent()).toBe(`Ingetrokken: ${FIRST.name}, ${SECOND.name}`);
      expect(await dossier.locator(`[data-shares] li[data-share="${FIRST.id}"]`).textContent()).toContain('De zorgaanbieder kan het verslag niet meer lezen.');
      expect((await request.get(`/api/provider/organizations/${FIRST.id}/inbox/${entry?.id ?? ''}`)).status()).not.toBe(200);

      // Back in the list: the dossier with its status and last change; filtered by status it stays or goes.
      await dossier.locator('[data-back]').click();
      await list.waitFor();
      // Beside the example dossier (and any other suite's): this one by its label.
      const cards = list.locator('[data-dossiers] li');
      const card = cards.filter({ has: page.locator('h3', { hasText: /^J\.T\.$/ }) });
      await expect.poll(() => card.count()).toBe(1);
      expect(await card.textContent()).toContain('Status: Kiezen');
      expect(await card.textContent()).toContain('Laatst gewijzigd: 23 november 2026');
      await page.selectOption('#sp-filter', 'closed');
      await list.locator('form[data-form="filter"] button[type="submit"]').click();
      // The "none" line holds its text while hidden too, so wait for what a user sees: no cards, the line shown.
      await expect.poll(() => cards.count()).toBe(0);
      const none = list.locator('[data-none]');
      expect(await none.isVisible()).toBe(true);
      expect(await none.textContent()).toBe('Er zijn geen dossiers met deze status.');
      await page.goBack();
      await expect.poll(() => card.count()).toBe(1);
    });
  });
}
