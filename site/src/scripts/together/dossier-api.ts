// The supporter API's dossier routes as together mode calls them (functions/api/staff/supporter):
// find the dossier among the caller's support organisations, read its newest answers, save the
// answers as a new version and the shortlist whole. Through the staff API's one `call`, so
// failures come back as ApiOutcome kinds; types only from the server, nothing of it in the bundle.
import type { Answers } from '../../../../shared/questionnaire/answers.ts';
import { call } from '../manage/staff-api.ts';
import type { ApiOutcome } from '../lib/api-fetch.ts';

export interface Person { accountId: string; name: string }
export interface AnswersSummary { answersVersion: number; savedAt: string; savedBy: Person }
export interface DossierShortlistEntry { locationId: string; housingFormId: string; note?: string }
export interface DossierShortlist { entries: DossierShortlistEntry[]; version: number }
export interface DossierFile {
  dossier: { id: string; supportOrganizationId: string; label: string; regionId: string; version: number };
  latestAnswers?: AnswersSummary;
  shortlist: DossierShortlist;
}
export interface DossierAnswers extends AnswersSummary { questionnaireId: string; questionnaireVersion: number; answers: Answers }
export interface SupportOrganization { id: string; name: string; regionIds: string[] }

const dossierPath = (supportOrganizationId: string, dossierId: string) =>
  `/api/supporter/organizations/${encodeURIComponent(supportOrganizationId)}/dossiers/${encodeURIComponent(dossierId)}`;

export const dossierApi = {
  organizations: () => call<{ organizations: SupportOrganization[] }>('GET', '/api/supporter/organizations'),
  dossier: (o: string, d: string) => call<DossierFile>('GET', dossierPath(o, d)),
  answers: (o: string, d: string, version: number) => call<DossierAnswers>('GET', `${dossierPath(o, d)}/answers/${version}`),
  saveAnswers: (o: string, d: string, body: { basedOn: number; questionnaireId: string; questionnaireVersion: number; answers: Answers }) =>
    call<AnswersSummary>('POST', `${dossierPath(o, d)}/answers`, body),
  saveShortlist: (o: string, d: string, version: number, entries: DossierShortlistEntry[]) =>
    call<DossierShortlist>('PUT', `${dossierPath(o, d)}/shortlist`, { version, entries }),
};

/** The dossier among the caller's organisations: the first that has it; a 403 or 404 everywhere is that refusal. */
export async function findDossier(dossierId: string): Promise<ApiOutcome<{ file: DossierFile; organization: SupportOrganization }>> {
  const organizations = await dossierApi.organizations();
  if (!organizations.ok) return organizations;
  let refusal: ApiOutcome<never> = { ok: false, kind: 'not-found', message: `No dossier ${dossierId}` };
  for (const organization of organizations.value.organizations) {
    const file = await dossierApi.dossier(organization.id, dossierId);
    if (file.ok) return { ok: true, value: { file: file.value, organization } };
    if (file.kind !== 'not-found' && !(file.kind === 'refused' && file.status === 403)) return file;
    if (file.kind === 'refused') refusal = file;
  }
  return refusal;
}

/** The version a 409 names as the dossier's newest: `current.latest` of answers, `current.version` of a shortlist. */
export function currentVersion(outcome: ApiOutcome<unknown>, part: 'answers' | 'shortlist'): number | undefined {
  if (outcome.ok || outcome.kind !== 'refused' || outcome.status !== 409) return undefined;
  const current = (outcome.body.error as { current?: { latest?: { answersVersion?: unknown }; version?: unknown } }).current;
  const version = part === 'answers' ? current?.latest?.answersVersion : current?.version;
  return typeof version === 'number' ? version : undefined;
}
