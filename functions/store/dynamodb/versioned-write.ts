// The one way the adapters change versioned items: creates, updates and deletes, each checked
// against the version it was based on, plus extra new items (an audit record) in the same
// transaction, run as TransactWriteItems. A failed check becomes the port's VersionConflictError.
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { VersionConflictError } from '../store-errors.ts';
import type { DynamoDbTable, Item } from './dynamodb-table.ts';
import { entityOfKey, type PrimaryKey } from './keys.ts';
import { KEY } from './table-design.ts';

/** DynamoDB allows at most 100 actions in one transaction. */
export const MAX_TRANSACTION_ITEMS = 100;

/** A further condition on a write, ANDed with its version check (it must not use #pk, #version or :expectedVersion). */
export interface WriteCondition {
  expression: string;
  names?: Record<string, string>;
  values?: Item;
}

/**
 * One change to a versioned item. A create expects no item and writes version 1; an update
 * expects `expectedVersion` and writes the next one; a delete expects `expectedVersion`.
 * Version 0 is an item stored before items carried versions (it has no version attribute).
 * A refresh rewrites only what is derived from other items (a location's summary of its housing
 * forms, a housing form's search candidate after its location changed): checked like an update,
 * but its version stays, so nobody editing the item itself is told it changed.
 * A check writes nothing: the item must exist (at `expectedVersion`, when given, and meeting
 * `condition`) for the rest to be written, e.g. a note added to a dossier that must still be there.
 * An absence writes nothing either: the item must not exist, e.g. one kind of organisation created
 * only while no organisation of the other kind holds its id.
 */
export type VersionedWrite =
  | { kind: 'create'; item: Item }
  | { kind: 'update'; item: Item; expectedVersion: number; condition?: WriteCondition }
  | { kind: 'refresh'; item: Item; expectedVersion: number; condition?: WriteCondition }
  | { kind: 'delete'; key: PrimaryKey; expectedVersion: number; condition?: WriteCondition }
  | { kind: 'check'; key: PrimaryKey; expectedVersion?: number; condition?: WriteCondition }
  | { kind: 'absent'; key: PrimaryKey };

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
interface Action {
  transact: TransactItem;
  /** Absent for an extra item. */
  write?: VersionedWrite;
}

/**
 * Runs the writes and the extra items. Up to 100 actions are one transaction, all or nothing. A
 * larger change without extra items (a first import of a provider with many housing forms) is
 * split: put the write that guards the whole change (e.g. the organisation's version) first, so a
 * concurrent change fails before anything is written. A later transaction's checks run only when
 * it does, so a split change can stop half-way: extra items (an audit record of the change) must
 * therefore fit in one transaction with all the writes, or they could record a change that failed.
 * Breaking either rule is a programming error, thrown before anything is written.
 */
export async function writeVersioned(
  table: DynamoDbTable,
  writes: readonly VersionedWrite[],
  extraItems: readonly Item[] = [],
): Promise<void> {
  // Extra items alone would be written unguarded by any check.
  if (writes.length === 0) throw new Error('writeVersioned needs at least one write.');
  if (extraItems.length > 0 && writes.length + extraItems.length > MAX_TRANSACTION_ITEMS) {
    throw new Error(
      `Extra items are written only in one transaction with the whole change: ${writes.length} writes and ` +
        `${extraItems.length} extra items exceed ${MAX_TRANSACTION_ITEMS} actions.`,
    );
  }
  const actions = writes.map((write): Action => ({ transact: transactItemOf(table.name, write), write }));
  const extras = extraItems.map((item): Action => ({
    transact: { Put: { TableName: table.name, Item: item, ...notExisting } },
  }));
  const chunks: Action[][] = [];
  if (extras.length > 0) chunks.push([...actions, ...extras]);
  else for (let i = 0; i < actions.length; i += MAX_TRANSACTION_ITEMS) chunks.push(actions.slice(i, i + MAX_TRANSACTION_ITEMS));

  for (const chunk of chunks) {
    try {
      await table.doc.send(new TransactWriteCommand({ TransactItems: chunk.map((a) => a.transact) }));
    } catch (error) {
      const failed = error instanceof TransactionCanceledException
        ? (error.CancellationReasons ?? []).findIndex((r) => r.Code === 'ConditionalCheckFailed')
        : -1;
      const write = chunk[failed]?.write;
      if (write) throw conflictOf(write);
      // An extra item whose key exists already is a bug in its id scheme, not someone else's edit.
      throw error;
    }
  }
}

const notExisting = { ConditionExpression: 'attribute_not_exists(#pk)', ExpressionAttributeNames: { '#pk': KEY.pk } };

function transactItemOf(tableName: string, write: VersionedWrite): TransactItem {
  if (write.kind === 'create') {
    return { Put: { TableName: tableName, Item: { ...write.item, version: 1 }, ...notExisting } };
  }
  if (write.kind === 'absent') {
    return { ConditionCheck: { TableName: tableName, Key: { [KEY.pk]: write.key.pk, [KEY.sk]: write.key.sk }, ...notExisting } };
  }
  if (write.kind === 'check') {
    const condition = write.expectedVersion === undefined ? existingAnd(write.condition) : versionCheck(write.expectedVersion, write.condition);
    return { ConditionCheck: { TableName: tableName, Key: { [KEY.pk]: write.key.pk, [KEY.sk]: write.key.sk }, ...condition } };
  }
  const check = versionCheck(write.expectedVersion, write.condition);
  if (write.kind === 'update') {
    return { Put: { TableName: tableName, Item: { ...write.item, version: write.expectedVersion + 1 }, ...check } };
  }
  if (write.kind === 'refresh') {
    // Version 0 is the absence of the attribute: writing a 0 would fail the next check.
    const { version: _absent, ...rest } = write.item;
    const item = write.expectedVersion === 0 ? rest : { ...rest, version: write.expectedVersion };
    return { Put: { TableName: tableName, Item: item, ...check } };
  }
  return { Delete: { TableName: tableName, Key: { [KEY.pk]: write.key.pk, [KEY.sk]: write.key.sk }, ...check } };
}

function existingAnd(extra: WriteCondition | undefined) {
  if (!extra) return { ConditionExpression: 'attribute_exists(#pk)', ExpressionAttributeNames: { '#pk': KEY.pk } };
  return {
    ConditionExpression: `attribute_exists(#pk) AND (${extra.expression})`,
    ExpressionAttributeNames: { '#pk': KEY.pk, ...extra.names },
    ...(extra.values && Object.keys(extra.values).length > 0 ? { ExpressionAttributeValues: extra.values } : {}),
  };
}

function versionCheck(expected: number, extra: WriteCondition | undefined) {
  const names: Record<string, string> = { '#pk': KEY.pk, '#version': 'version', ...extra?.names };
  const values: Item = { ...extra?.values };
  let expression: string;
  if (expected === 0) {
    expression = 'attribute_exists(#pk) AND attribute_not_exists(#version)';
  } else {
    expression = '#version = :expectedVersion';
    values[':expectedVersion'] = expected;
    delete names['#pk'];
  }
  if (extra) expression = `(${expression}) AND (${extra.expression})`;
  return {
    ConditionExpression: expression,
    ExpressionAttributeNames: names,
    ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
  };
}

function conflictOf(write: VersionedWrite): VersionConflictError {
  const key = write.kind === 'delete' || write.kind === 'check' || write.kind === 'absent' ? write.key : { pk: write.item[KEY.pk], sk: write.item[KEY.sk] };
  const known = entityOfKey(key);
  const expected = write.kind === 'create' || write.kind === 'absent' ? undefined : write.expectedVersion;
  return new VersionConflictError(known?.entity ?? 'item', known?.fields ?? { pk: String(key.pk), sk: String(key.sk) }, expected);
}
