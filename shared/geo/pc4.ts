// Where a 4-digit postcode area (PC4) lies, and which care-office region holds it: used to place a
// location that gives no geo and to measure distance from a search postcode. The table is generated
// from data/reference by scripts/build-demo-data.ts; PO-box-only areas are left out on purpose,
// because they have no place on the map (a postcode of theirs is "unknown", not "somewhere").
import table from './pc4-points.json' with { type: 'json' };
import { decodePc4Table } from './pc4-codec.ts';

const AREAS = decodePc4Table(table.areas);

export function pc4Point(pc4: string): { lat: number; lon: number } | undefined {
  const area = AREAS.get(pc4);
  return area ? { lat: area.lat, lon: area.lon } : undefined;
}

/** The care-office region code (e.g. "ZK31") of a PC4, or undefined when unknown or unmapped. */
export function pc4CareOfficeRegion(pc4: string): string | undefined {
  return AREAS.get(pc4)?.careOfficeRegion;
}
