// Benchmark of searching across borders (`npm run bench:scope`): the embedded engine holding a
// synthetic national corpus (15,000 and 50,000 housing forms at real postcode points, each in the
// care-office region its postcode lies in), one request from postcode 6131 (Sittard) with 25 km and
// six criteria, in each scope: the region, nearby regions (the region's array plus the grid cells
// around Sittard) and the whole country. Beside them the naive way to look nearby: the shared
// `inScope` test over every housing form of the country, then the matcher over what it kept.
// Prints p50/p99 per scope and the number of candidates the matcher scanned.
import { performance } from 'node:perf_hooks';
import { EmbeddedSearchEngine } from '../functions/search/embedded/embedded-search-engine.ts';
import { MatchRequestSchema, type MatchRequest, type SearchScope } from '../shared/domain/index.ts';
import { type Point } from '../shared/geo/distance.ts';
import { decodePc4Table } from '../shared/geo/pc4-codec.ts';
import pc4Table from '../shared/geo/pc4-points.json' with { type: 'json' };
import { inScope, matchCandidates, toCandidate, type MatchCandidate } from '../shared/matching/index.ts';
import { mulberry32 } from './lib/mulberry32.ts';

const AS_OF = new Date('2026-11-23T09:00:00Z');
const AREAS = [...decodePc4Table(pc4Table.areas)].filter(([, area]) => area.careOfficeRegion !== undefined);
const SITTARD_REGION = 'zk31';
const SITTARD = { lat: 50.9985, lon: 5.8647 } satisfies Point;

/** A plain national corpus: the criteria below find some of everything; where it lies is what counts here. */
function corpus(size: number, seed: number): MatchCandidate[] {
  const random = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const maybe = (p: number) => (random() < 0.7 ? random() < p : undefined);
  return Array.from({ length: size }, (_, i) => {
    const [pc4, area] = pick(AREAS);
    const organization = { id: `org-${i % 700}`, name: `Zorggroep ${i % 700}`, worldview: undefined, description: undefined, phone: undefined };
    const location = {
      id: `loc-${i}`, name: `Locatie ${i}`, address: { street: 'Straat', houseNumber: '1', postcode: `${pc4} AA`, city: `Plaats ${pc4}` },
      phone: undefined, description: undefined, facilities: random() < 0.5 ? ['garden' as const] : [], publicTransport: maybe(0.7), shopsNearby: maybe(0.5),
    };
    const sector = random() < 0.6 ? ('VV' as const) : pick(['VG', 'LG', 'GGZ'] as const);
    return toCandidate((area.careOfficeRegion as string).toLowerCase(), organization, location, { lat: area.lat, lon: area.lon }, {
      id: 'woonvorm', name: `${pick(['Huize', 'Hof', 'De'])} ${pick(['Linde', 'Eik', 'Beuk', 'Bron'])} ${i}`,
      type: pick(['nursing-home', 'small-scale-group', 'care-apartment'] as const), sectors: [sector],
      deliveryForms: random() < 0.8 ? ['verblijf'] : ['vpt'], targetGroups: random() < 0.5 ? ['dementia'] : ['somatic'],
      languages: random() < 0.2 ? ['nl', 'li'] : ['nl'], ownBathroom: maybe(0.5),
      waitingList: { status: pick(['available', 'short', 'long', 'closed'] as const), updatedAt: '2026-11-10' },
    } as Parameters<typeof toCandidate>[4]);
  });
}

function request(scope: SearchScope): MatchRequest {
  return MatchRequestSchema.parse({
    regionId: SITTARD_REGION, postcode: '6131', maxDistanceKm: 25, scope, limit: 50,
    criteria: [
      { criterion: 'sector', importance: 'must', value: 'VV' },
      { criterion: 'deliveryForm', importance: 'must', value: 'verblijf' },
      { criterion: 'targetGroup', importance: 'important', value: 'dementia' },
      { criterion: 'garden', importance: 'important' },
      { criterion: 'language', importance: 'nice', value: 'li' },
      { criterion: 'ownBathroom', importance: 'nice' },
    ],
  });
}

async function timed(runs: number, fn: () => Promise<unknown> | unknown): Promise<{ p50: number; p99: number }> {
  for (let i = 0; i < Math.max(10, runs / 4); i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)] as number;
  return { p50: at(0.5), p99: at(0.99) };
}

const rows: string[][] = [];
for (const size of [15_000, 50_000]) {
  const candidates = corpus(size, 20261203 + size);
  const engine = new EmbeddedSearchEngine();
  const loadStart = performance.now();
  await engine.upsert(candidates);
  const loadMs = performance.now() - loadStart;
  const own = candidates.filter((c) => c.regionId === SITTARD_REGION).length;
  for (const scope of ['region', 'nearby', 'country'] as const) {
    const req = request(scope);
    const scanned = candidates.filter((c) => inScope(req, SITTARD, c)).length;
    const answer = await engine.match(req, AS_OF, SITTARD);
    const runs = size > 20_000 && scope === 'country' ? 100 : 300;
    const t = await timed(runs, () => engine.match(req, AS_OF, SITTARD));
    rows.push([size.toLocaleString('en'), scope, String(scope === 'country' ? size : scope === 'region' ? own : `${own} + ${scanned - own}`), String(answer.total), t.p50.toFixed(2), t.p99.toFixed(2)]);
  }
  // The naive nearby: the shared test over the whole country per request, then the matcher.
  const req = request('nearby');
  const naive = await timed(300, () => matchCandidates(req, candidates.filter((c) => inScope(req, SITTARD, c)), AS_OF, SITTARD));
  rows.push([size.toLocaleString('en'), 'nearby, scanning the country', String(size), '', naive.p50.toFixed(2), naive.p99.toFixed(2)]);
  console.log(`${size.toLocaleString('en')} housing forms in ${new Set(candidates.map((c) => c.regionId)).size} regions loaded into the embedded engine in ${(loadMs / 1000).toFixed(1)} s`);
}

const header = ['housing forms', 'scope (from 6131, 25 km, 6 criteria)', 'candidates scanned', 'fitting', 'p50 ms', 'p99 ms'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
console.log([line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n'));
