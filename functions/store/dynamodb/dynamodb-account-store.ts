// The accounts port on DynamoDB (keys in keys.ts). An account, its email item and its memberships
// are written in one transaction, the email item under attribute_not_exists, so an address has one
// account. Codes and sessions carry `expiresAt` (epoch seconds) for DynamoDB's TTL, which deletes
// late: every reader also compares the times itself (functions/accounts/). Sign-out everywhere
// marks the account item (read consistently with every request) before deleting the sessions its
// gsi2 lists, since that index is read eventually consistently and can miss a new session.
import { DeleteCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { createHash } from 'node:crypto';
import type {
  Account, AccountStore, AccountWithMemberships, Membership, MembershipRole, MembershipScope, OrganizationMember, StoredPasskey,
  StoredPasskeyChallenge, StoredSession, StoredSignInCode, SupportOrganizationMember,
} from '../account-store.ts';
import { AccountExistsError, PASSKEY_CHALLENGE_PURPOSES, PROVIDER_ROLES, scopeOf, SUPPORTER_ROLES } from '../account-store.ts';
import { conditionally, isConditionFailure, type DynamoDbTable, type Item } from './dynamodb-table.ts';
import { entities } from './keys.ts';
import { TTL_ATTRIBUTE } from './table-design.ts';

const ttlSeconds = (ms: number) => Math.ceil(ms / 1000);

/** A credential id is up to 1023 bytes: its key holds the SHA-256 of it, the item the id itself. */
const credentialHash = (credentialId: string) => createHash('sha256').update(credentialId).digest('hex');

function passkeyOf(item: Item): StoredPasskey {
  return {
    credentialId: String(item.credentialId),
    accountId: String(item.accountId),
    publicKey: String(item.publicKey),
    counter: Number(item.counter),
    transports: Array.isArray(item.transports) ? item.transports.map(String) : [],
    name: String(item.name),
    createdAt: String(item.createdAt),
    ...(typeof item.lastUsedAt === 'string' ? { lastUsedAt: item.lastUsedAt } : {}),
  };
}

/** A membership's item: its keys say it all (the primary key who holds it, gsi2 where it holds). */
export function membershipItem(accountId: string, membership: Membership): Item {
  return entities.membership.item({ accountId, role: membership.role, ...scopeOf(membership) }, {});
}

/**
 * The writes that make an account, for a transaction: the email item under attribute_not_exists
 * (a condition failure on it means the address has an account), the account and its memberships.
 */
export function accountCreationWrites(tableName: string, account: Account, memberships: readonly Membership[]) {
  const put = (Item: Item, condition = true) => ({
    Put: { TableName: tableName, Item, ...(condition ? { ConditionExpression: 'attribute_not_exists(pk)' } : {}) },
  });
  return [
    put(entities.accountEmail.item({ email: account.email }, { accountId: account.id })),
    put(entities.account.item({ accountId: account.id }, { data: account })),
    ...memberships.map((m) => put(membershipItem(account.id, m), false)),
  ];
}

function membershipOf(item: Item): Membership | undefined {
  const fields = entities.membership.parseKey(item);
  if (!fields) return undefined;
  const { role, scopeId } = fields;
  if (role === 'supporter' || role === 'supporter-admin') return { role, supportOrganizationId: scopeId };
  if (role === 'coordinator') return { role, regionId: scopeId };
  return { role, organizationId: scopeId };
}

export class DynamoDbAccountStore implements AccountStore {
  constructor(private readonly table: DynamoDbTable) {}

  async createAccount(account: Account, memberships: readonly Membership[]): Promise<void> {
    try {
      await this.table.doc.send(new TransactWriteCommand({ TransactItems: accountCreationWrites(this.table.name, account, memberships) }));
    } catch (error) {
      if (isConditionFailure(error)) throw new AccountExistsError(account.email);
      throw error;
    }
  }

  async addMembership(accountId: string, membership: Membership): Promise<void> {
    await this.table.put(membershipItem(accountId, membership));
  }

  async findAccountByEmail(email: string): Promise<Account | undefined> {
    const pointer = await this.table.get(entities.accountEmail.key({ email }), { consistent: true });
    if (typeof pointer?.accountId !== 'string') return undefined;
    return (await this.getAccount(pointer.accountId))?.account;
  }

  async recordSignIn(accountId: string, atMs: number): Promise<void> {
    await conditionally(() => this.table.doc.send(new UpdateCommand({
      TableName: this.table.name,
      Key: entities.account.key({ accountId }),
      UpdateExpression: 'SET lastSignInAtMs = :at',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':at': atMs },
    })));
  }

  async getAccount(accountId: string): Promise<AccountWithMemberships | undefined> {
    const items = await this.table.queryAll({ ...entities.account.query('primary', { accountId }), ConsistentRead: true });
    const accountItem = items.find((i) => entities.account.is(i));
    if (!accountItem) return undefined;
    const memberships = items.flatMap((i) => (entities.membership.is(i) ? [membershipOf(i)].filter((m) => m !== undefined) : []));
    const ended = accountItem.sessionsEndedAtMs;
    return { account: accountItem.data as Account, memberships, ...(typeof ended === 'number' ? { sessionsEndedAtMs: ended } : {}) };
  }

  async listOrganizationMembers(organizationId: string): Promise<OrganizationMember[]> {
    return this.membersOf('organization', organizationId, PROVIDER_ROLES);
  }

  async listSupportOrganizationMembers(supportOrganizationId: string): Promise<SupportOrganizationMember[]> {
    return this.membersOf('support-organization', supportOrganizationId, SUPPORTER_ROLES);
  }

  /** Who holds one of `wanted` in the scope, each with the roles held, by name. */
  private async membersOf<R extends MembershipRole>(scope: MembershipScope, scopeId: string, wanted: readonly R[]) {
    const items = await this.table.queryAll(entities.membership.query('gsi2', { scope, scopeId }));
    const roles = new Map<string, R[]>();
    const isWanted = (role: MembershipRole): role is R => (wanted as readonly MembershipRole[]).includes(role);
    for (const item of items) {
      const fields = entities.membership.parseKey(item);
      if (!fields || !isWanted(fields.role)) continue;
      roles.set(fields.accountId, [...(roles.get(fields.accountId) ?? []), fields.role]);
    }
    const members = await Promise.all([...roles].map(async ([accountId, held]) => {
      const item = await this.table.get(entities.account.key({ accountId }));
      if (!item) return undefined;
      const last = item.lastSignInAtMs;
      return { account: item.data as Account, roles: [...held].sort(), ...(typeof last === 'number' ? { lastSignInAt: new Date(last).toISOString() } : {}) };
    }));
    return members.filter((m) => m !== undefined).sort((a, b) => a.account.name.localeCompare(b.account.name, 'nl'));
  }

  async putSignInCode(code: StoredSignInCode): Promise<void> {
    await this.table.put(entities.signInCode.item({ email: code.email }, {
      codeHash: code.codeHash,
      tries: code.tries,
      expiresAtMs: code.expiresAtMs,
      [TTL_ATTRIBUTE]: ttlSeconds(code.expiresAtMs),
    }));
  }

  async getSignInCode(email: string): Promise<StoredSignInCode | undefined> {
    const item = await this.table.get(entities.signInCode.key({ email }), { consistent: true });
    if (!item) return undefined;
    return { email, codeHash: String(item.codeHash), tries: Number(item.tries), expiresAtMs: Number(item.expiresAtMs) };
  }

  async takeTry(email: string, codeHash: string, maxTries: number): Promise<number | undefined> {
    try {
      const out = await this.table.doc.send(new UpdateCommand({
        TableName: this.table.name,
        Key: entities.signInCode.key({ email }),
        UpdateExpression: 'SET tries = tries + :one',
        ConditionExpression: 'codeHash = :hash AND tries < :max',
        ExpressionAttributeValues: { ':one': 1, ':hash': codeHash, ':max': maxTries },
        ReturnValues: 'UPDATED_NEW',
      }));
      return Number(out.Attributes?.tries);
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  }

  async consumeSignInCode(email: string, codeHash: string): Promise<boolean> {
    return conditionally(() => this.table.doc.send(new DeleteCommand({
      TableName: this.table.name,
      Key: entities.signInCode.key({ email }),
      ConditionExpression: 'codeHash = :hash',
      ExpressionAttributeValues: { ':hash': codeHash },
    })));
  }

  async deleteSignInCode(email: string): Promise<void> {
    await this.table.doc.send(new DeleteCommand({ TableName: this.table.name, Key: entities.signInCode.key({ email }) }));
  }

  async putSession(session: StoredSession): Promise<void> {
    await this.table.put(entities.session.item({ sessionHash: session.sessionHash, accountId: session.accountId }, {
      ...session,
      [TTL_ATTRIBUTE]: ttlSeconds(Math.min(session.idleExpiresAtMs, session.absoluteExpiresAtMs)),
    }));
  }

  async getSession(sessionHash: string): Promise<StoredSession | undefined> {
    const item = await this.table.get(entities.session.key({ sessionHash }), { consistent: true });
    if (!item) return undefined;
    return {
      sessionHash,
      accountId: String(item.accountId),
      createdAtMs: Number(item.createdAtMs),
      lastUsedAtMs: Number(item.lastUsedAtMs),
      idleExpiresAtMs: Number(item.idleExpiresAtMs),
      absoluteExpiresAtMs: Number(item.absoluteExpiresAtMs),
    };
  }

  async touchSession(sessionHash: string, lastUsedAtMs: number, idleExpiresAtMs: number): Promise<boolean> {
    return conditionally(() => this.table.doc.send(new UpdateCommand({
      TableName: this.table.name,
      Key: entities.session.key({ sessionHash }),
      // The idle end never passes the absolute end, which the session keeps; a session signed out
      // meanwhile is not brought back by an update.
      UpdateExpression: 'SET lastUsedAtMs = :used, idleExpiresAtMs = :idle, #ttl = :ttl',
      ConditionExpression: 'attribute_exists(pk) AND absoluteExpiresAtMs >= :idle',
      ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
      ExpressionAttributeValues: { ':used': lastUsedAtMs, ':idle': idleExpiresAtMs, ':ttl': ttlSeconds(idleExpiresAtMs) },
    })));
  }

  async deleteSession(sessionHash: string): Promise<void> {
    await this.table.doc.send(new DeleteCommand({ TableName: this.table.name, Key: entities.session.key({ sessionHash }) }));
  }

  async endSessionsUntil(accountId: string, atMs: number): Promise<void> {
    await conditionally(() => this.table.doc.send(new UpdateCommand({
      TableName: this.table.name,
      Key: entities.account.key({ accountId }),
      UpdateExpression: 'SET sessionsEndedAtMs = :at',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':at': atMs },
    })));
  }

  async deleteAccountSessions(accountId: string): Promise<number> {
    const items = await this.table.queryAll(entities.session.query('gsi2', { accountId }, { onlyThis: true }));
    const keys = items.flatMap((i) => {
      const fields = entities.session.parseKey(i);
      return fields ? [entities.session.key(fields)] : [];
    });
    await this.table.batchWrite(keys.map((key) => ({ delete: key })));
    return keys.length;
  }

  async putPasskeyChallenge(challenge: StoredPasskeyChallenge): Promise<void> {
    await this.table.put(entities.passkeyChallenge.item({ challengeHash: challenge.challengeHash }, {
      purpose: challenge.purpose,
      ...(challenge.sessionHash ? { sessionHash: challenge.sessionHash } : {}),
      expiresAtMs: challenge.expiresAtMs,
      [TTL_ATTRIBUTE]: ttlSeconds(challenge.expiresAtMs),
    }));
  }

  async takePasskeyChallenge(challengeHash: string): Promise<StoredPasskeyChallenge | undefined> {
    const out = await this.table.doc.send(new DeleteCommand({
      TableName: this.table.name,
      Key: entities.passkeyChallenge.key({ challengeHash }),
      ReturnValues: 'ALL_OLD',
    }));
    const item = out.Attributes;
    const purpose = PASSKEY_CHALLENGE_PURPOSES.find((p) => p === item?.purpose);
    if (!item || !purpose) return undefined;
    return {
      challengeHash,
      purpose,
      ...(typeof item.sessionHash === 'string' ? { sessionHash: item.sessionHash } : {}),
      expiresAtMs: Number(item.expiresAtMs),
    };
  }

  async putPasskey(passkey: StoredPasskey): Promise<boolean> {
    const item = entities.passkey.item({ credentialHash: credentialHash(passkey.credentialId), accountId: passkey.accountId }, { ...passkey });
    return conditionally(() => this.table.doc.send(new PutCommand({
      TableName: this.table.name,
      Item: item,
      ConditionExpression: 'attribute_not_exists(pk)',
    })));
  }

  async getPasskey(credentialId: string): Promise<StoredPasskey | undefined> {
    const item = await this.table.get(entities.passkey.key({ credentialHash: credentialHash(credentialId) }), { consistent: true });
    return item ? passkeyOf(item) : undefined;
  }

  async listPasskeys(accountId: string): Promise<StoredPasskey[]> {
    const items = await this.table.queryAll(entities.passkey.query('gsi2', { accountId }, { onlyThis: true }));
    return items.map(passkeyOf).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  async usePasskey(credentialId: string, previousCounter: number, counter: number, lastUsedAt: string): Promise<boolean> {
    return conditionally(() => this.table.doc.send(new UpdateCommand({
      TableName: this.table.name,
      Key: entities.passkey.key({ credentialHash: credentialHash(credentialId) }),
      UpdateExpression: 'SET #counter = :counter, lastUsedAt = :used',
      ConditionExpression: 'attribute_exists(pk) AND #counter = :previous',
      ExpressionAttributeNames: { '#counter': 'counter' },
      ExpressionAttributeValues: { ':counter': counter, ':previous': previousCounter, ':used': lastUsedAt },
    })));
  }

  async deletePasskey(accountId: string, credentialId: string): Promise<boolean> {
    return conditionally(() => this.table.doc.send(new DeleteCommand({
      TableName: this.table.name,
      Key: entities.passkey.key({ credentialHash: credentialHash(credentialId) }),
      ConditionExpression: 'accountId = :account',
      ExpressionAttributeValues: { ':account': accountId },
    })));
  }
}
