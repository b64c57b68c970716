// The staff API as `npm start` runs it: the accounts and listings in DynamoDB Local, mail into the outbox folder
// (DATA_DIR/outbox, each code also printed in the terminal), photos in DATA_DIR/photos (served by
// the local server at /photos/...), the server secret kept in DATA_DIR, and the caller's address
// from the socket.
import { join, resolve } from 'node:path';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Clock } from '../../shared/clock.ts';
import { loadAuthSecret } from '../accounts/secret.ts';
import { createStaffApp } from '../api/staff/app.ts';
import { siteUrl, type Config } from '../platform/config.ts';
import { OutboxMailer } from '../platform/mail.ts';
import { LocalPhotoStorage } from '../photos/local-photo-storage.ts';
import { REPO_ROOT } from '../platform/paths.ts';
import type { StaffStores } from '../api/staff/context.ts';

export const outboxDir = (config: Pick<Config, 'DATA_DIR'>) => join(resolve(REPO_ROOT, config.DATA_DIR), 'outbox');
/** The local photo storage's folder, laid out like the bucket (git-ignored with DATA_DIR). */
export const photosDir = (config: Pick<Config, 'DATA_DIR'>) => join(resolve(REPO_ROOT, config.DATA_DIR), 'photos');

export async function createLocalStaffApp(
  config: Config,
  stores: StaffStores,
  clock: Clock,
) {
  return createStaffApp({
    ...stores,
    siteUrl: siteUrl(config),
    mailer: new OutboxMailer(outboxDir(config), config.MAIL_FROM),
    photos: new LocalPhotoStorage(photosDir(config)),
    clock,
    secret: await loadAuthSecret(config),
    clientAddress: (c) => getConnInfo(c).remote.address,
  });
}
