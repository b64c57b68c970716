// A region's listings as Open Referral HSDS 3.1 (the Human Services Data Specification): each
// organisation an organization, each location a location with its address and phone, each housing
// form a service offered at its location (service_at_location), and what the matcher reads of them
// as attributes of the published taxonomy (hsds-taxonomy.ts). Pure: the same listings give the same
// export, byte for byte, so a re-user can compare two downloads. The JSON form nests a record's own
// addresses, phones and attributes in it, as the HSDS API does; hsds-tabular.ts flattens the same
// records into the CSV tables.
import {
  CRITERIA, CRITERION_NAMES, SMALL_SCALE_MAX_GROUP_SIZE, codedFact, type CriterionName,
} from '../../shared/domain/criterion-registry.ts';
import type { HousingForm, Organization, Region, StoredLocation } from '../../shared/domain/index.ts';
import { isWaitingListStale } from '../../shared/domain/waiting-list-age.ts';
import { codeLabels } from '../../shared/i18n/code-labels.ts';
import {
  HSDS_CREDIT, OPEN_DATA_LICENCE, POSTCODE_POINTS_SOURCE, REGION_CODES_SOURCE, openDataAttribution,
} from '../../shared/open-data/licence.ts';
import {
  type AttributeEntity, type HsdsTaxonomy, type HsdsTaxonomyTerm, criterionEntity, hsdsTaxonomy, hsdsTaxonomyTerms, termId,
} from './hsds-taxonomy.ts';
import { provinceOf } from './province.ts';
import { stableId } from './stable-uuid.ts';

export const HSDS_VERSION = '3.1';

/** What one region holds, as the export reads it (region-listings.ts loads it from the stores). */
export interface RegionListings {
  region: Region;
  organizations: Organization[];
  locations: StoredLocation[];
  housingForms: Array<{ locationId: string; housingForm: HousingForm }>;
}

export interface HsdsOptions {
  /** The moment the export describes: a waiting list confirmed 30 days before it no longer counts as "available soon". */
  asOf: Date;
  /** The public site (e.g. https://woonwijzer.nl): when given, each location and service links to its page. */
  siteUrl?: string;
}

export interface HsdsAttribute {
  id: string;
  link_id: string;
  link_type: string;
  link_entity: AttributeEntity;
  taxonomy_term_id: string;
  value: string;
  label: string;
}

export interface HsdsPhone {
  id: string;
  organization_id?: string;
  location_id?: string;
  number: string;
  type: string;
}

export interface HsdsAddress {
  id: string;
  location_id: string;
  address_1: string;
  city: string;
  region: string;
  state_province: string;
  postal_code: string;
  country: string;
  address_type: 'physical';
}

export interface HsdsOrganization {
  id: string;
  name: string;
  description: string;
  email?: string;
  website?: string;
  phones: HsdsPhone[];
}

export interface HsdsLocation {
  id: string;
  location_type: 'physical';
  organization_id: string;
  name: string;
  description?: string;
  url?: string;
  latitude: number;
  longitude: number;
  external_identifier: string;
  external_identifier_type: string;
  addresses: HsdsAddress[];
  phones: HsdsPhone[];
  attributes: HsdsAttribute[];
}

export interface HsdsService {
  id: string;
  organization_id: string;
  name: string;
  description?: string;
  url?: string;
  email?: string;
  status: 'active';
  wait_time: string;
  assured_date: string;
  minimum_age?: number;
  maximum_age?: number;
  attributes: HsdsAttribute[];
}

export interface HsdsServiceAtLocation {
  id: string;
  service_id: string;
  location_id: string;
}

/** The export: HSDS records, with the terms of their use beside them. */
export interface HsdsDataset {
  hsds_version: string;
  title: string;
  description: string;
  license: { name: string; title: string; path: string };
  attribution: string;
  sources: Array<{ title: string; path: string }>;
  taxonomies: HsdsTaxonomy[];
  taxonomy_terms: HsdsTaxonomyTerm[];
  organizations: HsdsOrganization[];
  locations: HsdsLocation[];
  services: HsdsService[];
  service_at_locations: HsdsServiceAtLocation[];
}

const byId = <T extends { id: string }>(a: T, b: T) => a.id.localeCompare(b.id);

/** A fact of a housing form or its location, read the way the matcher reads it (criterion-registry.ts). */
interface Fact {
  criterion: CriterionName;
  /** The code, for a coded criterion: one attribute per code. */
  code?: string;
  value: string;
}

function factsOf(
  criterion: CriterionName,
  form: HousingForm,
  location: StoredLocation,
  organization: Organization,
  options: HsdsOptions,
): Fact[] {
  const reads = CRITERIA[criterion].reads;
  const record = { ...location, ...form } as unknown as Record<string, unknown>;
  switch (reads.read) {
    case 'list': {
      const codes = record[reads.field] as readonly string[] | undefined;
      return (codes ?? []).map((code) => ({ criterion, code, value: code }));
    }
    case 'code': {
      // The worldview is the housing form's own, else its organisation's (as the candidate holds it).
      const code = (record[reads.field] ?? (criterion === 'worldview' ? organization.worldview : undefined)) as string | undefined;
      return code === undefined ? [] : [{ criterion, code, value: code }];
    }
    case 'range': {
      const min = record[reads.min] as number | undefined;
      const max = record[reads.max] as number | undefined;
      return min === undefined && max === undefined ? [] : [{ criterion, value: `${min ?? ''}-${max ?? ''}` }];
    }
    case 'flag': {
      const flag = (reads.on === 'location' ? (location as unknown as Record<string, unknown>) : (form as unknown as Record<string, unknown>))[reads.field];
      return typeof flag === 'boolean' ? [{ criterion, value: String(flag) }] : [];
    }
    case 'codeIn': {
      // Read in today's codes (a yes/no from the older format is on site / none), then as the
      // matcher does: "true" when the code is one the criterion takes. Together the two day-activity
      // terms tell on site (both true), nearby (only dayActivities) and none (both false).
      const code = codedFact(reads.field, (form as unknown as Record<string, unknown>)[reads.field]);
      return code === undefined ? [] : [{ criterion, value: String((reads.codes as readonly string[]).includes(code)) }];
    }
    case 'atMost': {
      const size = record[reads.field] as number | undefined;
      return size === undefined ? [] : [{ criterion, value: String(size <= SMALL_SCALE_MAX_GROUP_SIZE) }];
    }
    case 'listHas': {
      const list = record[reads.field] as readonly string[] | undefined;
      return list === undefined ? [] : [{ criterion, value: String(list.includes(reads.code)) }];
    }
    case 'waitingList':
      // A state confirmed too long ago says nothing about now (waiting-list-age.ts): left unknown.
      return isWaitingListStale(form.waitingList.updatedAt, options.asOf)
        ? []
        : [{ criterion, value: String((reads.codes as readonly string[]).includes(form.waitingList.status)) }];
  }
}

function attribute(entity: AttributeEntity, linkId: string, linkKey: string, fact: Fact): HsdsAttribute {
  const term = fact.code === undefined ? fact.criterion : `${fact.criterion}:${fact.code}`;
  return {
    id: stableId('attribute', entity, linkKey, term),
    link_id: linkId,
    link_type: fact.criterion,
    link_entity: entity,
    taxonomy_term_id: termId(fact.criterion, fact.code),
    value: fact.value,
    label: term,
  };
}

/** "Short wait (within 3 months): about 6 weeks, 2 places free": the waiting list in words, as the provider reported it. */
function waitTime(form: HousingForm): string {
  const { status, weeks, placesAvailable } = form.waitingList;
  const extras = [
    ...(weeks === undefined ? [] : [`about ${weeks} weeks`]),
    ...(placesAvailable === undefined ? [] : [`${placesAvailable} place${placesAvailable === 1 ? '' : 's'} free`]),
  ];
  return `${codeLabels.en.waitingListStatuses[status]}${extras.length ? `: ${extras.join(', ')}` : ''}`;
}

const pageUrl = (siteUrl: string | undefined, locationId: string) =>
  siteUrl ? new URL(`/locatie/${encodeURIComponent(locationId)}/`, siteUrl).href : undefined;

export function toHsds(listings: RegionListings, options: HsdsOptions): HsdsDataset {
  const { region } = listings;
  const organizationIds = new Map(listings.organizations.map((o) => [o.id, stableId('organization', o.id)]));
  const organizationsBySlug = new Map(listings.organizations.map((o) => [o.id, o]));
  const locationsBySlug = new Map(listings.locations.map((l) => [l.id, l]));
  const province = provinceOf(region.careOfficeRegionCode);

  const organizations: HsdsOrganization[] = listings.organizations.map((org) => {
    const id = organizationIds.get(org.id)!;
    return {
      id,
      name: org.name,
      // HSDS requires a description; a provider that wrote none is described by what we know.
      description: org.description ?? `Care provider in the Woonwijzer directory of ${region.name}.`,
      ...(org.email ? { email: org.email } : {}),
      ...(org.website ? { website: org.website } : {}),
      phones: org.phone ? [{ id: stableId('phone', 'organization', org.id), organization_id: id, number: org.phone, type: 'voice' }] : [],
    };
  });

  const locations: HsdsLocation[] = listings.locations.flatMap((loc) => {
    const organization = organizationsBySlug.get(loc.organizationId);
    if (!organization) return [];
    const id = stableId('location', loc.id);
    // No housing form here: the location's criteria read the location alone.
    const facts = CRITERION_NAMES
      .filter((criterion) => criterionEntity(CRITERIA[criterion].reads) === 'location')
      .flatMap((criterion) => factsOf(criterion, {} as HousingForm, loc, organization, options));
    const url = pageUrl(options.siteUrl, loc.id);
    return [{
      id,
      location_type: 'physical' as const,
      organization_id: organizationIds.get(loc.organizationId)!,
      name: loc.name,
      ...(loc.description ? { description: loc.description } : {}),
      ...(url ? { url } : {}),
      latitude: loc.point.lat,
      longitude: loc.point.lon,
      // Our own slug: what the site's addresses and the public API use for this location.
      external_identifier: loc.id,
      external_identifier_type: 'woonwijzer-location-id',
      addresses: [{
        id: stableId('address', loc.id),
        location_id: id,
        address_1: `${loc.address.street} ${loc.address.houseNumber}`,
        city: loc.address.city,
        region: region.name,
        state_province: province,
        postal_code: loc.address.postcode,
        country: 'NL',
        address_type: 'physical' as const,
      }],
      phones: loc.phone ? [{ id: stableId('phone', 'location', loc.id), location_id: id, number: loc.phone, type: 'voice' }] : [],
      attributes: facts.map((fact) => attribute('location', id, loc.id, fact)),
    }];
  });

  const services: HsdsService[] = [];
  const serviceAtLocations: HsdsServiceAtLocation[] = [];
  for (const { locationId, housingForm: form } of listings.housingForms) {
    const location = locationsBySlug.get(locationId);
    const organization = location && organizationsBySlug.get(location.organizationId);
    if (!location || !organization) continue;
    // A housing form's id is unique within its location only.
    const key = `${locationId}/${form.id}`;
    const id = stableId('service', locationId, form.id);
    const facts = CRITERION_NAMES
      .filter((criterion) => criterionEntity(CRITERIA[criterion].reads) === 'service')
      .flatMap((criterion) => factsOf(criterion, form, location, organization, options));
    const url = pageUrl(options.siteUrl, locationId);
    services.push({
      id,
      organization_id: organizationIds.get(organization.id)!,
      name: form.name,
      ...(form.description ? { description: form.description } : {}),
      ...(url ? { url } : {}),
      ...(organization.email ? { email: organization.email } : {}),
      status: 'active',
      wait_time: waitTime(form),
      // When the provider last confirmed the waiting list: the one date each listing carries.
      assured_date: form.waitingList.updatedAt.slice(0, 10),
      ...(form.minAge === undefined ? {} : { minimum_age: form.minAge }),
      ...(form.maxAge === undefined ? {} : { maximum_age: form.maxAge }),
      attributes: facts.map((fact) => attribute('service', id, key, fact)),
    });
    serviceAtLocations.push({ id: stableId('service-at-location', locationId, form.id), service_id: id, location_id: stableId('location', locationId) });
  }

  return {
    hsds_version: HSDS_VERSION,
    title: `Woonwijzer: care housing (Wlz) in ${region.name}`,
    description:
      `The care providers, locations and housing forms of the Woonwijzer directory for ${region.name} ` +
      `(care-office region ${region.careOfficeRegionCode}), as the providers reported them` +
      `${region.demonstration ? '. Demonstration data: the listings are made up, placed at real postcode points' : ''}.`,
    license: { name: OPEN_DATA_LICENCE.id, title: OPEN_DATA_LICENCE.title, path: OPEN_DATA_LICENCE.url },
    attribution: openDataAttribution(region.name),
    sources: [POSTCODE_POINTS_SOURCE, REGION_CODES_SOURCE, HSDS_CREDIT].map((s) => ({ title: s.title, path: s.url })),
    taxonomies: [hsdsTaxonomy(options.siteUrl ? new URL('/open-data/', options.siteUrl).href : undefined)],
    taxonomy_terms: hsdsTaxonomyTerms(),
    organizations: organizations.sort(byId),
    locations: locations.sort(byId),
    services: services.sort(byId),
    service_at_locations: serviceAtLocations.sort(byId),
  };
}
