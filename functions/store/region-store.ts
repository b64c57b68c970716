// The storage port for regions and their questionnaires: configuration, read by every visitor and
// written by the region loader; what a coordinator changes (the support list, questionnaire
// versions) is written through region-coordination-store.ts. Nothing about DynamoDB.
import type { Region } from '../../shared/domain/index.ts';
import type { Questionnaire } from '../../shared/questionnaire/index.ts';
import type { SupportOrganizationList } from './region-coordination-store.ts';

export interface RegionReader {
  getRegion(regionId: string): Promise<Region | undefined>;
  listRegions(): Promise<Region[]>;
  /** The region's current questionnaire: the highest version stored. */
  getQuestionnaire(regionId: string): Promise<Questionnaire | undefined>;
  /** The region's support organisations as the coordinator keeps them (version 0: as configured); undefined without such a region. */
  getSupportOrganizations(regionId: string): Promise<SupportOrganizationList | undefined>;
}

export interface RegionWriter {
  putRegion(region: Region): Promise<void>;
  /** Stores a questionnaire version; versions are kept, the highest is the current one. */
  putQuestionnaire(questionnaire: Questionnaire): Promise<void>;
}

export interface RegionStore extends RegionReader, RegionWriter {}
