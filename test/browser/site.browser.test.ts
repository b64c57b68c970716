// The public site in a real browser (Debian Chromium through playwright-core): accessibility by
// axe-core, a journey by keyboard alone with visible focus, no sideways scrolling at 320 px, the
// first screen at phone and desktop width, and pictures of the states the journeys reach for people
// to look at (test-results/screenshots/; `npm run screenshots` photographs every page type).
// One harness (one site build) for every browser suite; the suites live in ./suites/.
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { createTestStore } from '../support/test-store.ts';
import { startSiteHarness, type SiteHarness } from './harness.ts';
import { budgetSuite } from './suites/budget.ts';
import { compareReportSuite } from './suites/compare-report.ts';
import { coordinationHubSuite } from './suites/coordination-hub.ts';
import { coordinationQuestionnaireSuite } from './suites/coordination-questionnaire.ts';
import { coordinationSupportSuite } from './suites/coordination-support.ts';
import { easyReadSuite } from './suites/easy-read.ts';
import { freshWaitingListSuite } from './suites/fresh-waiting-list.ts';
import { journeySecondPassSuite } from './suites/journey-second-pass.ts';
import { journeysSuite } from './suites/journeys.ts';
import { newCriterionSuite } from './suites/new-criterion.ts';
import { pagesSuite } from './suites/pages.ts';
import { providersSuite } from './suites/providers.ts';
import { providerInboxSuite } from './suites/provider-inbox.ts';
import { providerPortalSuite } from './suites/provider-portal.ts';
import { shareLinkSuite } from './suites/share-link.ts';
import { supporterPortalSuite } from './suites/supporter-portal.ts';
import { questionnaireSuite } from './suites/questionnaire.ts';
import { rankingSuite } from './suites/ranking.ts';
import { resultsSuite } from './suites/results.ts';
import { searchSupportSuite } from './suites/search-support.ts';
import { togetherSuite } from './suites/together.ts';

let harness: SiteHarness | undefined;
const get = (): SiteHarness => {
  if (!harness) throw new Error('The browser harness did not start.');
  return harness;
};

beforeAll(async () => {
  const { stores, tableName } = await createTestStore();
  harness = await startSiteHarness(stores, { stream: { endpoint: inject('dynamodbEndpoint'), tableName } });
  // A full site build (about 45 s alone) with the demo data; minutes on a loaded machine.
}, 600_000);

afterAll(async () => {
  await harness?.close();
});

describe('the public site in a browser', () => {
  pagesSuite(get);
  questionnaireSuite(get);
  resultsSuite(get);
  compareReportSuite(get);
  searchSupportSuite(get);
  rankingSuite(get);
  providersSuite(get);
  shareLinkSuite(get);
  journeysSuite(get);
  journeySecondPassSuite(get);
  newCriterionSuite(get);
  providerPortalSuite(get);
  coordinationHubSuite(get);
  coordinationSupportSuite(get);
  supporterPortalSuite(get);
  providerInboxSuite(get);
  easyReadSuite(get);
  togetherSuite(get);
  // Last before the budget: it closes a demo waiting list for good, which earlier suites count on.
  freshWaitingListSuite(get);
  // After every suite that reads the questionnaire's texts: it publishes a new version with a changed first question.
  coordinationQuestionnaireSuite(get);
  budgetSuite();
});
