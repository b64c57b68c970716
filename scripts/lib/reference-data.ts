// The open reference data in data/reference, read and checked: PC4 points with their 2025
// municipality and care-office region, the municipality → care-office table, the population per
// care-office region; and the geocoding tables the product ships (shared/geo/). Shared by the
// hand-made demonstration (build-demo-data.ts) and the national generator (build-national-data.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../functions/platform/paths.ts';
import { encodeMunicipalityRuns } from '../../shared/geo/pc4-codec.ts';

export const REFERENCE_DIR = join(REPO_ROOT, 'data', 'reference');
export const CENTROIDS_CSV = join(REFERENCE_DIR, 'nl-pc4-centroids-with-gemeente-2025.csv');
export const MUNICIPALITIES_CSV = join(REFERENCE_DIR, 'nl-gemeenten-2025-zorgkantoorregio.csv');
export const POPULATION_CSV = join(REFERENCE_DIR, 'zorgkantoorregio-inwoners-2019.csv');

/** 4pp row with Flevoland coordinates for a Limburg village (see data/reference/README.md). */
export const BAD_PC4 = new Set(['5851']);

export const round5 = (x: number): number => Math.round(x * 1e5) / 1e5;

// CSV: the reference files are simple (quoted fields, "" escapes, no embedded newlines).

function parseCsvLine(line: string, where: string): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let value = '';
    if (line[i] === '"') {
      i++;
      for (;;) {
        const quote = line.indexOf('"', i);
        if (quote < 0) throw new Error(`${where}: a quoted field is not closed.`);
        value += line.slice(i, quote);
        if (line[quote + 1] === '"') {
          value += '"';
          i = quote + 2;
        } else {
          i = quote + 1;
          break;
        }
      }
      if (i < line.length && line[i] !== ',') throw new Error(`${where}: text after a closing quote.`);
    } else {
      const comma = line.indexOf(',', i);
      const end = comma < 0 ? line.length : comma;
      value = line.slice(i, end);
      if (value.includes('"')) throw new Error(`${where}: a quote inside an unquoted field.`);
      i = end;
    }
    fields.push(value);
    if (i >= line.length) return fields;
    i++; // the comma
  }
}

export function readCsv(path: string): Record<string, string>[] {
  const lines = readFileSync(path, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  const [headerLine, ...rest] = lines;
  if (headerLine === undefined) throw new Error(`${path}: the file is empty.`);
  const header = parseCsvLine(headerLine, `${path}:1`);
  return rest.map((line, n) => {
    const where = `${path}:${n + 2}`;
    const fields = parseCsvLine(line, where);
    if (fields.length !== header.length) throw new Error(`${where}: ${fields.length} fields, expected ${header.length}.`);
    return Object.fromEntries(header.map((name, k) => [name, fields[k] ?? '']));
  });
}

export interface Pc4Row {
  pc4: string;
  place: string;
  lat: number;
  lon: number;
  kind: string;
  careOffice: string | null;
  /** CBS 2025 code (GMxxxx); null where the 2014 municipality was split over several. */
  municipality: string | null;
}

export function readPc4Rows(): Pc4Row[] {
  return readCsv(CENTROIDS_CSV).map((row) => {
    const pc4 = row.pc4 ?? '';
    const lat = Number(row.latitude);
    const lon = Number(row.longitude);
    if (!/^[1-9][0-9]{3}$/.test(pc4) || !Number.isFinite(lat) || !Number.isFinite(lon)) {
      throw new Error(`${CENTROIDS_CSV}: bad row for PC4 "${pc4}".`);
    }
    return { pc4, place: row.woonplaats ?? '', lat, lon, kind: row.soort ?? '', careOffice: row.zorgkantoorregio_code || null,
      municipality: row.gemeente_code_2025 || null };
  });
}

export interface MunicipalityRow {
  code: string;
  name: string;
  careOffice: string;
  careOfficeName: string;
  /** The region's name in the 2019 source (the population counts are per 2019 region). */
  careOfficeName2019: string;
}

export function readMunicipalities(): MunicipalityRow[] {
  return readCsv(MUNICIPALITIES_CSV).map((row) => ({
    code: row.gemeente_code ?? '',
    name: row.gemeente_naam ?? '',
    careOffice: row.zorgkantoorregio_code ?? '',
    careOfficeName: row.zorgkantoorregio_naam ?? '',
    careOfficeName2019: row.zorgkantoorregio_naam_2019_bron ?? '',
  }));
}

// ---------------------------------------------------------------------------------------------
// The geocoding tables shipped in shared/geo/.

export function buildPc4Points(rows: Pc4Row[]): Record<string, [number, number, string | null]> {
  const points: Record<string, [number, number, string | null]> = {};
  for (const row of rows) {
    // A PO-box-only area has no place on the map; the bad row would put Afferden in Flevoland.
    if (row.kind === 'Postbus' || BAD_PC4.has(row.pc4)) continue;
    if (points[row.pc4]) throw new Error(`PC4 ${row.pc4} appears twice in ${CENTROIDS_CSV}.`);
    points[row.pc4] = [round5(row.lat), round5(row.lon), row.careOffice];
  }
  return points;
}

/**
 * The postcode look-up's municipality of each area in the geocoding table, and the names of the
 * municipalities and care-office regions (shared/geo/pc4-municipality.ts).
 */
export function buildPc4Municipalities(rows: Pc4Row[], points: Record<string, unknown>, municipalities: MunicipalityRow[]) {
  const sorted = [...municipalities].sort((a, b) => a.code.localeCompare(b.code));
  const index = new Map(sorted.map((m, i) => [m.code, i]));
  const areas = rows.filter((row) => points[row.pc4] !== undefined).map((row) => {
    const at = row.municipality === null ? undefined : index.get(row.municipality);
    if (row.municipality !== null && at === undefined) throw new Error(`PC4 ${row.pc4}: municipality ${row.municipality} is not in ${MUNICIPALITIES_CSV}.`);
    return { pc4: row.pc4, municipality: at };
  });
  const careOfficeRegions: Record<string, string> = {};
  for (const m of sorted) careOfficeRegions[m.careOffice] = m.careOfficeName;
  return {
    format: 'See shared/geo/pc4-codec.ts (municipality runs). Bron: CBS.',
    careOfficeRegions: Object.fromEntries(Object.entries(careOfficeRegions).sort(([a], [b]) => a.localeCompare(b))),
    municipalities: sorted.map((m) => [m.code, m.name]),
    runs: encodeMunicipalityRuns(areas),
  };
}

/** Areas with real addresses in a care-office region: a care home is not a PO box. */
export function addressAreas(rows: readonly Pc4Row[], careOffice: string): Pc4Row[] {
  return rows.filter((p) => p.careOffice === careOffice && p.kind === 'Adres' && !BAD_PC4.has(p.pc4));
}

/**
 * Inhabitants per 2025 care-office region code. The source counts per 2019 region (CBS numbers as
 * published with the 2019 mapping); the municipalities CSV names each municipality's 2019 region,
 * so two 2019 regions that became one 2025 region (ZK33) are added up.
 */
export function readRegionPopulations(municipalities: readonly MunicipalityRow[] = readMunicipalities()): Map<string, number> {
  const per2019 = new Map(readCsv(POPULATION_CSV).map((row) => {
    const inhabitants = Number(row.inwoners);
    if (!Number.isInteger(inhabitants) || inhabitants <= 0) throw new Error(`${POPULATION_CSV}: bad count for "${row.zorgkantoorregio_naam_2019}".`);
    return [row.zorgkantoorregio_naam_2019 ?? '', inhabitants] as const;
  }));
  const sources = new Map<string, Set<string>>();
  for (const m of municipalities) {
    const set = sources.get(m.careOffice) ?? new Set<string>();
    set.add(m.careOfficeName2019);
    sources.set(m.careOffice, set);
  }
  const populations = new Map<string, number>();
  for (const [code, names] of sources) {
    let sum = 0;
    for (const name of names) {
      const n = per2019.get(name);
      if (n === undefined) throw new Error(`${POPULATION_CSV}: no count for the 2019 region "${name}" (${code}).`);
      sum += n;
    }
    populations.set(code, sum);
  }
  return populations;
}
