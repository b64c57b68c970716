// The public read API: anyone may call it, it only reads, and it runs on Lambda (../lambda.ts) and
// on the local Node server alike. One resource a file, each mounted at its own prefix, so a file
// maps to a URL. Chained, so PublicApiApp carries every route: the site's typed client (`hc`) and
// the tests are checked against it.
import { timeout } from 'hono/timeout';
import { createApiApp } from '../app-factory.ts';
import { DependencyUnavailableError } from '../errors.ts';
import { REQUEST_DEADLINE_MS } from '../limits.ts';
import type { ApiDeps, PublicEnv } from '../context.ts';
import { measuredSearchEngine } from '../../search/measured-search-engine.ts';
import { compareApp } from './compare.ts';
import { healthApp } from './health.ts';
import { locationsApp } from './locations.ts';
import { matchApp } from './match.ts';
import { postcodesApp } from './postcodes.ts';
import { regionHsdsApp } from './region-hsds.ts';
import { regionQuestionnaireApp } from './region-questionnaire.ts';
import { regionsApp } from './regions.ts';
import { searchApp } from './search.ts';

export function createPublicApp(deps: ApiDeps) {
  // Match and search are timed and counted (metrics.ts) whichever engine answers.
  const measured = { ...deps, search: measuredSearchEngine(deps.search) };
  const app = createApiApp<PublicEnv>(measured, {
    title: 'Woonwijzer API',
    description:
      'Care housing (Wlz) per region: regions, locations, housing forms, matching, comparing, search and postcodes, and each region\'s listings as open data (HSDS, CC BY 4.0). ' +
      'Open to anyone and read-only: no operation needs authentication. Errors share one shape: { error: { code, message, fields? } }.',
    security: [],
  });
  // Every answer within 3 s: a route still waiting on the store by then is answered 503 with
  // Retry-After (its calls out end by their own deadlines, unheard). Match and search come from the
  // search engine and go on answering while the store stalls.
  app.use(timeout(REQUEST_DEADLINE_MS, () => new DependencyUnavailableError()));
  return app
    .route('/health', healthApp)
    .route('/regions', regionsApp)
    .route('/regions/:regionId/questionnaire', regionQuestionnaireApp)
    .route('/regions/:regionId/hsds', regionHsdsApp)
    .route('/locations', locationsApp)
    .route('/match', matchApp)
    .route('/compare', compareApp)
    .route('/search', searchApp)
    .route('/postcodes', postcodesApp);
}

export type PublicApiApp = ReturnType<typeof createPublicApp>;
