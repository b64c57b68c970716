// The parameters of the generated pages, from the API. Shared by the Dutch and English pages.
// A partial build (after a listing change) renders only the pages its scope names: see
// functions/site/page-scope.ts.
import { scoped, type ScopedPageKind } from '../../../functions/site/page-scope.ts';
import { hasEasyRead } from '../../../shared/questionnaire/easy-read.ts';
import { api, ApiError, listAllLocations, type ApiClient } from './api.ts';

export async function regionPaths(client: ApiClient = api) {
  const { regions } = await client.listRegions();
  return regions.map((region) => ({ params: { regionId: region.id } }));
}

/**
 * Whether a region has a questionnaire. A region may be configured before its questionnaire is
 * written: then the API answers 404, its questionnaire page is not built and nothing links to it.
 * Any other failure still fails the build.
 */
export async function hasQuestionnaire(regionId: string, client: ApiClient = api): Promise<boolean> {
  try {
    await client.getQuestionnaire(regionId);
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return false;
    throw error;
  }
}

/** The regions whose questionnaire page is built: those that have a questionnaire. */
export async function questionnaireRegionPaths(client: ApiClient = api) {
  const paths = await regionPaths(client);
  const present = await Promise.all(paths.map(({ params }) => hasQuestionnaire(params.regionId, client)));
  return paths.filter((_, i) => present[i]);
}

/**
 * The pages of one kind under a region's address that this build renders: `kind` names what
 * listing data the page shows (null: none, so a partial build leaves it alone).
 */
export async function regionPagePaths(kind: ScopedPageKind | null, client: ApiClient = api) {
  return scoped(await regionPaths(client), kind, (path) => path.params.regionId);
}

/** As regionPagePaths, for the pages that need the region's questionnaire. */
export async function questionnaireRegionPagePaths(kind: ScopedPageKind | null, client: ApiClient = api) {
  return scoped(await questionnaireRegionPaths(client), kind, (path) => path.params.regionId);
}

/**
 * The regions whose easy-read pages are built: those whose questionnaire has an easy-read text and
 * pictogram for every question and answer (a half easy-read path would strand a person midway).
 */
export async function easyReadRegionPaths(client: ApiClient = api) {
  const paths = await questionnaireRegionPaths(client);
  const ready = await Promise.all(paths.map(async ({ params }) => hasEasyRead((await client.getQuestionnaire(params.regionId)).questionnaire)));
  return paths.filter((_, i) => ready[i]);
}

/** Whether a region's easy-read pages are built (the header's switch leads there). */
export async function regionHasEasyRead(regionId: string, client: ApiClient = api): Promise<boolean> {
  return (await easyReadRegionPaths(client)).some(({ params }) => params.regionId === regionId);
}

/** The easy-read pages' paths: they show no listing data, so a partial build leaves them alone. */
export async function easyReadRegionPagePaths(client: ApiClient = api) {
  return scoped(await easyReadRegionPaths(client), null, (path) => path.params.regionId);
}

export async function locationPaths(client: ApiClient = api) {
  const locations = await listAllLocations(client);
  // A location page's address holds only the location id, so two regions must not share one.
  const seen = new Map<string, string>();
  for (const location of locations) {
    const other = seen.get(location.id);
    if (other !== undefined) {
      throw new Error(`Location id "${location.id}" is used in region ${other} and in region ${location.regionId}; location pages need unique ids.`);
    }
    seen.set(location.id, location.regionId);
  }
  return scoped(locations.map((location) => ({ params: { locationId: location.id } })), 'location', (path) => path.params.locationId);
}

/**
 * The easy-read location pages: those of the locations in a region with easy read. They show the
 * location's listing, so a partial build renders them as it renders the ordinary location pages.
 */
export async function easyReadLocationPaths(client: ApiClient = api) {
  const [locations, regions] = await Promise.all([listAllLocations(client), easyReadRegionPaths(client)]);
  const easy = new Set(regions.map(({ params }) => params.regionId));
  const inEasyRegion = new Set(locations.filter((location) => easy.has(location.regionId)).map((location) => location.id));
  return (await locationPaths(client)).filter(({ params }) => inEasyRegion.has(params.locationId));
}
