// The invitations port on DynamoDB (keys in keys.ts). Accepting is one transaction: the invitation
// deleted only while it exists and has not expired, and the membership (with a new account's items,
// the email item under attribute_not_exists) put beside it, so a token cannot be used twice, not
// even by two requests at once. Items carry `expiresAt` for TTL, which deletes late: the
// transaction's condition compares the time itself.
import { DeleteCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { AccountExistsError } from '../account-store.ts';
import { invitationScopeId, type InvitationAcceptance, type InvitationStore, type StoredInvitation } from '../invitation-store.ts';
import { accountCreationWrites, membershipItem } from './dynamodb-account-store.ts';
import { conditionally, type DynamoDbTable, type Item } from './dynamodb-table.ts';
import { entities } from './keys.ts';
import { TTL_ATTRIBUTE } from './table-design.ts';

const FIELDS = ['invitationId', 'tokenHash', 'email', 'name', 'membership', 'organizationName', 'invitedBy', 'createdAtMs', 'expiresAtMs'] as const;

function invitationOf(item: Item): StoredInvitation {
  return Object.fromEntries(FIELDS.map((f) => [f, item[f]])) as unknown as StoredInvitation;
}

export class DynamoDbInvitationStore implements InvitationStore {
  constructor(private readonly table: DynamoDbTable) {}

  async putInvitation(invitation: StoredInvitation): Promise<void> {
    const keys = { tokenHash: invitation.tokenHash, organizationId: invitationScopeId(invitation.membership), invitationId: invitation.invitationId };
    await this.table.doc.send(new PutCommand({
      TableName: this.table.name,
      Item: entities.invitation.item(keys, { ...invitation, [TTL_ATTRIBUTE]: Math.ceil(invitation.expiresAtMs / 1000) }),
      // A token is 32 random bytes: a clash is a bug, and never overwrites.
      ConditionExpression: 'attribute_not_exists(pk)',
    }));
  }

  async getInvitation(tokenHash: string): Promise<StoredInvitation | undefined> {
    const item = await this.table.get(entities.invitation.key({ tokenHash }), { consistent: true });
    return item ? invitationOf(item) : undefined;
  }

  async listInvitations(organizationId: string): Promise<StoredInvitation[]> {
    const items = await this.table.queryAll(entities.invitation.query('gsi2', { organizationId }));
    return items.map(invitationOf).sort((a, b) => a.createdAtMs - b.createdAtMs);
  }

  async withdrawInvitation(organizationId: string, invitationId: string): Promise<boolean> {
    const found = (await this.listInvitations(organizationId)).find((i) => i.invitationId === invitationId);
    if (!found) return false;
    return conditionally(() => this.table.doc.send(new DeleteCommand({
      TableName: this.table.name,
      Key: entities.invitation.key({ tokenHash: found.tokenHash }),
      // The index is read eventually consistently: delete only what is still this organisation's invitation.
      // A support organisation's invitations are listed by its id in the same index.
      ConditionExpression: 'attribute_exists(pk) AND invitationId = :id AND (membership.organizationId = :org OR membership.supportOrganizationId = :org)',
      ExpressionAttributeValues: { ':id': invitationId, ':org': organizationId },
    })));
  }

  async acceptInvitation(tokenHash: string, nowMs: number, acceptance: InvitationAcceptance): Promise<boolean> {
    const invitation = await this.getInvitation(tokenHash);
    if (!invitation) return false;
    const use = {
      Delete: {
        TableName: this.table.name,
        Key: entities.invitation.key({ tokenHash }),
        ConditionExpression: 'attribute_exists(pk) AND expiresAtMs > :now',
        ExpressionAttributeValues: { ':now': nowMs },
      },
    };
    const grant = 'accountId' in acceptance
      ? [{ Put: { TableName: this.table.name, Item: membershipItem(acceptance.accountId, invitation.membership) } }]
      : accountCreationWrites(this.table.name, acceptance.newAccount, [invitation.membership]);
    try {
      await this.table.doc.send(new TransactWriteCommand({ TransactItems: [use, ...grant] }));
      return true;
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      if (reasons[0]?.Code === 'ConditionalCheckFailed') return false;
      // The only other condition is the new account's email item: the address has an account now.
      if (reasons.some((r) => r.Code === 'ConditionalCheckFailed') && 'newAccount' in acceptance) {
        throw new AccountExistsError(acceptance.newAccount.email);
      }
      throw error;
    }
  }
}
