// The storage port for regions and their questionnaires: configuration, read by every visitor and
// written only by the region loader. Nothing about DynamoDB.
import type { Region } from '../../shared/domain/index.ts';
import type { Questionnaire } from '../../shared/questionnaire/index.ts';

export interface RegionReader {
  getRegion(regionId: string): Promise<Region | undefined>;
  listRegions(): Promise<Region[]>;
  /** The region's current questionnaire: the highest version stored. */
  getQuestionnaire(regionId: string): Promise<Questionnaire | undefined>;
}

export interface RegionWriter {
  putRegion(region: Region): Promise<void>;
  /** Stores a questionnaire version; versions are kept, the highest is the current one. */
  putQuestionnaire(questionnaire: Questionnaire): Promise<void>;
}

export interface RegionStore extends RegionReader, RegionWriter {}
