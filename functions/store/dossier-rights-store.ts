// The storage port for a client's rights over their dossier (AVG/GDPR): an export of everything
// the dossier holds, and its deletion at once. Both are recorded in the audit trail, which outlives
// the dossier (a deletion record says who and when, never what). Nothing about DynamoDB.
import type {
  Consent, Dossier, DossierAuditRecord, DossierNote, Handover, SavedDossierAnswers, Shortlist,
} from './dossier-store.ts';
import type { ChangeContext } from './provider-listing-store.ts';

export type DeletionReason = 'client-request' | 'retention';

/** Everything of one dossier, as handed to the client. */
export interface DossierExport {
  /** ISO date-time of the export. */
  exportedAt: string;
  dossier: Dossier;
  /** Every saved version with its answers, oldest first. */
  answersVersions: SavedDossierAnswers[];
  shortlist: Shortlist;
  notes: DossierNote[];
  consents: Consent[];
  handovers: Handover[];
  /** Newest first, the export's own record included. */
  auditTrail: DossierAuditRecord[];
}

export interface DossierRightsStore {
  /** Everything the dossier holds; records the export. Undefined when the dossier is not there. */
  exportDossier(supportOrganizationId: string, dossierId: string, ctx: ChangeContext): Promise<DossierExport | undefined>;
  /**
   * Deletes every item of the dossier (every provider's copy of a share with it) and records the
   * deletion: `deleted` on the client's request, `deleted-by-retention` when untouched 12 months.
   * False when it was not there.
   */
  deleteDossier(supportOrganizationId: string, dossierId: string, ctx: ChangeContext, reason?: DeletionReason): Promise<boolean>;
}
