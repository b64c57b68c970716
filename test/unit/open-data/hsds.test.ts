// The HSDS mapping without a database: ids that stay the same between exports, every criterion of
// the matcher in the taxonomy and, for a housing form that answers everything, among its
// attributes; unknown kept apart from "no"; and the tabular package's columns and rows as the
// official HSDS schemas define them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CRITERIA, CRITERION_NAMES } from '../../../shared/domain/criterion-registry.ts';
import { CARE_PROFILES, HousingFormSchema, LANGUAGES, OrganizationSchema, SECTORS, type StoredLocation } from '../../../shared/domain/index.ts';
import { toHsds, type RegionListings } from '../../../functions/open-data/hsds.ts';
import { hsdsDataPackage, hsdsTables, hsdsTabularFiles } from '../../../functions/open-data/hsds-tabular.ts';
import { hsdsTaxonomyTerms, termId } from '../../../functions/open-data/hsds-taxonomy.ts';
import { PROVINCE_TABLE } from '../../../functions/open-data/province.ts';
import { stableId, uuidV5 } from '../../../functions/open-data/stable-uuid.ts';
import { REPO_ROOT } from '../../../functions/platform/paths.ts';
import { housingForm, location } from '../../fixtures/listing.ts';
import { testRegions } from '../../fixtures/regions.ts';
import { hsdsErrors, hsdsTableFields, type HsdsObject } from '../../support/hsds-validator.ts';

const asOf = new Date('2026-11-23T09:00:00Z');
const region = testRegions[0]!;
const organization = OrganizationSchema.parse({ id: 'zorggroep-test', name: 'Zorggroep Test', regionIds: ['zuid-limburg'], worldview: 'catholic', phone: '043 123 45 67' });

/** A housing form that answers every question the matcher asks. */
const complete = HousingFormSchema.parse(housingForm({
  id: 'alles-bekend',
  cultures: ['indisch'],
  communities: ['artists'],
  minAge: 65,
  maxAge: 110,
  residentsMinAge: 70,
  kitchenette: false,
  cooking: true,
  partner: true,
  pets: false,
  smoking: false,
  wheelchair: true,
  roundTheClock: true,
  dayActivities: 'nearby',
}));
/** One that leaves all it may unknown. */
const sparse = HousingFormSchema.parse({ id: 'weinig-bekend', name: 'Weinig bekend', type: 'care-apartment', sectors: ['VV'], waitingList: { status: 'long', updatedAt: '2026-09-01' } });

function storedLocation(overrides: Partial<StoredLocation> = {}): StoredLocation {
  const { housingForms: _forms, ...loc } = location({ shopsNearby: false, phone: '043 765 43 21' });
  return { ...loc, regionId: region.id, organizationId: organization.id, point: { lat: 50.85, lon: 5.69 }, ...overrides } as StoredLocation;
}

function listings(): RegionListings {
  return {
    region,
    organizations: [organization],
    locations: [storedLocation()],
    housingForms: [{ locationId: 'de-linde-maastricht', housingForm: complete }, { locationId: 'de-linde-maastricht', housingForm: sparse }],
  };
}

const attributesOf = (dataset: ReturnType<typeof toHsds>, serviceName: string) => {
  const service = dataset.services.find((s) => s.name === serviceName)!;
  return [...service.attributes, ...dataset.locations[0]!.attributes];
};

describe('ids', () => {
  it('are RFC 9562 version-5 UUIDs (the standard test vector)', () => {
    // The DNS namespace and "www.example.com", as in RFC 9562 appendix A.4.
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('stay the same from one export to the next, whatever the order the listings come in', () => {
    const first = toHsds(listings(), { asOf });
    const reordered = listings();
    reordered.housingForms.reverse();
    expect(JSON.stringify(toHsds(reordered, { asOf }))).toBe(JSON.stringify(first));
    expect(first.locations[0]!.id).toBe(stableId('location', 'de-linde-maastricht'));
  });

  it('are unique across every record of an export', () => {
    const dataset = toHsds(listings(), { asOf });
    const ids = Object.values(hsdsTables(dataset)).flat().map((row) => row.id);
    expect(ids.length).toBeGreaterThan(100);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('tell apart two housing forms with the same slug at two locations', () => {
    expect(stableId('service', 'loc-a', 'groep-1')).not.toBe(stableId('service', 'loc-b', 'groep-1'));
  });
});

describe('the taxonomy', () => {
  const terms = hsdsTaxonomyTerms();

  it('has a term for every criterion of the matcher and for every code of a coded criterion', () => {
    const codes = new Set(terms.map((t) => t.code));
    for (const criterion of CRITERION_NAMES) {
      expect(codes, criterion).toContain(criterion);
      const declaration = CRITERIA[criterion];
      if (declaration.kind === 'code') for (const code of declaration.codes) expect(codes).toContain(`${criterion}:${code}`);
    }
    expect(codes).toContain('careProfile:9bVV');
    expect(terms.filter((t) => t.code.startsWith('careProfile:'))).toHaveLength(CARE_PROFILES.length);
    expect(terms.filter((t) => t.code.startsWith('sector:'))).toHaveLength(SECTORS.length);
    expect(terms.filter((t) => t.code.startsWith('language:'))).toHaveLength(LANGUAGES.length);
  });

  it('names its terms in words and hangs each code under its criterion', () => {
    const profile = terms.find((t) => t.code === 'careProfile:5VV')!;
    expect(profile.name).toMatch(/^Care profile: 5VV/);
    expect(profile.parent_id).toBe(termId('careProfile'));
    expect(terms.find((t) => t.code === 'pets')!.name).toBe('Pet can come along');
    expect(new Set(terms.map((t) => t.id)).size).toBe(terms.length);
  });

  it('tells who may come from who lives there, and day activities nearby from on site', () => {
    const term = (code: string) => terms.find((t) => t.code === code)!;
    expect(term('age').name).toBe('Age admitted (years)');
    expect(term('ageGroup').name).toBe('Age of the residents (years)');
    expect(term('ageGroup').description).toMatch(/who lives there, not who may come/);
    expect(term('dayActivities').description).toMatch(/on-site, nearby, none: the attribute's value is "true" when it is on-site or nearby/);
    expect(term('dayActivitiesOnSite').description).toMatch(/"true" when it is on-site, else "false"/);
  });

  it('is valid by the official schemas', () => {
    const dataset = toHsds(listings(), { asOf, siteUrl: 'https://woonwijzer.example' });
    expect(dataset.taxonomies[0]!.uri).toBe('https://woonwijzer.example/open-data/');
    expect([...dataset.taxonomies.flatMap((t) => hsdsErrors('taxonomy', t)), ...terms.flatMap((t) => hsdsErrors('taxonomy_term', t))]).toEqual([]);
  });
});

describe('the attributes of a housing form and its location', () => {
  it('hold every criterion for a housing form that answers everything', () => {
    const attributes = attributesOf(toHsds(listings(), { asOf }), complete.name);
    expect(new Set(attributes.map((a) => a.link_type))).toEqual(new Set(CRITERION_NAMES));
    const value = (label: string) => attributes.find((a) => a.label === label)?.value;
    expect(value('careProfile:5VV')).toBe('5VV');
    expect(value('worldview:catholic')).toBe('catholic');
    expect(value('age')).toBe('65-110');
    // Residents from 70, no oldest age given: the open end stays empty.
    expect(value('ageGroup')).toBe('70-');
    expect(value('dayActivities')).toBe('true');
    expect(value('dayActivitiesOnSite')).toBe('false');
    expect(value('smallScale')).toBe('true');
    expect(value('pets')).toBe('false');
    expect(value('garden')).toBe('true');
    expect(value('shops')).toBe('false');
    expect(value('availableSoon')).toBe('true');
    expect(attributes.find((a) => a.label === 'careProfile:5VV')!.taxonomy_term_id).toBe(termId('careProfile', '5VV'));
  });

  it('leave out what the provider did not say: unknown is not "false"', () => {
    const service = toHsds(listings(), { asOf }).services.find((s) => s.name === sparse.name)!;
    // The kind of housing and the sector are always given; the organisation's worldview applies to each of its forms.
    expect(service.attributes.map((a) => a.label).sort()).toEqual(['housingType:care-apartment', 'sector:VV', 'worldview:catholic']);
  });

  it('read day activities stored as a yes/no before they had codes: yes is on site, no is none', () => {
    const dayActivitiesOf = (stored: boolean) => {
      // As a record written before issue 13 comes from the store, not through today's schema.
      const old = { ...complete, id: 'oud', name: 'Oud', dayActivities: stored } as unknown as typeof complete;
      const dataset = toHsds({ ...listings(), housingForms: [{ locationId: 'de-linde-maastricht', housingForm: old }] }, { asOf });
      const attributes = dataset.services[0]!.attributes;
      return ['dayActivities', 'dayActivitiesOnSite'].map((label) => attributes.find((a) => a.label === label)?.value);
    };
    expect(dayActivitiesOf(true)).toEqual(['true', 'true']);
    expect(dayActivitiesOf(false)).toEqual(['false', 'false']);
  });

  it('say nothing about "available soon" when the waiting list was confirmed more than 30 days ago', () => {
    const later = toHsds(listings(), { asOf: new Date('2027-01-15T09:00:00Z') });
    expect(attributesOf(later, complete.name).some((a) => a.link_type === 'availableSoon')).toBe(false);
    const service = later.services.find((s) => s.name === complete.name)!;
    expect(service.assured_date).toBe('2026-11-10');
    expect(service.wait_time).toBe('Short wait (within 3 months): about 6 weeks');
  });
});

describe('the JSON form', () => {
  it('is valid by the official schemas, record by record', () => {
    const dataset = toHsds(listings(), { asOf, siteUrl: 'https://woonwijzer.example' });
    const checks: Array<[HsdsObject, unknown[]]> = [
      ['organization', dataset.organizations], ['location', dataset.locations], ['service', dataset.services],
      ['service_at_location', dataset.service_at_locations],
    ];
    expect(checks.flatMap(([object, records]) => records.flatMap((r) => hsdsErrors(object, r)))).toEqual([]);
    expect(dataset.locations[0]!.addresses[0]).toMatchObject({ address_1: 'Kerkstraat 12', postal_code: '6211 AB', state_province: 'Limburg', country: 'NL' });
    expect(dataset.locations[0]!.url).toBe('https://woonwijzer.example/locatie/de-linde-maastricht/');
  });

  it('states its licence and where its points come from', () => {
    const dataset = toHsds(listings(), { asOf });
    expect(dataset.license).toEqual({ name: 'CC-BY-4.0', title: 'Creative Commons Attribution 4.0 International', path: 'https://creativecommons.org/licenses/by/4.0/' });
    expect(dataset.attribution).toContain('Zuid-Limburg');
    expect(dataset.sources.map((s) => s.path)).toContain('https://github.com/bobdenotter/4pp');
  });
});

describe('the tabular package', () => {
  const dataset = toHsds(listings(), { asOf });
  const files = hsdsTabularFiles(dataset, 'woonwijzer-zuid-limburg-hsds');
  const descriptor = hsdsDataPackage(dataset, 'woonwijzer-zuid-limburg-hsds');

  it('has its rows valid by the official tabular schema', () => {
    expect(hsdsErrors('tabular', hsdsTables(dataset))).toEqual([]);
  });

  it('names only official HSDS columns, with their official types and formats, in the official order', () => {
    for (const resource of descriptor.resources) {
      const official = hsdsTableFields(resource.name as Exclude<HsdsObject, 'tabular'>);
      const officialNames = official.map((f) => f.name);
      const names = resource.schema.fields.map((f) => f.name);
      expect(names.filter((n) => !officialNames.includes(n)), resource.name).toEqual([]);
      expect(names, resource.name).toEqual(officialNames.filter((n) => names.includes(n)));
      for (const field of resource.schema.fields) {
        const match = official.find((f) => f.name === field.name)!;
        expect({ type: field.type, format: 'format' in field ? field.format : undefined }, `${resource.name}.${field.name}`)
          .toEqual({ type: match.type, format: match.format });
      }
    }
  });

  it('writes one CSV per table with the descriptor\'s columns as header, and the licence in datapackage.json', () => {
    for (const resource of descriptor.resources) {
      const file = files.find((f) => f.path === resource.path)!;
      const [header, ...rows] = parse(file.content) as string[][];
      expect(header, resource.path).toEqual(resource.schema.fields.map((f) => f.name));
      expect(rows.length, resource.path).toBeGreaterThan(0);
    }
    const written = JSON.parse(files.find((f) => f.path === 'datapackage.json')!.content) as { licenses: unknown[]; profile: string };
    expect(written.profile).toBe('tabular-data-package');
    expect(written.licenses).toEqual([dataset.license]);
  });
});

describe('the province of an address', () => {
  it('is the one of the care-office region, as the reference data has it, and only for a region inside one province', () => {
    const csv = parse(readFileSync(join(REPO_ROOT, 'data', 'reference', 'nl-gemeenten-2025-zorgkantoorregio.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>;
    const provinces = new Map<string, Set<string>>();
    for (const row of csv) provinces.set(row.zorgkantoorregio_code!, (provinces.get(row.zorgkantoorregio_code!) ?? new Set()).add(row.provincie_naam!));
    const single = Object.fromEntries([...provinces].filter(([, names]) => names.size === 1).map(([code, names]) => [code, [...names][0]]));
    expect(PROVINCE_TABLE).toEqual(single);
  });
});
