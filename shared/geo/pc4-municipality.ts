// Which municipality a 4-digit postcode area lies in, and the names of the care-office regions:
// what the postcode look-up tells a person whose postcode lies outside the region they are in
// ("1012 ligt in de gemeente Amsterdam, zorgkantoorregio Amsterdam"). Generated from data/reference
// by scripts/build-demo-data.ts (Bron: CBS); kept apart from pc4.ts so only the public API's bundle
// carries the names.
import table from './pc4-municipalities.json' with { type: 'json' };
import { decodeMunicipalityRuns } from './pc4-codec.ts';
import { pc4Point } from './pc4.ts';

export interface Municipality {
  /** CBS code, e.g. "GM0363". */
  code: string;
  name: string;
}

const MUNICIPALITIES: readonly Municipality[] = table.municipalities.map(([code, name]) => ({ code: code ?? '', name: name ?? '' }));
const RUNS = decodeMunicipalityRuns(table.runs);
const RUN_STARTS = RUNS.map((run) => Number(run.from));
const CARE_OFFICE_REGIONS: Readonly<Record<string, string>> = table.careOfficeRegions;

/**
 * The municipality of a PC4 the geocoding table knows; undefined for an unknown or PO-box-only
 * area (the runs cover the gaps between areas, so they alone cannot tell those apart) and for an
 * area whose 2014 municipality was split over several (data/reference/README.md).
 */
export function pc4Municipality(pc4: string): Municipality | undefined {
  if (!pc4Point(pc4)) return undefined;
  const wanted = Number(pc4);
  // The last run starting at or before the postcode.
  let low = 0;
  let high = RUN_STARTS.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((RUN_STARTS[middle] ?? Infinity) <= wanted) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  const index = RUNS[found]?.municipality;
  return index === undefined ? undefined : MUNICIPALITIES[index];
}

/** The name of a municipality by its CBS code ("GM0363" → "Amsterdam"), undefined for an unknown code. */
export function municipalityName(code: string): string | undefined {
  return MUNICIPALITIES.find((m) => m.code === code)?.name;
}

/** The CBS 2025 name of a care-office region ("ZK02" → "Amsterdam"), undefined for an unknown code. */
export function careOfficeRegionName(code: string): string | undefined {
  return Object.hasOwn(CARE_OFFICE_REGIONS, code) ? CARE_OFFICE_REGIONS[code] : undefined;
}
