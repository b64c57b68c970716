import { describe, expect, it } from 'vitest';
import { ListingDocumentSchema } from '../../../shared/domain/index.ts';
import { candidateHeading, toSearchHit } from '../../../shared/matching/candidate.ts';
import { toCandidates } from '../../../shared/matching/index.ts';
import { candidate } from '../../fixtures/candidates.ts';
import { housingForm, listingDocument, location } from '../../fixtures/listing.ts';

const POINT = { lat: 50.85, lon: 5.69 };

function candidatesOf(doc: Parameters<typeof listingDocument>[0]) {
  const parsed = ListingDocumentSchema.parse(listingDocument(doc));
  const loc = parsed.locations[0]!;
  return toCandidates('zuid-limburg', parsed.organization, loc, POINT);
}

describe('toCandidates', () => {
  it('gives one candidate per housing form, carrying its location and organisation', () => {
    const candidates = candidatesOf({
      locations: [location({ housingForms: [housingForm({ id: 'groep-a' }), housingForm({ id: 'groep-b', name: 'Appartementen' })] })],
    });
    expect(candidates.map((c) => c.id)).toEqual(['de-linde-maastricht:groep-a', 'de-linde-maastricht:groep-b']);
    expect(candidates[1]).toMatchObject({
      name: 'Appartementen',
      locationName: 'De Linde',
      organizationName: 'Zorggroep Test',
      city: 'Maastricht',
      point: POINT,
      facilities: ['garden'],
      publicTransport: true,
    });
  });

  it("takes the housing form's own worldview, else its organisation's", () => {
    const [own, inherited] = candidatesOf({
      locations: [location({ housingForms: [housingForm({ id: 'eigen', worldview: 'protestant' }), housingForm({ id: 'van-org' })] })],
    });
    expect(own?.worldview).toBe('protestant');
    expect(inherited?.worldview).toBe('catholic');
  });

  it('keeps what the provider left out unknown, and an empty list as given', () => {
    const [c] = candidatesOf({
      locations: [location({ shopsNearby: undefined, housingForms: [housingForm({ pets: undefined, cultures: [] })] })],
    });
    expect(c?.pets).toBeUndefined();
    expect(c?.shopsNearby).toBeUndefined();
    expect(c?.communities).toBeUndefined();
    expect(c?.cultures).toEqual([]);
  });
});

describe('candidateHeading and toSearchHit', () => {
  // Built key by key for speed (see candidateHeading): the JSON a reader gets must stay the one
  // the plain object spread gave, phone last and left off when unknown.
  it('give the same JSON as a spread of the candidate would, phone left off when unknown', () => {
    for (const phone of ['043 123 45 67', undefined]) {
      const c = candidate({ phone });
      const expected = {
        housingFormId: c.housingFormId, locationId: c.locationId, organizationId: c.organizationId, name: c.name,
        locationName: c.locationName, organizationName: c.organizationName, city: c.city, regionId: c.regionId, type: c.type,
        ...(phone !== undefined ? { phone } : {}),
      };
      expect(JSON.stringify(candidateHeading(c))).toBe(JSON.stringify(expected));
      expect('phone' in candidateHeading(c)).toBe(phone !== undefined);
      const hit = toSearchHit(c);
      expect(JSON.stringify(hit)).toBe(JSON.stringify({ ...expected, waitingList: c.waitingList, point: c.point }));
      expect(hit.waitingList).not.toBe(c.waitingList);
      expect(hit.point).not.toBe(c.point);
    }
  });
});
