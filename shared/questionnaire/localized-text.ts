// Text shown to people, always in both interface languages: Dutch first, English second.
// Both are required so that switching the site's language never leaves a question blank.
import * as z from 'zod';

/** A user-facing text in Dutch and English, both trimmed and non-empty, each at most `max` characters. */
export const localizedText = (max: number) =>
  z.strictObject({
    nl: z.string().trim().min(1, { message: 'Give the Dutch text.' }).max(max),
    en: z.string().trim().min(1, { message: 'Give the English text.' }).max(max),
  });

/** The general form; the questionnaire schema uses tighter limits per place (question, help, intro). */
export const LocalizedText = localizedText(2000);
export type LocalizedText = z.infer<typeof LocalizedText>;
