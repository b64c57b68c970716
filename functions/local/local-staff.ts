// The staff API as `npm start` runs it: the accounts and listings in DynamoDB Local, mail into the outbox folder
// (DATA_DIR/outbox, each code also printed in the terminal), the server secret kept in DATA_DIR,
// and the caller's address from the socket.
import { join, resolve } from 'node:path';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Clock } from '../../shared/clock.ts';
import { loadAuthSecret } from '../accounts/secret.ts';
import { createStaffApp } from '../api/staff/app.ts';
import { siteUrl, type Config } from '../platform/config.ts';
import { OutboxMailer } from '../platform/mail.ts';
import { REPO_ROOT } from '../platform/paths.ts';
import type { Stores } from '../store/create-store.ts';

export const outboxDir = (config: Pick<Config, 'DATA_DIR'>) => join(resolve(REPO_ROOT, config.DATA_DIR), 'outbox');

export async function createLocalStaffApp(
  config: Config,
  stores: Pick<Stores, 'accounts' | 'throttles' | 'providerListings' | 'listingWriter' | 'regions' | 'invitations'>,
  clock: Clock,
) {
  return createStaffApp({
    accounts: stores.accounts,
    throttles: stores.throttles,
    providerListings: stores.providerListings,
    listingWriter: stores.listingWriter,
    regions: stores.regions,
    invitations: stores.invitations,
    siteUrl: siteUrl(config),
    mailer: new OutboxMailer(outboxDir(config), config.MAIL_FROM),
    clock,
    secret: await loadAuthSecret(config),
    clientAddress: (c) => getConnInfo(c).remote.address,
  });
}
