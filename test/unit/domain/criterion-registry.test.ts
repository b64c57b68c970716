// What the registry gives the rest of the code for the criteria with more than a yes/no: the
// features the pages show, an older listing's yes/no read in today's codes, and the facts a
// provider is asked to fill in, each once.
import { describe, expect, it } from 'vitest';
import { FEATURES, HousingFormSchema, attentionOfHousingForm, codedFact } from '../../../shared/domain/index.ts';
import { featureAnswer, featureName } from '../../../shared/i18n/index.ts';
import { housingForm } from '../../fixtures/listing.ts';

const YES_NO = { yes: 'Ja', no: 'Nee' };

describe('the criterion registry', () => {
  it('shows day activities as where they are, and the residents\' ages as a range, among the features', () => {
    const dayActivities = FEATURES.find((f) => f.criterion === 'dayActivities');
    const ageGroup = FEATURES.find((f) => f.criterion === 'ageGroup');
    expect(dayActivities).toEqual({ criterion: 'dayActivities', show: 'code', field: 'dayActivities' });
    expect(ageGroup).toEqual({ criterion: 'ageGroup', show: 'range', min: 'residentsMinAge', max: 'residentsMaxAge' });
    // The stricter wish reads the same fact: one line on the page, not two.
    expect(FEATURES.filter((f) => 'field' in f && f.field === 'dayActivities')).toHaveLength(1);
    if (!dayActivities || !ageGroup) throw new Error('missing features');
    expect(featureName('nl', dayActivities)).toBe('Dagbesteding (activiteiten overdag)');
    expect(featureAnswer('nl', dayActivities, { dayActivities: 'nearby' }, YES_NO)).toEqual({ kind: 'yes', text: 'In de buurt, met vervoer' });
    expect(featureAnswer('nl', dayActivities, { dayActivities: 'none' }, YES_NO)).toEqual({ kind: 'no', text: 'Geen' });
    expect(featureAnswer('nl', dayActivities, {}, YES_NO)).toEqual({ kind: 'unknown' });
    // A stored housing form from before the codes still reads.
    expect(featureAnswer('en', dayActivities, { dayActivities: true }, YES_NO)).toEqual({ kind: 'yes', text: 'At the location' });
    expect(featureName('nl', ageGroup)).toBe('Leeftijd van de bewoners');
    expect(featureAnswer('nl', ageGroup, { residentsMinAge: 18, residentsMaxAge: 30 }, YES_NO).text).toBe('18 tot 30 jaar');
    expect(featureAnswer('nl', ageGroup, { residentsMinAge: 65 }, YES_NO).text).toBe('Vanaf 65 jaar');
    expect(featureAnswer('nl', ageGroup, { minAge: 18 }, YES_NO)).toEqual({ kind: 'unknown' });
  });

  it('reads a yes/no from before a fact had codes as its code, and anything else unknown', () => {
    expect([true, false, 'nearby', 'sometimes', undefined].map((value) => codedFact('dayActivities', value)))
      .toEqual(['on-site', 'none', 'nearby', undefined, undefined]);
  });

  it('asks a provider for day activities once, and for the residents\' ages, when left out', () => {
    const form = HousingFormSchema.parse(housingForm({ dayActivities: undefined, residentsMinAge: undefined }));
    const fields = attentionOfHousingForm(form, {}, new Date('2026-11-23T09:00:00Z')).find((a) => a.kind === 'unknown-fields');
    const named = fields?.kind === 'unknown-fields' ? fields.fields : [];
    expect(named.filter((f) => f === 'dayActivities')).toEqual(['dayActivities']);
    expect(named).toEqual(expect.arrayContaining(['residentsMinAge', 'residentsMaxAge']));
    const given = HousingFormSchema.parse(housingForm({ dayActivities: 'nearby', residentsMinAge: 65 }));
    const after = attentionOfHousingForm(given, {}, new Date('2026-11-23T09:00:00Z')).find((a) => a.kind === 'unknown-fields');
    expect(after?.kind === 'unknown-fields' ? after.fields : []).not.toEqual(expect.arrayContaining(['dayActivities']));
    expect(after?.kind === 'unknown-fields' ? after.fields : []).not.toContain('residentsMaxAge');
  });
});
