// The staff app with two support organisations over a fresh pair of tables (listing and dossier),
// on top of the provider test app (its two provider organisations are what consents name), with
// the people signed in by code: two supporters and the admin of the test support organisation,
// and a supporter of another one. `storedDossierState` reads every item of the dossier table
// consistently, to tell that a refused request changed nothing there.
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDbTable } from '../../functions/store/dynamodb/dynamodb-table.ts';
import type { Clock } from '../../shared/clock.ts';
import { createProviderTestApp, type Method } from './test-provider-app.ts';

export const SUPPORT = 'mee-test';
export const OTHER_SUPPORT = 'zorgbelang-test';
export const SUPPORT_BASE = `/api/supporter/organizations/${SUPPORT}`;
export const OTHER_SUPPORT_BASE = `/api/supporter/organizations/${OTHER_SUPPORT}`;

export async function createSupporterTestApp(options: { clock: Clock }) {
  const t = await createProviderTestApp(options);
  const createdAt = options.clock.now().toISOString();
  await t.stores.supportOrganizations.putSupportOrganization({ id: SUPPORT, name: 'MEE Test', regionIds: ['zuid-limburg'], createdAt });
  await t.stores.supportOrganizations.putSupportOrganization({ id: OTHER_SUPPORT, name: 'Zorgbelang Test', regionIds: ['zuid-limburg', 'rotterdam'], createdAt });
  const supporters = {
    supporter: await t.signIn(`ondersteuner@${SUPPORT}.example`, [{ role: 'supporter', supportOrganizationId: SUPPORT }], 'Sanne Steun'),
    colleague: await t.signIn(`collega@${SUPPORT}.example`, [{ role: 'supporter', supportOrganizationId: SUPPORT }], 'Chris Collega'),
    supportAdmin: await t.signIn(`beheer@${SUPPORT}.example`, [{ role: 'supporter-admin', supportOrganizationId: SUPPORT }], 'Anna Admin'),
    otherSupporter: await t.signIn(`ondersteuner@${OTHER_SUPPORT}.example`, [{ role: 'supporter', supportOrganizationId: OTHER_SUPPORT }], 'Otto Ander'),
  };
  const { dossierTableName } = t;
  const { doc } = new DynamoDbTable(t.client, dossierTableName);

  /** Every item of the dossier table, read consistently and in key order. */
  const storedDossierState = async () => {
    const items: Array<Record<string, unknown>> = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await doc.send(new ScanCommand({ TableName: dossierTableName, ConsistentRead: true, ExclusiveStartKey: start }));
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return items.sort((a, b) => `${String(a.pk)} ${String(a.sk)}`.localeCompare(`${String(b.pk)} ${String(b.sk)}`));
  };

  /** The JSON of an answer, typed loosely for assertions. */
  const call = async (method: Method, path: string, body: unknown, cookie: string | undefined) => {
    const res = await t.send(method, path, body, cookie);
    return { status: res.status, body: (await res.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };

  return { ...t, people: { ...t.people, ...supporters }, dossierTableName, storedDossierState, call };
}

export type SupporterTestApp = Awaited<ReturnType<typeof createSupporterTestApp>>;
