import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../shared/clock.ts';
import { rebaseWaitingLists, seedDemo } from '../../functions/listings/seed-demo.ts';
import { createTestStore } from '../support/test-store.ts';

describe('the demonstration data', () => {
  // Some hundreds of writes to DynamoDB Local: seconds alone, far more on a loaded machine.
  it('loads both regions with at least 60 housing forms each, once', { timeout: 60_000 }, async () => {
    const { stores } = await createTestStore();
    const clock = fixedClock('2026-11-23T09:00:00Z');
    const first = await seedDemo(stores, clock);
    expect(first.regions).toBe(2);
    expect(first.demoDocuments).toBeGreaterThanOrEqual(10);
    for (const regionId of ['zuid-limburg', 'rotterdam']) {
      expect((await stores.listings.regionCounts(regionId)).housingFormCount).toBeGreaterThanOrEqual(60);
    }
    const before = await stores.listings.regionCounts('rotterdam');
    expect((await seedDemo(stores, clock)).demoDocuments).toBe(0);
    expect(await stores.listings.regionCounts('rotterdam')).toEqual(before);
  });

  it('moves the waiting-list dates forward to today, keeping their spread', () => {
    const doc = { locations: [{ housingForms: [{ waitingList: { status: 'short', updatedAt: '2026-11-01' } }] }] };
    const moved = rebaseWaitingLists(doc, 10) as typeof doc;
    expect(moved.locations[0]?.housingForms[0]?.waitingList.updatedAt).toBe('2026-11-11');
    expect(doc.locations[0]?.housingForms[0]?.waitingList.updatedAt).toBe('2026-11-01');
  });
});
