// The compare answer: each chosen housing form loaded from the store and explained by the same
// plan a match uses, so its score and reasons are the ones the results page showed. Nothing is
// filtered out; what is gone is named in `missing`. A housing form of another region is explained
// like any other: a favourite found in a search across borders (scope `nearby` or `country`). `asOf` is the
// moment the reasons were judged at, so the pages judge "possibly outdated" by it too.
import type { CompareRequest, CompareResponse, ComparedItem, HousingFormRef, LocationDetail } from '../../shared/domain/index.ts';
import type { Point } from '../../shared/geo/distance.ts';
import { planMatch, toCandidate } from '../../shared/matching/index.ts';
import { UnknownRegionError } from '../search/embedded/unknown-region-error.ts';
import type { ListingReader } from '../store/listing-reader.ts';
import type { RegionReader } from '../store/region-store.ts';
import { locationSummary } from './location-summary.ts';

/** Throws UnknownRegionError when the region does not exist. */
export async function compareHousingForms(
  stores: { regions: Pick<RegionReader, 'getRegion'>; listings: Pick<ListingReader, 'getLocation'> },
  request: CompareRequest,
  asOf: Date,
  origin: Point | undefined,
): Promise<CompareResponse> {
  if (!(await stores.regions.getRegion(request.regionId))) throw new UnknownRegionError(request.regionId);
  const refs = uniqueRefs(request.items);
  const locationIds = [...new Set(refs.map((r) => r.locationId))];
  const loaded = await Promise.all(locationIds.map((id) => stores.listings.getLocation(id)));
  const locations = new Map<string, LocationDetail>();
  loaded.forEach((detail, i) => {
    if (detail) locations.set(locationIds[i] as string, detail);
  });

  const plan = planMatch(request, asOf, origin);
  const items: ComparedItem[] = [];
  const missing: HousingFormRef[] = [];
  for (const ref of refs) {
    const detail = locations.get(ref.locationId);
    const housingForm = detail?.housingForms.find((hf) => hf.id === ref.housingFormId);
    if (!detail || !housingForm) {
      missing.push(ref);
      continue;
    }
    const { location, organization } = detail;
    const candidate = toCandidate(location.regionId, organization, location, location.point, housingForm);
    items.push({ ...plan.explain(candidate), housingForm, location: locationSummary(detail) });
  }
  return { items, missing, asOf: asOf.toISOString() };
}

/** The same housing form asked twice is answered once, at its first place. */
function uniqueRefs(refs: readonly HousingFormRef[]): HousingFormRef[] {
  const seen = new Set<string>();
  return refs.filter((ref) => {
    const key = `${ref.locationId}:${ref.housingFormId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
