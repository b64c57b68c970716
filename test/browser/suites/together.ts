// Together mode and the citizen's hand-over (issue 14, items 2 and 3) as people use them. The
// demonstration supporter opens together mode for the example dossier: not signed in, the portal's
// sign-in sends them back; the bar says with whom and where things are saved; two questions
// answered and a favourite kept on the results page reach the dossier (a new answers version and
// the shortlist, read back through the API); the citizen's own answers on the device are neither
// shown nor touched; a colleague's save in between is said plainly and nothing typed is lost;
// stopping leaves no key of the client in localStorage or sessionStorage. A citizen hands over
// from the report: what is sent is said, a confirmation, the code large in its groups, and the
// supporter redeems it once (a second time is refused). axe over the bar and the hand-over panel.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { codeFor, mailCount } from '../outbox.ts';
import { axeViolations } from '../axe.ts';
import type { SiteHarness } from '../harness.ts';
import { horizontalOverflow, screenshot } from '../page-checks.ts';

const REGION = 'zuid-limburg';
const ORG = 'clientondersteuning-zuid-limburg';
const SUPPORTER = `ondersteuner@${ORG}.example`;
const LABEL = 'Mevr. S. (samen)';
const DOSSIERS = `/api/supporter/organizations/${ORG}/dossiers`;

/** The citizen's own answers on the shared device, which together mode must leave as they are. */
const CITIZEN_ANSWERS = {
  regionId: REGION, questionnaireId: REGION, version: 1, savedAt: '2026-11-20T10:00:00.000Z',
  answers: { leeftijd: { number: 71 }, 'over-mij': { text: 'Eigen woorden van de burger' } },
};
const CITIZEN_KEY = `woonwijzer.answers.${REGION}`;

/**
 * A dossier of its own, empty, for the demo supporter: the example dossier has answers, a favourite
 * and a share, and other suites add dossiers beside it, so this suite starts from one it knows.
 */
async function freshDossierId(h: SiteHarness): Promise<string> {
  const supporter = await h.stores.accounts.findAccountByEmail(SUPPORTER);
  if (!supporter) throw new Error(`No demo account ${SUPPORTER}`);
  const ctx = { by: { accountId: supporter.id, name: supporter.name }, now: new Date() };
  const dossier = await h.stores.dossiers.createDossier(ORG, { id: randomUUID(), label: LABEL, regionId: REGION, status: 'exploring' }, ctx);
  return dossier.id;
}

/** Opens together mode for the dossier; not signed in, through the portal's sign-in and back. */
async function openTogether(h: SiteHarness, page: Page, dossierId: string): Promise<void> {
  await page.goto(`/ondersteuner/samen/?dossier=${dossierId}`);
  await page.waitForURL(/\/beheer\/\?terug=/);
  const before = await mailCount(h, SUPPORTER);
  await page.fill('#signin-email', SUPPORTER);
  await page.click('form[data-form="email"] button[type="submit"]');
  await page.locator('#signin-code').waitFor({ state: 'visible' });
  await page.fill('#signin-code', await codeFor(h, SUPPORTER, before));
  await page.click('form[data-form="code"] button[type="submit"]');
  await page.waitForURL(/\/ondersteuner\/samen\/\?dossier=/);
  await page.locator('[data-together-ready]:not([hidden])').waitFor();
}

/** An API call with the page's session, as the site's own pages send it (JSON, same origin). */
async function api<T>(h: SiteHarness, page: Page, method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await page.context().request.fetch(`${h.baseUrl}${path}`, {
    method,
    headers: { origin: h.baseUrl, 'content-type': 'application/json', accept: 'application/json' },
    ...(body === undefined ? {} : { data: JSON.stringify(body) }),
  });
  return { status: response.status(), body: (await response.json()) as T };
}

/** The page's uncaught script errors, as they happen. */
function scriptErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** Every key of this origin's storage with its value, both areas. */
const storage = (page: Page) => page.evaluate(() => ({
  local: Object.fromEntries(Object.keys(localStorage).map((key) => [key, localStorage.getItem(key)])),
  session: Object.fromEntries(Object.keys(sessionStorage).map((key) => [key, sessionStorage.getItem(key)])),
}));

const bar = (page: Page) => page.locator('[data-together-bar]');
/** Waits for the bar to say the change is in the dossier (a failure shows what it says instead). */
const savedInBar = (page: Page) => ({
  waitFor: () => expect.poll(() => bar(page).textContent(), { timeout: 15_000 }).toContain('Opgeslagen in het dossier om'),
});

interface AnswersVersions { versions: Array<{ answersVersion: number; savedBy: { name: string } }> }
interface SavedVersion { answers: Record<string, { number?: number; choice?: string }> }

export function togetherSuite(harness: () => SiteHarness): void {
  describe('together mode and the hand-over', () => {
    it('a supporter works with a client in together mode: answers and a favourite go to the dossier, stopping leaves nothing of the client', async () => {
      const h = harness();
      const dossierId = await freshDossierId(h);
      const page = await h.newPage({ width: 1280 });
      page.setDefaultTimeout(15_000);
      const errors = scriptErrors(page);
      // A citizen used this device before: their answers are on it.
      await page.goto('/');
      await page.evaluate(([key, value]) => localStorage.setItem(key, value), [CITIZEN_KEY, JSON.stringify(CITIZEN_ANSWERS)] as const);

      await openTogether(h, page, dossierId);
      await expect.poll(() => bar(page).locator('#ww-together-with').textContent(), { timeout: 15_000 }).toBe(`Samen met ${LABEL}`);
      expect(await bar(page).textContent()).toContain('opgeslagen in het dossier bij Cliëntondersteuning Zuid-Limburg (demo)');
      expect(await page.locator('[data-together-ready] h2').first().textContent()).toBe(`Samen met ${LABEL}`);
      expect(await page.locator('[data-together-summary]').textContent()).toContain('Er zijn nog geen antwoorden opgeslagen.');
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'together-entry');

      // The questionnaire of the dossier's region, bound to the dossier: the citizen's 71 is not shown.
      await page.getByRole('link', { name: 'Vragen invullen' }).click();
      await page.waitForURL(/\/regio\/zuid-limburg\/vragen\//);
      await bar(page).waitFor();
      expect(await page.inputValue('#q-leeftijd')).toBe('');
      await page.check('#q-wie-vult-in-naaste');
      await page.fill('#q-leeftijd', '84');
      await savedInBar(page).waitFor();
      const versions = await api<AnswersVersions>(h, page, 'GET', `${DOSSIERS}/${dossierId}/answers`);
      expect(versions.status).toBe(200);
      const newest = versions.body.versions.at(-1);
      expect(newest?.savedBy.name).toBe('Ondersteuner Zuid-Limburg');
      const saved = await api<SavedVersion>(h, page, 'GET', `${DOSSIERS}/${dossierId}/answers/${newest?.answersVersion}`);
      expect(saved.body.answers.leeftijd).toEqual({ number: 84 });
      expect(saved.body.answers['wie-vult-in']).toEqual({ choice: 'naaste' });
      expect(await horizontalOverflow(page)).toBe(0);
      await page.setViewportSize({ width: 320, height: 800 });
      expect(await horizontalOverflow(page)).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'together-questionnaire');
      await page.setViewportSize({ width: 1280, height: 900 });

      // A colleague saves a version meanwhile: said plainly, what is typed stays, and one's own goes on top.
      const colleague = await api<{ answersVersion: number }>(h, page, 'POST', `${DOSSIERS}/${dossierId}/answers`, {
        basedOn: newest?.answersVersion, questionnaireId: REGION, questionnaireVersion: 1, answers: { leeftijd: { number: 85 } },
      });
      expect(colleague.status).toBe(201);
      await page.fill('#q-leeftijd', '86');
      const problem = bar(page).locator('[data-together-problem]');
      await expect.poll(() => problem.textContent(), { timeout: 15_000 }).toContain('Een collega heeft intussen ook antwoorden in dit dossier opgeslagen.');
      expect(await page.inputValue('#q-leeftijd')).toBe('86');
      expect(await axeViolations(page)).toEqual([]);
      await bar(page).getByRole('button', { name: 'Ja, mijn versie opslaan' }).click();
      await savedInBar(page).waitFor();
      const after = await api<AnswersVersions>(h, page, 'GET', `${DOSSIERS}/${dossierId}/answers`);
      const mine = after.body.versions.at(-1);
      expect(mine?.answersVersion).toBe(colleague.body.answersVersion + 1);
      expect((await api<SavedVersion>(h, page, 'GET', `${DOSSIERS}/${dossierId}/answers/${mine?.answersVersion}`)).body.answers.leeftijd).toEqual({ number: 86 });

      // The results from the dossier's answers; a favourite kept there goes to the dossier's shortlist.
      await page.goto(`/regio/${REGION}/resultaten/`);
      await bar(page).waitFor();
      const favourite = page.locator('#result-1 button.ww-favourite');
      await favourite.click();
      await expect.poll(() => favourite.getAttribute('aria-pressed'), { timeout: 15_000 }).toBe('true');
      await savedInBar(page).waitFor();
      const ref = { locationId: await favourite.getAttribute('data-location-id'), housingFormId: await favourite.getAttribute('data-housing-form-id') };
      const file = await api<{ shortlist: { entries: Array<{ locationId: string; housingFormId: string }>; version: number } }>(h, page, 'GET', `${DOSSIERS}/${dossierId}`);
      expect(file.body.shortlist.entries).toEqual([ref]);

      // The compare and report pages show the dossier's favourite, with the bar.
      await page.goto(`/regio/${REGION}/verslag/`);
      await bar(page).waitFor();
      await expect.poll(() => page.locator('[data-report-title]').textContent(), { timeout: 15_000 }).toBe(`Verslag over ${LABEL}`);
      expect(await page.locator('[data-handover]').isHidden()).toBe(true);

      // While working, the client's data is in this tab's together keys only; the citizen's stays as it was.
      const during = await storage(page);
      expect(during.local[CITIZEN_KEY]).toBe(JSON.stringify(CITIZEN_ANSWERS));
      expect(Object.keys(during.local).filter((key) => key !== CITIZEN_KEY && key.startsWith('woonwijzer.answers'))).toEqual([]);
      expect(Object.keys(during.session)).toContain(`woonwijzer.together.answers.${REGION}`);

      await bar(page).getByRole('button', { name: 'Samen-modus stoppen' }).click();
      await page.waitForURL(/\/ondersteuner\/samen\/\?gestopt=1/);
      await expect.poll(() => page.locator('[data-together-message]').textContent(), { timeout: 15_000 })
        .toBe('De samen-modus is gestopt. Er staat niets meer van de cliënt op dit apparaat.');
      expect(await bar(page).count()).toBe(0);
      const left = await storage(page);
      expect(left.session).toEqual({});
      expect(left.local).toEqual({ [CITIZEN_KEY]: JSON.stringify(CITIZEN_ANSWERS) });
      // The citizen's questionnaire is theirs again.
      await page.goto(`/regio/${REGION}/vragen/`);
      expect(await page.inputValue('#q-leeftijd')).toBe('71');
      expect(await bar(page).count()).toBe(0);
      expect(errors).toEqual([]);
    }, 180_000);

    it('goes back after sign-in only to a page of this site, never to another site hidden in the address', async () => {
      const h = harness();
      const page = await h.newPage({ width: 1280 });
      page.setDefaultTimeout(15_000);
      // A tab and a line break are dropped by the browser: "/<tab>/evil.example" would resolve to another site.
      await page.goto(`/beheer/?terug=${encodeURIComponent('/\t/evil.example/inloggen')}`);
      const before = await mailCount(h, SUPPORTER);
      await page.fill('#signin-email', SUPPORTER);
      await page.click('form[data-form="email"] button[type="submit"]');
      await page.locator('#signin-code').waitFor({ state: 'visible' });
      await page.fill('#signin-code', await codeFor(h, SUPPORTER, before));
      await page.click('form[data-form="code"] button[type="submit"]');
      await page.locator('[data-account] a[data-supporter]').waitFor({ state: 'visible' });
      expect(new URL(page.url()).origin).toBe(h.baseUrl);
      expect(new URL(page.url()).pathname).toBe('/beheer/');
      await page.context().close();
    });

    it('a citizen hands their answers over with a code from the report; the supporter redeems it once', async () => {
      const h = harness();
      const citizen = await h.newPage({ width: 390 });
      citizen.setDefaultTimeout(15_000);
      const citizenErrors = scriptErrors(citizen);
      await citizen.goto('/');
      await citizen.evaluate(([key, value]) => {
        localStorage.setItem(key, value);
        localStorage.setItem('woonwijzer.shortlist.zuid-limburg', JSON.stringify([{
          locationId: 'kapelhof-gulpen', housingFormId: 'groep-lavendel-kleinschalig-wonen-bij-dementie',
          name: 'Groep Lavendel', locationName: 'Kapelhof', addedAt: '2026-11-21T10:00:00.000Z',
        }]));
        localStorage.setItem('woonwijzer.reportName.zuid-limburg', 'Opa Jan');
      }, [CITIZEN_KEY, JSON.stringify(CITIZEN_ANSWERS)] as const);
      await citizen.goto(`/regio/${REGION}/verslag/`);
      const panel = citizen.locator('[data-handover]');
      await panel.waitFor();
      expect(await panel.textContent()).toContain('Dit sturen we: uw antwoorden op de vragen (ook wat u zelf heeft geschreven) en uw lijst met favorieten. Niets anders.');
      const sent: string[] = [];
      citizen.on('request', (request) => {
        if (request.url().endsWith('/api/handover')) sent.push(request.postData() ?? '');
      });
      await panel.getByRole('button', { name: 'Code maken om door te geven' }).click();
      // Nothing goes before the confirmation.
      expect(sent).toEqual([]);
      await panel.getByRole('button', { name: 'Ja, maak de code' }).click();
      const codeBox = panel.locator('[data-handover-code]');
      await codeBox.waitFor();
      const code = (await codeBox.textContent()) ?? '';
      expect(code).toMatch(/^[2-9A-HJKMNP-TW-Z]{4}-[2-9A-HJKMNP-TW-Z]{4}$/);
      expect(await panel.textContent()).toContain('Dat is binnen 24 uur.');
      expect(await panel.textContent()).toContain('De code werkt maar één keer.');
      // The answers and the favourite's ids, nothing else: not the name on the report.
      expect(JSON.parse(sent[0] ?? '{}')).toEqual({
        questionnaireId: REGION, questionnaireVersion: 1, answers: CITIZEN_ANSWERS.answers,
        shortlist: [{ locationId: 'kapelhof-gulpen', housingFormId: 'groep-lavendel-kleinschalig-wonen-bij-dementie' }],
      });
      expect(sent[0]).not.toContain('Opa Jan');
      expect(await axeViolations(citizen)).toEqual([]);
      expect(await horizontalOverflow(citizen)).toBe(0);
      await screenshot(citizen, 'handover-code');

      // The supporter redeems it into the example dossier: once.
      const supporter = await h.newPage({ width: 1280 });
      supporter.setDefaultTimeout(15_000);
      const supporterErrors = scriptErrors(supporter);
      const dossierId = await freshDossierId(h);
      await openTogether(h, supporter, dossierId);
      const redeem = () => api<{ answers: { answersVersion: number }; error?: { code: string } }>(h, supporter, 'POST', `${DOSSIERS}/${dossierId}/handover-codes`, { code: code.toLowerCase() });
      const first = await redeem();
      expect(first.status).toBe(200);
      const saved = await api<SavedVersion>(h, supporter, 'GET', `${DOSSIERS}/${dossierId}/answers/${first.body.answers.answersVersion}`);
      expect(saved.body.answers.leeftijd).toEqual({ number: 71 });
      const second = await redeem();
      expect(second.status).toBe(404);
      expect(second.body.error?.code).toBe('handover_code_unknown');
      await supporter.getByRole('button', { name: 'Samen-modus stoppen' }).click();
      await supporter.waitForURL(/\?gestopt=1/);
      expect([...citizenErrors, ...supporterErrors]).toEqual([]);
    }, 120_000);

    it('the hand-over says in words when too many codes were made', async () => {
      const h = harness();
      const page = await h.newPage({ width: 1280 });
      page.setDefaultTimeout(15_000);
      await page.goto('/');
      await page.evaluate(([key, value]) => localStorage.setItem(key, value), [CITIZEN_KEY, JSON.stringify(CITIZEN_ANSWERS)] as const);
      await page.route('**/api/handover', (route) => route.fulfill({
        status: 429, contentType: 'application/json', headers: { 'retry-after': '600' },
        body: JSON.stringify({ error: { code: 'too_many_requests', message: 'Too many' } }),
      }));
      await page.goto(`/regio/${REGION}/verslag/`);
      const panel = page.locator('[data-handover]');
      await panel.getByRole('button', { name: 'Code maken om door te geven' }).click();
      await panel.getByRole('button', { name: 'Ja, maak de code' }).click();
      await expect.poll(() => panel.locator('[data-handover-status]').textContent())
        .toBe('Er zijn vanaf deze internetverbinding te veel codes gemaakt. Probeer het over 10 minuten opnieuw.');
      await page.unroute('**/api/handover');
      await page.route('**/api/handover', (route) => route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":{"code":"unavailable","message":"x"}}' }));
      await panel.getByRole('button', { name: 'Ja, maak de code' }).click();
      await expect.poll(() => panel.locator('[data-handover-status]').textContent())
        .toBe('Het maken van de code lukt nu niet. Er is niets verstuurd. Probeer het over een paar minuten opnieuw.');
    });
  });
}
