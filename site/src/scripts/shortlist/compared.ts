// The shortlist against the person's wishes: one compare request for every favourite (the only
// thing these pages send), and the small readings of its answer that compare and report share.
import type { CompareRequestInput, CompareResponse } from '../../../../shared/domain/compare.ts';
import { wishRowsOf, type WishRow } from '../../../../shared/report/report-content.ts';
import { api, apiFetch, type ApiOutcome } from '../lib/api-fetch.ts';
import type { ShortlistEntry } from '../lib/browser-store.ts';
import type { CurrentWishes } from '../lib/current-wishes.ts';

export { outcomeOf, type WishRow } from '../../../../shared/report/report-content.ts';

export async function compareShortlist(
  regionId: string,
  entries: readonly ShortlistEntry[],
  wishes: CurrentWishes | undefined,
): Promise<ApiOutcome<CompareResponse>> {
  const request: CompareRequestInput = {
    regionId,
    criteria: wishes?.criteria ?? [],
    items: entries.map(({ locationId, housingFormId }) => ({ locationId, housingFormId })),
    ...(wishes?.postcode !== undefined ? { postcode: wishes.postcode } : {}),
    ...(wishes?.maxDistanceKm !== undefined ? { maxDistanceKm: wishes.maxDistanceKm } : {}),
  };
  return apiFetch((options) => api.compare.$post({ json: request }, options));
}

/** The wishes that count now (switched-off ones left out), with the distance limit last. */
export function wishRows(wishes: CurrentWishes | undefined): WishRow[] {
  return wishes ? wishRowsOf(wishes.criteria, wishes.maxDistanceKm) : [];
}

export const itemKey = (ref: { locationId: string; housingFormId: string }): string => `${ref.locationId}/${ref.housingFormId}`;

/** "About 4 km", whole kilometres, at least 1 (closer than that is not worth a decimal). */
export function roundKm(km: number): number {
  return Math.max(1, Math.round(km));
}
