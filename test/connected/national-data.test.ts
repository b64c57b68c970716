// A small slice of the national demonstration set through the real seeding and import path: all 31
// regions stored, each with listings; a generated region answers with the national default
// questionnaire under its own id, a hand-made one with its own.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../shared/clock.ts';
import { seedDemo } from '../../functions/listings/seed-demo.ts';
import { buildNationalSet, writeNationalSet } from '../../scripts/lib/national-data.ts';
import { createTestStore } from '../support/test-store.ts';

const dir = await mkdtemp(join(tmpdir(), 'woonwijzer-national-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the national demonstration set, seeded', () => {
  it('stores all 31 regions with their listings and questionnaires', async () => {
    const dataSet = writeNationalSet(dir, await buildNationalSet('connected-test', 0.03));
    const { stores } = await createTestStore();
    const seeded = await seedDemo(stores, fixedClock('2026-12-03T09:00:00Z'), dataSet);
    expect(seeded.regions).toBe(31);
    const regions = await stores.regions.listRegions();
    expect(regions).toHaveLength(31);
    for (const region of regions) {
      expect((await stores.listings.regionCounts(region.id)).locationCount, region.id).toBeGreaterThan(0);
    }
    expect((await stores.listings.regionCounts('zuid-limburg')).housingFormCount).toBeGreaterThanOrEqual(81);
    const generated = await stores.regions.getQuestionnaire('noord-en-midden-limburg');
    expect(generated?.regionId).toBe('noord-en-midden-limburg');
    expect(generated?.note).toMatch(/^National default/);
    const own = await stores.regions.getQuestionnaire('zuid-limburg');
    expect(own?.id).toBe('zuid-limburg');
    expect(own?.note).not.toMatch(/^National default/);
  }, 120_000);
});
