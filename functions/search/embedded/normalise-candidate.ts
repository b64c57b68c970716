// A candidate as read back from DynamoDB (or handed over by a caller) lacks the keys whose value
// was undefined: DynamoDB drops them. The matcher reads the same properties of every candidate in
// its hot loop, and V8 keeps those reads fast only while all candidates share one hidden class, so
// every candidate the embedded engine holds is rebuilt here with every key, in the order of
// `toCandidate` (a unit test pins that order). Rebuilding also detaches it from the caller's object.
// The one key left off is `searchText`: the descriptions go to the full-text index only, so the
// candidates the matcher scans stay as small as before.
import { waitingListConfirmedMs } from '../../../shared/domain/index.ts';
import { candidateCodedFacts, candidateFlags, sortName, type MatchCandidate } from '../../../shared/matching/index.ts';

export function normaliseCandidate(c: MatchCandidate): MatchCandidate {
  // Typed as MatchCandidate: a required key added to the candidate fails the type check here until
  // it is added below, in toCandidate's order (an optional one must be decided on by hand).
  const normalised: MatchCandidate = {
    id: c.id,
    regionId: c.regionId,
    housingFormId: c.housingFormId,
    locationId: c.locationId,
    organizationId: c.organizationId,
    name: c.name,
    // Recomputed when missing: a candidate from an older writer may lack it.
    sortName: c.sortName ?? sortName(c.name),
    locationName: c.locationName,
    organizationName: c.organizationName,
    city: c.city,
    // Absent on a candidate stored before it existed: read as no number until the next import.
    phone: c.phone,
    point: { lat: c.point.lat, lon: c.point.lon },
    type: c.type,
    sectors: c.sectors,
    careProfiles: c.careProfiles,
    deliveryForms: c.deliveryForms,
    targetGroups: c.targetGroups,
    worldview: c.worldview,
    cultures: c.cultures,
    communities: c.communities,
    languages: c.languages,
    groupSize: c.groupSize,
    minAge: c.minAge,
    maxAge: c.maxAge,
    // Absent on a candidate stored before the residents' ages existed: unknown.
    residentsMinAge: c.residentsMinAge,
    residentsMaxAge: c.residentsMaxAge,
    facilities: c.facilities,
    ...candidateFlags(c, c),
    // A candidate stored when day activities were yes/no still reads (true: on site).
    ...candidateCodedFacts(c),
    waitingList: c.waitingList,
    // Recomputed when missing, like sortName: a candidate stored before it existed lacks it.
    waitingListConfirmedMs: c.waitingListConfirmedMs ?? waitingListConfirmedMs(c.waitingList.updatedAt),
  };
  return normalised;
}
