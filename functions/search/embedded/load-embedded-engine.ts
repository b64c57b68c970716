// Builds the embedded engine from the listing store: every region, with all its housing forms.
// At start-up only; afterwards the stream poller (locally) applies each change.
import type { MatchOptions } from '../../../shared/matching/index.ts';
import type { ListingStore } from '../../store/listing-store.ts';
import { EmbeddedSearchEngine } from './embedded-search-engine.ts';

export async function loadEmbeddedEngine(
  store: Pick<ListingStore, 'listRegions' | 'loadRegion'>,
  options: MatchOptions = {},
): Promise<EmbeddedSearchEngine> {
  const engine = new EmbeddedSearchEngine(options);
  const regions = await store.listRegions();
  const contents = await Promise.all(regions.map((region) => store.loadRegion(region.id)));
  for (const [i, region] of regions.entries()) {
    engine.addRegion(region.id);
    await engine.upsert(contents[i]?.candidates ?? []);
  }
  return engine;
}
