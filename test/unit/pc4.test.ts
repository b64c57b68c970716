// The PC4 geocoding table and the distance function: the places the demo and the matcher rely on.
import { describe, expect, it } from 'vitest';
import { haversineKm } from '../../shared/geo/distance.ts';
import { decodePc4Table, encodePc4Table } from '../../shared/geo/pc4-codec.ts';
import { pc4CareOfficeRegion, pc4Point } from '../../shared/geo/pc4.ts';

describe('pc4Point and pc4CareOfficeRegion', () => {
  it('places 6211 in Maastricht, care-office region ZK31 (Zuid-Limburg)', () => {
    const point = pc4Point('6211');
    expect(point?.lat).toBeCloseTo(50.85, 1);
    expect(point?.lon).toBeCloseTo(5.69, 1);
    expect(pc4CareOfficeRegion('6211')).toBe('ZK31');
  });

  it('places 3011 in Rotterdam, care-office region ZK20', () => {
    const point = pc4Point('3011');
    expect(point?.lat).toBeCloseTo(51.92, 1);
    expect(point?.lon).toBeCloseTo(4.49, 1);
    expect(pc4CareOfficeRegion('3011')).toBe('ZK20');
  });

  it('knows nothing of a postcode area that does not exist', () => {
    expect(pc4Point('5999')).toBeUndefined();
    expect(pc4CareOfficeRegion('5999')).toBeUndefined();
  });

  it('leaves out PO-box-only areas: they have no place on the map', () => {
    expect(pc4Point('6200')).toBeUndefined(); // Maastricht, Postbus
    expect(pc4Point('3000')).toBeUndefined(); // Rotterdam, Postbus
    expect(pc4CareOfficeRegion('6200')).toBeUndefined();
  });

  it('leaves out the known bad source row 5851 (Afferden with Flevoland coordinates)', () => {
    expect(pc4Point('5851')).toBeUndefined();
  });

  it('gives a point but no region for an area whose municipality could not be mapped', () => {
    expect(pc4Point('5074')).toBeDefined(); // Biezenmortel: Haaren was split up
    expect(pc4CareOfficeRegion('5074')).toBeUndefined();
  });

  it('does not mistake object properties for postcodes', () => {
    expect(pc4Point('constructor')).toBeUndefined();
    expect(pc4Point('__proto__')).toBeUndefined();
    expect(pc4CareOfficeRegion('toString')).toBeUndefined();
  });
});

describe('haversineKm', () => {
  it('measures Maastricht to Heerlen as about 20 km', () => {
    const maastricht = pc4Point('6211');
    const heerlen = pc4Point('6411');
    if (!maastricht || !heerlen) throw new Error('test points missing');
    const km = haversineKm(maastricht, heerlen);
    expect(km).toBeGreaterThan(17);
    expect(km).toBeLessThan(23);
  });

  it('is zero for the same point and symmetric', () => {
    const a = { lat: 51.92, lon: 4.48 };
    const b = { lat: 50.85, lon: 5.69 };
    expect(haversineKm(a, a)).toBe(0);
    expect(haversineKm(a, b)).toBeCloseTo(haversineKm(b, a), 9);
  });
});

describe('the compact PC4 table', () => {
  it('gives back every area it was given, to about 11 m, with its region', () => {
    const areas = [
      { pc4: '1011', lat: 52.37403, lon: 4.90131, careOfficeRegion: 'ZK02' },
      { pc4: '6211', lat: 50.85142, lon: 5.69023, careOfficeRegion: 'ZK31' },
      { pc4: '9999', lat: 53.45, lon: 6.83, careOfficeRegion: undefined },
    ];
    const decoded = decodePc4Table(encodePc4Table(areas));
    expect([...decoded.keys()]).toEqual(['1011', '6211', '9999']);
    for (const area of areas) {
      const back = decoded.get(area.pc4)!;
      expect(back.lat).toBeCloseTo(area.lat, 4);
      expect(back.lon).toBeCloseTo(area.lon, 4);
      expect(back.careOfficeRegion).toBe(area.careOfficeRegion);
    }
  });

  it('refuses a point outside the Netherlands instead of storing it wrongly', () => {
    expect(() => encodePc4Table([{ pc4: '1011', lat: 48.85, lon: 2.35, careOfficeRegion: undefined }])).toThrow(/does not fit/);
  });
});
