// What a page hands lib/postcode-region.ts (the client module that says where a postcode lies):
// the page's own care-office region and the other regions of this site that have a questionnaire,
// by care-office region code, so a postcode in one of them gets a link to its questions.
import { t, type Locale } from '../../../shared/i18n/index.ts';
import type { PostcodeRegionData, ServedRegion } from '../scripts/lib/postcode-region.ts';
import { api, type ApiClient } from './api.ts';
import { pathTo } from './routes.ts';
import { questionnaireRegionPaths } from './static-paths.ts';

export async function postcodeRegionData(locale: Locale, regionId: string, client: ApiClient = api): Promise<PostcodeRegionData> {
  const paths = await questionnaireRegionPaths(client);
  const regions = await Promise.all(paths.map(({ params }) => client.getRegion(params.regionId)));
  const own = regions.find(({ region }) => region.id === regionId)?.region ?? (await client.getRegion(regionId)).region;
  const served: Record<string, ServedRegion> = {};
  for (const { region } of regions) {
    if (region.id === regionId) continue;
    served[region.careOfficeRegionCode] = { name: region.name, questionnaire: pathTo(locale, { page: 'questionnaire', regionId: region.id }) };
  }
  return { careOfficeRegionCode: own.careOfficeRegionCode, regionName: own.name, served, texts: t(locale).postcodeRegion };
}
