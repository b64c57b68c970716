// The key module: each entity's keys composed from its fields and parsed back, in the exact
// formats already stored in tables (a changed format would orphan every stored item).
import { describe, expect, it } from 'vitest';
import { entities, entityOfKey, KeyFieldError } from '../../../functions/store/dynamodb/keys.ts';

const location = { locationId: 'de-linde', organizationId: 'zorggroep-test', regionId: 'zuid-limburg' };
const housingForm = { locationId: 'de-linde', housingFormId: 'kleinschalig-wonen', regionId: 'zuid-limburg' };

describe('composing keys', () => {
  it('writes each entity in the stored formats', () => {
    expect(entities.region.keys({ regionId: 'zuid-limburg' })).toEqual({
      pk: 'REGION#zuid-limburg', sk: 'REGION', gsi2pk: 'REGIONS', gsi2sk: 'zuid-limburg',
    });
    expect(entities.questionnaire.keys({ regionId: 'rotterdam', version: 3 })).toEqual({ pk: 'REGION#rotterdam', sk: 'QUESTIONNAIRE#000003' });
    expect(entities.organization.keys({ organizationId: 'zorggroep-test' })).toEqual({ pk: 'ORG#zorggroep-test', sk: 'ORG', gsi2pk: 'ORGS', gsi2sk: 'zorggroep-test' });
    // An organisation's own audit records sort by time beside its locations' (ORG# before LOC#), and the region keeps a copy.
    expect(entities.organizationChange.keys({ organizationId: 'zorggroep-test', atMs: 1_763_640_000_000, changeId: 'c-1' }))
      .toEqual({ pk: 'HISTORY#zorggroep-test', sk: 'ORG#1763640000000#c-1' });
    expect(entities.regionOrganizationChange.keys({ regionId: 'zuid-limburg', atMs: 1_763_640_000_000, changeId: 'c-1' }))
      .toEqual({ pk: 'REGION-HISTORY#zuid-limburg', sk: '1763640000000#c-1' });
    // A coordinator's reminder to an organisation shares the region's reminder partition, apart by its sort key.
    expect(entities.organizationReminder.keys({ regionId: 'zuid-limburg', organizationId: 'zorggroep-test' }))
      .toEqual({ pk: 'REMINDERS#zuid-limburg', sk: 'ORG#zorggroep-test' });
    expect(entities.reminder.parseKey(entities.organizationReminder.key({ regionId: 'zuid-limburg', organizationId: 'zorggroep-test' }))).toBeUndefined();
    expect(entities.location.keys(location)).toEqual({
      pk: 'LOC#de-linde', sk: 'LOC',
      gsi1pk: 'REGION#zuid-limburg', gsi1sk: 'LOC#de-linde',
      gsi2pk: 'ORG#zorggroep-test', gsi2sk: 'LOC#de-linde',
    });
    expect(entities.housingForm.keys(housingForm)).toEqual({
      pk: 'LOC#de-linde', sk: 'HF#kleinschalig-wonen',
      gsi1pk: 'REGION#zuid-limburg', gsi1sk: 'HF#de-linde#kleinschalig-wonen',
    });
  });

  it('pads questionnaire versions so the newest sorts last', () => {
    const sks = [10, 9, 100, 2].map((version) => entities.questionnaire.key({ regionId: 'rotterdam', version }).sk);
    expect([...sks].sort().map((sk) => entities.questionnaire.parseKey({ pk: 'REGION#rotterdam', sk })?.version)).toEqual([2, 9, 10, 100]);
  });

  it('builds an item from its keys, its type and its attributes, keys winning over a stray attribute', () => {
    const item = entities.location.item(location, { data: { id: 'de-linde' }, pk: 'something else' });
    expect(item).toEqual({ ...entities.location.keys(location), type: 'location', data: { id: 'de-linde' } });
  });

  it('refuses a field value that could not be parsed back: a separator, an empty id, a version out of range', () => {
    expect(() => entities.location.key({ locationId: 'de#linde' })).toThrow(KeyFieldError);
    expect(() => entities.organization.key({ organizationId: '' })).toThrow(KeyFieldError);
    expect(() => entities.questionnaire.key({ regionId: 'rotterdam', version: 1_000_000 })).toThrow(KeyFieldError);
    expect(() => entities.questionnaire.key({ regionId: 'rotterdam', version: 1.5 })).toThrow(KeyFieldError);
  });
});

describe('parsing keys', () => {
  it('gives every entity its fields back from its keys', () => {
    expect(entities.region.parse(entities.region.keys({ regionId: 'zuid-limburg' }))).toEqual({ regionId: 'zuid-limburg' });
    expect(entities.questionnaire.parse(entities.questionnaire.keys({ regionId: 'rotterdam', version: 12 }))).toEqual({ regionId: 'rotterdam', version: 12 });
    expect(entities.organization.parse(entities.organization.keys({ organizationId: 'zorggroep-test' }))).toEqual({ organizationId: 'zorggroep-test' });
    expect(entities.location.parse(entities.location.keys(location))).toEqual(location);
    expect(entities.housingForm.parse(entities.housingForm.keys(housingForm))).toEqual(housingForm);
  });

  it('round-trips ids of every slug shape', () => {
    for (const id of ['ab', 'a1', 'de-linde-2', 'x'.repeat(80), '0-0-0']) {
      const fields = { locationId: id, housingFormId: 'vorm-1', regionId: id };
      expect(entities.housingForm.parse(entities.housingForm.keys(fields))).toEqual(fields);
    }
  });

  it("tells the entities sharing a partition apart by their sort keys", () => {
    const loc = entities.location.keys(location);
    const form = entities.housingForm.keys(housingForm);
    expect([entities.location.is(loc), entities.housingForm.is(loc)]).toEqual([true, false]);
    expect([entities.location.is(form), entities.housingForm.is(form)]).toEqual([false, true]);
    expect(entities.region.is(entities.questionnaire.key({ regionId: 'rotterdam', version: 1 }))).toBe(false);
  });

  it('names the entity and ids of any primary key, and nothing for a foreign key', () => {
    expect(entityOfKey(entities.housingForm.key(housingForm))).toEqual({
      entity: 'housingForm', fields: { locationId: 'de-linde', housingFormId: 'kleinschalig-wonen' },
    });
    expect(entityOfKey(entities.organization.key({ organizationId: 'zorggroep-test' }))).toEqual({ entity: 'organization', fields: { organizationId: 'zorggroep-test' } });
    expect(entityOfKey({ pk: 'LOCATION#1', sk: 'META' })).toBeUndefined();
  });

  it.each([
    ['a missing index key', { pk: 'LOC#de-linde', sk: 'HF#kleinschalig-wonen', gsi1pk: 'REGION#zuid-limburg' }],
    ['fields that disagree between keys', { ...entities.housingForm.keys(housingForm), gsi1sk: 'HF#het-anker#kleinschalig-wonen' }],
    ['a wrong fixed word', { ...entities.housingForm.keys(housingForm), sk: 'HX#kleinschalig-wonen' }],
    ['an extra segment', { ...entities.housingForm.keys(housingForm), sk: 'HF#kleinschalig-wonen#2' }],
    ['an empty id', { ...entities.housingForm.keys(housingForm), pk: 'LOC#' }],
    ['an id that is no slug', { ...entities.housingForm.keys(housingForm), pk: 'LOC#De Linde', gsi1sk: 'HF#De Linde#kleinschalig-wonen' }],
    ['a number for a key', { ...entities.housingForm.keys(housingForm), pk: 1 }],
  ])('refuses %s', (_what, keys) => {
    expect(entities.housingForm.parse(keys)).toBeUndefined();
  });

  it('refuses a questionnaire version that is not six digits', () => {
    expect(entities.questionnaire.parseKey({ pk: 'REGION#rotterdam', sk: 'QUESTIONNAIRE#12' })).toBeUndefined();
    expect(entities.questionnaire.parseKey({ pk: 'REGION#rotterdam', sk: 'QUESTIONNAIRE#00001a' })).toBeUndefined();
  });
});

describe('query conditions', () => {
  it("reads a whole partition, or only one entity's items in it", () => {
    expect(entities.location.query('gsi1', { regionId: 'zuid-limburg' })).toEqual({
      IndexName: 'gsi1',
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': 'gsi1pk' },
      ExpressionAttributeValues: { ':pk': 'REGION#zuid-limburg' },
    });
    expect(entities.housingForm.query('gsi1', { regionId: 'zuid-limburg' }, { onlyThis: true })).toMatchObject({
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :sk)',
      ExpressionAttributeValues: { ':pk': 'REGION#zuid-limburg', ':sk': 'HF#' },
    });
    // A sort key of fixed words only is matched exactly, not as a prefix.
    expect(entities.location.query('primary', { locationId: 'de-linde' }, { onlyThis: true })).toEqual({
      KeyConditionExpression: '#pk = :pk AND #sk = :sk',
      ExpressionAttributeNames: { '#pk': 'pk', '#sk': 'sk' },
      ExpressionAttributeValues: { ':pk': 'LOC#de-linde', ':sk': 'LOC' },
    });
  });
});

describe('account keys', () => {
  const accountId = '3f6c1d0e-7b7a-4c1e-9a51-0d1f2e3a4b5c';
  const sessionHash = 'ab'.repeat(32);

  it('writes accounts, memberships, codes, sessions and throttle counters in their formats', () => {
    expect(entities.account.key({ accountId })).toEqual({ pk: `ACCOUNT#${accountId}`, sk: 'ACCOUNT' });
    expect(entities.membership.key({ accountId, role: 'provider-editor', scopeId: 'zorggroep-zuid' }))
      .toEqual({ pk: `ACCOUNT#${accountId}`, sk: 'MEMBER#provider-editor#zorggroep-zuid' });
    expect(entities.accountEmail.key({ email: 'an.de-vries+zorg@example.nl' })).toEqual({ pk: 'EMAIL#an.de-vries+zorg@example.nl', sk: 'ACCOUNT' });
    expect(entities.signInCode.key({ email: 'a@b.nl' })).toEqual({ pk: 'EMAIL#a@b.nl', sk: 'CODE' });
    expect(entities.session.keys({ sessionHash, accountId })).toEqual({
      pk: `SESSION#${sessionHash}`, sk: 'SESSION', gsi2pk: `ACCOUNT#${accountId}`, gsi2sk: `SESSION#${sessionHash}`,
    });
    expect(entities.throttle.key({ kind: 'code-per-email', subject: sessionHash, window: 1_964_000 }))
      .toEqual({ pk: `THROTTLE#code-per-email#${sessionHash}`, sk: 'WINDOW#000001964000' });
  });

  it('tells an account from its memberships, and a code from the email item, in a shared partition', () => {
    const membership = entities.membership.key({ accountId, role: 'coordinator', scopeId: 'rotterdam' });
    expect([entities.account.is(membership), entities.membership.is(membership)]).toEqual([false, true]);
    expect(entities.membership.parseKey(membership)).toEqual({ accountId, role: 'coordinator', scopeId: 'rotterdam' });
    expect(entityOfKey(entities.signInCode.key({ email: 'a@b.nl' }))?.entity).toBe('signInCode');
    expect(entityOfKey(entities.accountEmail.key({ email: 'a@b.nl' }))?.entity).toBe('accountEmail');
  });

  it('refuses an address that is not normalised or holds the separator, an unknown role and a hash of the wrong shape', () => {
    expect(() => entities.accountEmail.key({ email: 'An@b.nl' })).toThrow(KeyFieldError);
    expect(() => entities.accountEmail.key({ email: 'a#b@c.nl' })).toThrow(KeyFieldError);
    expect(() => entities.accountEmail.key({ email: 'geen-adres' })).toThrow(KeyFieldError);
    // @ts-expect-error: not a membership role
    expect(() => entities.membership.key({ accountId, role: 'admin', scopeId: 'x1' })).toThrow(KeyFieldError);
    expect(() => entities.session.key({ sessionHash: 'AB'.repeat(32) })).toThrow(KeyFieldError);
    expect(() => entities.session.key({ sessionHash: 'ab' })).toThrow(KeyFieldError);
    expect(entities.membership.parseKey({ pk: `ACCOUNT#${accountId}`, sk: 'MEMBER#owner#x1' })).toBeUndefined();
  });
});

describe('invitation, member list and reminder keys', () => {
  const accountId = '3f6c1d0e-7b7a-4c1e-9a51-0d1f2e3a4b5c';
  const invitationId = '9b2e4c1a-0d3f-4e5a-8b6c-7d8e9f0a1b2c';
  const tokenHash = 'cd'.repeat(32);

  it('lists an organisation\'s members on gsi2 by scope kind and id, so a region and an organisation of one id never mix', () => {
    expect(entities.membership.keys({ accountId, role: 'provider-admin', scope: 'organization', scopeId: 'zorggroep-zuid' })).toEqual({
      pk: `ACCOUNT#${accountId}`, sk: 'MEMBER#provider-admin#zorggroep-zuid',
      gsi2pk: 'MEMBERS#organization#zorggroep-zuid', gsi2sk: `provider-admin#${accountId}`,
    });
    expect(entities.membership.keys({ accountId, role: 'coordinator', scope: 'region', scopeId: 'zorggroep-zuid' }).gsi2pk)
      .toBe('MEMBERS#region#zorggroep-zuid');
    expect(entities.membership.query('gsi2', { scope: 'organization', scopeId: 'zorggroep-zuid' })).toMatchObject({
      IndexName: 'gsi2', ExpressionAttributeValues: { ':pk': 'MEMBERS#organization#zorggroep-zuid' },
    });
  });

  it('keeps an invitation by its token\'s hash, listed per organisation by its id', () => {
    expect(entities.invitation.keys({ tokenHash, organizationId: 'zorggroep-zuid', invitationId })).toEqual({
      pk: `INVITATION#${tokenHash}`, sk: 'INVITATION', gsi2pk: 'INVITATIONS#zorggroep-zuid', gsi2sk: `INVITATION#${invitationId}`,
    });
    expect(() => entities.invitation.key({ tokenHash: 'A'.repeat(43) })).toThrow(KeyFieldError);
  });

  it('keeps a region\'s reminders in one partition, one per housing form and threshold', () => {
    const key = entities.reminder.key({ regionId: 'zuid-limburg', locationId: 'de-linde', housingFormId: 'kleinschalig-wonen', thresholdDays: 28 });
    expect(key).toEqual({ pk: 'REMINDERS#zuid-limburg', sk: 'HF#de-linde#kleinschalig-wonen#028' });
    expect(entityOfKey(key)).toEqual({
      entity: 'reminder', fields: { regionId: 'zuid-limburg', locationId: 'de-linde', housingFormId: 'kleinschalig-wonen', thresholdDays: 28 },
    });
  });
});
