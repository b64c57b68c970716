// The flat record the matcher works on: one per housing form, with what the criteria need from the
// housing form, its location and its organisation. Both search engines hold these (the embedded
// one in memory, OpenSearch as documents), so it stays plain JSON-able data: no Sets, no methods.
// Unknown stays representable: a boolean or list the provider left out stays undefined.
// It also carries the descriptions as one text for direct search (`searchText`), which the matcher
// never reads: the text travels with the candidate so a stream record alone is enough to index it.
import {
  CODED_FACT_FIELDS, HOUSING_FORM_FLAG_FIELDS, LOCATION_FLAG_FIELDS, codedFact, type CareProfile, type CodedFacts, type Community, type Culture, type DeliveryForm,
  type Facility, type FlagField, type HousingForm, type HousingFormFlagField, type HousingType, type Language,
  type Location, type LocationFlagField, type Organization, type SearchHit, type Sector, type TargetGroup,
  type WaitingList, type Worldview, waitingListConfirmedMs,
} from '../domain/index.ts';
import { type Point } from '../geo/distance.ts';

/** The yes/no facts the criteria read (criterion-registry.ts names them): left out stays undefined. */
export type CandidateFlags = { [F in FlagField]: boolean | undefined };

export interface MatchCandidate extends CandidateFlags, CodedFacts {
  /** `{locationId}:{housingFormId}`: unique, since location ids are global (a document id). */
  id: string;
  regionId: string;
  housingFormId: string;
  locationId: string;
  organizationId: string;
  name: string;
  /** The name as compared for ordering (see `sortName`); stored so OpenSearch sorts on the same key. */
  sortName: string;
  locationName: string;
  organizationName: string;
  city: string;
  /** The number to ask the provider on: the location's own, else its organisation's (shown, never matched on). */
  phone: string | undefined;
  point: Point;
  type: HousingType;
  sectors: readonly Sector[];
  careProfiles: readonly CareProfile[] | undefined;
  deliveryForms: readonly DeliveryForm[] | undefined;
  targetGroups: readonly TargetGroup[] | undefined;
  /** The housing form's own worldview, else its organisation's. */
  worldview: Worldview | undefined;
  cultures: readonly Culture[] | undefined;
  communities: readonly Community[] | undefined;
  languages: readonly Language[] | undefined;
  groupSize: number | undefined;
  /** Who may come (the admission ages). */
  minAge: number | undefined;
  maxAge: number | undefined;
  /** Who lives there (the residents' age group). */
  residentsMinAge: number | undefined;
  residentsMaxAge: number | undefined;
  /** A location fact. */
  facilities: readonly Facility[] | undefined;
  waitingList: WaitingList;
  /**
   * When the waiting list was confirmed (ms since the epoch, from `waitingList.updatedAt`): parsed
   * once here, so the scan compares a number per candidate instead of parsing a date per request,
   * and OpenSearch can compare the same number in a range clause.
   */
  waitingListConfirmedMs: number;
  /**
   * The descriptions of the housing form, its location and its organisation, for full text only.
   * Optional: a candidate stored before it existed lacks it (read as no text), and the engines
   * may leave it off the candidates they hand to the matcher.
   */
  searchText?: string;
}

/** What a candidate needs of its organisation: the store keeps exactly this beside a housing form. */
export type CandidateOrganization = Pick<Organization, 'id' | 'name' | 'worldview' | 'description' | 'phone'>;
/** What a candidate needs of its location (a stored location without housing forms fits too). */
export type CandidateLocation = Pick<Location, 'id' | 'name' | 'address' | 'phone' | 'description' | 'facilities' | LocationFlagField>;

/**
 * The yes/no facts of a housing form and of its location, every key written and in the registry's
 * order (so every candidate built or rebuilt has the same hidden class; see toCandidate).
 */
export function candidateFlags(
  housingForm: Partial<Record<HousingFormFlagField, boolean>>,
  location: Partial<Record<LocationFlagField, boolean>>,
): CandidateFlags {
  const flags = {} as Record<FlagField, boolean | undefined>;
  for (const field of HOUSING_FORM_FLAG_FIELDS) flags[field] = housingForm[field];
  for (const field of LOCATION_FLAG_FIELDS) flags[field] = location[field];
  return flags;
}

/**
 * The coded facts of a housing form, every key written and in the registry's order; a yes/no from
 * before a fact had codes (an older listing or stored record) is read as its code.
 */
export function candidateCodedFacts(housingForm: Readonly<Partial<Record<keyof CodedFacts, unknown>>>): CodedFacts {
  const facts = {} as Record<keyof CodedFacts, unknown>;
  for (const field of CODED_FACT_FIELDS) facts[field] = codedFact(field, housingForm[field]);
  return facts as CodedFacts;
}

/**
 * The name key for ordering: lower case, accents removed, compared by code unit. A fixed
 * comparator instead of a locale collation, because OpenSearch must sort the same way (a keyword
 * field holding this value) and ICU collations differ between runtimes.
 */
export function sortName(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

export function toCandidate(
  regionId: string,
  organization: CandidateOrganization,
  location: CandidateLocation,
  point: Point,
  hf: HousingForm,
): MatchCandidate {
  // Every key is written, in one order, even when undefined: all candidates then share one hidden
  // class and the matcher's property reads stay monomorphic (this matters at 50,000 candidates).
  return {
    id: `${location.id}:${hf.id}`,
    regionId,
    housingFormId: hf.id,
    locationId: location.id,
    organizationId: organization.id,
    name: hf.name,
    sortName: sortName(hf.name),
    locationName: location.name,
    organizationName: organization.name,
    city: location.address.city,
    phone: location.phone ?? organization.phone,
    point: { lat: point.lat, lon: point.lon },
    type: hf.type,
    sectors: hf.sectors,
    careProfiles: hf.careProfiles,
    deliveryForms: hf.deliveryForms,
    targetGroups: hf.targetGroups,
    worldview: hf.worldview ?? organization.worldview,
    cultures: hf.cultures,
    communities: hf.communities,
    languages: hf.languages,
    groupSize: hf.groupSize,
    minAge: hf.minAge,
    maxAge: hf.maxAge,
    residentsMinAge: hf.residentsMinAge,
    residentsMaxAge: hf.residentsMaxAge,
    facilities: location.facilities,
    ...candidateFlags(hf, location),
    ...candidateCodedFacts(hf),
    waitingList: hf.waitingList,
    waitingListConfirmedMs: waitingListConfirmedMs(hf.waitingList.updatedAt),
    searchText: searchText(hf.description, location.description, organization.description),
  };
}

/** The descriptions as one text, the housing form's own first; empty when none is given. */
function searchText(...descriptions: ReadonlyArray<string | undefined>): string {
  return descriptions.filter((text) => text !== undefined && text !== '').join('\n');
}

/** One candidate per housing form of a location; `point` is the location's resolved point. */
export function toCandidates(
  regionId: string,
  organization: CandidateOrganization,
  location: CandidateLocation & { housingForms: readonly HousingForm[] },
  point: Point,
): MatchCandidate[] {
  return location.housingForms.map((hf) => toCandidate(regionId, organization, location, point, hf));
}

/** What names a housing form in any answer (a match result, a search hit): ids, names, place, type. */
export type CandidateHeading = Omit<SearchHit, 'waitingList' | 'point'>;

/**
 * The heading as a new object with its keys in one order, phone last and only when known, so an
 * answer never carries `phone: undefined`. Callers add their own keys to it (below, and in
 * match.ts) rather than spreading it into a literal: on V8 a spread followed by more keys builds
 * the object on a slow path, which cost a match about a third of its time (70 results an answer).
 */
export function candidateHeading(c: MatchCandidate): CandidateHeading {
  const heading: CandidateHeading = {
    housingFormId: c.housingFormId,
    locationId: c.locationId,
    organizationId: c.organizationId,
    name: c.name,
    locationName: c.locationName,
    organizationName: c.organizationName,
    city: c.city,
    regionId: c.regionId,
    type: c.type,
  };
  if (c.phone !== undefined) heading.phone = c.phone;
  return heading;
}

/** A candidate as a direct-search hit: what both engines answer for it, copied (no shared objects). */
export function toSearchHit(c: MatchCandidate): SearchHit {
  const hit = candidateHeading(c) as SearchHit;
  hit.waitingList = { ...c.waitingList };
  hit.point = { lat: c.point.lat, lon: c.point.lon };
  return hit;
}
