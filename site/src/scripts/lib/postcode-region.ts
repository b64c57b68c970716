// Where a person's postcode lies when that is not the page's region, for the questionnaire's
// postcode question and the results page alike: "Postcode 1012 ligt in de gemeente Amsterdam. Die
// hoort bij de regio Amsterdam." and then either a link to that region's questions (when this site
// serves it) or plainly "Voor Amsterdam hebben we nog geen overzicht.". The link is the other
// region's questionnaire address only: nothing of the person's answers goes into a URL.
// The facts come from GET /api/postcodes/{postcode}; the served regions and texts from the build.
import type { PostcodeAnswer } from '../../../../shared/domain/compare.ts';
import type { Messages } from '../../../../shared/i18n/nl.ts';
import { fill } from '../shortlist/dom.ts';

/** Another region of this site, with its questionnaire's address. */
export interface ServedRegion {
  name: string;
  questionnaire: string;
}

/** What a page hands this module at build time. */
export interface PostcodeRegionData {
  /** The page's own care-office region (ZKxx). */
  careOfficeRegionCode: string;
  /** The page's region's name ("Zuid-Limburg"). */
  regionName: string;
  /** The other regions this site has a questionnaire for, by care-office region code. */
  served: Record<string, ServedRegion>;
  texts: Messages['postcodeRegion'];
}

export type PlaceFacts = Pick<PostcodeAnswer, 'postcode' | 'careOfficeRegionCode' | 'careOfficeRegionName' | 'municipality'>;

/** The other care-office region a postcode lies in; undefined when it is the page's own or not known. */
export function otherRegionOf(place: PlaceFacts, data: Pick<PostcodeRegionData, 'careOfficeRegionCode'>): { code: string; name: string } | undefined {
  const { careOfficeRegionCode: code, careOfficeRegionName: name } = place;
  if (code === undefined || name === undefined || code === data.careOfficeRegionCode) return undefined;
  return { code, name };
}

/**
 * The note's parts, in order (sentences and at most one link), when the postcode lies in another
 * care-office region; undefined when it lies in the page's own or the API could not say.
 * A function of nodes, not one element, so a page can show it in two places.
 */
export function otherRegionNote(place: PlaceFacts, data: PostcodeRegionData): Array<string | HTMLAnchorElement> | undefined {
  const other = otherRegionOf(place, data);
  if (!other) return undefined;
  const m = data.texts;
  const values = { postcode: place.postcode, careOfficeRegion: other.name, municipality: place.municipality?.name ?? '' };
  const lies = fill(place.municipality ? m.liesIn : m.liesInRegion, values);
  const served = Object.hasOwn(data.served, other.code) ? data.served[other.code] : undefined;
  if (!served) return [`${lies} ${fill(m.notServed, values)}`];
  const link = document.createElement('a');
  link.href = served.questionnaire;
  link.textContent = fill(m.servedLink, { region: served.name });
  return [`${lies} ${fill(m.served, { region: served.name })} `, link, '.'];
}
