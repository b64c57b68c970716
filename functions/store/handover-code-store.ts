// The storage port for the citizen's hand-over codes: what a citizen who answered alone hands to a
// client supporter (answers and shortlist), kept under the code's keyed hash until one supporter
// redeems it into a dossier or it expires. Nothing else of the citizen is kept: no address, no
// account. Redeeming takes the code away in the same transaction that writes the dossier, so of
// two redeems at once exactly one succeeds. Nothing about DynamoDB.
import type { Answers } from '../../shared/questionnaire/index.ts';
import type { AnswersVersionSummary, Shortlist } from './dossier-store.ts';
import type { ChangeContext } from './provider-listing-store.ts';

export interface HandoverContent {
  questionnaireId: string;
  questionnaireVersion: number;
  answers: Answers;
  /** The citizen's shortlist, without notes. */
  shortlist: Array<{ locationId: string; housingFormId: string }>;
}

export type RedeemOutcome =
  | { outcome: 'redeemed'; answers: AnswersVersionSummary; shortlist: Shortlist }
  /** No such code, or redeemed already. */
  | { outcome: 'unknown' }
  | { outcome: 'expired' };

export interface HandoverCodeStore {
  /** Keeps the content under the code's hash until `expiresAt`; false when that hash is taken already (then nothing is kept). */
  storeCode(codeHash: string, content: HandoverContent, expiresAt: Date): Promise<boolean>;
  /**
   * Moves the content into the dossier and removes the code, all at once: a new answers version
   * after the newest, the shortlist merged (what it lacks is added, at most `maxShortlist` in all),
   * audited. ItemNotFoundError when the dossier is not there; VersionConflictError when the
   * dossier's answers or shortlist changed meanwhile (the code then stays).
   */
  redeemCode(supportOrganizationId: string, dossierId: string, codeHash: string, maxShortlist: number, ctx: ChangeContext): Promise<RedeemOutcome>;
}
