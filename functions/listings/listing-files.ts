// Reading listing documents and the region configuration from disk (the import command, seeding).
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { RegionSchema, type Region } from '../../shared/domain/index.ts';
import * as z from 'zod';
import { REPO_ROOT } from '../platform/paths.ts';
import { validateQuestionnaire, type Questionnaire } from '../../shared/questionnaire/index.ts';

export const REGIONS_FILE = join(REPO_ROOT, 'data', 'regions.json');
export const DEMO_DIR = join(REPO_ROOT, 'data', 'demo');
export const QUESTIONNAIRE_DIR = join(REPO_ROOT, 'data', 'questionnaires');

/** The national default questionnaire: every region without one of its own gets it (readRegionQuestionnaire). */
export const DEFAULT_QUESTIONNAIRE_ID = 'nederland';

/**
 * Which regions and listings a store is seeded with: the hand-made demonstration (the default) or
 * the generated national set (scripts/lib/national-data.ts writes it into a git-ignored cache).
 */
export interface DataSet {
  name: 'demo' | 'national';
  regionsFile: string;
  /** One folder per region, one listing document (JSON) per organisation. */
  listingsDir: string;
}
export const DEMO_DATA_SET: DataSet = { name: 'demo', regionsFile: REGIONS_FILE, listingsDir: DEMO_DIR };

export type ReadResult = { ok: true; document: unknown } | { ok: false; message: string };

/** Reads one JSON listing document; a file that is not JSON is refused with the parser's reason. */
export async function readListingFile(path: string): Promise<ReadResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return { ok: false, message: `Cannot read the file: ${(error as Error).message}` };
  }
  try {
    return { ok: true, document: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: `The file is not valid JSON: ${(error as Error).message}` };
  }
}

export async function readRegions(path = REGIONS_FILE): Promise<Region[]> {
  const raw = JSON.parse(await readFile(path, 'utf8')) as unknown;
  return z.array(RegionSchema).parse(raw);
}

/** Every demonstration document, region folder by region folder, in a stable order. */
export async function demoFiles(dir = DEMO_DIR): Promise<string[]> {
  const regions = (await readdir(dir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  const files: string[] = [];
  for (const region of regions) {
    const names = (await readdir(join(dir, region))).filter((n) => n.endsWith('.json')).sort();
    files.push(...names.map((n) => join(dir, region, n)));
  }
  return files;
}

/** The questionnaire of a region, from data/questionnaires/{regionId}.json; refused whole if invalid. */
export async function readQuestionnaire(regionId: string, dir = QUESTIONNAIRE_DIR): Promise<Questionnaire | undefined> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(join(dir, `${regionId}.json`), 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const checked = validateQuestionnaire(raw);
  if (!checked.ok) {
    throw new Error(`Questionnaire of ${regionId} is not valid: ${checked.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  }
  if (checked.questionnaire.regionId !== regionId) throw new Error(`Questionnaire in ${regionId}.json is for region ${checked.questionnaire.regionId}.`);
  return checked.questionnaire;
}

/**
 * The questionnaire a region gets: its own, else the national default under the region's id (a
 * coordinator adapts it by shipping the region's own file, with a higher version).
 */
export async function readRegionQuestionnaire(regionId: string, dir = QUESTIONNAIRE_DIR): Promise<{ questionnaire: Questionnaire; own: boolean }> {
  const own = await readQuestionnaire(regionId, dir);
  if (own) return { questionnaire: own, own: true };
  const fallback = await readQuestionnaire(DEFAULT_QUESTIONNAIRE_ID, dir);
  if (!fallback) throw new Error(`No questionnaire for ${regionId}, and no national default (${DEFAULT_QUESTIONNAIRE_ID}.json) in ${dir}.`);
  return { questionnaire: { ...fallback, id: regionId, regionId }, own: false };
}
