// The storage port for client supporters' dossiers, kept in a table of their own: a dossier (a
// client label, never a name or number), its answers with every saved version, the shortlist with
// notes, free-text notes, the consents to share the report and the hand-overs between colleagues.
// Every dossier belongs to one support organisation and is only found through it: a dossier of
// another organisation is simply not there (ItemNotFoundError). Every change is written with its
// audit record in the same transaction; every read of content writes an audit record of the view.
// An audit record says who, when and what kind, never the content. Changes of versioned items
// name the version they started from (VersionConflictError with `current` otherwise). Who may do
// what is checked by the routes before anything here runs. Nothing about DynamoDB.
import type { ConsentGiver, ConsentMethod, DossierStatus } from '../../shared/domain/index.ts';
import type { Answers } from '../../shared/questionnaire/index.ts';
import type { ReportContent } from '../../shared/report/report-content.ts';
import type { ChangeContext } from './provider-listing-store.ts';

/** A person of the support organisation, as a dossier names them. */
export interface DossierPerson {
  accountId: string;
  name: string;
}

export interface Dossier {
  id: string;
  supportOrganizationId: string;
  /** Initials or a pseudonym (shared/domain/dossier.ts clientLabelProblem). */
  label: string;
  regionId: string;
  status: DossierStatus;
  /** The supporter who works on it now; a hand-over changes it. */
  assignedTo: DossierPerson;
  /** ISO date-times. */
  createdAt: string;
  updatedAt: string;
  version: number;
}

export type NewDossier = Pick<Dossier, 'id' | 'label' | 'regionId' | 'status'>;
export type DossierChanges = Partial<Pick<Dossier, 'label' | 'regionId' | 'status'>>;

/** The answers as saved, with the questionnaire they were given for. */
export interface AnswersInput {
  questionnaireId: string;
  questionnaireVersion: number;
  answers: Answers;
}

/** A saved version of the answers without them: what the list of versions shows. */
export interface AnswersVersionSummary {
  /** 1 for the first save, one more for each next. */
  answersVersion: number;
  /** ISO date-time. */
  savedAt: string;
  savedBy: DossierPerson;
}

export interface SavedDossierAnswers extends AnswersVersionSummary, AnswersInput {}

export interface ShortlistEntry {
  locationId: string;
  housingFormId: string;
  /** The supporter's note on this housing form. */
  note?: string | undefined;
}

export interface Shortlist {
  entries: ShortlistEntry[];
  /** 0 while nothing was saved yet. */
  version: number;
  updatedAt?: string;
  updatedBy?: DossierPerson;
}

export interface DossierNote {
  id: string;
  /** ISO date-time. */
  at: string;
  by: DossierPerson;
  text: string;
}

export interface NewConsent {
  /** The provider organisations (ids) that may receive the report. */
  providers: string[];
  method: ConsentMethod;
  givenBy: ConsentGiver;
  /** YYYY-MM-DD. */
  givenOn: string;
  /** YYYY-MM-DD: the first day it no longer holds. */
  expiresOn: string;
}

export interface Consent extends NewConsent {
  id: string;
  /** ISO date-times. */
  recordedAt: string;
  recordedBy: DossierPerson;
  withdrawnAt?: string;
  withdrawnBy?: DossierPerson;
  version: number;
}

export interface Handover {
  id: string;
  /** ISO date-time. */
  at: string;
  /** Who did it (the one handing over, or a colleague taking it over). */
  by: DossierPerson;
  from: DossierPerson;
  to: DossierPerson;
}

/** A provider's structured answer to a shared report. */
export type ShareResponse =
  | { kind: 'meet' }
  | { kind: 'place-from'; date: string }
  | { kind: 'no-fit'; reason: string };

export interface ShareAnswer {
  /** ISO date-time. */
  at: string;
  by: DossierPerson;
  response: ShareResponse;
}

/** The report sent to one provider organisation: a snapshot, fixed at the moment of sharing. */
export interface Share {
  id: string;
  supportOrganizationId: string;
  dossierId: string;
  /** The provider organisation it went to. */
  organizationId: string;
  /** A short reference both sides can name on the phone; no client label goes to the provider. */
  reference: string;
  regionId: string;
  /** ISO date-time. */
  sharedAt: string;
  sharedBy: DossierPerson;
  report: ReportContent;
  /** When the provider first read it (ISO), once. */
  openedAt?: string;
  /** Every answer, oldest first: the last one counts. */
  answers: ShareAnswer[];
  version: number;
}

/** A share as the provider's inbox lists it: nothing of the report. */
export type InboxEntry = Pick<Share, 'id' | 'reference' | 'regionId' | 'sharedAt' | 'openedAt' | 'supportOrganizationId' | 'dossierId'> & {
  /** The last answer's kind, if any. */
  answered?: ShareResponse['kind'];
};

/** What a share needs to be made; the rest the store fills in. */
export interface NewShare {
  organizationId: string;
  reference: string;
  regionId: string;
  report: ReportContent;
}

/** A share with what decides whether its provider may still read it: the dossier and its consents. */
export interface ShareWithDossier {
  share: Share;
  dossier: Dossier;
  consents: Consent[];
}

/** What a report is made from and a share is checked against, read consistently without recording a view. */
export interface ShareSource {
  dossier: Dossier;
  consents: Consent[];
  shortlist: Shortlist;
  latestAnswers?: SavedDossierAnswers;
}

/** A dossier whole, as one read returns it. */
export interface DossierFile {
  dossier: Dossier;
  /** The newest saved version of the answers, if any (its content is read apart, audited as such). */
  latestAnswers?: AnswersVersionSummary;
  shortlist: Shortlist;
  /** Oldest first. */
  notes: DossierNote[];
  /** Oldest first. */
  consents: Consent[];
  /** Oldest first. */
  handovers: Handover[];
}

export const DOSSIER_AUDIT_KINDS = [
  'created', 'viewed', 'updated', 'answers-saved', 'answers-viewed', 'shortlist-changed', 'note-added',
  'consents-viewed', 'consent-given', 'consent-withdrawn', 'handed-over', 'shared', 'shares-viewed', 'share-opened', 'share-read',
  'share-answered', 'handover-code-redeemed', 'exported', 'deleted', 'retention-warned', 'deleted-by-retention',
] as const;
export type DossierAuditKind = (typeof DOSSIER_AUDIT_KINDS)[number];

export interface DossierAuditRecord {
  id: string;
  dossierId: string;
  /** ISO date-time. */
  at: string;
  by: DossierPerson;
  kind: DossierAuditKind;
}

/** At most this many audit records are read back, the newest. */
export const AUDIT_LIMIT = 500;

export interface DossierStore {
  /** The organisation's dossiers, newest change first. Read from an index: one made a moment ago may be missing. */
  listDossiers(supportOrganizationId: string): Promise<Dossier[]>;
  /** Assigned to its maker; version 1. */
  createDossier(supportOrganizationId: string, dossier: NewDossier, ctx: ChangeContext): Promise<Dossier>;
  /** The dossier alone, without recording a view: for checks before a change. */
  getDossier(supportOrganizationId: string, dossierId: string): Promise<Dossier | undefined>;
  /** The dossier whole, read consistently; records the view. */
  readDossier(supportOrganizationId: string, dossierId: string, ctx: ChangeContext): Promise<DossierFile | undefined>;
  updateDossier(supportOrganizationId: string, dossierId: string, changes: DossierChanges, expectedVersion: number, ctx: ChangeContext): Promise<Dossier>;
  /** Gives the dossier to `to`; the hand-over is kept in the dossier and its audit trail. */
  handOver(supportOrganizationId: string, dossierId: string, to: DossierPerson, expectedVersion: number, ctx: ChangeContext): Promise<Dossier>;

  /**
   * Saves a new version after `basedOn` (the newest version the saver had, 0 for none): a
   * VersionConflictError when someone saved after it meanwhile, with the newest version's summary.
   */
  saveAnswers(supportOrganizationId: string, dossierId: string, input: AnswersInput, basedOn: number, ctx: ChangeContext): Promise<AnswersVersionSummary>;
  /** Every saved version, oldest first, without the answers. */
  listAnswers(supportOrganizationId: string, dossierId: string): Promise<AnswersVersionSummary[] | undefined>;
  /** One version with its answers; records the view. */
  readAnswers(supportOrganizationId: string, dossierId: string, answersVersion: number, ctx: ChangeContext): Promise<SavedDossierAnswers | undefined>;

  /** Replaces the shortlist whole, based on its version (0 when none was saved yet). */
  replaceShortlist(supportOrganizationId: string, dossierId: string, entries: readonly ShortlistEntry[], expectedVersion: number, ctx: ChangeContext): Promise<Shortlist>;
  addNote(supportOrganizationId: string, dossierId: string, text: string, ctx: ChangeContext): Promise<DossierNote>;

  addConsent(supportOrganizationId: string, dossierId: string, consent: NewConsent, ctx: ChangeContext): Promise<Consent>;
  /** Withdraws it from now on; a consent withdrawn already is a VersionConflictError with it as it is. */
  withdrawConsent(supportOrganizationId: string, dossierId: string, consentId: string, expectedVersion: number, ctx: ChangeContext): Promise<Consent>;
  /** The dossier's consents, oldest first; records the view. */
  listConsents(supportOrganizationId: string, dossierId: string, ctx: ChangeContext): Promise<Consent[] | undefined>;

  /** The dossier's parts a share needs; no audit record (the share's own record says it was used). */
  shareSource(supportOrganizationId: string, dossierId: string): Promise<ShareSource | undefined>;
  /** Sends the report to each organisation: one share each, written together with one audit record. */
  createShares(supportOrganizationId: string, dossierId: string, shares: readonly NewShare[], ctx: ChangeContext): Promise<Share[]>;
  /** The dossier's shares, oldest first, with when each was opened and every answer; records the view. */
  listShares(supportOrganizationId: string, dossierId: string, ctx: ChangeContext): Promise<Share[] | undefined>;
  /**
   * The shares sent to a provider organisation, newest first, each with its dossier and consents so
   * the caller judges access now. Read from an index: one shared a moment ago may be missing.
   */
  listInbox(organizationId: string): Promise<ShareWithDossier[]>;
  /** One share sent to the organisation, read consistently, with its dossier and consents; undefined when there is none. */
  getShare(organizationId: string, shareId: string): Promise<ShareWithDossier | undefined>;
  /**
   * Records the provider's read (audited); the first read also stamps `openedAt`, only while what
   * let the provider read it (`found`, as judged) still holds: ShareAccessChangedError otherwise,
   * nothing stamped. Returns the share as it is now.
   */
  recordShareRead(found: ShareWithDossier, ctx: ChangeContext): Promise<Share>;
  /**
   * Adds an answer under the share's version (VersionConflictError with the share as it is
   * otherwise), only while what let the provider read it still holds (ShareAccessChangedError).
   */
  answerShare(found: ShareWithDossier, response: ShareResponse, expectedVersion: number, ctx: ChangeContext): Promise<Share>;

  /** The dossier's audit trail, newest first, at most AUDIT_LIMIT; kept after the dossier is gone. */
  auditTrail(supportOrganizationId: string, dossierId: string): Promise<DossierAuditRecord[]>;
}
