// The API as one Hono app: the same object runs on Lambda and on the local Node server.
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiDeps, ApiEnv } from './context.ts';
import { errorResponse, validationHook } from './errors.ts';
import { compareRoutes } from './routes/compare.ts';
import { healthRoutes } from './routes/health.ts';
import { locationRoutes } from './routes/locations.ts';
import { matchRoutes } from './routes/match.ts';
import { postcodeRoutes } from './routes/postcodes.ts';
import { questionnaireCriteriaRoutes } from './routes/questionnaire-criteria.ts';
import { questionnaireRoutes } from './routes/questionnaires.ts';
import { regionRoutes } from './routes/regions.ts';
import { searchRoutes } from './routes/search.ts';
import { log } from '../platform/log.ts';

export const MAX_BODY_BYTES = 256 * 1024;

export function createApp(deps: ApiDeps) {
  const app = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook }).basePath('/api');
  app.use(async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  // The largest request the site sends (60 criteria, 200 answers) is a few KB.
  app.use(bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => errorResponse(c, 413, 'payload_too_large', `The request body is larger than ${MAX_BODY_BYTES / 1024} KB.`),
  }));
  const routes = app
    .route('/', healthRoutes)
    .route('/', regionRoutes)
    .route('/', locationRoutes)
    .route('/', questionnaireRoutes)
    .route('/', questionnaireCriteriaRoutes)
    .route('/', matchRoutes)
    .route('/', compareRoutes)
    .route('/', postcodeRoutes)
    .route('/', searchRoutes);

  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Woonwijzer API',
      version: '0.1.0',
      description: 'Care housing (Wlz) per region: regions, locations, housing forms, matching, comparing, search and postcodes. Errors share one shape: { error: { code, message, fields? } }.',
    },
  });
  app.notFound((c) => errorResponse(c, 404, 'not_found', 'There is nothing at this address.'));
  app.onError((error, c) => {
    if (error instanceof HTTPException && error.status === 415) {
      return errorResponse(c, 415, 'unsupported_media_type', 'Send the body as JSON, with the header Content-Type: application/json.');
    }
    if (error instanceof HTTPException && error.status < 500) {
      return errorResponse(c, error.status as ContentfulStatusCode, 'bad_request', error.message || 'The request could not be read.');
    }
    log.error('request failed', { path: c.req.path, error });
    return errorResponse(c, 500, 'internal_error', 'Something went wrong on our side. Please try again later.');
  });
  return routes;
}

export type ApiApp = ReturnType<typeof createApp>;
