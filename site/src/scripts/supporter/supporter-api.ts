// The supporter API as the supporter's pages call it (same origin, the portal's session): every
// call goes through the portal's `call`, so failures come back as the same few kinds. The shapes
// are the server's own schemas, as types only: no zod reaches the browser.
import type * as z from 'zod';
import type {
  AnswersListSchema, AuditSchema, ColleagueListSchema, ConsentSchema, DossierFileSchema, DossierSchema, SavedAnswersSchema, ShortlistSchema,
  SupportOrganizationListSchema,
} from '../../../../functions/api/staff/supporter/schemas.ts';
import type { SupporterShareSchema } from '../../../../functions/api/staff/supporter/shares.ts';
import type { RedeemedHandoverSchema } from '../../../../functions/api/staff/supporter/handover-codes.ts';
import type { ConsentGiver, ConsentMethod, DossierStatus } from '../../../../shared/domain/dossier.ts';
import { call } from '../manage/staff-api.ts';

export type Dossier = z.infer<typeof DossierSchema>;
export type DossierFile = z.infer<typeof DossierFileSchema>;
export type Consent = z.infer<typeof ConsentSchema>;
export type Share = z.infer<typeof SupporterShareSchema>;
export type SavedAnswers = z.infer<typeof SavedAnswersSchema>;
export type Shortlist = z.infer<typeof ShortlistSchema>;
export type SupportOrganization = z.infer<typeof SupportOrganizationListSchema>['organizations'][number];
export type Colleague = z.infer<typeof ColleagueListSchema>['colleagues'][number];
export type AuditRecord = z.infer<typeof AuditSchema>['records'][number];

export interface ConsentInput {
  providers: string[];
  method: ConsentMethod;
  givenBy: ConsentGiver;
  givenOn: string;
  expiresOn?: string;
}

const orgPath = (o: string) => `/api/supporter/organizations/${encodeURIComponent(o)}`;
const dossierPath = (o: string, d: string) => `${orgPath(o)}/dossiers/${encodeURIComponent(d)}`;

export const supporterApi = {
  organizations: () => call<z.infer<typeof SupportOrganizationListSchema>>('GET', '/api/supporter/organizations'),
  colleagues: (o: string) => call<z.infer<typeof ColleagueListSchema>>('GET', `${orgPath(o)}/colleagues`),
  dossiers: (o: string) => call<{ dossiers: Dossier[] }>('GET', `${orgPath(o)}/dossiers`),
  createDossier: (o: string, body: { label: string; regionId: string; status: DossierStatus }) => call<Dossier>('POST', `${orgPath(o)}/dossiers`, body),
  dossier: (o: string, d: string) => call<DossierFile>('GET', dossierPath(o, d)),
  updateDossier: (o: string, d: string, body: { version: number; label?: string; regionId?: string; status?: DossierStatus }) =>
    call<Dossier>('PATCH', dossierPath(o, d), body),
  answersVersions: (o: string, d: string) => call<z.infer<typeof AnswersListSchema>>('GET', `${dossierPath(o, d)}/answers`),
  answers: (o: string, d: string, n: number) => call<SavedAnswers>('GET', `${dossierPath(o, d)}/answers/${n}`),
  saveShortlist: (o: string, d: string, version: number, entries: Shortlist['entries']) =>
    call<Shortlist>('PUT', `${dossierPath(o, d)}/shortlist`, { version, entries }),
  addNote: (o: string, d: string, text: string) => call<DossierFile['notes'][number]>('POST', `${dossierPath(o, d)}/notes`, { text }),
  recordConsent: (o: string, d: string, consent: ConsentInput) => call<Consent>('POST', `${dossierPath(o, d)}/consents`, consent),
  withdrawConsent: (o: string, d: string, consentId: string, version: number) =>
    call<Consent>('POST', `${dossierPath(o, d)}/consents/${encodeURIComponent(consentId)}/withdraw`, { version }),
  shares: (o: string, d: string) => call<{ shares: Share[] }>('GET', `${dossierPath(o, d)}/shares`),
  share: (o: string, d: string, providers: string[]) => call<{ shares: Share[] }>('POST', `${dossierPath(o, d)}/shares`, { providers }),
  redeemCode: (o: string, d: string, code: string) => call<z.infer<typeof RedeemedHandoverSchema>>('POST', `${dossierPath(o, d)}/handover-codes`, { code }),
  handOver: (o: string, d: string, version: number, toAccountId: string) => call<Dossier>('POST', `${dossierPath(o, d)}/hand-over`, { version, toAccountId }),
  exportDossier: (o: string, d: string) => call<unknown>('GET', `${dossierPath(o, d)}/export`),
  /** The printable export's address: a plain link opens it with the session cookie. */
  printUrl: (o: string, d: string) => `${dossierPath(o, d)}/export/print`,
  deleteDossier: (o: string, d: string) => call<undefined>('DELETE', dossierPath(o, d)),
  audit: (o: string, d: string) => call<z.infer<typeof AuditSchema>>('GET', `${dossierPath(o, d)}/audit`),
};
