// The shapes of a shared report that both sides of a share use: the report's content as stored at
// the moment of sharing (shared/report/report-content.ts), the provider's structured answer and the
// answer history. The supporter's routes (supporter/shares.ts) and the provider's inbox
// (provider/inbox.ts) describe them alike in the OpenAPI document.
import * as z from 'zod';
import { isCalendarDate } from '../../../shared/domain/index.ts';

const Person = z.object({ accountId: z.string(), name: z.string() });

export const ReportContentSchema = z.object({
  locale: z.enum(['nl', 'en']),
  filledBy: z.string().optional().describe('Who filled the questions in, in words.'),
  wishes: z.array(z.object({ importance: z.enum(['must', 'important', 'nice']), items: z.array(z.string()) })).describe('The wishes in words, by importance.'),
  place: z.object({ postcode: z.string(), maxDistanceKm: z.number().optional() }).optional(),
  situation: z.array(z.object({ question: z.string(), answer: z.string() })).describe('"Over de situatie": choices that are not wishes.'),
  ownWords: z.array(z.object({ question: z.string(), answer: z.string() })).describe('"In eigen woorden": the free-text answers.'),
  shortlist: z.array(z.object({
    locationId: z.string(),
    housingFormId: z.string(),
    name: z.string(),
    locationName: z.string(),
    city: z.string(),
    organizationName: z.string(),
    distanceKm: z.number().optional(),
    fits: z.array(z.string()),
    doesNotFit: z.array(z.string()),
    askProvider: z.array(z.string()).describe('What is unknown, as questions to the provider.'),
  })),
}).describe('The report as it was at the moment of sharing.');

export const NO_FIT_REASON_MAX = 1000;

export const ShareResponseSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('meet').describe('"We willen graag kennismaken."') }),
  z.strictObject({
    kind: z.literal('place-from'),
    date: z.string().refine(isCalendarDate, { message: 'Vul de datum in als jaar-maand-dag, bijvoorbeeld 2027-02-01.' })
      .describe('The first day a place is free (YYYY-MM-DD).'),
  }),
  z.strictObject({
    kind: z.literal('no-fit'),
    reason: z.string().trim().min(1, { message: 'Schrijf kort waarom het niet past.' })
      .max(NO_FIT_REASON_MAX, { message: `Gebruik hoogstens ${NO_FIT_REASON_MAX} tekens.` }),
  }),
]);

export const ShareAnswerSchema = z.object({ at: z.string(), by: Person, response: ShareResponseSchema });
export const ShareAnswersSchema = z.array(ShareAnswerSchema).describe('Every answer, oldest first; the last one counts.');
