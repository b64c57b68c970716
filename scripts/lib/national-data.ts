// The national demonstration set on disk: generated on demand into .cache/national-data/ (git
// ignored; about 20 MB of JSON, too large to commit), and generated again only when the seed, the
// generator (scripts/lib/), the reference data or the hand-made demonstration changes: a
// fingerprint of all of them is kept next to the set. The hand-made regions and their listings are
// part of it, so their accounts and pages work in the national set too.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../functions/platform/paths.ts';
import { DEMO_DATA_SET, readListingFile, readRegions, type DataSet } from '../../functions/listings/listing-files.ts';
import { ListingDocumentSchema, type ListingDocumentInput } from '../../shared/domain/index.ts';
import { deriveCareOfficeRegions, nationalRegions } from './care-office-regions.ts';
import { writeJson } from './json-file.ts';
import { checkBuilt, type BuiltRegion } from './listing-checks.ts';
import { NATIONAL_SEED, countSet, generateNational } from './national-generator.ts';
import { buildPc4Points, readMunicipalities, readPc4Rows, readRegionPopulations } from './reference-data.ts';

export const NATIONAL_CACHE_DIR = join(REPO_ROOT, '.cache', 'national-data');

export function nationalDataSet(dir = NATIONAL_CACHE_DIR): DataSet {
  return { name: 'national', regionsFile: join(dir, 'regions.json'), listingsDir: join(dir, 'listings') };
}

/** Every file whose change makes a different set. */
function fingerprintFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|json|csv)$/.test(entry.name)) files.push(path);
    }
  };
  for (const dir of ['scripts/lib', 'data/reference', 'data/demo', 'shared/domain']) walk(join(REPO_ROOT, dir));
  files.push(join(REPO_ROOT, 'data', 'regions.json'));
  return files;
}

export function fingerprint(seed: string): string {
  const hash = createHash('sha256').update(`seed:${seed}\n`);
  for (const file of fingerprintFiles()) hash.update(`${file.slice(REPO_ROOT.length)}\n`).update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

export interface NationalBuild {
  regions: number;
  organizations: number;
  locations: number;
  vvLocations: number;
  otherLocations: number;
  forms: number;
  ms: number;
}

/** Builds the whole set in memory: the 31 regions, the hand-made listings and the generated ones, all checked. */
export async function buildNationalSet(seed: string, scale = 1): Promise<BuiltRegion[]> {
  const pc4Rows = readPc4Rows();
  const municipalities = readMunicipalities();
  const handMade = await readRegions(DEMO_DATA_SET.regionsFile);
  const regions = nationalRegions(deriveCareOfficeRegions(municipalities), handMade);
  const handMadeDocs = new Map<string, BuiltRegion['documents']>();
  for (const region of handMade) {
    const dir = join(DEMO_DATA_SET.listingsDir, region.id);
    const docs: BuiltRegion['documents'] = [];
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
      const read = await readListingFile(join(dir, name));
      if (!read.ok) throw new Error(`${name}: ${read.message}`);
      // Checked here, kept as written (checkBuilt checks them again with the generated ones).
      if (!ListingDocumentSchema.safeParse(read.document).success) throw new Error(`${name}: not a valid listing document.`);
      docs.push({ organizationId: name.replace(/\.json$/, ''), document: read.document as ListingDocumentInput });
    }
    handMadeDocs.set(region.id, docs);
  }
  const all = [...handMadeDocs.values()].flat();
  const generated = generateNational({
    seed,
    regions,
    pc4Rows,
    populations: readRegionPopulations(municipalities),
    takenLocationIds: new Set(all.flatMap((d) => d.document.locations.map((l) => l.id))),
    takenOrganizationIds: new Set(all.map((d) => d.organizationId)),
    scale,
  });
  const built = generated.map((b) => ({ region: b.region, documents: [...(handMadeDocs.get(b.region.id) ?? []), ...b.documents] }));
  checkBuilt(built, buildPc4Points(pc4Rows), { minFormsPerRegion: Math.max(1, Math.round(20 * scale)), everyHousingType: false });
  return built;
}

/**
 * The national set, ready to seed from: the cached one when its fingerprint matches, else a fresh
 * one (written to a folder beside it and swapped in whole, so an interrupted run leaves no half set).
 */
export async function ensureNationalData(options: { seed?: string; dir?: string; say?: (line: string) => void } = {}): Promise<{
  dataSet: DataSet;
  generated: boolean;
  build: NationalBuild;
}> {
  const seed = options.seed ?? NATIONAL_SEED;
  const dir = options.dir ?? NATIONAL_CACHE_DIR;
  const stampFile = join(dir, 'stamp.json');
  const print = fingerprint(seed);
  if (existsSync(stampFile)) {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as { fingerprint?: string; build?: NationalBuild };
    if (stamp.fingerprint === print && stamp.build) return { dataSet: nationalDataSet(dir), generated: false, build: stamp.build };
  }
  options.say?.(`Generating the national demonstration set (seed ${seed}) into ${dir}/ ...`);
  const started = performance.now();
  const built = await buildNationalSet(seed);
  const next = `${dir}.next`;
  rmSync(next, { recursive: true, force: true });
  writeNationalSet(next, built);
  const counts = countSet(built);
  const build: NationalBuild = {
    regions: built.length, organizations: counts.organizations, locations: counts.locations, vvLocations: counts.vvLocations,
    otherLocations: counts.otherLocations, forms: counts.forms, ms: Math.round(performance.now() - started),
  };
  writeJson(join(next, 'stamp.json'), { fingerprint: print, seed, build }, true);
  rmSync(dir, { recursive: true, force: true });
  renameSync(next, dir);
  return { dataSet: nationalDataSet(dir), generated: true, build };
}

/** Writes a set in the layout seeding reads (nationalDataSet): regions.json, listings/<region>/<org>.json. */
export function writeNationalSet(dir: string, built: readonly BuiltRegion[]): DataSet {
  mkdirSync(dir, { recursive: true });
  writeJson(join(dir, 'regions.json'), built.map((b) => b.region), true);
  for (const { region, documents } of built) {
    for (const { organizationId, document } of documents) writeJson(join(dir, 'listings', region.id, `${organizationId}.json`), document, false);
  }
  return nationalDataSet(dir);
}

export function describeBuild(build: NationalBuild): string {
  return `${build.regions} regions, ${build.organizations} organisations, ${build.locations} locations ` +
    `(${build.vvLocations} elderly care, ${build.otherLocations} disability care and sheltered living), ${build.forms} housing forms`;
}
