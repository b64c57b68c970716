// The provider portal (/beheer/, /en/manage/) as care providers' staff use it: sign in as a
// demonstration editor with the code from the outbox (a wrong code first: said at the box with the
// tries left, nothing typed lost), see what needs attention first, mark a waiting list "Plaats
// vrij" and see it confirmed; the public match for a fitting person then shows it (same origin).
// A refused save keeps every value and names the field; a colleague's save from a second tab is
// explained, and one's own changes go on top of it. Every view axe clean at 320 and 1280 px with
// nothing sideways, large targets, and the waiting-list confirmation by keyboard alone. A large
// provider's spreadsheet goes the whole way round (download, one cell edited, the dry run, applied,
// seen in the overview), and a file with a bad cell is named by line and column and changes
// nothing. An admin invites a colleague; the mail's link, opened in a fresh browser, is accepted
// and the colleague signs in to the organisation; a withdrawn or used link says so. An editor adds
// photos with their descriptions (a file that is no photo, one too large and a missing description
// said at the field, the description kept; a colleague's change meanwhile said plainly), reorders
// them by keyboard, and after a rebuild the location page shows them with those descriptions.
import { parse } from 'csv-parse/sync';
import sharp from 'sharp';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { MAX_PHOTO_BYTES, type LocationDetail, type LocationSummary, type MatchResponse } from '../../../shared/domain/index.ts';
import { codeFor, mailCount, mailsTo } from '../outbox.ts';
import { axeViolations } from '../axe.ts';
import { BUILD_DATE, type SiteHarness } from '../harness.ts';
import { focusState, horizontalOverflow, inFirstScreen, screenshot } from '../page-checks.ts';
import { providerPasskeyTests } from './provider-passkeys.ts';
import { explainMatch } from '../../../shared/matching/explain-answer.ts';

const REGION = 'zuid-limburg';

/** A housing form of the demonstration data whose waiting list is not "available", with its organisation. */
interface Target { organizationId: string; organizationName: string; locationId: string; housingFormId: string; name: string; type: string }

async function getJson<T>(h: SiteHarness, path: string): Promise<T> {
  const response = await fetch(`${h.baseUrl}${path}`);
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return (await response.json()) as T;
}

/**
 * A location of the n-th organisation (in the region's order) with a housing form that has no place
 * now: each test signs in to an organisation of its own, so codes stay within the per-address limit.
 */
async function target(h: SiteHarness, n: number): Promise<Target> {
  const { locations } = await getJson<{ locations: LocationSummary[] }>(h, `/api/regions/${REGION}/locations`);
  const candidates = locations.filter((location) => location.waitingListStatuses.some((status) => status === 'long' || status === 'closed'));
  const organizations = [...new Set(candidates.map((location) => location.organizationId))];
  const location = candidates.find((candidate) => candidate.organizationId === organizations[n]);
  if (!location) throw new Error(`No ${n}th location with a waiting list in ${REGION}`);
  const detail = await getJson<LocationDetail>(h, `/api/locations/${location.id}`);
  const form = detail.housingForms.find((hf) => hf.waitingList.status === 'long' || hf.waitingList.status === 'closed');
  if (!form) throw new Error(`No waiting list at ${location.id}`);
  return { organizationId: location.organizationId, organizationName: location.organizationName, locationId: location.id, housingFormId: form.id, name: form.name, type: form.type };
}

const editorEmail = (organizationId: string) => `redactie@${organizationId}.example`;
const adminEmail = (organizationId: string) => `beheer@${organizationId}.example`;

async function open(h: SiteHarness, width: number): Promise<Page> {
  const page = await h.newPage({ width });
  page.setDefaultTimeout(10_000);
  // The browser's today is the harness's, so "confirmed today" reads as it would for a person.
  await page.clock.setFixedTime(new Date(`${BUILD_DATE}T09:00:00Z`));
  return page;
}

const visibleView = (page: Page, view: string) => page.locator(`[data-view="${view}"]:not([hidden])`);

async function signIn(h: SiteHarness, page: Page, email: string, path = '/beheer/'): Promise<void> {
  await page.goto(path);
  await visibleView(page, 'sign-in').waitFor();
  const before = await mailCount(h, email);
  await page.fill('#signin-email', email);
  await page.click('form[data-form="email"] button[type="submit"]');
  await page.locator('#signin-code').waitFor({ state: 'visible' });
  await page.fill('#signin-code', await codeFor(h, email, before));
  await page.click('form[data-form="code"] button[type="submit"]');
  await visibleView(page, 'overview').waitFor();
}

/** A second page signed in as the same person (the session cookie copied, as a second tab has it). */
async function secondTab(h: SiteHarness, first: Page, width = 1280): Promise<Page> {
  const page = await open(h, width);
  await page.context().addCookies(await first.context().cookies());
  return page;
}

/** The organisation's housing forms as the spreadsheet export gives them, downloaded with the page's session. */
async function exportCsv(page: Page, organizationId: string): Promise<string> {
  const response = await page.context().request.get(`/api/provider/organizations/${organizationId}/housing-forms/csv`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-disposition']).toContain('attachment');
  return response.text();
}

/** The file with one cell of one housing form's row changed, written back as Dutch Excel would (semicolons, a BOM). */
function withCell(csv: string, t: Target, header: string, value: string): { text: string; line: number } {
  const rows = parse(csv, { bom: true, delimiter: ';' }) as string[][];
  const headers = rows[0] ?? [];
  const index = rows.findIndex((row) => row[headers.indexOf('locationId')] === t.locationId && row[headers.indexOf('id')] === t.housingFormId);
  const row = rows[index];
  if (!row) throw new Error(`${t.housingFormId} is not in the export`);
  row[headers.indexOf(header)] = value;
  return { text: stringify(rows, { delimiter: ';', bom: true, record_delimiter: 'windows' }), line: index + 1 };
}

async function chooseFile(page: Page, text: string): Promise<void> {
  await page.setInputFiles('#csv-file', { name: 'woonvormen.csv', mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
  await page.click('form[data-form="spreadsheet"] button[type="submit"]');
}

/** The link of the newest invitation mailed to `email`, as a path on this site (the mail's origin is the configured one). */
async function invitationLink(h: SiteHarness, email: string): Promise<string> {
  let link = '';
  await expect.poll(async () => {
    const mail = (await mailsTo(h, email)).pop() ?? '';
    link = /(\/beheer\/uitnodiging#token=[A-Za-z0-9_-]+)/.exec(mail)?.[1] ?? '';
    return link;
  }).not.toBe('');
  return link;
}

const card = (page: Page, t: Target): Locator => page.locator(`[data-card="${t.locationId}--${t.housingFormId}"]`);
const status = (page: Page) => page.locator('[data-status]');

async function expectNoViolations(page: Page, name: string): Promise<void> {
  expect(await axeViolations(page), name).toEqual([]);
  if ((page.viewportSize()?.width ?? 0) <= 320) expect(await horizontalOverflow(page), `${name}: sideways scrolling`).toBe(0);
}

async function match(h: SiteHarness, t: Target): Promise<MatchResponse> {
  const response = await fetch(`${h.baseUrl}/api/match`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ regionId: REGION, limit: 200, criteria: [
      { criterion: 'availableSoon', importance: 'must' },
      { criterion: 'housingType', importance: 'must', value: t.type },
    ] }),
  });
  return (await response.json()) as MatchResponse;
}
/**
 * The target among the results with "a place soon" holding for sure: a stale or long waiting list
 * keeps it out (a stale one is listed with the must unknown, 'ask the provider', but does not fit it).
 */
const fits = (body: MatchResponse, t: Target) => explainMatch(body).results.find((result) => result.housingFormId === t.housingFormId && result.locationId === t.locationId
  && result.reasons.some((reason) => reason.criterion === 'availableSoon' && reason.outcome === 'match'));

export function providerPortalSuite(harness: () => SiteHarness): void {
  describe('the provider portal', () => {
    providerPasskeyTests(harness);

    it('signs in with the mailed code (a wrong one said at the box with the tries left), leads with what needs attention, and a waiting list marked "Plaats vrij" reaches the public match at once', async () => {
      const h = harness();
      const t = await target(h, 0);
      const email = editorEmail(t.organizationId);
      const page = await open(h, 390);
      await page.goto('/beheer/');
      await visibleView(page, 'sign-in').waitFor();
      await expect(page.locator('.ww-manage__demo-note').textContent()).resolves.toContain('npm start');
      await screenshot(page, 'manage-sign-in');
      await page.fill('#signin-email', email);
      await page.click('form[data-form="email"] button[type="submit"]');
      await page.locator('#signin-code').waitFor({ state: 'visible' });
      await expect(page.locator('[data-code-sent]').textContent()).resolves.toContain(email);

      await page.fill('#signin-code', '000000');
      await page.click('form[data-form="code"] button[type="submit"]');
      const error = page.locator('#signin-code-error');
      await error.waitFor({ state: 'visible' });
      expect(await error.textContent()).toMatch(/klopt niet\. U kunt het nog 4 keer proberen\./);
      expect(await page.inputValue('#signin-code')).toBe('000000');
      expect(await page.getAttribute('#signin-code', 'aria-invalid')).toBe('true');
      expect(await page.getAttribute('#signin-code', 'autocomplete')).toBe('one-time-code');
      await screenshot(page, 'manage-code-wrong');

      await page.fill('#signin-code', await codeFor(h, email));
      await page.click('form[data-form="code"] button[type="submit"]');
      await visibleView(page, 'overview').waitFor();
      expect(await page.locator('[data-view="overview"] h1').textContent()).toBe(t.organizationName);
      expect(await page.evaluate(() => new URL(location.href).searchParams.get('organisatie'))).toBe(t.organizationId);
      // The first screen on a phone says what needs attention.
      expect(await inFirstScreen(page, '#attention-title')).toBe(true);
      expect(await page.locator('[data-attention] li, [data-attention-none]:not([hidden])').count()).toBeGreaterThan(0);
      await screenshot(page, 'manage-overview');

      expect(fits(await match(h, t), t), 'no place yet, so not among the fitting results').toBeUndefined();
      const form = card(page, t);
      await form.locator('summary').click();
      await form.getByLabel('Plaats vrij').check();
      await form.getByLabel('Aantal vrije plaatsen').fill('2');
      await form.getByLabel('Wachttijd in weken (ongeveer)').fill('');
      await form.getByRole('button', { name: 'Wachtlijst opslaan' }).click();
      const said = `Opgeslagen: de wachtlijst van ${t.name}`;
      await expect.poll(() => status(page).textContent()).toContain(said);
      await expect(status(page).isVisible()).resolves.toBe(true);
      await expect(card(page, t).locator('.ww-manage__done').textContent()).resolves.toContain(said);
      await expect(card(page, t).locator('.ww-status').textContent()).resolves.toBe('Plaats vrij');
      await screenshot(page, 'manage-waiting-list-saved');

      await expect.poll(async () => fits(await match(h, t), t)?.waitingList.status, { timeout: 10_000 }).toBe('available');
      expect(fits(await match(h, t), t)?.waitingList.placesAvailable).toBe(2);

      // One tap: "Klopt nog" for that same housing form, then for all at once.
      await card(page, t).getByRole('button', { name: `De wachtlijst van ${t.name}` }).click();
      await expect.poll(() => status(page).textContent()).toContain(`Bevestigd: de wachtlijst van ${t.name}`);
      await page.click('[data-action="confirm-all"]');
      await expect.poll(() => status(page).textContent()).toMatch(/Bevestigd: (alle \d+ wachtlijsten kloppen|de wachtlijst klopt) nog/);
      expect(await page.locator('[data-attention] li', { hasText: 'niet bevestigd' }).count()).toBe(0);
    }, 120_000);

    it('keeps everything typed when a save is refused, and names the field in the summary and at the box', async () => {
      const h = harness();
      const t = await target(h, 1);
      const page = await open(h, 1280);
      await signIn(h, page, editorEmail(t.organizationId));
      await card(page, t).getByRole('link', { name: 'Gegevens wijzigen' }).click();
      await visibleView(page, 'housing-form').waitFor();
      expect(await page.evaluate(() => new URL(location.href).searchParams.get('weergave'))).toBe('wijzigen');
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
      await page.fill('#hf-name', 'Nieuwe naam die blijft staan');
      await page.fill('#hf-waitingList-weeks', 'veel');
      await page.click('form[data-form="housing-form"] button[type="submit"]');

      const summary = page.locator('[data-view="housing-form"] [data-error-summary]');
      await summary.waitFor({ state: 'visible' });
      expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-error-summary'))).toBe(true);
      expect(await summary.textContent()).toContain('Wachttijd in weken (ongeveer): Vul een heel aantal weken in van 0 tot en met 520.');
      expect(await page.getAttribute('#hf-waitingList-weeks', 'aria-invalid')).toBe('true');
      expect(await page.getAttribute('#hf-waitingList-weeks', 'aria-describedby')).toContain('hf-waitingList-weeks-error');
      await expect(page.locator('#hf-waitingList-weeks-error').isVisible()).resolves.toBe(true);
      expect(await page.inputValue('#hf-waitingList-weeks')).toBe('veel');
      expect(await page.inputValue('#hf-name')).toBe('Nieuwe naam die blijft staan');
      await summary.getByRole('link').first().click();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('hf-waitingList-weeks');
      await screenshot(page, 'manage-edit-refused');
      await expectNoViolations(page, 'edit view with errors');
    }, 120_000);

    it('explains a colleague\'s save from a second tab, puts one\'s own change on top of it, and the history shows both', async () => {
      const h = harness();
      const t = await target(h, 2);
      const mine = await open(h, 1280);
      await signIn(h, mine, editorEmail(t.organizationId));
      const theirs = await secondTab(h, mine);
      const edit = `/beheer/?organisatie=${t.organizationId}&locatie=${t.locationId}&woonvorm=${t.housingFormId}&weergave=wijzigen`;
      await mine.goto(edit);
      await theirs.goto(edit);
      await visibleView(mine, 'housing-form').waitFor();
      await visibleView(theirs, 'housing-form').waitFor();

      await theirs.fill('#hf-description', 'Beschrijving van de collega.');
      await theirs.click('form[data-form="housing-form"] button[type="submit"]');
      await visibleView(theirs, 'overview').waitFor();

      await mine.fill('#hf-name', 'Mijn nieuwe naam');
      await mine.click('form[data-form="housing-form"] button[type="submit"]');
      const conflict = mine.locator('[data-view="housing-form"] [data-conflict]');
      await conflict.waitFor({ state: 'visible' });
      const text = (await conflict.textContent()) ?? '';
      expect(text).toContain('Een collega heeft dit intussen gewijzigd');
      expect(text).toContain('Nieuwe versie van uw collega: Beschrijving van de collega.');
      expect(text).toContain('Wat u heeft ingevuld: Mijn nieuwe naam');
      await screenshot(mine, 'manage-conflict');
      await expectNoViolations(mine, 'conflict');

      await conflict.getByRole('button', { name: 'Mijn wijzigingen op de nieuwe versie zetten' }).click();
      expect(await mine.inputValue('#hf-name')).toBe('Mijn nieuwe naam');
      expect(await mine.inputValue('#hf-description')).toBe('Beschrijving van de collega.');
      await mine.click('form[data-form="housing-form"] button[type="submit"]');
      await visibleView(mine, 'overview').waitFor();
      await expect.poll(() => status(mine).textContent()).toBe('Opgeslagen: Mijn nieuwe naam.');

      await card(mine, t).getByRole('link', { name: 'Geschiedenis' }).click();
      await visibleView(mine, 'history').waitFor();
      const changes = mine.locator('[data-changes] > li');
      await expect.poll(() => changes.count()).toBeGreaterThanOrEqual(2);
      const newest = (await changes.first().textContent()) ?? '';
      expect(newest).toContain('Gegevens gewijzigd');
      expect(newest).toContain('23 november 2026');
      expect(newest).toMatch(/Naam\s*Was: .+Werd: Mijn nieuwe naam/);
      expect(await changes.nth(1).textContent()).toContain('Werd: Beschrijving van de collega.');
      await screenshot(mine, 'manage-history');
    }, 120_000);

    it('goes round with a spreadsheet: download, one cell edited, the dry run in plain words, applied and seen; a bad cell is named by line and column and changes nothing', async () => {
      const h = harness();
      const t = await target(h, 5);
      const page = await open(h, 320);
      await signIn(h, page, editorEmail(t.organizationId));
      await page.getByRole('link', { name: 'Werken met een spreadsheet' }).click();
      await visibleView(page, 'spreadsheet').waitFor();
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
      expect(await page.getAttribute('a[data-download]', 'href')).toBe(`/api/provider/organizations/${t.organizationId}/housing-forms/csv`);

      const original = await exportCsv(page, t.organizationId);
      const edited = withCell(original, t, 'name', 'Naam uit de spreadsheet');
      await chooseFile(page, edited.text);
      const plan = page.locator('[data-plan]');
      await plan.waitFor({ state: 'visible' });
      expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-plan'))).toBe(true);
      expect(await plan.locator('[data-counts]').textContent()).toContain('1 woonvorm wordt gewijzigd.');
      const row = plan.locator(`[data-plan-line="${edited.line}"]`);
      expect(await row.locator('h3').textContent()).toBe(`Regel ${edited.line}: ${t.name} (${(await page.locator(`[data-view="overview"] #location-${t.locationId}`).textContent()) ?? ''})`);
      expect(await row.locator('dl > div').allTextContents()).toEqual([`NaamWas: ${t.name}Wordt: Naam uit de spreadsheet`]);
      expect(await plan.locator('[data-plan-line]').count()).toBe(1);
      await screenshot(page, 'manage-spreadsheet-plan');
      await expectNoViolations(page, 'spreadsheet dry run at 320');
      await page.setViewportSize({ width: 1280, height: 900 });
      await expectNoViolations(page, 'spreadsheet dry run at 1280');

      await page.getByRole('button', { name: 'Wijzigingen doorvoeren' }).click();
      await visibleView(page, 'overview').waitFor();
      await expect.poll(() => status(page).textContent()).toBe('Doorgevoerd: 1 woonvorm is bijgewerkt.');
      expect(await card(page, t).locator('h4').textContent()).toBe('Naam uit de spreadsheet');
      const applied = await exportCsv(page, t.organizationId);
      expect(applied).toContain('Naam uit de spreadsheet');

      // A bad cell: said by line and column with the field's plain name, in Dutch; nothing is applied.
      await page.getByRole('link', { name: 'Werken met een spreadsheet' }).click();
      await visibleView(page, 'spreadsheet').waitFor();
      const bad = withCell(withCell(applied, t, 'waitingList.weeks', 'veel').text, t, 'description', 'Wordt niet opgeslagen');
      await chooseFile(page, bad.text);
      const problems = page.locator('[data-problems]');
      await problems.waitFor({ state: 'visible' });
      expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-problems'))).toBe(true);
      const weeksIndex = (parse(applied, { bom: true, delimiter: ';', to_line: 1 }) as string[][])[0]?.indexOf('waitingList.weeks') ?? -1;
      // As a spreadsheet names its columns: A … Z, then AA, AB …
      const weeksColumn = (weeksIndex >= 26 ? String.fromCharCode(64 + Math.floor(weeksIndex / 26)) : '') + String.fromCharCode(65 + (weeksIndex % 26));
      expect(await problems.locator('li').allTextContents()).toEqual([
        `Regel ${bad.line}, kolom ${weeksColumn} (Wachttijd in weken (ongeveer)): Schrijf een heel getal, zoals 12.`,
      ]);
      expect(await problems.textContent()).toContain('Er is niets gewijzigd.');
      await expect(page.locator('[data-plan]').isVisible()).resolves.toBe(false);
      await screenshot(page, 'manage-spreadsheet-problems');
      await expectNoViolations(page, 'spreadsheet problems at 1280');
      await page.setViewportSize({ width: 320, height: 844 });
      await expectNoViolations(page, 'spreadsheet problems at 320');
      expect(await exportCsv(page, t.organizationId)).toBe(applied);
    }, 120_000);

    it('lets an admin invite a colleague and withdraw an invitation; the mailed link is accepted in a fresh browser and the colleague signs in to the organisation', async () => {
      const h = harness();
      const t = await target(h, 6);
      const admin = await open(h, 1280);
      await signIn(h, admin, adminEmail(t.organizationId));
      await admin.getByRole('link', { name: 'Collega’s' }).click();
      const view = visibleView(admin, 'colleagues');
      await view.waitFor();
      expect(await admin.evaluate(() => new URL(location.href).searchParams.get('weergave'))).toBe('collegas');
      const members = admin.locator('[data-members]');
      await expect.poll(() => members.textContent()).toContain(editorEmail(t.organizationId));
      expect(await members.textContent()).toMatch(/\(dat bent u\)/);
      expect(await admin.locator('[data-invitations-none]').isVisible()).toBe(true);

      // A missing role is said at its group, and what was typed stays.
      const colleague = `nieuwe.collega@${t.organizationId}.example`;
      await admin.fill('#invite-email', colleague);
      await admin.fill('#invite-name', 'Nieuwe Collega');
      await admin.click('form[data-form="invite"] button[type="submit"]');
      await expect(admin.locator('#invite-role-error').textContent()).resolves.toBe('Kies wat uw collega mag doen.');
      expect(await admin.inputValue('#invite-email')).toBe(colleague);
      await admin.getByLabel('Redacteur: gegevens en wachtlijsten bijwerken.').check();
      await admin.click('form[data-form="invite"] button[type="submit"]');
      await expect.poll(() => status(admin).textContent()).toBe(`Verstuurd: ${colleague} krijgt een e-mail met een link. De link werkt 7 dagen.`);
      await expect.poll(() => admin.locator('[data-invitations] li').count()).toBe(1);
      expect(await admin.locator('[data-invitations]').textContent()).toContain('Nieuwe Collega');

      // A second invitation, withdrawn after the confirmation step: its link no longer works.
      const other = `tweede@${t.organizationId}.example`;
      await admin.fill('#invite-email', other);
      await admin.fill('#invite-name', 'Tweede Collega');
      await admin.getByLabel(/^Beheerder:/).check();
      await admin.click('form[data-form="invite"] button[type="submit"]');
      await expect.poll(() => admin.locator('[data-invitations] li').count()).toBe(2);
      const withdrawnLink = await invitationLink(h, other);
      await admin.getByRole('button', { name: 'Uitnodiging van Tweede Collega intrekken' }).click();
      const confirm = admin.locator('[data-invitation] [data-withdraw-confirm]:not([hidden])');
      await confirm.waitFor();
      expect(await confirm.textContent()).toContain(`De link in de e-mail aan ${other} werkt daarna niet meer.`);
      for (const width of [1280, 320]) {
        await admin.setViewportSize({ width, height: width < 600 ? 844 : 900 });
        await expectNoViolations(admin, `colleagues at ${width}`);
        const small = await admin.locator('main button:visible, main .ww-manage__link:visible').evaluateAll((elements) =>
          elements.filter((element) => element.getBoundingClientRect().height < 44).map((element) => element.textContent?.trim()));
        expect(small, `colleagues at ${width}: targets under 44 px`).toEqual([]);
      }
      await screenshot(admin, 'manage-colleagues');
      await confirm.getByRole('button', { name: 'Ja, intrekken' }).click();
      await expect.poll(() => status(admin).textContent()).toBe(`Ingetrokken: de uitnodiging voor ${other}.`);
      expect(await admin.locator('[data-invitations] li').count()).toBe(1);

      // The colleague opens the mail's link in a browser of their own.
      const link = await invitationLink(h, colleague);
      const invited = await open(h, 320);
      await invited.goto(link);
      await invited.getByRole('button', { name: 'Uitnodiging aannemen' }).waitFor();
      await expectNoViolations(invited, 'invitation page at 320');
      await screenshot(invited, 'manage-invitation');
      await invited.getByRole('button', { name: 'Uitnodiging aannemen' }).click();
      const accepted = invited.locator('[data-accepted]');
      await accepted.waitFor({ state: 'visible' });
      expect(await accepted.textContent()).toContain(`Gelukt. U werkt nu mee voor ${t.organizationName} als redacteur.`);
      expect(await accepted.textContent()).toContain(`Log nu in met ${colleague}.`);
      expect(await invited.evaluate(() => location.hash), 'the spent token leaves the address').toBe('');
      await expectNoViolations(invited, 'invitation accepted at 320');
      await invited.getByRole('link', { name: 'Naar inloggen' }).click();
      await visibleView(invited, 'sign-in').waitFor();
      expect(await invited.inputValue('#signin-email')).toBe(colleague);
      const before = await mailCount(h, colleague);
      await invited.click('form[data-form="email"] button[type="submit"]');
      await invited.locator('#signin-code').waitFor({ state: 'visible' });
      await invited.fill('#signin-code', await codeFor(h, colleague, before));
      await invited.click('form[data-form="code"] button[type="submit"]');
      await visibleView(invited, 'overview').waitFor();
      expect(await invited.locator('[data-view="overview"] h1').textContent()).toBe(t.organizationName);
      // An editor is not offered the colleagues' page.
      await expect(invited.getByRole('link', { name: 'Collega’s' }).count()).resolves.toBe(0);
      await expect(invited.getByRole('link', { name: 'Werken met een spreadsheet' }).isVisible()).resolves.toBe(true);

      // The used link and the withdrawn one are said plainly, in another fresh browser.
      for (const spent of [link, withdrawnLink]) {
        const late = await open(h, 1280);
        await late.goto(spent);
        await late.getByRole('button', { name: 'Uitnodiging aannemen' }).click();
        await expect.poll(() => late.locator('[data-alert]').textContent()).toBe(
          'Deze uitnodiging werkt niet meer. Hij is verlopen, ingetrokken of al gebruikt. Vraag uw collega om een nieuwe uitnodiging.');
        await expectNoViolations(late, 'invitation unusable at 1280');
        await late.context().close();
      }
    }, 120_000);

    it('has every view axe clean at 320 and 1280 px, nothing sideways, and targets of at least 44 px', async () => {
      const h = harness();
      const t = await target(h, 3);
      const email = editorEmail(t.organizationId);
      for (const width of [320, 1280]) {
        const page = await open(h, width);
        for (const path of ['/beheer/', '/en/manage/']) {
          await page.goto(path);
          await visibleView(page, 'sign-in').waitFor();
          await expectNoViolations(page, `sign-in ${path} ${width}`);
        }
        await signIn(h, page, email);
        const base = `/beheer/?organisatie=${t.organizationId}`;
        const views = [
          { view: 'overview', path: base },
          { view: 'housing-form', path: `${base}&locatie=${t.locationId}&woonvorm=${t.housingFormId}&weergave=wijzigen` },
          { view: 'housing-form', path: `${base}&locatie=${t.locationId}&weergave=nieuw` },
          { view: 'location', path: `${base}&locatie=${t.locationId}&weergave=wijzigen` },
          { view: 'history', path: `${base}&locatie=${t.locationId}&woonvorm=${t.housingFormId}&weergave=geschiedenis` },
          { view: 'spreadsheet', path: `${base}&weergave=spreadsheet` },
          { view: 'overview', path: `/en/manage/?organization=${t.organizationId}` },
        ];
        for (const { view, path } of views) {
          await page.goto(path);
          await visibleView(page, view).waitFor();
          await page.evaluate(() => { document.querySelectorAll('details').forEach((details) => { details.open = true; }); });
          await expectNoViolations(page, `${path} at ${width}`);
          expect(await page.locator('h1:visible').count(), `${path}: one h1`).toBe(1);
          const small = await page.locator('main button:visible, main .ww-manage__link:visible, main summary:visible').evaluateAll((elements) =>
            elements.filter((element) => element.getBoundingClientRect().height < 44).map((element) => element.textContent?.trim()));
          expect(small, `${path}: targets under 44 px`).toEqual([]);
          if (width === 320) await screenshot(page, `manage-${view}-${path.includes('nieuw') ? 'new' : path.includes('/en/') ? 'en' : 'view'}`);
        }
        await page.context().close();
      }
    }, 240_000); // axe over every view at two widths, now with the photo editor: slow on a loaded 2-core machine

    it('confirms a waiting list by keyboard alone, with the focus visible at every stop', async () => {
      const h = harness();
      const t = await target(h, 4);
      const page = await open(h, 1280);
      await page.goto('/beheer/');
      await visibleView(page, 'sign-in').waitFor();
      const email = editorEmail(t.organizationId);
      const before = await mailCount(h, email);
      await page.focus('#signin-email');
      await page.keyboard.type(email);
      await page.keyboard.press('Enter');
      await page.locator('#signin-code').waitFor({ state: 'visible' });
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('signin-code');
      await page.keyboard.type(await codeFor(h, email, before));
      await page.keyboard.press('Enter');
      await visibleView(page, 'overview').waitFor();
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press('Tab');
        const state = await focusState(page);
        expect(state.visible, `focus visible on <${state.tag}> "${state.text.slice(0, 40)}"`).toBe(true);
        if (state.text === 'Klopt nog') break;
      }
      await page.keyboard.press('Enter');
      await expect.poll(() => status(page).textContent()).toContain('Bevestigd: de wachtlijst van');
      const after = await focusState(page);
      expect(after.text).toBe('Klopt nog');
      expect(after.visible).toBe(true);
      await page.click('[data-action="sign-out"]');
      await visibleView(page, 'sign-in').waitFor();
      await expect.poll(() => status(page).textContent()).toBe('U bent uitgelogd.');
      await page.reload();
      await visibleView(page, 'sign-in').waitFor();
    }, 120_000);

    it('adds photos with their descriptions in the location view, says a wrong file at the field keeping the description, survives a colleague\'s change, and the rebuilt location page shows them', async () => {
      const h = harness();
      // Sending, making web sizes and reading the listing again take seconds on a busy machine.
      const slow = { timeout: 15_000 };
      // A location of the other region: its organisation is signed in to by no other test.
      const [first] = (await getJson<{ locations: LocationSummary[] }>(h, '/api/regions/rotterdam/locations')).locations;
      if (!first) throw new Error('No location in rotterdam');
      const t = { organizationId: first.organizationId, locationId: first.id };
      const page = await open(h, 1280);
      await signIn(h, page, editorEmail(t.organizationId));
      const location = await page.locator(`[data-view="overview"] #location-${t.locationId}`).textContent() ?? '';
      expect(await page.locator('[data-attention]').textContent()).toContain(`${location} Er staat nog geen foto bij. Voeg een foto toe`);
      const edit = `/beheer/?organisatie=${t.organizationId}&locatie=${t.locationId}&weergave=wijzigen`;
      await page.goto(edit);
      await visibleView(page, 'location').waitFor();
      const count = page.locator('[data-photo-count]');
      await expect.poll(() => count.textContent(), slow).toBe('0 van 6 foto\'s');
      expect(await page.locator('#photo-alt-hint').textContent()).toContain('Beschrijf wat er op de foto te zien is, voor wie de foto niet kan zien.');
      expect(await page.getAttribute('#photo-file', 'accept')).toBe('image/jpeg,image/png,image/webp');

      const jpeg = (r: number) => sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r, g: 150, b: 90 } } }).jpeg().toBuffer();
      const gif = await sharp({ create: { width: 40, height: 30, channels: 3, background: 'red' } }).gif().toBuffer();
      const add = page.locator('form[data-form="photo"] button[type="submit"]');
      const fileError = page.locator('#photo-file-error');
      const garden = 'De tuin met bankjes en een vijver';
      await page.fill('#photo-alt', garden);

      // A GIF named .jpg: the server's Dutch words at the file, the description kept.
      await page.setInputFiles('#photo-file', { name: 'tuin.jpg', mimeType: 'image/jpeg', buffer: gif });
      await add.click();
      await expect.poll(() => fileError.textContent(), slow).toBe('Dit bestand is geen foto die we kunnen gebruiken. Kies een foto van het type JPEG, PNG of WebP.');
      expect(await page.getAttribute('#photo-file', 'aria-invalid')).toBe('true');
      expect(await page.inputValue('#photo-alt')).toBe(garden);
      // Too large: refused before a byte is sent, in the same place.
      await page.setInputFiles('#photo-file', { name: 'groot.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(MAX_PHOTO_BYTES + 1, 0xff) });
      await add.click();
      await expect.poll(() => fileError.textContent(), slow).toContain('Een foto mag hoogstens 8 MB zijn.');
      expect(await page.inputValue('#photo-alt')).toBe(garden);
      // No description: said at the description, the chosen file kept.
      await page.fill('#photo-alt', '  ');
      await page.setInputFiles('#photo-file', { name: 'tuin.jpg', mimeType: 'image/jpeg', buffer: await jpeg(200) });
      await add.click();
      await expect.poll(() => page.locator('#photo-alt-error').textContent(), slow).toMatch(/^Beschrijf wat er op de foto te zien is/);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('photo-alt');
      expect(await fileError.isVisible()).toBe(false);
      expect(await page.inputValue('#photo-file')).toContain('tuin.jpg');

      await page.fill('#photo-alt', garden);
      await add.click();
      const uploadStatus = page.locator('[data-upload-status]');
      await expect.poll(() => uploadStatus.textContent(), slow).toBe('Toegevoegd: foto 1.');
      expect(await uploadStatus.getAttribute('role')).toBe('status');
      await expect.poll(() => count.textContent(), slow).toBe('1 van 6 foto\'s');
      expect(await page.inputValue('#photo-alt')).toBe('');
      const items = page.locator('[data-photo-list] > li');
      expect(await items.locator('textarea').inputValue()).toBe(garden);
      await expect.poll(() => items.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), slow).toBe(480);
      expect(await items.locator('img').getAttribute('src')).toMatch(new RegExp(`^/photos/${t.organizationId}/${t.locationId}/[0-9a-f-]{36}-480\\.webp$`));

      // A colleague describes the photo anew meanwhile; this tab's next photo meets the conflict,
      // says so, and shows the colleague's words, what is typed here kept for a second try.
      const colleague = await secondTab(h, page);
      await colleague.goto(edit);
      await visibleView(colleague, 'location').waitFor();
      const gardenAnew = 'De tuin met bankjes, een vijver en een moestuin';
      await colleague.locator('[data-photo-list] textarea').fill(gardenAnew);
      await colleague.getByRole('button', { name: 'Beschrijving van foto 1 opslaan' }).click();
      await expect.poll(() => colleague.locator('[data-photos-status]').textContent(), slow).toBe('Opgeslagen: de beschrijving van foto 1.');
      const room = 'Een slaapkamer met een eigen badkamer';
      await page.fill('#photo-alt', room);
      await page.setInputFiles('#photo-file', { name: 'kamer.png', mimeType: 'image/png', buffer: await sharp(await jpeg(90)).png().toBuffer() });
      await add.click();
      await expect.poll(() => page.locator('[data-alert]').textContent(), slow).toBe(
        'Een collega heeft de foto\'s van deze locatie intussen gewijzigd. U ziet hieronder de nieuwe stand. Wat u typte, staat er nog. Probeer het opnieuw.');
      await expect.poll(() => items.first().locator('textarea').inputValue(), slow).toBe(gardenAnew);
      expect(await page.inputValue('#photo-alt')).toBe(room);
      await add.click();
      await expect.poll(() => uploadStatus.textContent(), slow).toBe('Toegevoegd: foto 2.');
      await expect.poll(() => count.textContent(), slow).toBe('2 van 6 foto\'s');
      expect(await items.locator('textarea').evaluateAll((boxes) => boxes.map((box) => (box as HTMLTextAreaElement).value))).toEqual([gardenAnew, room]);

      // By keyboard: the room moves up, and focus stays with it.
      await page.getByRole('button', { name: 'Foto 2 omhoog' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('[data-photos-status]').textContent(), slow).toBe('Foto 2 staat nu op plaats 1.');
      expect(await items.locator('textarea').evaluateAll((boxes) => boxes.map((box) => (box as HTMLTextAreaElement).value))).toEqual([room, gardenAnew]);
      expect(await focusState(page)).toMatchObject({ tag: 'button', text: 'Omlaag', visible: true });
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Foto 1 omlaag');
      // Removal asks first; "no" keeps it.
      await page.getByRole('button', { name: 'Foto 2 weghalen' }).click();
      const confirm = items.nth(1).locator('[data-remove-confirm]');
      await confirm.waitFor({ state: 'visible' });
      expect(await confirm.textContent()).toContain('Weet u het zeker? Foto 2 is daarna niet meer te zien');
      for (const width of [1280, 320]) {
        await page.setViewportSize({ width, height: width < 600 ? 844 : 900 });
        await expectNoViolations(page, `location view with photos at ${width}`);
        const small = await page.locator('[data-photos] button:visible').evaluateAll((elements) =>
          elements.filter((element) => element.getBoundingClientRect().height < 44).map((element) => element.textContent?.trim()));
        expect(small, `photos at ${width}: targets under 44 px`).toEqual([]);
        await screenshot(page, 'manage-location-photos');
      }
      await confirm.getByRole('button', { name: 'Nee, toch niet' }).click();
      expect(await items.count()).toBe(2);

      // The English portal says the count in English.
      await page.goto(`/en/manage/?organization=${t.organizationId}&location=${t.locationId}&view=edit`);
      await visibleView(page, 'location').waitFor();
      await expect.poll(() => count.textContent(), slow).toBe('2 of 6 photos');
      await expectNoViolations(page, 'English location view with photos at 320');

      // The pages are built from the API: once its pages are built again the location page shows both, in order.
      await h.rebuildLocationPages(t.locationId);
      for (const width of [320, 1280]) {
        const visitor = await open(h, width);
        await visitor.goto(`/locatie/${t.locationId}/`);
        const images = visitor.locator('.ww-photos img');
        expect(await images.evaluateAll((list) => list.map((img) => [img.getAttribute('alt'), img.getAttribute('loading')]))).toEqual([[room, null], [gardenAnew, 'lazy']]);
        await images.last().scrollIntoViewIfNeeded();
        await expect.poll(() => images.evaluateAll((list) => list.map((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0)), slow).toEqual([true, true]);
        // A phone gets the 480 size, a desktop the 1200 one.
        expect(await images.first().evaluate((img: HTMLImageElement) => img.currentSrc)).toMatch(width === 320 ? /-480\.webp$/ : /-1200\.webp$/);
        await expectNoViolations(visitor, `location page with photos at ${width}`);
        await screenshot(visitor, 'location-photos');
        await visitor.context().close();
      }
    }, 300_000);

    it('shows the demo coordinator the counts of a few matches against supply, the table matching the chart, axe clean at 320 and 1280 px', async () => {
      const h = harness();
      const wishes = { regionId: REGION, postcode: '6211 AB', criteria: [
        { criterion: 'targetGroup', importance: 'must', value: 'dementia' },
        { criterion: 'ownBathroom', importance: 'important' },
        { criterion: 'pets', importance: 'must' },
      ] };
      for (let i = 0; i < 6; i++) {
        const response = await fetch(`${h.baseUrl}/api/match`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(wishes) });
        expect(response.status).toBe(200);
      }
      const email = 'coordinator@zuid-limburg.example';
      for (const width of [320, 1280]) {
        const page = await open(h, width);
        // The portal's sign-in; a coordinator finds the dashboard from the account panel.
        await page.goto('/beheer/');
        await visibleView(page, 'sign-in').waitFor();
        const before = await mailCount(h, email);
        await page.fill('#signin-email', email);
        await page.click('form[data-form="email"] button[type="submit"]');
        await page.locator('#signin-code').waitFor({ state: 'visible' });
        await page.fill('#signin-code', await codeFor(h, email, before));
        await page.click('form[data-form="code"] button[type="submit"]');
        await page.click('[data-coordination]');
        await page.waitForURL('**/coordinatie/vraag-en-aanbod/');
        await page.locator('[data-report]:not([hidden])').waitFor();
        await expect.poll(() => status(page).textContent()).toContain('De cijfers van december 2025 tot en met november 2026');

        // The figures are the API's (over this harness's every match so far): this test's six asks are among them.
        const api = await page.context().request.get(`/api/coordinator/regions/${REGION}/demand?from=2025-12&to=2026-11`);
        expect(api.status()).toBe(200);
        const report = (await api.json()) as { rows: Array<{ criterion: string; value?: string; must: number | string; important: number | string; asked: number | string; supply: { satisfying: number; placeWithin3Months: number }; gap: number }> };
        const dementia = report.rows.find((row) => row.criterion === 'targetGroup' && row.value === 'dementia');
        expect(typeof dementia?.must === 'number' && dementia.must >= 6).toBe(true);
        const cells = await page.locator('[data-table="wishes"] tbody tr').evaluateAll((rows) =>
          rows.map((row) => [...row.children].map((cell) => cell.querySelector('[aria-hidden]')?.textContent ?? cell.textContent ?? '')));
        const number = (n: number | string) => (typeof n === 'number' ? n.toLocaleString('nl-NL') : n);
        expect(cells.map((row) => row.slice(1))).toEqual(report.rows.map((row) =>
          [row.must, row.important, row.asked, row.supply.satisfying, row.supply.placeWithin3Months, row.gap].map(number)));
        expect(cells.find((row) => row[0] === 'Speciaal voor: Mensen met dementie')).toBeDefined();
        // The chart: role="img" named by its title, and per wish the same three figures as the table's asked, offer and place columns.
        const chart = page.locator('[data-chart="wishes"] svg[role="img"]');
        expect(await chart.locator('title').textContent()).toBe('Gevraagd en aanbod per wens');
        const figures = await chart.locator('.ww-chart__figure').allTextContents();
        expect(figures).toEqual(cells.flatMap((row) => [row[3], row[4], row[5]]));
        if (report.rows.some((row) => row.must === '<5' || row.important === '<5')) {
          expect(await page.locator('[data-table="wishes"] td').allTextContents()).toContain('<5minder dan 5');
        }
        const csv = await page.locator('[data-csv]').getAttribute('href');
        expect(csv).toBe(`/api/coordinator/regions/${REGION}/demand/csv?from=2025-12&to=2026-11`);
        expect((await page.context().request.get(csv ?? '')).status()).toBe(200);

        await page.evaluate(() => { document.querySelectorAll('details').forEach((details) => { details.open = true; }); });
        // What sticks out sideways, named, if anything does.
        const wide = await page.locator('main *:visible').evaluateAll((elements) => elements
          .filter((element) => element.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !element.closest('.ww-table-scroll'))
          .map((element) => element.outerHTML.slice(0, 80)));
        expect(wide, `dashboard at ${width}: sideways`).toEqual([]);
        await expectNoViolations(page, `demand dashboard at ${width}`);
        const small = await page.locator('main button:visible, main a.ww-button:visible, main summary:visible, main select:visible, main input:visible').evaluateAll((elements) =>
          elements.filter((element) => element.getBoundingClientRect().height < 44).map((element) => element.outerHTML.slice(0, 60)));
        expect(small, `dashboard at ${width}: targets under 44 px`).toEqual([]);
        if (width === 320) await screenshot(page, 'coordination-demand');

        // A municipality by keyboard (the region's first): the filter's select and the submit button, then only its asks.
        await page.focus('#demand-municipality');
        await page.keyboard.press('ArrowDown');
        await page.focus('form[data-form="filters"] button[type="submit"]');
        await page.keyboard.press('Enter');
        await expect.poll(async () => (await page.locator('[data-csv]').getAttribute('href')) ?? '').toContain('&municipality=GM');
        await page.context().close();
      }
    }, 120_000);

    it('tells an admin next to a field how often it was unknown in this month\'s match results', async () => {
      const h = harness();
      const t = await target(h, 4);
      // Asks that read the housing forms' yes/no facts, so unknown ones are counted.
      const body = { regionId: REGION, criteria: [{ criterion: 'pets', importance: 'must' }, { criterion: 'smoking', importance: 'important' }, { criterion: 'partner', importance: 'important' }], limit: 200 };
      for (let i = 0; i < 6; i++) await fetch(`${h.baseUrl}/api/match`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const page = await open(h, 1280);
      await signIn(h, page, adminEmail(t.organizationId));
      const counts = (await (await page.context().request.get(`/api/provider/organizations/${t.organizationId}/unknown-in-results`)).json()) as { fields: Array<{ field: string; results: number | string }> };
      await page.goto(`/beheer/?organisatie=${t.organizationId}&locatie=${t.locationId}&woonvorm=${t.housingFormId}&weergave=wijzigen`);
      await visibleView(page, 'housing-form').waitFor();
      const form = page.locator('form[data-form="housing-form"]');
      const shown = counts.fields.filter((f, i, all) => all.findIndex((g) => g.field === f.field) === i);
      const onForm: typeof shown = [];
      for (const f of shown) if (await form.locator(`[data-field="${f.field}"]`).count()) onForm.push(f);
      expect(onForm.length).toBeGreaterThan(0);
      await expect.poll(() => form.locator('[data-unknown-note]').count()).toBe(onForm.length);
      for (const f of onForm) {
        const note = form.locator(`[data-field="${f.field}"] [data-unknown-note]`);
        expect(await note.textContent()).toBe(f.results === '<5'
          ? 'Dit veld was deze maand in minder dan 5 matchresultaten onbekend.'
          : `Dit veld was deze maand in ${String(f.results)} matchresultaten onbekend.`);
      }
      await expectNoViolations(page, 'housing form with unknown-in-results notes');
      await page.context().close();
    }, 120_000);
  });
}
