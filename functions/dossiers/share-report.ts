// The report a share carries: the same content as the citizen's "my report" (answers in plain
// words, the shortlist compared against them with reasons, "about me in my own words"), built from
// a dossier's newest saved answers and its shortlist. The share route and the demonstration seed
// both build it here, so the provider always reads one format; and the short reference a share is
// named by on the phone.
import { randomInt } from 'node:crypto';
import { MAX_COMPARED, type ComparedItem } from '../../shared/domain/index.ts';
import { answersToCriteria } from '../../shared/questionnaire/index.ts';
import { buildReportContent, type ReportContent } from '../../shared/report/report-content.ts';
import { compareHousingForms } from '../api/compare-housing-forms.ts';
import { geocodePlace } from '../api/geocode.ts';
import type { ShareSource } from '../store/dossier-store.ts';
import type { ListingReader } from '../store/listing-reader.ts';
import type { RegionReader } from '../store/region-store.ts';

/** A reference to name on the phone: no letters that read alike (0/O, 1/I/L). */
const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export function newShareReference(): string {
  return `WW-${Array.from({ length: 6 }, () => REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)]).join('')}`;
}

export interface ShareReportDeps {
  regions: Pick<RegionReader, 'getQuestionnaire' | 'getRegion'>;
  listings: Pick<ListingReader, 'getLocation'>;
}

/** The report as the citizen's "my report" shows it, from the dossier's newest answers and shortlist; the supporter's notes stay out. */
export async function buildShareReport(deps: ShareReportDeps, source: Pick<ShareSource, 'dossier' | 'shortlist' | 'latestAnswers'>, now: Date): Promise<ReportContent> {
  const { regionId } = source.dossier;
  const questionnaire = await deps.regions.getQuestionnaire(regionId);
  const answers = source.latestAnswers?.answers ?? {};
  const converted = questionnaire ? answersToCriteria(questionnaire, answers) : { criteria: [], postcode: undefined, maxDistanceKm: undefined };
  const refs = source.shortlist.entries.map(({ locationId, housingFormId }) => ({ locationId, housingFormId }));
  const compared: ComparedItem[] = [];
  const origin = geocodePlace(converted.postcode);
  // The compare rules take at most MAX_COMPARED at once; a shortlist may hold more.
  for (let i = 0; i < refs.length; i += MAX_COMPARED) {
    const request = {
      regionId,
      criteria: converted.criteria,
      items: refs.slice(i, i + MAX_COMPARED),
      ...(converted.postcode !== undefined ? { postcode: converted.postcode } : {}),
      ...(converted.maxDistanceKm !== undefined ? { maxDistanceKm: converted.maxDistanceKm } : {}),
    };
    compared.push(...(await compareHousingForms(deps, request, now, origin)).items);
  }
  return buildReportContent({
    locale: 'nl',
    questionnaire,
    answers,
    criteria: converted.criteria,
    postcode: converted.postcode,
    maxDistanceKm: converted.maxDistanceKm,
    compared,
  });
}
