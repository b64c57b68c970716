// The storage port for what a region's coordinator keeps: the region's list of independent client
// support organisations (shown on the public help page) and the questionnaire's draft and published
// versions. Every write is checked against the version it was based on, so two coordinators editing
// at once cannot overwrite each other (VersionConflictError), and each change leaves an audit record
// in the same transaction. Nothing about DynamoDB.
import type { SupportOrganization } from '../../shared/domain/index.ts';
import type { Questionnaire } from '../../shared/questionnaire/index.ts';

/** The region's list as citizens see it. Version 0: the configured list (data/regions.json), never edited here yet. */
export interface SupportOrganizationList {
  regionId: string;
  organizations: SupportOrganization[];
  version: number;
  /** ISO date-time of the last edit; absent for the configured list. */
  updatedAt?: string;
}

/** A published version, as a list of versions shows it. */
export interface QuestionnaireVersionSummary {
  version: number;
  publishedAt: string;
}

/** The one draft a region has at a time: a copy of a published version, being edited. */
export interface QuestionnaireDraft {
  regionId: string;
  /** The published version it was copied from; publishing refuses when another was published since. */
  basedOnVersion: number;
  questionnaire: Questionnaire;
  /** Raised on every save (optimistic concurrency). */
  version: number;
  updatedAt: string;
  /** The account that saved it last. */
  updatedBy: string;
}

export const REGION_CHANGE_KINDS = ['support-organizations', 'questionnaire-draft', 'questionnaire-published', 'questionnaire-draft-discarded'] as const;
export type RegionChangeKind = (typeof REGION_CHANGE_KINDS)[number];

/** One audit record of a coordinator's change to the region's settings. Holds no health data. */
export interface RegionChange {
  regionId: string;
  changeId: string;
  kind: RegionChangeKind;
  /** ISO date-time. */
  at: string;
  accountId: string;
  /** The version the change made (the list's, the draft's, or the published questionnaire's). */
  version: number;
}

/** Who changes and when: the audit record's author. */
export interface ChangeAuthor {
  accountId: string;
  at: Date;
}

/** The reads are the region port's (RegionReader.getSupportOrganizations, getQuestionnaire). */
export interface RegionCoordinationStore {
  /** Replaces the list, expecting `expectedVersion`; the stored list after the change. */
  putSupportOrganizations(regionId: string, organizations: SupportOrganization[], expectedVersion: number, author: ChangeAuthor): Promise<SupportOrganizationList>;

  /** Every published version, newest first. */
  listQuestionnaireVersions(regionId: string): Promise<QuestionnaireVersionSummary[]>;
  getQuestionnaireVersion(regionId: string, version: number): Promise<Questionnaire | undefined>;
  getQuestionnaireDraft(regionId: string): Promise<QuestionnaireDraft | undefined>;
  /**
   * Saves the draft: `expectedVersion` undefined creates it (refused when one exists), else it
   * replaces the draft at that version. The draft after the save.
   */
  putQuestionnaireDraft(
    draft: { regionId: string; basedOnVersion: number; questionnaire: Questionnaire },
    expectedVersion: number | undefined,
    author: ChangeAuthor,
  ): Promise<QuestionnaireDraft>;
  /** Throws the draft away, expecting `expectedVersion`. */
  deleteQuestionnaireDraft(regionId: string, expectedVersion: number, author: ChangeAuthor): Promise<void>;
  /**
   * Stores `questionnaire` (its version the next one) as published and removes the draft at
   * `draftVersion`, in one transaction: refused when the draft changed or that version exists.
   */
  publishQuestionnaire(questionnaire: Questionnaire, draftVersion: number, author: ChangeAuthor): Promise<void>;

  /** The region's audit records of these changes, newest first. */
  listRegionChanges(regionId: string, limit?: number): Promise<RegionChange[]>;
}
