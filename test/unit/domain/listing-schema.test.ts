import { describe, expect, it } from 'vitest';
import { ListingDocumentSchema, toFieldErrors } from '../../../shared/domain/index.ts';
import { housingForm, listingDocument, location } from '../../fixtures/listing.ts';

const errorsOf = (doc: unknown) => {
  const result = ListingDocumentSchema.safeParse(doc);
  return result.success ? [] : toFieldErrors(result.error);
};

describe('listing document schema', () => {
  it('accepts a valid document and normalises the postcode', () => {
    const doc = ListingDocumentSchema.parse(listingDocument({ locations: [location({ address: { street: 'Kerkstraat', houseNumber: '12a', postcode: '6211ab', city: 'Maastricht' } })] }));
    expect(doc.locations[0]?.address.postcode).toBe('6211 AB');
  });

  it('keeps booleans and lists that were left out as unknown, not false or empty', () => {
    const form = ListingDocumentSchema.parse(listingDocument()).locations[0]?.housingForms[0];
    expect(form?.pets).toBeUndefined();
    expect(form?.partner).toBeUndefined();
    expect(form?.cultures).toBeUndefined();
    expect(form?.ownBathroom).toBe(true);
  });

  it('keeps a given empty list as an empty list (complete: none)', () => {
    const doc = listingDocument({ locations: [location({ housingForms: [housingForm({ cultures: [] })] })] });
    expect(ListingDocumentSchema.parse(doc).locations[0]?.housingForms[0]?.cultures).toEqual([]);
  });

  it('reads day activities as on-site, nearby or none, and a listing from when it was yes/no as on-site (true) or none (false)', () => {
    const dayActivitiesOf = (dayActivities: unknown) =>
      ListingDocumentSchema.parse(listingDocument({ locations: [location({ housingForms: [housingForm({ dayActivities } as never)] })] }))
        .locations[0]?.housingForms[0]?.dayActivities;
    expect(dayActivitiesOf('nearby')).toBe('nearby');
    expect(dayActivitiesOf('on-site')).toBe('on-site');
    expect(dayActivitiesOf(true)).toBe('on-site');
    expect(dayActivitiesOf(false)).toBe('none');
    expect(dayActivitiesOf(undefined)).toBeUndefined();
    const refused = errorsOf(listingDocument({ locations: [location({ housingForms: [housingForm({ dayActivities: 'ja' } as never)] })] }));
    expect(refused).toEqual([expect.objectContaining({ path: 'locations.0.housingForms.0.dayActivities' })]);
  });

  it('keeps who lives there (the residents\' ages) apart from who may come, and refuses a range the wrong way round', () => {
    const form = ListingDocumentSchema.parse(listingDocument({
      locations: [location({ housingForms: [housingForm({ minAge: 18, residentsMinAge: 18, residentsMaxAge: 30 })] })],
    })).locations[0]?.housingForms[0];
    expect(form).toMatchObject({ minAge: 18, residentsMinAge: 18, residentsMaxAge: 30 });
    expect(form?.maxAge).toBeUndefined();
    const doc = listingDocument({ locations: [location({ housingForms: [housingForm({ residentsMinAge: 30, residentsMaxAge: 18 })] })] });
    expect(errorsOf(doc).map((e) => e.path)).toEqual(['locations.0.housingForms.0.residentsMaxAge']);
  });

  it('names the path of an unknown care-profile code', () => {
    const doc = listingDocument({ locations: [location({ housingForms: [housingForm({ careProfiles: ['5VV', '10VV' as never] })] })] });
    expect(errorsOf(doc).map((e) => e.path)).toContain('locations.0.housingForms.0.careProfiles.1');
  });

  it('names every missing required field', () => {
    const doc = listingDocument();
    const loc = doc.locations[0] as Record<string, unknown>;
    delete loc.name;
    delete (loc.housingForms as Array<Record<string, unknown>>)[0]?.waitingList;
    const paths = errorsOf(doc).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['locations.0.name', 'locations.0.housingForms.0.waitingList']));
  });

  it('refuses a care profile of a sector the housing form does not serve', () => {
    const doc = listingDocument({ locations: [location({ housingForms: [housingForm({ sectors: ['VV'], careProfiles: ['5VG'] })] })] });
    expect(errorsOf(doc)).toEqual([expect.objectContaining({ path: 'locations.0.housingForms.0.careProfiles.0' })]);
  });

  it('refuses duplicate ids within a document', () => {
    const doc = listingDocument({
      locations: [location(), location({ housingForms: [housingForm(), housingForm()] })],
    });
    const paths = errorsOf(doc).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['locations.1.id', 'locations.1.housingForms.1.id']));
  });

  it('refuses unknown fields, so a typo in a field name is not silently lost', () => {
    const doc = listingDocument({ locations: [location({ housingForms: [{ ...housingForm(), petz: true } as never] })] });
    expect(errorsOf(doc)[0]?.path).toBe('locations.0.housingForms.0');
  });

  it('refuses an age range that is upside down and a bad id', () => {
    const doc = listingDocument({ locations: [location({ id: 'De Linde', housingForms: [housingForm({ minAge: 65, maxAge: 18 })] })] });
    const paths = errorsOf(doc).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['locations.0.id', 'locations.0.housingForms.0.maxAge']));
  });
});
