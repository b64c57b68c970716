// Issue 13, item 14: nobody to contact. A page for care providers (how to be listed, signing in,
// whom to contact per region), linked from every footer, and "report an error" on every location
// page: a mail from the person's own program to the provider, copied to the region's coordinator.
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../axe.ts';
import type { SiteHarness } from '../harness.ts';
import { horizontalOverflow, screenshot } from '../page-checks.ts';

export function providersSuite(harness: () => SiteHarness): void {
  describe('contact for providers, and reporting an error', () => {
    it('tells a provider how to be listed and whom to contact, from every footer (nl, phone width)', async () => {
      const page = await harness().newPage({ width: 320 });
      await page.goto('/regio/rotterdam/');
      await Promise.all([page.waitForURL('**/voor-aanbieders/'), page.locator('footer').getByRole('link', { name: 'Voor zorgaanbieders' }).click()]);
      await page.getByRole('heading', { level: 1, name: 'Voor zorgaanbieders' }).waitFor();
      const main = page.locator('main');
      expect(await main.getByRole('listitem').first().innerText()).toContain('coördinator van uw regio');
      const rotterdam = main.getByRole('region', { name: 'Regio Rotterdam' });
      expect(await rotterdam.getByRole('link', { name: 'coordinator@rotterdam.example' }).getAttribute('href')).toBe('mailto:coordinator@rotterdam.example');
      expect(await main.getByRole('link', { name: 'Naar het beheer' }).getAttribute('href')).toBe('/beheer/');
      expect(await horizontalOverflow(page)).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'providers-nl');
    });

    it('lets a person report an error on a location to its provider and the coordinator, in their own mail program', async () => {
      const h = harness();
      const { locations } = (await (await fetch(`${h.baseUrl}/api/regions/zuid-limburg/locations`)).json()) as { locations: Array<{ id: string }> };
      const details = await Promise.all(locations.map(async ({ id }) => (await (await fetch(`${h.baseUrl}/api/locations/${id}`)).json()) as {
        location: { id: string; name: string }; organization: { email?: string };
      }));
      const withEmail = details.find((d) => d.organization.email);
      expect(withEmail, 'a demo location whose provider has an email address').toBeDefined();
      const page = await h.newPage({ width: 1280 });
      await page.goto(`/locatie/${withEmail!.location.id}/`);
      await page.getByRole('heading', { level: 2, name: 'Klopt er iets niet?' }).waitFor();
      const href = await page.getByRole('link', { name: 'Meld een fout met uw e-mail' }).getAttribute('href');
      const mail = new URL(href ?? '');
      expect(mail.protocol).toBe('mailto:');
      expect(mail.pathname).toBe(withEmail!.organization.email);
      expect(mail.searchParams.get('cc')).toBe('coordinator@zuid-limburg.example');
      expect(mail.searchParams.get('subject')).toContain(withEmail!.location.name);
      expect(mail.searchParams.get('body')).toContain(`/locatie/${withEmail!.location.id}/`);
      expect(await axeViolations(page)).toEqual([]);

      await page.goto('/en/for-providers/');
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('For care providers');
      expect(await page.locator('link[hreflang="nl"]').getAttribute('href')).toMatch(/\/voor-aanbieders\/$/);
    });
  });
}
