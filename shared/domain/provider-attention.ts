// What a provider's listing needs attention for, most urgent first: a waiting list nobody
// confirmed for over 30 days (stale data is what kills directories), the criterion facts left
// unknown (each makes a match say "ask the provider"), no description, and for a location no
// photo. Pure: the portal's overview shows it and the provider API answers it; `now` comes from
// the one clock. Which facts count is read from the criterion registry, so a new criterion shows
// up here without an edit.
import * as z from 'zod';
import { CRITERIA, CRITERION_NAMES, type CriterionRead } from './criterion-registry.ts';
import { HousingFormSchema, LocationSchema, type HousingForm, type Location, type Organization } from './listing.ts';
import type { Photo } from './photos.ts';
import { isWaitingListStale, waitingListConfirmedMs } from './waiting-list-age.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export const AttentionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('waiting-list-stale'), days: z.number().int().describe('Days since the waiting list was last confirmed.') }),
  z.object({ kind: z.literal('unknown-fields'), fields: z.array(z.string()).describe('The fields left out, named as in the listing schema.') }),
  z.object({ kind: z.literal('no-description') }),
  z.object({ kind: z.literal('no-photo') }),
]);
export type Attention = z.infer<typeof AttentionSchema>;

/** The fields a criterion reads, when a listing may leave them out (the always-known ones never count). */
export function optionalFieldsOf(read: CriterionRead): string[] {
  switch (read.read) {
    case 'list':
    case 'flag':
    case 'codeIn':
    case 'atMost':
    case 'listHas':
      return [read.field];
    case 'code':
      return read.alwaysKnown ? [] : [read.field];
    case 'range':
      return [read.min, read.max];
    case 'waitingList':
      return [];
  }
}

const housingFormKeys = new Set(Object.keys(HousingFormSchema.shape));
const locationKeys = new Set(Object.keys(LocationSchema.shape));
/** Each criterion's optional fields, grouped as the matcher reads them (a range is unknown only without both bounds). */
const criterionFields = [
  // Two criteria may read one field (day activities, and on site only): it is one fact to give.
  ...new Map(CRITERION_NAMES.map((name) => optionalFieldsOf(CRITERIA[name].reads)).filter((fields) => fields.length > 0)
    .map((fields) => [fields.join(), fields])).values(),
];
const housingFormCriteria = criterionFields.filter((fields) => fields.every((f) => housingFormKeys.has(f)));
const locationCriteria = criterionFields.filter((fields) => fields.every((f) => locationKeys.has(f) && !housingFormKeys.has(f)));

function unknownFields(record: Readonly<Record<string, unknown>>, criteria: string[][], alsoKnown: (field: string) => boolean = () => false): string[] {
  return criteria.filter((fields) => fields.every((f) => record[f] === undefined && !alsoKnown(f))).flat();
}

/** Whole days since a waiting list was confirmed (0 for a date in the future), counted as the matcher counts its age. */
export function daysSinceConfirmed(updatedAt: string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - waitingListConfirmedMs(updatedAt)) / DAY_MS));
}

export function attentionOfHousingForm(form: HousingForm, organization: Pick<Organization, 'worldview'>, now: Date): Attention[] {
  const attention: Attention[] = [];
  // The matcher's own rule, so what the portal flags is exactly what no longer counts in a match.
  if (isWaitingListStale(form.waitingList.updatedAt, now)) {
    attention.push({ kind: 'waiting-list-stale', days: daysSinceConfirmed(form.waitingList.updatedAt, now) });
  }
  // A housing form without a worldview of its own has its organisation's (as the matcher reads it).
  const fields = unknownFields(form, housingFormCriteria, (f) => f === 'worldview' && organization.worldview !== undefined);
  if (fields.length > 0) attention.push({ kind: 'unknown-fields', fields });
  if (!form.description) attention.push({ kind: 'no-description' });
  return attention;
}

/** `photos` is the stored location's (absent on one that never had any). */
export function attentionOfLocation(location: Omit<Location, 'housingForms'> & { photos?: readonly Photo[] | undefined }): Attention[] {
  const attention: Attention[] = [];
  const fields = unknownFields(location, locationCriteria);
  if (fields.length > 0) attention.push({ kind: 'unknown-fields', fields });
  if (!location.description) attention.push({ kind: 'no-description' });
  if (!location.photos?.length) attention.push({ kind: 'no-photo' });
  return attention;
}
