// /api/postcodes/{postcode}: where a place lies, so the site can show it on the map and check a
// postcode before searching with it, and in which municipality and care-office region, so a page
// can point a person to the region their postcode lies in. Here the postcode is the thing asked
// for, so an area that cannot be placed is a 404 (in a match or compare body it is a field error
// instead). The answer is reference data that changes only with a deploy, so the browser may keep
// it for a day; `private`, because which postcodes were asked is the person's business, not a
// shared cache's.
import * as z from 'zod';
import { PlacePostcode, PostcodeAnswerSchema } from '../../../shared/domain/index.ts';
import { pc4CareOfficeRegion, pc4Point } from '../../../shared/geo/pc4.ts';
import { careOfficeRegionName, pc4Municipality } from '../../../shared/geo/pc4-municipality.ts';
import { createResourceApp } from '../app-factory.ts';
import type { PublicEnv } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { unknownAreaMessage } from '../geocode.ts';
import { apiRoute, json, problem } from '../openapi-route.ts';

/** A day: the reference data changes only with a deploy. */
const CACHE_SECONDS = 24 * 60 * 60;

export const postcodesApp = createResourceApp<PublicEnv>().openapi(
  apiRoute({
    method: 'get',
    path: '/{postcode}',
    operationId: 'getPostcode',
    summary: 'Where a postcode lies',
    description:
      'The centroid of the 4-digit postcode area, and the municipality and care-office region it lies in when known ' +
      '(Bron: CBS). "6211", "6211AB" and "6211 AB" are all accepted. Cacheable by the browser for a day.',
    request: { params: z.object({ postcode: PlacePostcode }) },
    responses: {
      200: json(PostcodeAnswerSchema, 'The point of the postcode area.'),
      400: problem('Not a postcode; `fields` says why.'),
      404: problem('A well-formed postcode in an area that cannot be placed (unknown, or PO boxes only).'),
    },
  }),
  (c) => {
    const { postcode } = c.req.valid('param');
    const pc4 = postcode.slice(0, 4);
    const point = pc4Point(pc4);
    if (!point) throw new NotFoundError(unknownAreaMessage(pc4));
    const careOfficeRegionCode = pc4CareOfficeRegion(pc4);
    const regionName = careOfficeRegionCode === undefined ? undefined : careOfficeRegionName(careOfficeRegionCode);
    const municipality = pc4Municipality(pc4);
    c.header('Cache-Control', `private, max-age=${CACHE_SECONDS}`);
    return c.json({
      postcode, pc4, point,
      ...(careOfficeRegionCode ? { careOfficeRegionCode } : {}),
      ...(regionName ? { careOfficeRegionName: regionName } : {}),
      ...(municipality ? { municipality } : {}),
    }, 200);
  },
);
