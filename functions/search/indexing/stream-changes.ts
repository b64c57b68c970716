// What one DynamoDB stream record means for a search index: upsert a housing form's candidate,
// remove one, or nothing (regions, organisations, locations and questionnaires are not indexed;
// a location change rewrites its housing forms, which carry the location's facts).
// Used by the indexer Lambda (OpenSearch) and by the local stream poller (embedded engine).
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { MatchCandidate } from '../../../shared/matching/index.ts';
import { entities } from '../../store/dynamodb/keys.ts';

export type IndexChange = { kind: 'upsert'; candidate: MatchCandidate } | { kind: 'remove'; candidateId: string } | { kind: 'none' };

/** The part of a stream record this needs; both the Lambda event and the Streams API give it. */
export interface StreamRecordLike {
  eventName?: string;
  dynamodb?: {
    NewImage?: Record<string, unknown>;
    OldImage?: Record<string, unknown>;
  };
}

const image = (raw: Record<string, unknown> | undefined) =>
  raw ? (unmarshall(raw as Record<string, AttributeValue>) as { type?: unknown; candidate?: MatchCandidate }) : undefined;

export function changeOf(record: StreamRecordLike): IndexChange {
  const newImage = image(record.dynamodb?.NewImage);
  const oldImage = image(record.dynamodb?.OldImage);
  const housingForm = entities.housingForm.type;
  if (record.eventName === 'REMOVE') {
    return oldImage?.type === housingForm && oldImage.candidate ? { kind: 'remove', candidateId: oldImage.candidate.id } : { kind: 'none' };
  }
  if (newImage?.type !== housingForm) return { kind: 'none' };
  if (!newImage.candidate) throw new Error('A housing-form record without its candidate: the store and the indexer disagree.');
  return { kind: 'upsert', candidate: newImage.candidate };
}
