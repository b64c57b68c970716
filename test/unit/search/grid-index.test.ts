// The embedded engine's grid finds, around a place, every housing form within a distance: the same
// set a scan of the whole country would give, for places anywhere in the Netherlands, for any
// distance a request allows; and it forgets a removed or moved housing form.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GridIndex } from '../../../functions/search/embedded/grid-index.ts';
import { haversineKm, type Point } from '../../../shared/geo/distance.ts';
import { scopeBox, type MatchCandidate } from '../../../shared/matching/index.ts';
import { candidate } from '../../fixtures/candidates.ts';

const point = fc.record({ lat: fc.double({ min: 50.7, max: 53.6, noNaN: true }), lon: fc.double({ min: 3.3, max: 7.3, noNaN: true }) });

function within(grid: GridIndex, origin: Point, km: number): string[] {
  const found: string[] = [];
  grid.forEachIn(scopeBox(origin, km), (c) => {
    if (haversineKm(origin, c.point) <= km) found.push(c.id);
  });
  return found.sort();
}

describe('the grid of the embedded engine', () => {
  it('finds exactly what a scan of every housing form finds within the distance', () => {
    fc.assert(
      fc.property(fc.array(point, { minLength: 1, maxLength: 300 }), point, fc.double({ min: 0.5, max: 300, noNaN: true }), (points, origin, km) => {
        const grid = new GridIndex();
        const candidates: MatchCandidate[] = points.map((p, i) => candidate({ locationId: `l${i}`, point: p }));
        for (const c of candidates) grid.put(c);
        const scanned = candidates.filter((c) => haversineKm(origin, c.point) <= km).map((c) => c.id).sort();
        expect(within(grid, origin, km)).toEqual(scanned);
      }),
      { numRuns: 200 },
    );
  });

  it('reads only the cells around the place: a 25 km search near Sittard touches a few dozen cells, not the country', () => {
    const grid = new GridIndex();
    // One housing form every ~2 km over the whole country: about 20,000.
    let n = 0;
    for (let lat = 50.75; lat < 53.5; lat += 0.02) for (let lon = 3.4; lon < 7.2; lon += 0.03) grid.put(candidate({ locationId: `l${n++}`, point: { lat, lon } }));
    let visited = 0;
    grid.forEachIn(scopeBox({ lat: 50.9985, lon: 5.8647 }, 25), () => visited++);
    expect(n).toBeGreaterThan(15_000);
    expect(visited).toBeLessThan(n / 15);
  });

  it('forgets a removed housing form and moves one whose location moved', () => {
    const grid = new GridIndex();
    const sittard = { lat: 50.9985, lon: 5.8647 };
    const venlo = { lat: 51.3724, lon: 6.1721 };
    grid.put(candidate({ locationId: 'a', point: sittard }));
    grid.put(candidate({ locationId: 'b', point: sittard }));
    grid.put(candidate({ locationId: 'a', point: venlo }));
    grid.delete('b:groep-1');
    expect(within(grid, sittard, 10)).toEqual([]);
    expect(within(grid, venlo, 10)).toEqual(['a:groep-1']);
  });
});
