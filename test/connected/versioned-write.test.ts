// The versioned, transactional write over DynamoDB Local: creates and updates checked against the
// version they were based on, an extra (audit) item in the same transaction, and nothing written
// when a check fails.
import { beforeEach, describe, expect, it } from 'vitest';
import { DynamoDbTable, type Item } from '../../functions/store/dynamodb/dynamodb-table.ts';
import { entities } from '../../functions/store/dynamodb/keys.ts';
import { writeVersioned, type VersionedWrite } from '../../functions/store/dynamodb/versioned-write.ts';
import { VersionConflictError } from '../../functions/store/store-errors.ts';
import { createTestStore } from '../support/test-store.ts';

let table: DynamoDbTable;

beforeEach(async () => {
  const { client, tableName } = await createTestStore();
  table = new DynamoDbTable(client, tableName);
});

const org = (organizationId: string, name: string) => entities.organization.item({ organizationId }, { data: { id: organizationId, name } });
const orgKey = (organizationId: string) => entities.organization.key({ organizationId });
const form = (housingFormId: string, name: string) =>
  entities.housingForm.item({ locationId: 'de-linde', housingFormId, regionId: 'zuid-limburg' }, { organizationId: 'zorggroep-test', data: { id: housingFormId, name } });
const formKey = (housingFormId: string) => entities.housingForm.key({ locationId: 'de-linde', housingFormId });
/** Stands in for the audit record the next issue writes beside every change. */
const auditRecord = (n: number) => ({ pk: `TEST-AUDIT#${n}`, sk: 'TEST-AUDIT', type: 'test-audit', what: `change ${n}` });
const stored = async (key: { pk: string; sk: string }) => table.get(key, { consistent: true });

async function conflictOf(promise: Promise<unknown>): Promise<VersionConflictError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(VersionConflictError);
  return error as VersionConflictError;
}

describe('versioned writes', () => {
  it('creates at version 1 and refuses to create what exists, leaving it as it was', async () => {
    await writeVersioned(table, [{ kind: 'create', item: org('zorggroep-test', 'Eerste') }]);
    expect(await stored(orgKey('zorggroep-test'))).toMatchObject({ version: 1, data: { name: 'Eerste' } });

    const conflict = await conflictOf(writeVersioned(table, [{ kind: 'create', item: org('zorggroep-test', 'Tweede') }]));
    expect(conflict).toMatchObject({ entity: 'organization', ids: { organizationId: 'zorggroep-test' }, expectedVersion: undefined });
    expect(await stored(orgKey('zorggroep-test'))).toMatchObject({ version: 1, data: { name: 'Eerste' } });
  });

  it('updates from the version read to the next, and refuses a stale update with a conflict', async () => {
    await writeVersioned(table, [{ kind: 'create', item: org('zorggroep-test', 'Eerste') }]);
    await writeVersioned(table, [{ kind: 'update', item: org('zorggroep-test', 'Tweede'), expectedVersion: 1 }]);
    expect(await stored(orgKey('zorggroep-test'))).toMatchObject({ version: 2, data: { name: 'Tweede' } });

    // A second editor who also read version 1.
    const conflict = await conflictOf(writeVersioned(table, [{ kind: 'update', item: org('zorggroep-test', 'Derde'), expectedVersion: 1 }]));
    expect(conflict).toMatchObject({ entity: 'organization', expectedVersion: 1 });
    expect(conflict.message).toMatch(/changed by someone else/);
    expect(await stored(orgKey('zorggroep-test'))).toMatchObject({ version: 2, data: { name: 'Tweede' } });
  });

  it('refuses to update what is gone, and deletes only the version read', async () => {
    await conflictOf(writeVersioned(table, [{ kind: 'update', item: org('bestaat-niet', 'X'), expectedVersion: 1 }]));
    expect(await stored(orgKey('bestaat-niet'))).toBeUndefined();

    await writeVersioned(table, [{ kind: 'create', item: form('logeren', 'Logeren') }]);
    await writeVersioned(table, [{ kind: 'update', item: form('logeren', 'Logeren en wonen'), expectedVersion: 1 }]);
    const stale = await conflictOf(writeVersioned(table, [{ kind: 'delete', key: formKey('logeren'), expectedVersion: 1 }]));
    expect(stale).toMatchObject({ entity: 'housingForm', ids: { locationId: 'de-linde', housingFormId: 'logeren' }, expectedVersion: 1 });
    expect(await stored(formKey('logeren'))).toMatchObject({ version: 2 });

    await writeVersioned(table, [{ kind: 'delete', key: formKey('logeren'), expectedVersion: 2 }]);
    expect(await stored(formKey('logeren'))).toBeUndefined();
  });

  it('treats an item stored before versions existed as version 0', async () => {
    await table.put(org('zorggroep-test', 'Zonder versie'));
    await conflictOf(writeVersioned(table, [{ kind: 'update', item: org('zorggroep-test', 'X'), expectedVersion: 1 }]));
    await writeVersioned(table, [{ kind: 'update', item: org('zorggroep-test', 'Met versie'), expectedVersion: 0 }]);
    expect(await stored(orgKey('zorggroep-test'))).toMatchObject({ version: 1, data: { name: 'Met versie' } });
    // Version 0 no longer matches once the item has a version.
    await conflictOf(writeVersioned(table, [{ kind: 'update', item: org('zorggroep-test', 'X'), expectedVersion: 0 }]));
  });

  it('checks a further condition together with the version', async () => {
    await writeVersioned(table, [{ kind: 'create', item: form('logeren', 'Logeren') }]);
    const ownedBy = (organizationId: string) => ({ expression: 'organizationId = :org', values: { ':org': organizationId } });
    await conflictOf(writeVersioned(table, [{ kind: 'update', item: form('logeren', 'Overgenomen'), expectedVersion: 1, condition: ownedBy('andere-zorg') }]));
    await writeVersioned(table, [{ kind: 'update', item: form('logeren', 'Bijgewerkt'), expectedVersion: 1, condition: ownedBy('zorggroep-test') }]);
    expect(await stored(formKey('logeren'))).toMatchObject({ version: 2, data: { name: 'Bijgewerkt' } });
  });
});

describe('an extra item in the same transaction', () => {
  it('is written together with the change', async () => {
    await writeVersioned(table, [{ kind: 'create', item: org('zorggroep-test', 'Eerste') }, { kind: 'create', item: form('logeren', 'Logeren') }], [auditRecord(1)]);
    expect(await stored({ pk: 'TEST-AUDIT#1', sk: 'TEST-AUDIT' })).toMatchObject({ what: 'change 1' });
    expect(await stored(formKey('logeren'))).toMatchObject({ version: 1 });
  });

  it('is not written when any check fails, and neither is any other change of the transaction', async () => {
    await writeVersioned(table, [{ kind: 'create', item: org('zorggroep-test', 'Eerste') }]);
    const writes: VersionedWrite[] = [
      { kind: 'create', item: form('logeren', 'Logeren') },
      { kind: 'create', item: org('andere-zorg', 'Andere') },
      { kind: 'update', item: org('zorggroep-test', 'Verouderd'), expectedVersion: 7 },
    ];
    const conflict = await conflictOf(writeVersioned(table, writes, [auditRecord(2)]));
    expect(conflict).toMatchObject({ entity: 'organization', ids: { organizationId: 'zorggroep-test' }, expectedVersion: 7 });
    expect(await stored({ pk: 'TEST-AUDIT#2', sk: 'TEST-AUDIT' })).toBeUndefined();
    expect(await stored(formKey('logeren'))).toBeUndefined();
    expect(await stored(orgKey('andere-zorg'))).toBeUndefined();
    expect(await stored(orgKey('zorggroep-test'))).toMatchObject({ version: 1, data: { name: 'Eerste' } });
  });

  it('never overwrites an existing record', async () => {
    await writeVersioned(table, [{ kind: 'create', item: form('logeren', 'Logeren') }], [auditRecord(3)]);
    await expect(writeVersioned(table, [{ kind: 'update', item: form('logeren', 'Nieuw'), expectedVersion: 1 }], [{ ...auditRecord(3), what: 'overwritten' }])).rejects.toThrow();
    expect(await stored({ pk: 'TEST-AUDIT#3', sk: 'TEST-AUDIT' })).toMatchObject({ what: 'change 3' });
    expect(await stored(formKey('logeren'))).toMatchObject({ version: 1, data: { name: 'Logeren' } });
  });
});

describe('a change larger than one transaction', () => {
  const forms = (n: number): VersionedWrite[] => Array.from({ length: n }, (_, i) => ({ kind: 'create', item: form(`vorm-${i}`, `Vorm ${i}`) }));
  const count = async () => (await table.queryAll(entities.housingForm.query('primary', { locationId: 'de-linde' }, { onlyThis: true }))).length;
  const audits = (from: number, n: number): Item[] => Array.from({ length: n }, (_, i) => auditRecord(from + i));

  it('is written whole when it has no extra items', { timeout: 60_000 }, async () => {
    await writeVersioned(table, [{ kind: 'create', item: org('zorggroep-test', 'Groot') }, ...forms(230)]);
    expect(await count()).toBe(230);
  });

  it('writes nothing when the first write, the one guarding the change, is stale', async () => {
    await writeVersioned(table, [{ kind: 'create', item: org('zorggroep-test', 'Groot') }]);
    const guard: VersionedWrite = { kind: 'update', item: org('zorggroep-test', 'Groot'), expectedVersion: 5 };
    await conflictOf(writeVersioned(table, [guard, ...forms(230)]));
    expect(await count()).toBe(0);
  });

  it('takes extra items only when they fit in one transaction with every write', async () => {
    await writeVersioned(table, [{ kind: 'create', item: org('zorggroep-test', 'Precies') }, ...forms(98)], [auditRecord(4)]);
    expect(await count()).toBe(98);
    expect(await stored({ pk: 'TEST-AUDIT#4', sk: 'TEST-AUDIT' })).toBeDefined();
  });

  it('refuses extra items beside a change split over transactions, before writing anything', async () => {
    // Split, the audit record would outlive a later transaction's conflict; and 100 extras would leave no room for the guard.
    const refusals = [
      writeVersioned(table, [{ kind: 'create', item: org('zorggroep-test', 'Groot') }, ...forms(99)], [auditRecord(5)]),
      writeVersioned(table, forms(1), audits(100, 100)),
      writeVersioned(table, forms(1), audits(200, 101)),
    ];
    for (const refusal of refusals) await expect(refusal).rejects.toThrow(/exceed 100 actions/);
    expect(await count()).toBe(0);
    expect(await stored(orgKey('zorggroep-test'))).toBeUndefined();
    expect(await stored({ pk: 'TEST-AUDIT#5', sk: 'TEST-AUDIT' })).toBeUndefined();
    expect(await stored({ pk: 'TEST-AUDIT#100', sk: 'TEST-AUDIT' })).toBeUndefined();
  });

  it('refuses extra items without any write, which no check would guard', async () => {
    await expect(writeVersioned(table, [], [auditRecord(6)])).rejects.toThrow(/at least one write/);
    await expect(writeVersioned(table, [])).rejects.toThrow(/at least one write/);
    expect(await stored({ pk: 'TEST-AUDIT#6', sk: 'TEST-AUDIT' })).toBeUndefined();
  });
});
