// Issue 12, item 4: nothing stale shown as current. The site here is built once and not rebuilt,
// so after an editor's save the location page's HTML still holds the old waiting list: with
// JavaScript on, the page reads it again from the API and shows the saved state, saying it was
// just fetched; without JavaScript it shows the state as built, with the day it was built.
// Runs last among the data-changing suites: it changes a demonstration waiting list for good.
import { describe, expect, it } from 'vitest';
import { demoProviderEmails } from '../../../functions/accounts/accounts-admin.ts';
import { codeIn, cookieOf } from '../../support/test-staff-app.ts';
import { axeViolations } from '../axe.ts';
import type { SiteHarness } from '../harness.ts';

const ORG = 'mergelland-zorg';

interface Listing {
  locations: Array<{
    location: { id: string };
    housingForms: Array<{ housingForm: { id: string; name: string; waitingList: { status: string } }; version: number }>;
  }>;
}

/** Signs the organisation's demo editor in over HTTP, as the portal's page would; the session cookie. */
async function signInEditor(h: SiteHarness): Promise<string> {
  const email = demoProviderEmails(ORG).editor;
  const headers = { origin: h.baseUrl, 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' };
  const before = (await h.mails()).length;
  expect((await fetch(`${h.baseUrl}/api/auth/code`, { method: 'POST', headers, body: JSON.stringify({ email }) })).status).toBe(202);
  let mail: string | undefined;
  await expect.poll(async () => (mail = (await h.mails()).slice(before).find((m) => m.includes(`To: ${email}`)))).toBeDefined();
  const res = await fetch(`${h.baseUrl}/api/auth/sign-in`, { method: 'POST', headers, body: JSON.stringify({ email, code: codeIn(mail ?? '') }) });
  expect(res.status).toBe(200);
  return cookieOf(res);
}

export function freshWaitingListSuite(harness: () => SiteHarness): void {
  describe('the waiting list on a location page, when the page is older than the last save', () => {
    it('shows the saved state with JavaScript on, and the state as built with its day without', async () => {
      const h = harness();
      const cookie = await signInEditor(h);
      const headers = { origin: h.baseUrl, 'content-type': 'application/json', 'sec-fetch-site': 'same-origin', cookie };
      const listing = (await (await fetch(`${h.baseUrl}/api/provider/organizations/${ORG}`, { headers: { cookie } })).json()) as Listing;
      const place = listing.locations.find((l) => l.housingForms.some((f) => f.housingForm.waitingList.status !== 'closed'));
      const form = place?.housingForms.find((f) => f.housingForm.waitingList.status !== 'closed');
      if (!place || !form) throw new Error(`${ORG} has no open waiting list in the demonstration data.`);
      const saved = await fetch(`${h.baseUrl}/api/provider/organizations/${ORG}/locations/${place.location.id}/housing-forms/${form.housingForm.id}/waiting-list`, {
        method: 'PATCH', headers, body: JSON.stringify({ version: form.version, waitingList: { status: 'closed' } }),
      });
      expect(saved.status).toBe(200);
      const path = `/locatie/${place.location.id}/`;
      const block = `[data-waiting-list="${form.housingForm.id}"]`;
      // The HTML served is the build's: the old state.
      expect(await (await fetch(`${h.baseUrl}${path}`)).text()).not.toMatch(new RegExp(`data-waiting-list="${form.housingForm.id}"[^]*?ww-status--closed[^]*?data-waiting-list-source`));

      const page = await h.newPage({ width: 1280 });
      await page.goto(path);
      const fresh = page.locator(block);
      await fresh.getByText('Zojuist opgehaald bij Woonwijzer: zo staat het nu.').waitFor();
      expect(await fresh.locator('.ww-status').innerText()).toBe('Geen aanmelding mogelijk');
      expect(await fresh.innerText()).not.toContain('Zo stond het op Woonwijzer');
      expect(await axeViolations(page)).toEqual([]);

      const context = await h.browser.newContext({ javaScriptEnabled: false, baseURL: h.baseUrl });
      try {
        const plain = await context.newPage();
        await plain.goto(path);
        const built = plain.locator(block);
        expect(await built.innerText()).toContain('Zo stond het op Woonwijzer op 23 november 2026.');
        expect(await built.locator('.ww-status').innerText()).not.toBe('Geen aanmelding mogelijk');
      } finally {
        await context.close();
      }
    });
  });
}
