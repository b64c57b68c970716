// The throttle port on DynamoDB: one counter item per subject and window (keys in keys.ts), counted
// up by a conditional update, so the limit holds however many requests arrive at once. TTL removes
// old windows.
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ThrottleCount, ThrottleStore } from '../throttle-store.ts';
import { conditionally, type DynamoDbTable } from './dynamodb-table.ts';
import { entities } from './keys.ts';
import { TTL_ATTRIBUTE } from './table-design.ts';

export class DynamoDbThrottleStore implements ThrottleStore {
  constructor(private readonly table: DynamoDbTable) {}

  async take(count: ThrottleCount): Promise<boolean> {
    return conditionally(() => this.table.doc.send(new UpdateCommand({
      TableName: this.table.name,
      Key: entities.throttle.key({ kind: count.kind, subject: count.subject, window: count.window }),
      UpdateExpression: 'ADD hits :one SET #type = :type, #ttl = :ttl',
      ConditionExpression: 'attribute_not_exists(hits) OR hits < :limit',
      ExpressionAttributeNames: { '#type': 'type', '#ttl': TTL_ATTRIBUTE },
      ExpressionAttributeValues: { ':one': 1, ':limit': count.limit, ':type': entities.throttle.type, ':ttl': Math.ceil(count.expiresAtMs / 1000) },
    })));
  }
}
