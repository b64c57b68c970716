// The postcode look-up's municipality and care-office region names: every area of the geocoding
// table answers what the reference data says of it, and the run encoding survives a round trip.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { decodeMunicipalityRuns, encodeMunicipalityRuns } from '../../shared/geo/pc4-codec.ts';
import { careOfficeRegionName, pc4Municipality } from '../../shared/geo/pc4-municipality.ts';
import { pc4CareOfficeRegion, pc4Point } from '../../shared/geo/pc4.ts';

const csv = (name: string) =>
  parse(readFileSync(new URL(`../../data/reference/${name}`, import.meta.url), 'utf8'), { columns: true }) as Record<string, string>[];
const areas = csv('nl-pc4-centroids-with-gemeente-2025.csv');
const municipalities = csv('nl-gemeenten-2025-zorgkantoorregio.csv');

describe('pc4Municipality', () => {
  it('names the municipality of 1012 (Amsterdam), 6211 (Maastricht) and 2902 (Capelle aan den IJssel)', () => {
    expect(pc4Municipality('1012')).toEqual({ code: 'GM0363', name: 'Amsterdam' });
    expect(pc4Municipality('6211')).toEqual({ code: 'GM0935', name: 'Maastricht' });
    expect(pc4Municipality('2902')).toEqual({ code: 'GM0502', name: 'Capelle aan den IJssel' });
  });

  it('answers for every area of the geocoding table exactly what the reference data says', () => {
    let checked = 0;
    for (const row of areas) {
      if (!pc4Point(row.pc4 ?? '')) continue;
      const expected = row.gemeente_code_2025 ? { code: row.gemeente_code_2025, name: row.gemeente_naam_2025 } : undefined;
      expect(pc4Municipality(row.pc4 ?? ''), row.pc4).toEqual(expected);
      checked++;
    }
    expect(checked).toBe(4076);
  });

  it('knows nothing of an unknown or PO-box-only area, even inside a run of one municipality', () => {
    expect(pc4Municipality('1000')).toBeUndefined(); // Amsterdam, Postbus
    expect(pc4Municipality('6200')).toBeUndefined(); // Maastricht, Postbus
    expect(pc4Municipality('5999')).toBeUndefined();
    expect(pc4Municipality('__proto__')).toBeUndefined();
  });
});

describe('careOfficeRegionName', () => {
  it('names every region the municipalities lie in, as CBS 2025 does', () => {
    const names = new Map(municipalities.map((m) => [m.zorgkantoorregio_code, m.zorgkantoorregio_naam]));
    expect(names.size).toBe(31);
    for (const [code, name] of names) expect(careOfficeRegionName(code ?? '')).toBe(name);
    expect(careOfficeRegionName(pc4CareOfficeRegion('1012') ?? '')).toBe('Amsterdam');
  });

  it('knows no other code', () => {
    expect(careOfficeRegionName('ZK05')).toBeUndefined(); // no longer exists
    expect(careOfficeRegionName('toString')).toBeUndefined();
  });
});

describe('the municipality runs', () => {
  it('keep consecutive areas of one municipality as one run and decode to the same runs', () => {
    const text = encodeMunicipalityRuns([
      { pc4: '1011', municipality: 4 }, { pc4: '1012', municipality: 4 }, { pc4: '1381', municipality: undefined },
      { pc4: '1382', municipality: 4 }, { pc4: '9999', municipality: 341 },
    ]);
    expect(decodeMunicipalityRuns(text)).toEqual([
      { from: '1011', municipality: 4 }, { from: '1381', municipality: undefined },
      { from: '1382', municipality: 4 }, { from: '9999', municipality: 341 },
    ]);
  });

  it('refuses a damaged text and a municipality number that does not fit', () => {
    expect(() => decodeMunicipalityRuns('0010')).toThrow(/damaged/);
    expect(() => encodeMunicipalityRuns([{ pc4: '1011', municipality: 36 * 36 }])).toThrow(/does not fit/);
  });
});
