// Checking a region's questionnaire document: either the parsed questionnaire or every problem
// with its dotted path ("themes.2.questions.0.options.1.criteria.0.value"), so a coordinator
// editing the data sees all mistakes at once.
import { toFieldErrors, type FieldError } from '../domain/index.ts';
import { QuestionnaireSchema, type Questionnaire } from './schema.ts';

export type QuestionnaireValidation =
  | { ok: true; questionnaire: Questionnaire }
  | { ok: false; errors: FieldError[] };

export function validateQuestionnaire(raw: unknown): QuestionnaireValidation {
  const parsed = QuestionnaireSchema.safeParse(raw);
  return parsed.success ? { ok: true, questionnaire: parsed.data } : { ok: false, errors: toFieldErrors(parsed.error) };
}
