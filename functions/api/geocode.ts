// Where a request's place lies: one helper for every route that takes a postcode, so they all
// answer an unknown postcode area the same way.
import type { Context } from 'hono';
import { pc4Point } from '../../shared/geo/pc4.ts';
import type { Point } from '../../shared/geo/distance.ts';
import { errorResponse } from './errors.ts';

export type Geocoded = { ok: true; origin: Point | undefined } | { ok: false; pc4: string };

/** The postcode area's centroid; no postcode is no origin (nothing to measure from), not an error. */
export function geocodePlace(postcode: string | undefined): Geocoded {
  if (postcode === undefined) return { ok: true, origin: undefined };
  const pc4 = postcode.slice(0, 4);
  const origin = pc4Point(pc4);
  return origin ? { ok: true, origin } : { ok: false, pc4 };
}

export function unknownAreaMessage(pc4: string): string {
  return `Postcode area ${pc4} is not known (it may be a PO-box-only area). Give the postcode of a street address.`;
}

/** The 400 for a well-formed postcode in an area we cannot place, named as the body's `postcode`. */
export function unknownPlace(c: Context, pc4: string) {
  return errorResponse(c, 400, 'validation_error', 'The request is not valid. See fields.', [
    { path: 'postcode', message: unknownAreaMessage(pc4) },
  ]);
}
