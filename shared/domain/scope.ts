// How far a match or a search looks: the person's own region (the default), that region and the
// housing forms of other regions within the maximum distance of their postcode ('nearby'), or the
// whole country. Care-office borders are administrative: a family in Sittard may choose Roermond.
import * as z from 'zod';

export const SEARCH_SCOPES = ['region', 'nearby', 'country'] as const;
export type SearchScope = (typeof SEARCH_SCOPES)[number];

export const SearchScopeSchema = z.enum(SEARCH_SCOPES).default('region').describe(
  "`region`: the housing forms of `regionId` only (the default). `nearby`: those, and the housing forms of other regions " +
    'within `maxDistanceKm` of `postcode` (both required). `country`: every region; with a postcode and a maximum distance, ' +
    'distance is a must as in a region.',
);

/**
 * Nearby regions are found by distance, so that scope needs the place and the distance to look within.
 * A distance without a place is already refused by the request's own rule (one message per field).
 */
export function refineScope(
  req: { scope: SearchScope; postcode?: string | undefined; maxDistanceKm?: number | undefined },
  ctx: z.core.$RefinementCtx,
): void {
  if (req.scope !== 'nearby') return;
  if (req.postcode === undefined && req.maxDistanceKm === undefined) {
    ctx.addIssue({ code: 'custom', path: ['postcode'], message: 'Searching nearby regions needs a postcode to measure from.' });
  }
  if (req.maxDistanceKm === undefined) {
    ctx.addIssue({ code: 'custom', path: ['maxDistanceKm'], message: 'Searching nearby regions needs a maximum distance.' });
  }
}
