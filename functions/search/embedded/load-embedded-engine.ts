// Builds the embedded engine from the stores: every region, with all its housing forms.
// At start-up only; afterwards the stream poller (locally) applies each change.
import type { MatchOptions } from '../../../shared/matching/index.ts';
import type { IndexSource } from '../../store/listing-reader.ts';
import { EmbeddedSearchEngine } from './embedded-search-engine.ts';

export async function loadEmbeddedEngine(
  { regions: regionStore, listings }: IndexSource,
  options: MatchOptions = {},
): Promise<EmbeddedSearchEngine> {
  const engine = new EmbeddedSearchEngine(options);
  const regions = await regionStore.listRegions();
  const contents = await Promise.all(regions.map((region) => listings.loadRegion(region.id)));
  for (const [i, region] of regions.entries()) {
    engine.addRegion(region.id);
    await engine.upsert(contents[i]?.candidates ?? []);
  }
  return engine;
}
