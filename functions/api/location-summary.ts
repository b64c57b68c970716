// A location as a list names it (LocationSummary), made from a loaded location: the compare answer
// carries the same shape as the region's location list, so the site draws both alike.
import type { LocationDetail, LocationSummary } from '../../shared/domain/index.ts';

const unique = <T>(xs: Iterable<T>): T[] => [...new Set(xs)];

export function locationSummary({ location, organization, housingForms }: LocationDetail): LocationSummary {
  return {
    id: location.id,
    name: location.name,
    regionId: location.regionId,
    organizationId: location.organizationId,
    organizationName: organization.name,
    address: location.address,
    point: location.point,
    housingFormCount: housingForms.length,
    housingTypes: unique(housingForms.map((f) => f.type)),
    waitingListStatuses: unique(housingForms.map((f) => f.waitingList.status)),
  };
}
