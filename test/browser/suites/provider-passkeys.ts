// Passkeys in the provider portal, with Chromium's virtual authenticator (over CDP) in place of a
// fingerprint reader: after a code sign-in a person sets one up in the account panel, signs out,
// and signs in with the passkey alone (no mail sent); the passkey then shows when it was last used,
// and once removed it signs in no more. Run on localhost: WebAuthn refuses an IP address as its
// relying party, and the harness serves 127.0.0.1 (the same server answers both names).
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { LocationSummary } from '../../../shared/domain/index.ts';
import { codeIn } from '../../support/test-staff-app.ts';
import { mailsTo } from '../outbox.ts';
import { axeViolations } from '../axe.ts';
import { BUILD_DATE, type SiteHarness } from '../harness.ts';

const REGION = 'zuid-limburg';

/** An editor of the region's last organisation: the portal's other tests sign in to the first ones, each to its own. */
async function editorEmail(h: SiteHarness): Promise<string> {
  const response = await fetch(`${h.baseUrl}/api/regions/${REGION}/locations`);
  const { locations } = (await response.json()) as { locations: LocationSummary[] };
  const organizationId = locations.map((location) => location.organizationId).sort().at(-1);
  if (!organizationId) throw new Error(`No organisation in ${REGION}`);
  return `redactie@${organizationId}.example`;
}

const visibleView = (page: Page, view: string) => page.locator(`[data-view="${view}"]:not([hidden])`);

async function addVirtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  return { credentials: async () => (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials };
}

export function providerPasskeyTests(harness: () => SiteHarness): void {
  it('sets up a passkey after the code sign-in, signs out, signs in with the passkey alone, and a removed passkey no longer signs in', async () => {
    const h = harness();
    const email = await editorEmail(h);
    const page = await h.newPage({ width: 390 });
    page.setDefaultTimeout(10_000);
    await page.clock.setFixedTime(new Date(`${BUILD_DATE}T09:00:00Z`));
    const authenticator = await addVirtualAuthenticator(page);
    const base = h.baseUrl.replace('127.0.0.1', 'localhost');

    await page.goto(`${base}/beheer/`);
    await visibleView(page, 'sign-in').waitFor();
    const passkeyButton = page.getByRole('button', { name: 'Inloggen met een passkey' });
    await passkeyButton.waitFor();
    const before = (await mailsTo(h, email)).length;
    await page.fill('#signin-email', email);
    await page.click('form[data-form="email"] button[type="submit"]');
    await page.locator('#signin-code').waitFor({ state: 'visible' });
    await expect.poll(async () => (await mailsTo(h, email)).length).toBeGreaterThan(before);
    await page.fill('#signin-code', codeIn((await mailsTo(h, email)).at(-1) ?? ''));
    await page.click('form[data-form="code"] button[type="submit"]');
    await visibleView(page, 'overview').waitFor();

    // The account panel explains a passkey in plain words before offering one.
    const panel = page.locator('[data-passkeys]');
    await expect(panel.textContent()).resolves.toContain('vingerafdruk, uw gezicht of de schermvergrendeling');
    await panel.locator('[data-passkeys-none]').waitFor();
    await page.click('form[data-form="passkey"] button[type="submit"]');
    await expect(page.locator('#passkey-name-error').textContent()).resolves.toContain('Geef de passkey een naam');
    await page.fill('#passkey-name', 'Telefoon');
    await page.click('form[data-form="passkey"] button[type="submit"]');
    const listed = panel.locator('[data-passkey]');
    await listed.waitFor();
    await expect.poll(() => page.locator('[data-status]').textContent()).toContain('De passkey is ingesteld');
    expect(await listed.textContent()).toContain('Telefoon');
    expect(await panel.locator('[data-passkeys-none]').isHidden()).toBe(true);
    const [credential] = await authenticator.credentials();
    expect(credential?.isResidentCredential).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    await page.click('[data-action="sign-out"]');
    await visibleView(page, 'sign-in').waitFor();
    const mailsBefore = (await mailsTo(h, email)).length;
    await passkeyButton.click();
    await visibleView(page, 'overview').waitFor();
    await expect.poll(() => page.locator('[data-status]').textContent()).toContain('U bent ingelogd');
    expect((await mailsTo(h, email)).length).toBe(mailsBefore);
    await expect.poll(() => listed.textContent()).toContain('Laatst gebruikt op');

    await page.getByRole('button', { name: 'Passkey Telefoon verwijderen' }).click();
    await expect.poll(() => page.locator('[data-status]').textContent()).toContain('De passkey Telefoon is verwijderd');
    await panel.locator('[data-passkeys-none]').waitFor();
    expect(await listed.count()).toBe(0);

    await page.click('[data-action="sign-out"]');
    await visibleView(page, 'sign-in').waitFor();
    await passkeyButton.click();
    const error = page.locator('#passkey-sign-in-error');
    await error.waitFor({ state: 'visible' });
    expect(await error.textContent()).toBe('Deze passkey kennen we niet. Log in met een code per e-mail.');
    expect(await visibleView(page, 'sign-in').count()).toBe(1);
  });
}
