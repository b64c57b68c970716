// A compact text form of the PC4 table, because it ships inside the API's Lambda bundle: as JSON
// it weighed 133 KB, as this about 41 KB. Each area is 10 base-36 characters, in postcode order:
// 3 for the step from the previous postcode, 3 for (lat − 50°) · 10⁴, 3 for (lon − 3°) · 10⁴
// (10⁻⁴ degree is about 11 m, plenty for an area's centre) and 1 for the care-office region
// number (ZK01..ZK33; 0 when the municipality could not be mapped).

export interface Pc4Area {
  pc4: string;
  lat: number;
  lon: number;
  /** e.g. "ZK31"; undefined when unmapped. */
  careOfficeRegion: string | undefined;
}

const WIDTHS = [3, 3, 3, 1] as const;
const ENTRY = WIDTHS.reduce((a, b) => a + b, 0);
const FIRST_PC4 = 1000;

function field(value: number, width: number, what: string): string {
  const text = value.toString(36);
  if (!Number.isInteger(value) || value < 0 || text.length > width) throw new Error(`${what} ${value} does not fit the PC4 table.`);
  return text.padStart(width, '0');
}

export function encodePc4Table(areas: readonly Pc4Area[]): string {
  const sorted = [...areas].sort((a, b) => Number(a.pc4) - Number(b.pc4));
  let previous = FIRST_PC4;
  return sorted
    .map((area) => {
      const pc4 = Number(area.pc4);
      const region = area.careOfficeRegion === undefined ? 0 : Number(area.careOfficeRegion.slice(2));
      const text =
        field(pc4 - previous, 3, `Step to ${area.pc4}`) +
        field(Math.round((area.lat - 50) * 1e4), 3, `Latitude of ${area.pc4}`) +
        field(Math.round((area.lon - 3) * 1e4), 3, `Longitude of ${area.pc4}`) +
        field(region, 1, `Region of ${area.pc4}`);
      previous = pc4;
      return text;
    })
    .join('');
}

export function decodePc4Table(table: string): Map<string, Omit<Pc4Area, 'pc4'>> {
  if (table.length % ENTRY !== 0) throw new Error('The PC4 table is damaged.');
  const areas = new Map<string, Omit<Pc4Area, 'pc4'>>();
  let pc4 = FIRST_PC4;
  for (let at = 0; at < table.length; at += ENTRY) {
    const read = (offset: number, width: number) => parseInt(table.slice(at + offset, at + offset + width), 36);
    pc4 += read(0, 3);
    const region = read(9, 1);
    areas.set(String(pc4), {
      lat: 50 + read(3, 3) / 1e4,
      lon: 3 + read(6, 3) / 1e4,
      careOfficeRegion: region === 0 ? undefined : `ZK${String(region).padStart(2, '0')}`,
    });
  }
  return areas;
}

// The municipality of each area, for the postcode look-up only (so not in the table above, which
// the staff bundle carries too): the areas in postcode order fall into runs of one municipality
// (about 700 runs for 4,000 areas). Each run is 5 base-36 characters: 3 for the step from the
// previous run's first postcode and 2 for the municipality's number in the list, counted from 1
// (0: the municipality could not be mapped). A run holds until the next one starts.

export interface MunicipalityRun {
  /** The first PC4 of the run. */
  from: string;
  /** Index into the municipality list; undefined when unmapped. */
  municipality: number | undefined;
}

const RUN_WIDTHS = [3, 2] as const;
const RUN_ENTRY = RUN_WIDTHS.reduce((a, b) => a + b, 0);

/** Runs from `(pc4, municipality index)` pairs: consecutive areas of one municipality become one run. */
export function encodeMunicipalityRuns(areas: ReadonlyArray<{ pc4: string; municipality: number | undefined }>): string {
  const sorted = [...areas].sort((a, b) => Number(a.pc4) - Number(b.pc4));
  let previous = FIRST_PC4;
  let text = '';
  let last: number | undefined | null = null;
  for (const area of sorted) {
    if (area.municipality === last) continue;
    last = area.municipality;
    const pc4 = Number(area.pc4);
    text += field(pc4 - previous, RUN_WIDTHS[0], `Step to ${area.pc4}`) +
      field(area.municipality === undefined ? 0 : area.municipality + 1, RUN_WIDTHS[1], `Municipality of ${area.pc4}`);
    previous = pc4;
  }
  return text;
}

export function decodeMunicipalityRuns(text: string): MunicipalityRun[] {
  if (text.length % RUN_ENTRY !== 0) throw new Error('The municipality runs are damaged.');
  const runs: MunicipalityRun[] = [];
  let pc4 = FIRST_PC4;
  for (let at = 0; at < text.length; at += RUN_ENTRY) {
    pc4 += parseInt(text.slice(at, at + 3), 36);
    const number = parseInt(text.slice(at + 3, at + 5), 36);
    runs.push({ from: String(pc4), municipality: number === 0 ? undefined : number - 1 });
  }
  return runs;
}
