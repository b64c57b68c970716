// /api/match: a region's housing forms ranked for a person's criteria, each with its reasons, and the
// near misses with the musts they fail. The engine ranks; this handler only validates and geocodes
// the place (an unknown region or postcode area is thrown and answered by the app's error mapping),
// and adds the answer's anonymous demand counts (shared/statistics/demand.ts) to the process's batch,
// which is written after the answer when it is due (../demand-counter.ts).
import { MatchAnswerSchema, MatchRequestSchema } from '../../../shared/domain/index.ts';
import { countsOfMatch } from '../../../shared/statistics/demand.ts';
import { afterAnswer } from '../after-answer.ts';
import { createResourceApp } from '../app-factory.ts';
import type { PublicEnv } from '../context.ts';
import { geocodePlace } from '../geocode.ts';
import { apiRoute, json, problem } from '../openapi-route.ts';
import { nameRegions } from '../region-names.ts';

export const matchApp = createResourceApp<PublicEnv>().openapi(
  apiRoute({
    method: 'post',
    path: '/',
    operationId: 'matchHousingForms',
    summary: 'Housing forms ranked for a set of criteria, with reasons',
    description:
      'Every `must` filters; a housing form failing one or two musts is a near miss, listed with the musts it fails. ' +
      '`important` and `nice` rank, with the distance from `postcode` and the waiting list. The ranking is explained on the site. ' +
      'A waiting list confirmed more than 30 days before `asOf` counts as unknown. ' +
      '`scope` widens the search beyond `regionId`: `nearby` adds the housing forms of other regions within `maxDistanceKm` of `postcode`, ' +
      '`country` every region. Each result and near miss names the region it lies in (`regionId`, `regionName`). ' +
      'The answer lists the criteria it judged once, in `criteria` (`distance` first when `maxDistanceKm` is given, then the request\'s criteria in order); ' +
      'each result and near miss gives its `outcomes` (`match`, `mismatch` or `unknown`) in that same order, and a near miss\'s `failedMusts` are positions in `criteria`.',
    request: { body: { required: true, content: { 'application/json': { schema: MatchRequestSchema } } } },
    responses: {
      200: json(MatchAnswerSchema, 'Fitting housing forms (one page) and near misses, as of the moment of the request.'),
      400: problem('The request is not valid; `fields` names each problem.'),
      404: problem('No such region.'),
    },
  }),
  async (c) => {
    const request = c.req.valid('json');
    const origin = geocodePlace(request.postcode);
    const asOf = c.var.deps.clock.now();
    const answer = await c.var.deps.search.match(request, asOf, origin);
    await nameRegions(c.var.deps.regions, [...answer.results, ...answer.nearMisses]);
    // Counted only once the region proved to exist (the engine answered), so a made-up region id
    // cannot grow the table. The counts come from the reasons the engine already gave; adding them
    // to the batch is a few map updates, and a due batch is written without the answer waiting.
    const { demandCounter } = c.var.deps;
    demandCounter.record(countsOfMatch(request, answer, asOf));
    if (demandCounter.due) afterAnswer(c, 'demand counts', () => demandCounter.flush());
    return c.json({ ...answer, asOf: asOf.toISOString() }, 200);
  },
);
