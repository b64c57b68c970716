// Where a request's place lies: one helper for every route that takes a postcode, so they all
// answer an unknown postcode area the same way.
import { pc4Point } from '../../shared/geo/pc4.ts';
import type { Point } from '../../shared/geo/distance.ts';
import { UnusableFieldError } from './errors.ts';

export function unknownAreaMessage(pc4: string): string {
  return `Postcode area ${pc4} is not known (it may be a PO-box-only area). Give the postcode of a street address.`;
}

/**
 * The centroid of the request's `postcode` area; no postcode is no origin (nothing to measure from),
 * not an error. A well-formed postcode in an area we cannot place is a field error at `field` (the
 * body's `postcode`, or a query string's `query.postcode`).
 */
export function geocodePlace(postcode: string | undefined, field = 'postcode'): Point | undefined {
  if (postcode === undefined) return undefined;
  const pc4 = postcode.slice(0, 4);
  const origin = pc4Point(pc4);
  if (!origin) throw new UnusableFieldError(field, unknownAreaMessage(pc4));
  return origin;
}
