// The questionnaires as shipped in data/questionnaires, read and validated once for the tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QUESTIONNAIRE_DIR } from '../../../functions/listings/listing-files.ts';
import { validateQuestionnaire, type Questionnaire } from '../../../shared/questionnaire/index.ts';

/** The regions' own questionnaires, and the national default (data/questionnaires/nederland.json) every other region gets. */
export const NATIONAL_DEFAULT = 'nederland';
export const REGION_IDS = ['zuid-limburg', 'rotterdam', NATIONAL_DEFAULT] as const;

export function readRaw(regionId: string): unknown {
  return JSON.parse(readFileSync(join(QUESTIONNAIRE_DIR, `${regionId}.json`), 'utf8'));
}

/** The shipped questionnaire of a region; throws with every error if it is invalid. */
export function shipped(regionId: (typeof REGION_IDS)[number]): Questionnaire {
  const result = validateQuestionnaire(readRaw(regionId));
  if (!result.ok) throw new Error(`${regionId}: ${JSON.stringify(result.errors, null, 2)}`);
  return result.questionnaire;
}
