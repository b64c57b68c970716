// Where a 4-digit postcode area (PC4) lies, and which care-office region holds it: used to place a
// location that gives no geo and to measure distance from a search postcode. The table is generated
// from data/reference by scripts/build-demo-data.ts; PO-box-only areas are left out on purpose,
// because they have no place on the map (a postcode of theirs is "unknown", not "somewhere").
import points from './pc4-points.json' with { type: 'json' };

/** [lat, lon, care-office region code or null when the municipality could not be mapped]. */
type Pc4Entry = readonly [lat: number, lon: number, careOfficeRegion: string | null];

// The JSON's inferred type is a loose array per key; the generator guarantees this shape.
const POINTS = points as unknown as Readonly<Record<string, Pc4Entry>>;

function entry(pc4: string): Pc4Entry | undefined {
  // Own keys only: "constructor" or "__proto__" must not look like postcodes.
  return Object.hasOwn(POINTS, pc4) ? POINTS[pc4] : undefined;
}

export function pc4Point(pc4: string): { lat: number; lon: number } | undefined {
  const e = entry(pc4);
  return e ? { lat: e[0], lon: e[1] } : undefined;
}

/** The care-office region code (e.g. "ZK31") of a PC4, or undefined when unknown or unmapped. */
export function pc4CareOfficeRegion(pc4: string): string | undefined {
  return entry(pc4)?.[2] ?? undefined;
}
