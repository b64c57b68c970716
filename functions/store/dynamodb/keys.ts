// Every entity of the two tables (the listing table and the dossier table) declares here, once, how its keys are composed from its fields
// (electrodb-style templates of fixed words and fields joined by '#'), and the same declaration
// parses keys back into fields. Every read and write of the DynamoDB adapters goes through it, so
// no other module spells a key prefix. The physical attributes are in table-design.ts.
import type { QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { Slug } from '../../../shared/domain/index.ts';
import { MEMBERSHIP_ROLES, MEMBERSHIP_SCOPES } from '../account-store.ts';
import { THROTTLE_KINDS } from '../throttle-store.ts';
import { GSI1, GSI2, KEY } from './table-design.ts';

const SEPARATOR = '#';

/** One variable part of a key: a named field of the entity, written as text and read back. */
export interface KeyField<N extends string = string, V = unknown> {
  readonly name: N;
  format(value: V): string;
  parse(text: string): V | undefined;
}

/** A field value a key cannot hold: a bug in the caller (ids are validated as slugs long before). */
export class KeyFieldError extends Error {
  constructor(field: string, value: unknown) {
    super(`Key field "${field}" cannot be ${JSON.stringify(value)}.`);
    this.name = 'KeyFieldError';
  }
}

/** A slug id: it never holds the separator, so every composed key parses back unambiguously. */
export function idField<N extends string>(name: N): KeyField<N, string> {
  return {
    name,
    format(value) {
      if (!Slug.safeParse(value).success) throw new KeyFieldError(name, value);
      return value;
    },
    parse: (text) => (Slug.safeParse(text).success ? text : undefined),
  };
}

/** A whole number, zero-padded so that keys sort in number order. */
export function paddedNumberField<N extends string>(name: N, width: number): KeyField<N, number> {
  const pattern = new RegExp(`^[0-9]{${width}}$`);
  return {
    name,
    format(value) {
      if (!Number.isSafeInteger(value) || value < 0 || value >= 10 ** width) throw new KeyFieldError(name, value);
      return String(value).padStart(width, '0');
    },
    parse: (text) => (pattern.test(text) ? Number(text) : undefined),
  };
}

/** A lower-case hex digest of a fixed length: what a key holds of a secret or of personal data. */
export function hexField<N extends string>(name: N, length = 64): KeyField<N, string> {
  const pattern = new RegExp(`^[0-9a-f]{${length}}$`);
  return {
    name,
    format(value) {
      if (!pattern.test(value)) throw new KeyFieldError(name, value);
      return value;
    },
    parse: (text) => (pattern.test(text) ? text : undefined),
  };
}

/** One of a fixed set of words (a role): none holds the separator. */
export function wordField<N extends string, const W extends string>(name: N, words: readonly W[]): KeyField<N, W> {
  const known = (text: string): text is W => (words as readonly string[]).includes(text);
  return {
    name,
    format(value) {
      if (!known(value)) throw new KeyFieldError(name, value);
      return value;
    },
    parse: (text) => (known(text) ? text : undefined),
  };
}

/**
 * A normalised email address (lower case, as accounts store it). The address syntax the API
 * accepts (zod's email) has no '#', so a composed key parses back; anything else is refused.
 */
export function emailField<N extends string>(name: N): KeyField<N, string> {
  const usable = (text: string) => text === text.toLowerCase() && !text.includes(SEPARATOR) && /^[^@\s]+@[^@\s]+$/.test(text);
  return {
    name,
    format(value) {
      if (!usable(value)) throw new KeyFieldError(name, value);
      return value;
    },
    parse: (text) => (usable(text) ? text : undefined),
  };
}

// `any` here only widens the field's value type so templates of mixed fields type-check; each
// entity's own field types are inferred from its template below.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Segment = string | KeyField<string, any>;
type Template = readonly Segment[];
interface IndexTemplates {
  readonly pk: Template;
  readonly sk: Template;
}

/** Each index's key attribute names; `primary` is the table's own key. */
const INDEX_ATTRIBUTES = { primary: { name: undefined, ...KEY }, gsi1: GSI1, gsi2: GSI2 } as const;
export type IndexName = keyof typeof INDEX_ATTRIBUTES;
type Definition = { readonly primary: IndexTemplates } & { readonly [I in Exclude<IndexName, 'primary'>]?: IndexTemplates };

type FieldsIn<S> = { [F in S as F extends KeyField<infer N, unknown> ? N : never]: F extends KeyField<string, infer V> ? V : never };
type SegmentsOf<D extends Definition, I extends keyof D> = D[I] extends IndexTemplates ? D[I]['pk'][number] | D[I]['sk'][number] : never;
type IndexOf<D extends Definition> = Extract<keyof D, IndexName>;
/** Every field any of the entity's keys is composed from. */
export type EntityFields<D extends Definition> = FieldsIn<SegmentsOf<D, IndexOf<D>>>;
type Item = Record<string, unknown>;
export type PrimaryKey = { pk: string; sk: string };
type KeyCondition = Pick<QueryCommandInput, 'IndexName' | 'KeyConditionExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'>;

const isField = (segment: Segment): segment is KeyField => typeof segment !== 'string';

function compose(template: Template, fields: Readonly<Record<string, unknown>>): string {
  return template.map((s) => (isField(s) ? s.format(fields[s.name]) : s)).join(SEPARATOR);
}

/** The fields a key holds, or undefined when it is not a key of this template. */
function parseTemplate(template: Template, key: unknown): Record<string, unknown> | undefined {
  if (typeof key !== 'string') return undefined;
  const parts = key.split(SEPARATOR);
  if (parts.length !== template.length) return undefined;
  const fields: Record<string, unknown> = {};
  for (const [i, segment] of template.entries()) {
    const part = parts[i] as string;
    if (!isField(segment)) {
      if (part !== segment) return undefined;
      continue;
    }
    const value = segment.parse(part);
    if (value === undefined) return undefined;
    fields[segment.name] = value;
  }
  return fields;
}

/**
 * What a template starts with: its fixed words and the leading fields given, up to the first
 * field not given. `begins_with` over it selects one entity in a shared partition, or a part of
 * it; the separator at its end keeps "hf-1" from selecting "hf-10".
 */
function leadingPrefix(template: Template, fields: Readonly<Record<string, unknown>>): { prefix: string; exact: boolean } {
  const end = template.findIndex((s) => isField(s) && fields[s.name] === undefined);
  if (end === -1) return { prefix: compose(template, fields), exact: true };
  return { prefix: template.slice(0, end).map((s) => `${isField(s) ? s.format(fields[s.name]) : s}${SEPARATOR}`).join(''), exact: false };
}

export interface Entity<D extends Definition> {
  /** Written as the item's `type` attribute; stream consumers tell entities apart by it. */
  readonly type: string;
  /**
   * What every primary partition key of the entity starts with: its fixed words up to the first
   * field, with the separator ("LOC#"). A stream's event filter can match on it.
   */
  readonly partitionPrefix: string;
  /** Every key attribute of the entity's indexes. */
  keys(fields: EntityFields<D>): Record<string, string>;
  /** The primary key alone, for a get or a delete. */
  key(fields: FieldsIn<SegmentsOf<D, 'primary'>>): PrimaryKey;
  /** A whole item: its keys, its type and its other attributes. */
  item(fields: EntityFields<D>, attributes: Item): Item;
  /**
   * The key condition of a query on one partition of an index; with `onlyThis`, narrowed by the
   * sort key's fixed words to this entity's items (a partition can hold several entities); with
   * `within`, narrowed further by the sort key's leading fields (one housing form's history);
   * with `before`, only sort keys below the one its leading fields start (dossiers untouched since).
   */
  query<I extends IndexOf<D>>(
    index: I,
    fields: FieldsIn<D[I] extends IndexTemplates ? D[I]['pk'][number] : never>,
    options?: { onlyThis?: boolean; within?: Partial<EntityFields<D>>; before?: Partial<EntityFields<D>> },
  ): KeyCondition;
  /**
   * The fields back from an item's (or a paging key's) key attributes; undefined when they are
   * not all this entity's keys, or disagree on a field.
   */
  parse(item: Item): EntityFields<D> | undefined;
  /** The fields of a primary key alone (a key from a stream record or a failed write). */
  parseKey(key: Item): FieldsIn<SegmentsOf<D, 'primary'>> | undefined;
  /** Whether an item's primary key is one of this entity's. */
  is(item: Item): boolean;
}

function defineEntity<const D extends Definition>(type: string, definition: D): Entity<D> {
  const indexes = (Object.keys(definition) as IndexName[]).map((name) => ({
    attributes: INDEX_ATTRIBUTES[name],
    templates: definition[name] as IndexTemplates,
  }));
  const keysOf = (fields: Readonly<Record<string, unknown>>) => {
    const keys: Record<string, string> = {};
    for (const { attributes, templates } of indexes) {
      keys[attributes.pk] = compose(templates.pk, fields);
      keys[attributes.sk] = compose(templates.sk, fields);
    }
    return keys;
  };
  const parseKey = (key: Item) => {
    const pk = parseTemplate(definition.primary.pk, key[KEY.pk]);
    const sk = parseTemplate(definition.primary.sk, key[KEY.sk]);
    if (!pk || !sk) return undefined;
    // A field in both halves (none today) must agree, as in parse().
    if (Object.entries(sk).some(([name, value]) => name in pk && pk[name] !== value)) return undefined;
    return { ...pk, ...sk } as FieldsIn<SegmentsOf<D, 'primary'>>;
  };
  return {
    type,
    partitionPrefix: leadingPrefix(definition.primary.pk, {}).prefix,
    keys: (fields) => keysOf(fields),
    key: (fields) => ({ pk: compose(definition.primary.pk, fields), sk: compose(definition.primary.sk, fields) }),
    item: (fields, attributes) => ({ ...attributes, ...keysOf(fields), type }),
    query(index, fields, options = {}) {
      const attributes = INDEX_ATTRIBUTES[index];
      const templates = definition[index] as IndexTemplates;
      const names: Record<string, string> = { '#pk': attributes.pk };
      const values: Record<string, unknown> = { ':pk': compose(templates.pk, fields) };
      let condition = '#pk = :pk';
      if (options.before) {
        names['#sk'] = attributes.sk;
        values[':sk'] = leadingPrefix(templates.sk, options.before).prefix;
        condition += ' AND #sk < :sk';
      } else if (options.onlyThis || options.within) {
        const { prefix, exact } = leadingPrefix(templates.sk, options.within ?? {});
        names['#sk'] = attributes.sk;
        values[':sk'] = prefix;
        condition += exact ? ' AND #sk = :sk' : ' AND begins_with(#sk, :sk)';
      }
      return {
        ...(attributes.name ? { IndexName: attributes.name } : {}),
        KeyConditionExpression: condition,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      };
    },
    parse(item) {
      const fields: Record<string, unknown> = {};
      for (const { attributes, templates } of indexes) {
        for (const [attribute, template] of [[attributes.pk, templates.pk], [attributes.sk, templates.sk]] as const) {
          const parsed = parseTemplate(template, item[attribute]);
          if (!parsed) return undefined;
          for (const [name, value] of Object.entries(parsed)) {
            if (name in fields && fields[name] !== value) return undefined;
            fields[name] = value;
          }
        }
      }
      return fields as EntityFields<D>;
    },
    parseKey,
    is: (item) => parseKey(item) !== undefined,
  };
}

const regionId = idField('regionId');
const organizationId = idField('organizationId');
const locationId = idField('locationId');
const housingFormId = idField('housingFormId');
const accountId = idField('accountId');
/** When a change was made, in epoch milliseconds: 13 digits reach the year 2286. */
const atMs = paddedNumberField('atMs', 13);
const changeId = idField('changeId');
const email = emailField('email');

/**
 * The table's entities. A location and its housing forms share a partition (one query reads a
 * location page); a region's locations and housing forms share a gsi1 partition (one query
 * loads a region); gsi2 lists the regions and an organisation's locations.
 */
export const entities = {
  region: defineEntity('region', {
    primary: { pk: ['REGION', regionId], sk: ['REGION'] },
    gsi2: { pk: ['REGIONS'], sk: [regionId] },
  }),
  /** Versions zero-padded, so the newest sorts last. */
  questionnaire: defineEntity('questionnaire', {
    primary: { pk: ['REGION', regionId], sk: ['QUESTIONNAIRE', paddedNumberField('version', 6)] },
  }),
  /** The coordinator's list of the region's support organisations, once edited (before: the region's configured list). */
  regionSupportList: defineEntity('regionSupportList', {
    primary: { pk: ['REGION', regionId], sk: ['SUPPORT-ORGANIZATIONS'] },
  }),
  /** The region's one questionnaire draft, apart from the published versions (their query never reads it). */
  questionnaireDraft: defineEntity('questionnaireDraft', {
    primary: { pk: ['REGION', regionId], sk: ['QDRAFT'] },
  }),
  /**
   * The audit trail of a coordinator's changes to the region's settings (support list, questionnaire
   * versions), by time: one query reads it newest first. Not indexed, builds no page.
   */
  regionChange: defineEntity('regionChange', {
    primary: { pk: ['REGION-HISTORY', regionId], sk: [paddedNumberField('atMs', 13), idField('changeId')] },
  }),
  /** gsi2 lists every organisation, for a region's coordinator (each names its regions; a new one has no location yet). */
  organization: defineEntity('organization', {
    primary: { pk: ['ORG', organizationId], sk: ['ORG'] },
    gsi2: { pk: ['ORGS'], sk: [organizationId] },
  }),
  location: defineEntity('location', {
    primary: { pk: ['LOC', locationId], sk: ['LOC'] },
    gsi1: { pk: ['REGION', regionId], sk: ['LOC', locationId] },
    gsi2: { pk: ['ORG', organizationId], sk: ['LOC', locationId] },
  }),
  housingForm: defineEntity('housingForm', {
    primary: { pk: ['LOC', locationId], sk: ['HF', housingFormId] },
    gsi1: { pk: ['REGION', regionId], sk: ['HF', locationId, housingFormId] },
  }),
  /**
   * The audit trail of an organisation's listing: one record per change, written in the same
   * transaction as the change. A housing form's records and a location's own records each sort
   * by time under their ids, so either history is one query (newest first), and stays readable
   * after the item is removed. Not indexed: the stream consumers skip these types.
   */
  housingFormChange: defineEntity('housingFormChange', {
    primary: { pk: ['HISTORY', organizationId], sk: ['LOC', locationId, 'HF', housingFormId, atMs, changeId] },
  }),
  locationChange: defineEntity('locationChange', {
    primary: { pk: ['HISTORY', organizationId], sk: ['LOC', locationId, 'CHANGE', atMs, changeId] },
  }),
  /** The organisation's own changes: admitted to a region by its coordinator, or removed from one. */
  organizationChange: defineEntity('organizationChange', {
    primary: { pk: ['HISTORY', organizationId], sk: ['ORG', atMs, changeId] },
  }),
  /** The same record, in the region's partition: a region's trail finds organisations that have left it. */
  regionOrganizationChange: defineEntity('regionOrganizationChange', {
    primary: { pk: ['REGION-HISTORY', regionId], sk: [atMs, changeId] },
  }),
  /** An account; its memberships share its partition, so one query reads who someone is and may do. */
  account: defineEntity('account', {
    primary: { pk: ['ACCOUNT', accountId], sk: ['ACCOUNT'] },
  }),
  /** gsi2 lists who holds a role in one organisation (or region, support organisation): an admin's member list, a reminder's recipients. */
  membership: defineEntity('membership', {
    primary: { pk: ['ACCOUNT', accountId], sk: ['MEMBER', wordField('role', MEMBERSHIP_ROLES), idField('scopeId')] },
    gsi2: { pk: ['MEMBERS', wordField('scope', MEMBERSHIP_SCOPES), idField('scopeId')], sk: [wordField('role', MEMBERSHIP_ROLES), accountId] },
  }),
  /** The one account of an email address: written with the account under attribute_not_exists, so an address is never taken twice. */
  accountEmail: defineEntity('accountEmail', {
    primary: { pk: ['EMAIL', email], sk: ['ACCOUNT'] },
  }),
  /** The current sign-in code of an address (a new request replaces it), stored as a hash only. */
  signInCode: defineEntity('signInCode', {
    primary: { pk: ['EMAIL', email], sk: ['CODE'] },
  }),
  /** A session, by the SHA-256 of its id; gsi2 lists an account's sessions for "sign out everywhere". */
  session: defineEntity('session', {
    primary: { pk: ['SESSION', hexField('sessionHash')], sk: ['SESSION'] },
    gsi2: { pk: ['ACCOUNT', accountId], sk: ['SESSION', hexField('sessionHash')] },
  }),
  /**
   * A passkey, by the SHA-256 of its credential id (any length up to 1023 bytes, so hashed for the
   * key); gsi2 lists an account's passkeys beside its sessions.
   */
  passkey: defineEntity('passkey', {
    primary: { pk: ['PASSKEY', hexField('credentialHash')], sk: ['PASSKEY'] },
    gsi2: { pk: ['ACCOUNT', accountId], sk: ['PASSKEY', hexField('credentialHash')] },
  }),
  /** A WebAuthn challenge handed out for a registration or sign-in, by its SHA-256, until answered or expired. */
  passkeyChallenge: defineEntity('passkeyChallenge', {
    primary: { pk: ['PASSKEY-CHALLENGE', hexField('challengeHash')], sk: ['CHALLENGE'] },
  }),
  /**
   * An open invitation, by the SHA-256 of its token (the token itself is only in the mail); gsi2
   * lists an organisation's open invitations by their id, for listing and withdrawing.
   */
  invitation: defineEntity('invitation', {
    primary: { pk: ['INVITATION', hexField('tokenHash')], sk: ['INVITATION'] },
    gsi2: { pk: ['INVITATIONS', organizationId], sk: ['INVITATION', idField('invitationId')] },
  }),
  /**
   * A freshness reminder sent for a housing form at one threshold (28 or 45 days): a region's
   * partition holds them all, so one query beside the region's listing tells what was sent.
   */
  reminder: defineEntity('reminder', {
    primary: { pk: ['REMINDERS', regionId], sk: ['HF', locationId, housingFormId, paddedNumberField('thresholdDays', 3)] },
  }),
  /**
   * The last reminder a region's coordinator sent an organisation by hand (one a day at most): in
   * the region's reminder partition, apart from the daily run's by its sort key.
   */
  organizationReminder: defineEntity('organizationReminder', {
    primary: { pk: ['REMINDERS', regionId], sk: ['ORG', organizationId] },
  }),
  /** A support organisation (configuration, like a region): gsi2 lists them all, for the operator and the seed. */
  supportOrganization: defineEntity('supportOrganization', {
    primary: { pk: ['SUPPORT', idField('supportOrganizationId')], sk: ['SUPPORT'] },
    gsi2: { pk: ['SUPPORTS'], sk: [idField('supportOrganizationId')] },
  }),
  /** An interrupted reindex (functions/indexer/reindex-checkpoint.ts): the run, and a region it finished. */
  reindexRun: defineEntity('reindexRun', {
    primary: { pk: ['REINDEX'], sk: ['RUN'] },
  }),
  reindexRegion: defineEntity('reindexRegion', {
    primary: { pk: ['REINDEX'], sk: ['REGION', regionId] },
  }),
  /** A throttle counter of one subject (a hashed email or address) in one fixed time window. */
  throttle: defineEntity('throttle', {
    primary: { pk: ['THROTTLE', wordField('kind', THROTTLE_KINDS), hexField('subject')], sk: ['WINDOW', paddedNumberField('window', 12)] },
  }),
} as const;

const supportOrganizationId = idField('supportOrganizationId');
const dossierId = idField('dossierId');
/** Every item of one dossier shares its partition: one query reads the dossier whole, one deletes it whole. */
const dossierPartition = ['DOSSIER', supportOrganizationId, dossierId] as const;

/**
 * The dossier table's entities (its own table: functions/store/dossier-store.ts). gsi1 lists a
 * support organisation's dossiers and one share by its id; gsi2 a provider organisation's inbox of
 * shared reports and the dossiers by their last activity. The audit trail sits in a partition of the organisation, apart
 * from the dossiers, so a dossier's trail outlives the dossier's deletion.
 */
export const dossierEntities = {
  dossier: defineEntity('dossier', {
    primary: { pk: dossierPartition, sk: ['DOSSIER'] },
    gsi1: { pk: ['DOSSIERS', supportOrganizationId], sk: ['DOSSIER', dossierId] },
  }),
  /** Each saved version of the answers, kept; numbered from 1, zero-padded so the newest sorts last. */
  dossierAnswers: defineEntity('dossierAnswers', {
    primary: { pk: dossierPartition, sk: ['ANSWERS', paddedNumberField('answersVersion', 6)] },
  }),
  /** The shortlist with the supporter's note on each housing form: one item, replaced whole under its version. */
  dossierShortlist: defineEntity('dossierShortlist', {
    primary: { pk: dossierPartition, sk: ['SHORTLIST'] },
  }),
  /** Free-text notes, added one by one, in time order. */
  dossierNote: defineEntity('dossierNote', {
    primary: { pk: dossierPartition, sk: ['NOTE', atMs, idField('noteId')] },
  }),
  consent: defineEntity('consent', {
    primary: { pk: dossierPartition, sk: ['CONSENT', idField('consentId')] },
  }),
  /** A hand-over of the dossier to a colleague, in time order. */
  dossierHandover: defineEntity('dossierHandover', {
    primary: { pk: dossierPartition, sk: ['HANDOVER', atMs, idField('handoverId')] },
  }),
  /**
   * The report as shared with one provider organisation, in the dossier's partition (deleted with
   * it); gsi2 is the organisation's inbox, newest share last; gsi1 finds one share of an
   * organisation by its id (a query of one item), the provider's only way to name it.
   */
  share: defineEntity('share', {
    primary: { pk: dossierPartition, sk: ['SHARE', idField('shareId')] },
    gsi1: { pk: ['SHARE', organizationId, idField('shareId')], sk: ['SHARE'] },
    gsi2: { pk: ['INBOX', organizationId], sk: ['SHARE', atMs, idField('shareId')] },
  }),
  /**
   * When the dossier's supporter last viewed, changed or shared it (functions/dossiers/retention.ts
   * says what counts), and whether the retention warning went out since: one item per dossier, in
   * its partition (deleted with it). gsi2 holds every dossier by that moment, oldest first, so the
   * retention run reads only those untouched long enough.
   */
  dossierActivity: defineEntity('dossierActivity', {
    primary: { pk: dossierPartition, sk: ['ACTIVITY'] },
    gsi2: { pk: ['DOSSIER-ACTIVITY'], sk: [atMs, supportOrganizationId, dossierId] },
  }),
  /**
   * A citizen's hand-over code (functions/store/handover-code-store.ts) under its keyed hash, until
   * redeemed or expired: in this table because it holds answers, but in no dossier's partition.
   */
  handoverCode: defineEntity('handoverCode', {
    primary: { pk: ['HANDOVERCODE', hexField('codeHash')], sk: ['HANDOVERCODE'] },
  }),
  /** One record per view or change of a dossier (who, when, what kind; never the content), by dossier then time. */
  dossierAudit: defineEntity('dossierAudit', {
    primary: { pk: ['AUDIT', supportOrganizationId], sk: ['DOSSIER', dossierId, atMs, idField('auditId')] },
  }),
} as const;

const allEntities = { ...entities, ...dossierEntities };
export type EntityName = keyof typeof allEntities;

/** The entity (of either table) a primary key belongs to, with the fields it holds; undefined for a key of none. */
export function entityOfKey(key: Item): { entity: EntityName; fields: Readonly<Record<string, string | number>> } | undefined {
  for (const name of Object.keys(allEntities) as EntityName[]) {
    const fields = (allEntities[name] as Entity<Definition>).parseKey(key);
    if (fields) return { entity: name, fields };
  }
  return undefined;
}
