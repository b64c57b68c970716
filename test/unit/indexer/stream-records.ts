// Realistic DynamoDB stream records as Lambda delivers them: the table's items (keys from the
// single-table design, the housing form carrying its candidate), marshalled with the SDK's
// marshall into NewImage/OldImage, with sequence numbers and event ids.
import { marshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue, DynamoDBRecord } from 'aws-lambda';
import { entities } from '../../../functions/store/dynamodb/keys.ts';
import { type MatchCandidate } from '../../../shared/matching/index.ts';

type Item = Record<string, unknown>;

export function housingFormItem(c: MatchCandidate): Item {
  return entities.housingForm.item({ locationId: c.locationId, housingFormId: c.housingFormId, regionId: c.regionId }, {
    organizationId: c.organizationId,
    regionId: c.regionId,
    locationId: c.locationId,
    data: { id: c.housingFormId, name: c.name, type: c.type, sectors: c.sectors, waitingList: c.waitingList },
    candidate: c,
    hash: `hash-of-${c.id}`,
  });
}

export function locationItem(locationId: string): Item {
  return entities.location.item({ locationId, organizationId: 'zorggroep-test', regionId: 'zuid-limburg' }, {
    organizationId: 'zorggroep-test',
    regionId: 'zuid-limburg',
    organizationName: 'Zorggroep Test',
    data: { id: locationId, name: 'De Linde' },
    hash: 'h',
  });
}

export function organizationItem(id: string): Item {
  return entities.organization.item({ organizationId: id }, { data: { id, name: 'Zorggroep Test' }, locationIds: [], version: 1, hash: 'h' });
}

/** An audit record of a change to a housing form, as the provider edits write it beside the change. */
export function housingFormChangeItem(c: MatchCandidate): Item {
  const fields = { organizationId: c.organizationId, locationId: c.locationId, housingFormId: c.housingFormId, atMs: 1_795_000_000_000, changeId: 'change-1' };
  return entities.housingFormChange.item(fields, {
    ...fields,
    at: '2026-11-20T12:00:00.000Z',
    by: { accountId: 'account-1', name: 'Eva Editor' },
    action: 'updated',
    before: { id: c.housingFormId, name: c.name, waitingList: c.waitingList },
    after: { id: c.housingFormId, name: c.name, waitingList: c.waitingList },
  });
}

let sequence = 100_000_000;

const image = (item: Item | undefined) =>
  item ? (marshall(item, { removeUndefinedValues: true }) as unknown as Record<string, AttributeValue>) : undefined;

export function streamRecord(eventName: 'INSERT' | 'MODIFY' | 'REMOVE', images: { newItem?: Item; oldItem?: Item }): DynamoDBRecord {
  sequence += 100;
  const item = (images.newItem ?? images.oldItem) as Item;
  const newImage = image(images.newItem);
  const oldImage = image(images.oldItem);
  return {
    eventID: `event-${sequence}`,
    eventName,
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'eu-west-1',
    eventSourceARN: 'arn:aws:dynamodb:eu-west-1:123456789012:table/woonwijzer-dev-table/stream/2026-11-23T00:00:00.000',
    dynamodb: {
      ApproximateCreationDateTime: 1_795_000_000,
      Keys: image({ pk: item.pk, sk: item.sk }),
      ...(newImage ? { NewImage: newImage } : {}),
      ...(oldImage ? { OldImage: oldImage } : {}),
      SequenceNumber: `${sequence}000000000000`,
      SizeBytes: 1024,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
  };
}

export const sequenceOf = (record: DynamoDBRecord) => record.dynamodb?.SequenceNumber as string;
