// The clarification questionnaire ("vraagverheldering") as data: one versioned questionnaire per
// region, so a region's coordinator can change questions and texts without a code change.
// Every question may be skipped: there is deliberately no 'required' flag. Only the criteria that
// answers map to reach the matcher; everything else (hobbies, near whom) goes to the report only.
import * as z from 'zod';
import {
  CRITERION_NAMES, CriterionSchema, FLAG_CRITERIA, IMPORTANCES, MatchRequestSchema, NUMBER_CRITERIA,
  SINGLE_VALUED_CRITERIA, Slug, isFlagCriterion, type NumberCriterionName,
} from '../domain/index.ts';
import { localizedText } from './localized-text.ts';

/**
 * A criterion an option maps to, without importance (the importance comes from the person's
 * answer or the question's default). Checked against the domain's CriterionSchema, so a typo'd
 * code in a region's data fails validation with its path instead of never matching.
 */
export const MappedCriterionSchema = z
  .strictObject({
    criterion: z.enum(CRITERION_NAMES),
    value: z.union([z.string(), z.number()]).optional(),
    /**
     * For a number criterion: the value is the answer to this number question of the same
     * questionnaire ("people of about my age" takes the age given earlier), instead of a fixed value.
     */
    valueFrom: Slug.optional(),
  })
  .superRefine((mapped, ctx) => {
    if (isFlagCriterion(mapped.criterion)) {
      for (const key of ['value', 'valueFrom'] as const) {
        if (mapped[key] !== undefined) {
          ctx.addIssue({ code: 'custom', path: [key], message: `"${mapped.criterion}" is a yes/no criterion: leave out the ${key}.` });
        }
      }
      return;
    }
    if (mapped.valueFrom !== undefined) {
      if (mapped.value !== undefined) ctx.addIssue({ code: 'custom', path: ['value'], message: 'Give either a value or valueFrom, not both.' });
      if (!(NUMBER_CRITERIA as readonly string[]).includes(mapped.criterion)) {
        ctx.addIssue({ code: 'custom', path: ['valueFrom'], message: `"${mapped.criterion}" takes a code: only a number criterion can take its value from a number question.` });
      }
      // Whether the question exists and its numbers fit is checked across the questionnaire.
      return;
    }
    if (mapped.value === undefined) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `"${mapped.criterion}" needs a value.` });
      return;
    }
    // Any importance will do: only the criterion and its value are checked here.
    const checked = CriterionSchema.safeParse({ ...mapped, importance: 'must' });
    if (!checked.success) {
      for (const issue of checked.error.issues) ctx.addIssue({ code: 'custom', path: [...issue.path], message: issue.message });
    }
  });
export type MappedCriterion = z.infer<typeof MappedCriterionSchema>;

/**
 * An OpenMoji pictogram by its hexcode as OpenMoji names its files ("1F3E0", "1F9D1-200D-1F9BD"):
 * the site copies node_modules/openmoji/color/svg/{hexcode}.svg for each one used.
 */
export const PictogramSchema = z.string().regex(/^[0-9A-F]{4,5}(-[0-9A-F]{4,5})*$/, 'Give an OpenMoji hexcode in capitals, e.g. "1F3E0".');

/**
 * The "makkelijk lezen" (easy-read) version of a question or an answer: short sentences written by
 * hand for people with a mild intellectual disability, and a pictogram. It lives beside the B1 text
 * so a coordinator's questionnaire carries its own; the easy-read pages are built only for a
 * questionnaire that has one everywhere (hasEasyRead), and a test holds the sentence length.
 */
export const EasyReadSchema = z.strictObject({
  text: localizedText(200),
  pictogram: PictogramSchema,
});
export type EasyRead = z.infer<typeof EasyReadSchema>;

/**
 * An option that means "I don't know" says so instead of a text of its own: the easy-read pages
 * show their one "Weet ik niet" answer in its place, so nobody sees two.
 */
export const DONT_KNOW = 'dont-know';

/** What every question has: a stable id, the question, and why we ask it (B1, both languages). */
const questionBase = {
  /** Unique in the questionnaire; answers in a person's browser are keyed by it, so never reuse one. */
  id: Slug,
  text: localizedText(300),
  /** "Why we ask this": one or two short sentences. */
  help: localizedText(600),
  /** For the region's coordinator: why the question is set up this way. Never shown to the person. */
  note: z.string().trim().min(1).max(1500).optional(),
  easyRead: EasyReadSchema.optional(),
};

/** For questions that express a wish: may the person say how much it matters, and what if not. */
const importanceFields = {
  asksImportance: z.boolean(),
  defaultImportance: z.enum(IMPORTANCES),
  /**
   * The answer follows from the person's situation even though its importance is asked (someone
   * always nearby, the group one belongs to): the results show it with the other facts of the
   * situation, not among the wishes the person chose. Questions that do not ask importance are
   * facts anyway.
   */
  situation: z.boolean().optional(),
};

export const ChoiceOptionSchema = z.strictObject({
  id: Slug,
  text: localizedText(200),
  /** A plain explanation under the option, e.g. what 'vpt' means. */
  explanation: localizedText(500).optional(),
  criteria: z.array(MappedCriterionSchema).max(5).optional(),
  easyRead: z.union([EasyReadSchema, z.literal(DONT_KNOW)]).optional(),
});
export type ChoiceOption = z.infer<typeof ChoiceOptionSchema>;

const criterionKey = (c: MappedCriterion): string => `${c.criterion}=${c.value ?? ''}`;

/**
 * Option ids are unique within their question; an option does not name the same criterion twice;
 * and a question that asks how much it matters has something to weigh.
 */
function checkOptions({ options, asksImportance }: { options: readonly ChoiceOption[]; asksImportance: boolean }, ctx: z.RefinementCtx): void {
  // "I don't know" is never held against the person, so it cannot add a criterion; and one is enough.
  let dontKnow: number | undefined;
  options.forEach((option, i) => {
    if (option.easyRead !== DONT_KNOW) return;
    if ((option.criteria ?? []).length > 0) {
      ctx.addIssue({ code: 'custom', path: ['options', i, 'easyRead'], message: 'An "I don\'t know" option adds no criterion.' });
    }
    if (dontKnow !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['options', i, 'easyRead'], message: `Option ${dontKnow} is already the "I don't know" option.` });
    }
    dontKnow ??= i;
  });
  if (asksImportance && options.every((option) => (option.criteria ?? []).length === 0)) {
    ctx.addIssue({ code: 'custom', path: ['asksImportance'], message: 'No option maps to a criterion, so there is no importance to ask.' });
  }
  const firstById = new Map<string, number>();
  options.forEach((option, i) => {
    const first = firstById.get(option.id);
    if (first !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['options', i, 'id'], message: `Option id "${option.id}" is already used by option ${first}.` });
    } else {
      firstById.set(option.id, i);
    }
    const keys = new Set<string>();
    (option.criteria ?? []).forEach((c, j) => {
      const key = criterionKey(c);
      if (keys.has(key)) ctx.addIssue({ code: 'custom', path: ['options', i, 'criteria', j], message: 'This criterion appears twice in the option.' });
      keys.add(key);
    });
  });
}

export const SingleChoiceQuestionSchema = z
  .strictObject({
    kind: z.literal('single-choice'),
    ...questionBase,
    ...importanceFields,
    options: z.array(ChoiceOptionSchema).min(2).max(30),
  })
  .superRefine((q, ctx) => checkOptions(q, ctx));

export const MultiChoiceQuestionSchema = z
  .strictObject({
    kind: z.literal('multi-choice'),
    ...questionBase,
    ...importanceFields,
    options: z.array(ChoiceOptionSchema).min(2).max(30),
  })
  .superRefine((q, ctx) => {
    checkOptions(q, ctx);
    q.options.forEach((option, i) =>
      (option.criteria ?? []).forEach((c, j) => {
        if ((SINGLE_VALUED_CRITERIA as readonly string[]).includes(c.criterion)) {
          ctx.addIssue({
            code: 'custom',
            path: ['options', i, 'criteria', j, 'criterion'],
            message: `A housing form has one "${c.criterion}": ask for it in a single-choice question, since two answers as "must" would exclude everything.`,
          });
        }
      }),
    );
  });

/** A wish such as "a garden": answering yes adds its flag criterion; no (or skipping) adds nothing. */
export const YesNoWishQuestionSchema = z.strictObject({
  kind: z.literal('yes-no-wish'),
  ...questionBase,
  ...importanceFields,
  criterion: z.enum(FLAG_CRITERIA),
});

/** A whole number, such as the person's age; the criterion gets the number as its value. */
export const NumberQuestionSchema = z
  .strictObject({
    kind: z.literal('number'),
    ...questionBase,
    ...importanceFields,
    criterion: z.enum(NUMBER_CRITERIA as readonly NumberCriterionName[] as [NumberCriterionName, ...NumberCriterionName[]]),
    min: z.number().int(),
    max: z.number().int(),
    /** Shown after the input, e.g. "jaar" / "years". */
    unit: localizedText(40).optional(),
  })
  .superRefine((q, ctx) => {
    if (q.min > q.max) ctx.addIssue({ code: 'custom', path: ['max'], message: 'max must be at least min.' });
    // Every number the question accepts must be a valid value of its criterion.
    for (const bound of ['min', 'max'] as const) {
      const checked = CriterionSchema.safeParse({ criterion: q.criterion, importance: 'must', value: q[bound] });
      if (!checked.success) {
        ctx.addIssue({ code: 'custom', path: [bound], message: `${q[bound]} is not a valid "${q.criterion}": ${checked.error.issues[0]?.message ?? ''}` });
      }
    }
  });

/** A distance the person can pick; `km: null` is "no limit" (no maxDistanceKm is sent). */
export const DistanceOptionSchema = z.strictObject({
  id: Slug,
  km: z.number().nullable(),
  text: localizedText(80),
  easyRead: EasyReadSchema.optional(),
});
export type DistanceOption = z.infer<typeof DistanceOptionSchema>;

/** Where to search from: a postcode and a maximum distance; feeds MatchRequest.postcode / maxDistanceKm. */
export const PlaceQuestionSchema = z
  .strictObject({
    kind: z.literal('place'),
    ...questionBase,
    distanceOptions: z.array(DistanceOptionSchema).min(1).max(10),
    /** The postcode the hints and errors give as an example: one in the region, so nobody is sent elsewhere. */
    postcodeExample: z.string().regex(/^[1-9][0-9]{3} [A-Z]{2}$/, 'Write the example as 4 digits, a space and 2 capitals, e.g. "3011 AB".'),
  })
  .superRefine((q, ctx) => {
    const ids = new Set<string>();
    const kms = new Set<number | null>();
    q.distanceOptions.forEach((option, i) => {
      if (ids.has(option.id)) ctx.addIssue({ code: 'custom', path: ['distanceOptions', i, 'id'], message: `Distance option id "${option.id}" is used twice.` });
      if (kms.has(option.km)) ctx.addIssue({ code: 'custom', path: ['distanceOptions', i, 'km'], message: 'This distance is offered twice.' });
      ids.add(option.id);
      kms.add(option.km);
      // The same bounds as the match request, so every offered distance can be sent.
      if (option.km !== null && !MatchRequestSchema.shape.maxDistanceKm.safeParse(option.km).success) {
        ctx.addIssue({ code: 'custom', path: ['distanceOptions', i, 'km'], message: 'A distance is more than 0 and at most 300 km (or null for no limit).' });
      }
    });
  });

/** Free text for the person's report; it never reaches the matcher. */
export const FreeTextQuestionSchema = z.strictObject({
  kind: z.literal('free-text'),
  ...questionBase,
  maxLength: z.number().int().min(1).max(4000),
});

export const QuestionSchema = z.discriminatedUnion('kind', [
  SingleChoiceQuestionSchema,
  MultiChoiceQuestionSchema,
  YesNoWishQuestionSchema,
  NumberQuestionSchema,
  PlaceQuestionSchema,
  FreeTextQuestionSchema,
]);
export type Question = z.infer<typeof QuestionSchema>;
export type QuestionKind = Question['kind'];
export type SingleChoiceQuestion = z.infer<typeof SingleChoiceQuestionSchema>;
export type MultiChoiceQuestion = z.infer<typeof MultiChoiceQuestionSchema>;
export type ChoiceQuestion = SingleChoiceQuestion | MultiChoiceQuestion;
export type YesNoWishQuestion = z.infer<typeof YesNoWishQuestionSchema>;
export type NumberQuestion = z.infer<typeof NumberQuestionSchema>;
export type PlaceQuestion = z.infer<typeof PlaceQuestionSchema>;
export type FreeTextQuestion = z.infer<typeof FreeTextQuestionSchema>;

/** One step of the questionnaire on the site. */
export const ThemeSchema = z.strictObject({
  id: Slug,
  title: localizedText(120),
  intro: localizedText(600).optional(),
  questions: z.array(QuestionSchema).min(1).max(30),
});
export type Theme = z.infer<typeof ThemeSchema>;

export const QuestionnaireSchema = z
  .strictObject({
    id: Slug,
    regionId: Slug,
    /** Raised whenever questions change; answers kept in a browser name the version they were given for. */
    version: z.number().int().min(1),
    publishedAt: z.iso.date({ message: 'Use a date like 2026-11-23.' }),
    title: localizedText(120),
    intro: localizedText(1500),
    note: z.string().trim().min(1).max(3000).optional(),
    themes: z.array(ThemeSchema).min(1).max(20),
  })
  // Runs even when questions have other mistakes, so a coordinator sees duplicate ids in the same
  // pass; hence it reads the document defensively instead of trusting the parsed shape.
  .superRefine((questionnaire, ctx) => checkAcrossQuestions(questionnaire, ctx), { when: () => true })
  .superRefine((questionnaire, ctx) => checkValueSources(questionnaire, ctx));
export type Questionnaire = z.infer<typeof QuestionnaireSchema>;

/**
 * Every `valueFrom` names a number question of this questionnaire, and every number that question
 * accepts is a valid value of the criterion that takes it (so no answer can make a bad request).
 */
function checkValueSources(questionnaire: { themes: readonly Theme[] }, ctx: z.RefinementCtx): void {
  const numberQuestions = new Map(questionnaire.themes.flatMap((theme) => theme.questions)
    .flatMap((q) => (q.kind === 'number' ? [[q.id, q] as const] : [])));
  questionnaire.themes.forEach((theme, t) => theme.questions.forEach((question, q) => {
    if (question.kind !== 'single-choice' && question.kind !== 'multi-choice') return;
    question.options.forEach((option, o) => (option.criteria ?? []).forEach((mapped, c) => {
      // A value taken by a criterion that cannot take one is reported by the mapping itself.
      if (mapped.valueFrom === undefined || !(NUMBER_CRITERIA as readonly string[]).includes(mapped.criterion)) return;
      const path = ['themes', t, 'questions', q, 'options', o, 'criteria', c, 'valueFrom'];
      const source = numberQuestions.get(mapped.valueFrom);
      if (!source) {
        ctx.addIssue({ code: 'custom', path, message: `"${mapped.valueFrom}" is not a number question of this questionnaire.` });
        return;
      }
      for (const bound of [source.min, source.max]) {
        if (!CriterionSchema.safeParse({ criterion: mapped.criterion, importance: 'must', value: bound }).success) {
          ctx.addIssue({ code: 'custom', path, message: `"${mapped.valueFrom}" accepts ${bound}, which is not a valid "${mapped.criterion}".` });
        }
      }
    }));
  }));
}

const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const field = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;

/** Theme ids and question ids are unique; at most one place question (a match request has one place). */
function checkAcrossQuestions(questionnaire: unknown, ctx: z.RefinementCtx): void {
  const themeIds = new Map<unknown, number>();
  const questionIds = new Map<unknown, string>();
  let placeQuestion: string | undefined;
  asArray(field(questionnaire, 'themes')).forEach((theme, t) => {
    const themeId = field(theme, 'id');
    const firstTheme = themeIds.get(themeId);
    if (typeof themeId !== 'string') {
      // reported by the schema itself
    } else if (firstTheme !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['themes', t, 'id'], message: `Theme id "${themeId}" is already used by themes.${firstTheme}.` });
    } else {
      themeIds.set(themeId, t);
    }
    asArray(field(theme, 'questions')).forEach((question, q) => {
      const path = `themes.${t}.questions.${q}`;
      const id = field(question, 'id');
      const first = questionIds.get(id);
      if (typeof id !== 'string') {
        // reported by the schema itself
      } else if (first !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['themes', t, 'questions', q, 'id'], message: `Question id "${id}" is already used by ${first}.` });
      } else {
        questionIds.set(id, path);
      }
      if (field(question, 'kind') === 'place') {
        if (placeQuestion !== undefined) {
          ctx.addIssue({ code: 'custom', path: ['themes', t, 'questions', q, 'kind'], message: `Only one place question per questionnaire; ${placeQuestion} is one already.` });
        } else {
          placeQuestion = path;
        }
      }
    });
  });
}
