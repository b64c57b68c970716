// The stored shapes of a listing's items, shared by the listing reader and writer. Keys come from
// keys.ts; each item also carries `type`, a content `hash` (to skip unchanged writes), `version`
// (see versioned-write.ts) and `updatedAt`.
import type { HousingForm, LocationSummary, Organization, StoredLocation } from '../../../shared/domain/index.ts';
import type { MatchCandidate } from '../../../shared/matching/index.ts';

interface Stored {
  hash: string;
  /** Absent on items stored before versions existed. */
  version?: number;
}

export interface OrganizationItem extends Stored {
  data: Organization;
  /** What the import reads to find the locations a new document no longer holds. */
  locationIds: string[];
}

export interface LocationItem extends Stored {
  organizationId: string;
  regionId: string;
  organizationName: string;
  data: StoredLocation;
  summary: Pick<LocationSummary, 'housingFormCount' | 'housingTypes' | 'waitingListStatuses'>;
}

/**
 * A housing form carries its search candidate (the housing form with what the matcher needs of its
 * location and organisation), so a stream record alone is enough to index it.
 */
export interface HousingFormItem extends Stored {
  organizationId: string;
  regionId: string;
  locationId: string;
  data: HousingForm;
  candidate: MatchCandidate;
}
