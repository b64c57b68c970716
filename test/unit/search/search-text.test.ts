// The descriptions a candidate carries for full text (`searchText`): what goes in, and that the
// embedded engine searches them beside the names.
import { describe, expect, it } from 'vitest';
import { EmbeddedSearchEngine } from '../../../functions/search/embedded/embedded-search-engine.ts';
import { ListingDocumentSchema, SearchQuerySchema } from '../../../shared/domain/index.ts';
import { toCandidates } from '../../../shared/matching/index.ts';
import { housingForm, listingDocument, location } from '../../fixtures/listing.ts';

const POINT = { lat: 50.85, lon: 5.69 };

function candidatesOf(doc: Parameters<typeof listingDocument>[0]) {
  const parsed = ListingDocumentSchema.parse(listingDocument(doc));
  return toCandidates('zuid-limburg', parsed.organization, parsed.locations[0]!, POINT);
}

describe('the search text of a candidate', () => {
  it("joins the descriptions of the housing form, its location and its organisation, the housing form's first", () => {
    const [c] = candidatesOf({
      organization: { id: 'zorggroep-test', name: 'Zorggroep Test', regionIds: ['zuid-limburg'], description: 'Zorg in het Heuvelland.' },
      locations: [location({ description: 'Een oude villa met een grote tuin.', housingForms: [housingForm({ description: 'Wonen met kippen.' })] })],
    });
    expect(c?.searchText).toBe('Wonen met kippen.\nEen oude villa met een grote tuin.\nZorg in het Heuvelland.');
  });

  it('is empty without descriptions, and skips the ones left out', () => {
    expect(candidatesOf({})[0]?.searchText).toBe('');
    const [c] = candidatesOf({ locations: [location({ description: 'Aan de Maas.' })] });
    expect(c?.searchText).toBe('Aan de Maas.');
  });

  it('is searched by the embedded engine, together with the names', async () => {
    const engine = new EmbeddedSearchEngine();
    await engine.upsert(candidatesOf({ locations: [location({ description: 'Een oude villa met een grote tuin.' })] }));
    const found = await engine.search(SearchQuerySchema.parse({ regionId: 'zuid-limburg', q: 'tuinen villa' }));
    expect(found.items.map((i) => i.housingFormId)).toEqual(['kleinschalig-wonen']);
  });
});
