// The results page's map: pins of nearby places must not overlap (each stays a 44 px target).
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../scripts/lib/mulberry32.ts';
import { fittingZoom, project, spreadApart } from '../../site/src/scripts/results/tile-map.ts';

const overlaps = (a: { x: number; y: number; links: readonly unknown[] }, b: { x: number; y: number; links: readonly unknown[] }) =>
  Math.abs(a.x - b.x) < (48 * (a.links.length + b.links.length)) / 2 - 0.01 && Math.abs(a.y - b.y) < 48 - 0.01;

describe('the results map', () => {
  it('moves the pins of nearby places apart until none overlap, inside the box', () => {
    const groups = [
      { x: 100, y: 100, links: [1] },
      { x: 105, y: 102, links: [2, 3] },
      { x: 100, y: 100, links: [4] },
      { x: 300, y: 200, links: [5] },
    ];
    spreadApart(groups, 400, 300);
    for (let i = 0; i < groups.length; i++) {
      for (let j = i + 1; j < groups.length; j++) expect(overlaps(groups[i]!, groups[j]!)).toBe(false);
    }
    for (const g of groups) {
      expect(g.x).toBeGreaterThanOrEqual(0);
      expect(g.x).toBeLessThanOrEqual(400);
      expect(g.y).toBeGreaterThanOrEqual(0);
      expect(g.y).toBeLessThanOrEqual(300);
    }
    expect(groups[3]).toMatchObject({ x: 300, y: 200 });
  });

  it('frees every pin in a crowd where pushing pairs apart jams (many places in one town, a phone-sized box)', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const random = mulberry32(seed);
      // As on the results page: 20 results in about 15 places, most of them in one town.
      const groups = Array.from({ length: 15 }, (_, i) => ({
        x: 150 + random() * 70, y: 120 + random() * 60, links: Array.from({ length: random() < 0.3 ? 2 : 1 }, (__, k) => i * 10 + k),
      }));
      spreadApart(groups, 380, 266);
      const overlapping = groups.flatMap((a, i) => groups.slice(i + 1).filter((b) => overlaps(a, b)).map((b) => [a.links, b.links]));
      expect(overlapping, `seed ${seed}`).toEqual([]);
      for (const g of groups) {
        expect(g.x - (48 * g.links.length) / 2).toBeGreaterThanOrEqual(0);
        expect(g.x + (48 * g.links.length) / 2).toBeLessThanOrEqual(380);
        expect(g.y).toBeGreaterThanOrEqual(24);
        expect(g.y).toBeLessThanOrEqual(266 - 24);
      }
    }
  });

  it('zooms in as far as the points allow', () => {
    const maastricht = { lat: 50.85, lon: 5.69 };
    const heerlen = { lat: 50.89, lon: 5.98 };
    const zoom = fittingZoom([maastricht, heerlen], 390, 273);
    const width = (z: number) => Math.abs(project(heerlen.lat, heerlen.lon, z).x - project(maastricht.lat, maastricht.lon, z).x);
    expect(width(zoom)).toBeLessThanOrEqual(390);
    expect(width(zoom + 1)).toBeGreaterThan(390 - 72);
  });
});
