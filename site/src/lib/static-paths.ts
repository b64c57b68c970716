// The parameters of the generated pages, from the API. Shared by the Dutch and English pages.
import { api, listAllLocations } from './api.ts';

export async function regionPaths() {
  const { regions } = await api.listRegions();
  return regions.map((region) => ({ params: { regionId: region.id } }));
}

export async function locationPaths() {
  const locations = await listAllLocations();
  // A location page's address holds only the location id, so two regions must not share one.
  const seen = new Map<string, string>();
  for (const location of locations) {
    const other = seen.get(location.id);
    if (other !== undefined) {
      throw new Error(`Location id "${location.id}" is used in region ${other} and in region ${location.regionId}; location pages need unique ids.`);
    }
    seen.set(location.id, location.regionId);
  }
  return locations.map((location) => ({ params: { locationId: location.id } }));
}
