// The local database for `npm start` and the import command: DynamoDB Local on disk, shared
// through a small runtime file so an import reaches the instance `npm start` is running.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import type { Config } from '../platform/config.ts';
import { createDynamoDbClient, dynamoDbStores, type Stores } from '../store/create-store.ts';
import { ensureTable } from '../store/dynamodb/ensure-table.ts';
import { REPO_ROOT } from '../platform/paths.ts';
import { superviseDynamoDbLocal } from './dynamodb-local.ts';

export interface LocalDatabase {
  stores: Stores;
  endpoint: string;
  /** The DynamoDB Local process this one started and watches; undefined for a shared instance. */
  databasePid(): number | undefined;
  /** Stops DynamoDB Local when this process started it; leaves a shared instance running. */
  close(): Promise<void>;
}

const dataDir = (config: Config) => resolve(REPO_ROOT, config.DATA_DIR);
const runtimeFile = (config: Config) => join(dataDir(config), 'dynamodb-local.json');

/**
 * Opens the stores: at DYNAMODB_ENDPOINT when set; else the instance a running `npm start`
 * announced; else a new DynamoDB Local on disk, which `announce` makes findable for others. One
 * this process starts is watched: if it dies it is started again on the same data, and `say`
 * (the terminal by default) tells the person so.
 */
export async function openLocalDatabase(
  config: Config,
  options: { announce: boolean; say?: (line: string) => void },
): Promise<LocalDatabase> {
  const shared = config.DYNAMODB_ENDPOINT ?? (await runningInstance(config));
  if (shared) {
    const stores = await openStores(config, shared);
    return { stores, endpoint: shared, databasePid: () => undefined, close: async () => {} };
  }
  await mkdir(dataDir(config), { recursive: true });
  const say = options.say ?? ((line: string) => process.stderr.write(`${line}\n`));
  const db = await superviseDynamoDbLocal({ mode: 'disk', dir: join(dataDir(config), 'dynamodb') }, say);
  try {
    const stores = await openStores(config, db.endpoint);
    if (options.announce) await writeFile(runtimeFile(config), JSON.stringify({ endpoint: db.endpoint, pid: process.pid }));
    return {
      stores,
      endpoint: db.endpoint,
      databasePid: db.pid,
      close: async () => {
        if (options.announce) await rm(runtimeFile(config), { force: true });
        await db.stop();
      },
    };
  } catch (error) {
    await db.stop();
    throw error;
  }
}

async function openStores(config: Config, endpoint: string) {
  const client = createDynamoDbClient({ ...config, DYNAMODB_ENDPOINT: endpoint });
  const names = { statisticsTableName: config.STATISTICS_TABLE_NAME, dossierTableName: config.DOSSIER_TABLE_NAME };
  await ensureTable(client, config.TABLE_NAME, names);
  return dynamoDbStores(client, config.TABLE_NAME, names);
}

async function runningInstance(config: Config): Promise<string | undefined> {
  let announced: { endpoint?: unknown; pid?: unknown };
  try {
    announced = JSON.parse(await readFile(runtimeFile(config), 'utf8')) as typeof announced;
  } catch {
    return undefined;
  }
  if (typeof announced.endpoint !== 'string' || typeof announced.pid !== 'number' || !isAlive(announced.pid)) return undefined;
  try {
    const client = createDynamoDbClient({ ...config, DYNAMODB_ENDPOINT: announced.endpoint });
    await client.send(new ListTablesCommand({ Limit: 1 }));
    return announced.endpoint;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
