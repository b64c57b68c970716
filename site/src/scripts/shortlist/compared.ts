// The shortlist against the person's wishes: one compare request for every favourite (the only
// thing these pages send), and the small readings of its answer that compare and report share.
import type { CompareRequestInput, CompareResponse, ComparedItem } from '../../../../shared/domain/compare.ts';
import type { Criterion, Outcome, Reason } from '../../../../shared/domain/criteria.ts';
import { api, apiFetch, type ApiOutcome } from '../lib/api-fetch.ts';
import type { ShortlistEntry } from '../lib/browser-store.ts';
import type { CurrentWishes } from '../lib/current-wishes.ts';

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

/** A wish row of the comparison: a criterion, or the distance limit. */
export interface WishRow {
  criterion: Reason['criterion'];
  value?: string | number;
  importance: Criterion['importance'];
}

/** The wishes that count now (switched-off ones left out), with the distance limit last. */
export function wishRows(wishes: CurrentWishes | undefined): WishRow[] {
  if (!wishes) return [];
  const rows: WishRow[] = wishes.criteria.map((c) => ({ criterion: c.criterion, importance: c.importance, ...('value' in c ? { value: c.value } : {}) }));
  // The matcher treats a maximum distance as a must.
  if (wishes.maxDistanceKm !== undefined) rows.push({ criterion: 'distance', value: wishes.maxDistanceKm, importance: 'must' });
  return rows;
}

/** How one housing form answers one wish; a wish the answer does not mention is unknown. */
export function outcomeOf(item: ComparedItem, row: WishRow): Outcome {
  const reason = item.reasons.find((r) => r.criterion === row.criterion && (row.criterion === 'distance' || r.value === row.value));
  return reason?.outcome ?? 'unknown';
}


export const itemKey = (ref: { locationId: string; housingFormId: string }): string => `${ref.locationId}/${ref.housingFormId}`;

/** "About 4 km", whole kilometres, at least 1 (closer than that is not worth a decimal). */
export function roundKm(km: number): number {
  return Math.max(1, Math.round(km));
}
