// The supporter API's request and answer shapes, and what every supporter route shares: its path
// ids, the membership check and the caller as the audit trail names them. Requests are strict (a
// field the API does not know is a 400) and their field errors are in Dutch (dutchValidationHook).
import * as z from 'zod';
import {
  CLIENT_LABEL_MESSAGES, CONSENT_GIVERS, CONSENT_METHODS, DOSSIER_STATUSES, FieldErrorSchema, Slug, VersionSchema, clientLabelProblem,
  isCalendarDate,
} from '../../../../shared/domain/index.ts';
import { AnswersSchema } from '../../../../shared/questionnaire/index.ts';
import { DOSSIER_AUDIT_KINDS } from '../../../store/dossier-store.ts';
import type { ChangeContext } from '../../../store/provider-listing-store.ts';
import { SUPPORTER_ROLES } from '../../../store/account-store.ts';
import { json, problem } from '../../openapi-route.ts';
import { requireMembership, type Identity, type StaffDeps } from '../context.ts';

export const OrganizationParams = z.object({ supportOrganizationId: Slug });
export const DossierParams = OrganizationParams.extend({ dossierId: Slug });
export const AnswersParams = DossierParams.extend({
  answersVersion: z.coerce.number().int().min(1).max(999_999).describe('The saved version, from 1.'),
});
export const ConsentParams = DossierParams.extend({ consentId: Slug });

// ---- requests ----------------------------------------------------------------------------------

/** Initials or a pseudonym: trimmed, at most 40 characters, never what reads as a BSN or a date. */
export const ClientLabelSchema = z
  .string()
  .transform((s) => s.trim())
  .superRefine((label, ctx) => {
    const problem = clientLabelProblem(label);
    if (problem) ctx.addIssue({ code: 'custom', message: CLIENT_LABEL_MESSAGES[problem] });
  })
  .describe('Initials or a pseudonym of the client (at most 40 characters); never a citizen service number, name in full or date of birth.');

const calendarDate = (what: string) =>
  z.string().refine(isCalendarDate, { message: `Vul ${what} in als jaar-maand-dag, bijvoorbeeld 2026-12-03.` });

export const DossierPostRequest = z.strictObject({
  label: ClientLabelSchema,
  regionId: Slug.describe('The region the client searches in: one the support organisation works in.'),
  status: z.enum(DOSSIER_STATUSES).default('exploring'),
});
export const DossierPatchRequest = z.strictObject({
  version: VersionSchema.describe('The version the change is based on (from the last read).'),
  label: ClientLabelSchema.optional(),
  regionId: Slug.optional(),
  status: z.enum(DOSSIER_STATUSES).optional(),
});
export const VersionRequest = z.strictObject({ version: VersionSchema.describe('The version the change is based on (from the last read).') });

export const AnswersPostRequest = z.strictObject({
  basedOn: z.number().int().min(0).max(999_998).describe('The newest saved version the saver had (0 when none): a newer one saved meanwhile is a 409.'),
  questionnaireId: Slug,
  questionnaireVersion: z.number().int().min(1),
  answers: AnswersSchema.describe('The answers keyed by question id, as the questionnaire pages keep them.'),
});

export const MAX_SHORTLIST = 30;
export const ShortlistPutRequest = z.strictObject({
  version: VersionSchema.describe('The shortlist\'s version from the last read (0 while none was saved).'),
  entries: z
    .array(z.strictObject({ locationId: Slug, housingFormId: Slug, note: z.string().trim().max(2000).optional() }))
    .max(MAX_SHORTLIST)
    .superRefine((entries, ctx) => {
      const seen = new Set<string>();
      entries.forEach((entry, i) => {
        const key = `${entry.locationId}/${entry.housingFormId}`;
        if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i], message: 'Deze woonvorm staat al eerder in de lijst.' });
        seen.add(key);
      });
    }),
});

export const NotePostRequest = z.strictObject({ text: z.string().trim().min(1).max(5000) });

export const ConsentPostRequest = z
  .strictObject({
    providers: z
      .array(Slug)
      .min(1)
      .max(20)
      .refine((ids) => new Set(ids).size === ids.length, { message: 'Noem elke zorgaanbieder één keer.' })
      .describe('The provider organisations (ids) that may receive the report.'),
    method: z.enum(CONSENT_METHODS).describe('How consent was given: a signed form, spoken and noted, or digitally.'),
    givenBy: z.enum(CONSENT_GIVERS).describe('Who gave it: the client or their legal representative.'),
    givenOn: calendarDate('de datum van de toestemming').describe('The day consent was given (YYYY-MM-DD); not in the future.'),
    expiresOn: calendarDate('de einddatum').optional().describe('The first day it no longer holds (YYYY-MM-DD); by default 12 months after givenOn.'),
  })
  .superRefine((consent, ctx) => {
    if (consent.expiresOn !== undefined && isCalendarDate(consent.givenOn) && consent.expiresOn <= consent.givenOn) {
      ctx.addIssue({ code: 'custom', path: ['expiresOn'], message: 'De einddatum moet na de datum van de toestemming liggen.' });
    }
  });

export const HandOverRequest = z.strictObject({
  version: VersionSchema.describe('The dossier\'s version from the last read.'),
  toAccountId: Slug.describe('The colleague (an account of a supporter of the same organisation) who takes it over.'),
});

// ---- answers -----------------------------------------------------------------------------------

const Person = z.object({ accountId: z.string(), name: z.string() });

export const DossierSchema = z.object({
  id: z.string(),
  supportOrganizationId: z.string(),
  label: z.string(),
  regionId: z.string(),
  status: z.enum(DOSSIER_STATUSES),
  assignedTo: Person.describe('The supporter working on it now.'),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: VersionSchema,
});
export const DossierListSchema = z.object({ dossiers: z.array(DossierSchema).describe('Newest change first.') });

export const AnswersSummarySchema = z.object({ answersVersion: z.number().int(), savedAt: z.string(), savedBy: Person });
export const AnswersListSchema = z.object({ versions: z.array(AnswersSummarySchema).describe('Oldest first.') });
export const SavedAnswersSchema = AnswersSummarySchema.extend({
  questionnaireId: z.string(),
  questionnaireVersion: z.number().int(),
  answers: AnswersSchema,
});

export const ShortlistSchema = z.object({
  entries: z.array(z.object({ locationId: z.string(), housingFormId: z.string(), note: z.string().optional() })),
  version: VersionSchema,
  updatedAt: z.string().optional(),
  updatedBy: Person.optional(),
});
export const NoteSchema = z.object({ id: z.string(), at: z.string(), by: Person, text: z.string() });

export const ConsentSchema = z.object({
  id: z.string(),
  providers: z.array(z.string()),
  method: z.enum(CONSENT_METHODS),
  givenBy: z.enum(CONSENT_GIVERS),
  givenOn: z.string(),
  expiresOn: z.string().describe('The first day it no longer holds.'),
  recordedAt: z.string(),
  recordedBy: Person,
  withdrawnAt: z.string().optional(),
  withdrawnBy: Person.optional(),
  version: VersionSchema,
  state: z.enum(['valid', 'expired', 'withdrawn', 'not-yet-valid']).describe('Its state now.'),
  validNow: z.boolean().describe('Whether a report may go to its providers now (the check a share makes).'),
});
export const ConsentListSchema = z.object({ consents: z.array(ConsentSchema).describe('Oldest first.') });

export const HandoverSchema = z.object({ id: z.string(), at: z.string(), by: Person, from: Person, to: Person });

export const DossierFileSchema = z.object({
  dossier: DossierSchema,
  latestAnswers: AnswersSummarySchema.optional().describe('The newest saved version of the answers (read it at answers/{answersVersion}).'),
  shortlist: ShortlistSchema,
  notes: z.array(NoteSchema).describe('Oldest first.'),
  consents: z.array(ConsentSchema),
  handovers: z.array(HandoverSchema).describe('Oldest first.'),
});

export const AuditSchema = z.object({
  records: z.array(z.object({ id: z.string(), dossierId: z.string(), at: z.string(), by: Person, kind: z.enum(DOSSIER_AUDIT_KINDS) }))
    .describe('Newest first; who did what kind of thing when, never the content.'),
});

export const SupportOrganizationListSchema = z.object({
  organizations: z.array(z.object({ id: z.string(), name: z.string(), regionIds: z.array(z.string()), role: z.enum(SUPPORTER_ROLES) })),
});
export const ColleagueListSchema = z.object({
  colleagues: z.array(z.object({ accountId: z.string(), name: z.string(), roles: z.array(z.enum(SUPPORTER_ROLES)) })),
});

/** A 409 in the one error shape; a version conflict carries the item as it is now in `current`. */
export function conflict(description: string) {
  return json(
    z.object({
      error: z.object({
        code: z.string().describe('`version_conflict`, with `current`: the item as it is now.'),
        message: z.string(),
        fields: z.array(FieldErrorSchema).optional(),
        current: z.unknown().optional(),
      }),
    }),
    description,
  );
}

/** The answers every supporter route gives besides its own. */
export const supporterProblems = {
  400: problem('The request is not valid; `fields` names each problem by its path, in Dutch.'),
  401: problem('Nobody is signed in.'),
  403: problem('The caller is no supporter of this support organisation, or the request did not come from a Woonwijzer page.'),
  404: problem('No such dossier (or part of it) in this support organisation.'),
};

/** The caller as a supporter (or, with `admin`, the supporter admin) of the organisation: 401/403 otherwise; who and when for the audit trail. */
export function supporterCaller(identity: Identity | undefined, deps: StaffDeps, supportOrganizationId: string, admin = false): ChangeContext {
  const { identity: me } = requireMembership(identity, { role: admin ? 'supporter-admin' : 'supporter', supportOrganizationId });
  return { by: { accountId: me.account.id, name: me.account.name }, now: deps.clock.now() };
}
