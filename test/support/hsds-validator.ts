// The official HSDS 3.1 schemas (test/fixtures/hsds) as validators: ajv 8 with ajv-formats, so
// ids are checked as UUIDs, websites as URIs and addresses as emails. The schemas carry HSDS's own
// keywords (name, path, core, constraints, example, ...): declared as annotations, not ignored by a
// non-strict mode, so a typo in a real keyword still fails.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { ErrorObject } from 'ajv';
import { REPO_ROOT } from '../../functions/platform/paths.ts';

const DIR = join(REPO_ROOT, 'test', 'fixtures', 'hsds');
const BASE = 'https://woonwijzer.test/hsds/';
const HSDS_KEYWORDS = ['name', 'path', 'datapackage_metadata', 'core', 'constraints', 'example', 'tabular_required', 'datapackage_type'];

export type HsdsObject =
  | 'organization' | 'location' | 'service' | 'service_at_location' | 'taxonomy' | 'taxonomy_term' | 'address' | 'phone' | 'attribute' | 'tabular';

function createAjv() {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
  addFormats.default(ajv);
  ajv.addVocabulary(HSDS_KEYWORDS);
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.json'))) {
    const schema = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Record<string, unknown>;
    ajv.addSchema({ ...schema, $id: `${BASE}${file}` });
  }
  return ajv;
}

const ajv = createAjv();

/** Every error of `value` against the official schema of `object`, as "path: message" lines. */
export function hsdsErrors(object: HsdsObject, value: unknown): string[] {
  const validate = ajv.getSchema(`${BASE}${object}.json`);
  if (!validate) throw new Error(`No official schema for ${object}`);
  validate(value);
  return (validate.errors ?? []).map((e: ErrorObject) => `${object}${e.instancePath}: ${e.message ?? e.keyword}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
}

/** The scalar fields of an official table, in the schema's order (what a CSV of it may hold). */
export function hsdsTableFields(object: Exclude<HsdsObject, 'tabular'>): Array<{ name: string; type: string; format?: string }> {
  const schema = JSON.parse(readFileSync(join(DIR, `${object}.json`), 'utf8')) as { properties: Record<string, { type?: string; format?: string }> };
  return Object.entries(schema.properties)
    .filter(([, p]) => p.type === 'string' || p.type === 'number' || p.type === 'integer' || p.type === 'boolean')
    .map(([name, p]) => ({ name, type: p.type!, ...(p.format ? { format: p.format } : {}) }));
}
