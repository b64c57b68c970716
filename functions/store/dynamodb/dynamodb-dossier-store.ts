// The dossier port on DynamoDB, over the dossier table (keys in keys.ts, dossierEntities). A
// dossier's items share one partition, so a read is one consistent query. Every change goes through
// writeVersioned with its audit record as an extra item of the same transaction, and a change to a
// dossier's part (answers, a note, a consent) checks in that transaction that the dossier is still
// there. A view's audit record is written alone, after the read. A share lives in its dossier's
// partition too; the provider's inbox lists it through gsi2, finds one by its id through gsi1, and
// then reads it and what decides access (the dossier, its consents) consistently from that
// partition. Every view or change by a supporter also stamps the dossier's last activity
// (dossierActivity, for the retention run): after the change, outside its transaction, because
// a moment's lag there never matters and a failed stamp must not undo a saved change.
import { randomUUID } from 'node:crypto';
import {
  AUDIT_LIMIT, DOSSIER_AUDIT_KINDS, type AnswersInput, type AnswersVersionSummary, type Consent, type Dossier, type DossierAuditKind,
  type DossierAuditRecord, type DossierChanges, type DossierFile, type DossierNote, type DossierPerson, type DossierStore, type Handover,
  type NewConsent, type NewDossier, type NewShare, type SavedDossierAnswers, type Share, type ShareResponse, type ShareSource, type ShareWithDossier,
  type Shortlist, type ShortlistEntry,
} from '../dossier-store.ts';
import type { ChangeContext } from '../provider-listing-store.ts';
import { countsAsActivity, type DossierActivity } from '../dossier-retention-store.ts';
import { consentValidAt } from '../../../shared/domain/index.ts';
import { ItemNotFoundError, ShareAccessChangedError, VersionConflictError } from '../store-errors.ts';
import { versionOf, type DynamoDbTable, type Item } from './dynamodb-table.ts';
import { dossierEntities as e } from './keys.ts';
import { writeVersioned, type VersionedWrite } from './versioned-write.ts';

const person = (ctx: ChangeContext): DossierPerson => ({ accountId: ctx.by.accountId, name: ctx.by.name });

/** The item's data with its version, as the port's versioned types carry it. */
const withVersion = <T>(item: Item): T => ({ ...(item.data as object), version: versionOf(item) }) as T;

const summaryOf = (item: Item): AnswersVersionSummary => {
  const { answersVersion, savedAt, savedBy } = item.data as SavedDossierAnswers;
  return { answersVersion, savedAt, savedBy };
};

export class DynamoDbDossierStore implements DossierStore {
  constructor(private readonly table: DynamoDbTable) {}

  private auditItem(supportOrganizationId: string, dossierId: string, kind: DossierAuditKind, ctx: ChangeContext): Item {
    const record: DossierAuditRecord = { id: randomUUID(), dossierId, at: ctx.now.toISOString(), by: person(ctx), kind };
    return e.dossierAudit.item({ supportOrganizationId, dossierId, atMs: ctx.now.getTime(), auditId: record.id }, { data: record });
  }

  /** Writes the changes with their audit record; a failed check of the dossier itself means it is gone. */
  private async write(supportOrganizationId: string, dossierId: string, writes: VersionedWrite[], kind: DossierAuditKind, ctx: ChangeContext) {
    await writeVersioned(this.table, writes, [this.auditItem(supportOrganizationId, dossierId, kind, ctx)]);
    if (countsAsActivity(kind)) await this.table.put(this.activityItem(supportOrganizationId, dossierId, ctx));
  }

  /** The dossier's last activity, now; it replaces the item whole, so a retention warning sent before is forgotten. */
  private activityItem(supportOrganizationId: string, dossierId: string, ctx: ChangeContext): Item {
    const data: DossierActivity = { supportOrganizationId, dossierId, lastActivityAt: ctx.now.toISOString() };
    return e.dossierActivity.item({ supportOrganizationId, dossierId, atMs: ctx.now.getTime() }, { data });
  }

  /** A view's audit record, and the activity when a supporter viewed it, in one request. */
  private async recordView(supportOrganizationId: string, dossierId: string, kind: DossierAuditKind, ctx: ChangeContext) {
    const audit = this.auditItem(supportOrganizationId, dossierId, kind, ctx);
    if (!countsAsActivity(kind)) return this.table.put(audit);
    await this.table.batchWrite([{ put: audit }, { put: this.activityItem(supportOrganizationId, dossierId, ctx) }]);
  }

  private dossierCheck(supportOrganizationId: string, dossierId: string): VersionedWrite {
    return { kind: 'check', key: e.dossier.key({ supportOrganizationId, dossierId }) };
  }

  /** The dossier, or ItemNotFoundError: every change to a dossier's part starts here. */
  private async existing(supportOrganizationId: string, dossierId: string): Promise<Dossier> {
    const dossier = await this.getDossier(supportOrganizationId, dossierId);
    if (!dossier) throw new ItemNotFoundError('dossier', { dossierId });
    return dossier;
  }

  /** Runs a versioned change; a conflict is answered with the item as it is now. */
  private async withCurrent<T>(change: () => Promise<T>, current: () => Promise<unknown>): Promise<T> {
    try {
      return await change();
    } catch (error) {
      if (!(error instanceof VersionConflictError)) throw error;
      throw new VersionConflictError(error.entity, error.ids, error.expectedVersion, await current());
    }
  }

  async listDossiers(supportOrganizationId: string): Promise<Dossier[]> {
    const items = await this.table.queryAll(e.dossier.query('gsi1', { supportOrganizationId }, { onlyThis: true }));
    return items.map((i) => withVersion<Dossier>(i)).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id));
  }

  async createDossier(supportOrganizationId: string, input: NewDossier, ctx: ChangeContext): Promise<Dossier> {
    const at = ctx.now.toISOString();
    const data = { ...input, supportOrganizationId, assignedTo: person(ctx), createdAt: at, updatedAt: at };
    const item = e.dossier.item({ supportOrganizationId, dossierId: input.id }, { data });
    await this.write(supportOrganizationId, input.id, [{ kind: 'create', item }], 'created', ctx);
    return { ...data, version: 1 };
  }

  async getDossier(supportOrganizationId: string, dossierId: string): Promise<Dossier | undefined> {
    const item = await this.table.get(e.dossier.key({ supportOrganizationId, dossierId }), { consistent: true });
    return item ? withVersion<Dossier>(item) : undefined;
  }

  async readDossier(supportOrganizationId: string, dossierId: string, ctx: ChangeContext): Promise<DossierFile | undefined> {
    const items = await this.table.queryAll({ ...e.dossier.query('primary', { supportOrganizationId, dossierId }), ConsistentRead: true });
    const head = items.find((i) => e.dossier.is(i));
    if (!head) return undefined;
    await this.recordView(supportOrganizationId, dossierId, 'viewed', ctx);
    const answers = items.filter((i) => e.dossierAnswers.is(i));
    const shortlist = items.find((i) => e.dossierShortlist.is(i));
    const latest = answers.at(-1);
    return {
      dossier: withVersion<Dossier>(head),
      ...(latest ? { latestAnswers: summaryOf(latest) } : {}),
      shortlist: shortlist ? withVersion<Shortlist>(shortlist) : { entries: [], version: 0 },
      // Sort keys hold the time, so the partition's order is time order.
      notes: items.filter((i) => e.dossierNote.is(i)).map((i) => i.data as DossierNote),
      consents: items.filter((i) => e.consent.is(i)).map((i) => withVersion<Consent>(i)).sort((a, b) => a.recordedAt.localeCompare(b.recordedAt)),
      handovers: items.filter((i) => e.dossierHandover.is(i)).map((i) => i.data as Handover),
    };
  }

  async updateDossier(
    supportOrganizationId: string, dossierId: string, changes: DossierChanges, expectedVersion: number, ctx: ChangeContext,
  ): Promise<Dossier> {
    const current = await this.existing(supportOrganizationId, dossierId);
    const { version: _read, ...data } = { ...current, ...changes, updatedAt: ctx.now.toISOString() };
    const item = e.dossier.item({ supportOrganizationId, dossierId }, { data });
    await this.withCurrent(
      () => this.write(supportOrganizationId, dossierId, [{ kind: 'update', item, expectedVersion }], 'updated', ctx),
      () => this.getDossier(supportOrganizationId, dossierId),
    );
    return { ...data, version: expectedVersion + 1 };
  }

  async handOver(supportOrganizationId: string, dossierId: string, to: DossierPerson, expectedVersion: number, ctx: ChangeContext): Promise<Dossier> {
    const current = await this.existing(supportOrganizationId, dossierId);
    const at = ctx.now.toISOString();
    const { version: _read, ...data } = { ...current, assignedTo: to, updatedAt: at };
    const handover: Handover = { id: randomUUID(), at, by: person(ctx), from: current.assignedTo, to };
    await this.withCurrent(
      () => this.write(supportOrganizationId, dossierId, [
        { kind: 'update', item: e.dossier.item({ supportOrganizationId, dossierId }, { data }), expectedVersion },
        { kind: 'create', item: e.dossierHandover.item({ supportOrganizationId, dossierId, atMs: ctx.now.getTime(), handoverId: handover.id }, { data: handover }) },
      ], 'handed-over', ctx),
      () => this.getDossier(supportOrganizationId, dossierId),
    );
    return { ...data, version: expectedVersion + 1 };
  }

  async saveAnswers(
    supportOrganizationId: string, dossierId: string, input: AnswersInput, basedOn: number, ctx: ChangeContext,
  ): Promise<AnswersVersionSummary> {
    await this.existing(supportOrganizationId, dossierId);
    const saved: SavedDossierAnswers = { ...input, answersVersion: basedOn + 1, savedAt: ctx.now.toISOString(), savedBy: person(ctx) };
    const keys = { supportOrganizationId, dossierId };
    const writes: VersionedWrite[] = [
      this.dossierCheck(supportOrganizationId, dossierId),
      // Only after the version the saver had: a newer one saved meanwhile makes this create fail.
      { kind: 'create', item: e.dossierAnswers.item({ ...keys, answersVersion: saved.answersVersion }, { data: saved }) },
      // And the version it names must exist, so versions stay 1, 2, 3, ... without gaps.
      ...(basedOn > 0 ? [{ kind: 'check' as const, key: e.dossierAnswers.key({ ...keys, answersVersion: basedOn }) }] : []),
    ];
    await this.withCurrent(
      () => this.write(supportOrganizationId, dossierId, writes, 'answers-saved', ctx),
      async () => ({ latest: (await this.listAnswers(supportOrganizationId, dossierId))?.at(-1) }),
    );
    return summaryOf({ data: saved });
  }

  async listAnswers(supportOrganizationId: string, dossierId: string): Promise<AnswersVersionSummary[] | undefined> {
    if (!(await this.getDossier(supportOrganizationId, dossierId))) return undefined;
    const items = await this.table.queryAll({
      ...e.dossierAnswers.query('primary', { supportOrganizationId, dossierId }, { onlyThis: true }),
      ConsistentRead: true,
    });
    return items.map(summaryOf);
  }

  async readAnswers(supportOrganizationId: string, dossierId: string, answersVersion: number, ctx: ChangeContext): Promise<SavedDossierAnswers | undefined> {
    if (!(await this.getDossier(supportOrganizationId, dossierId))) return undefined;
    const item = await this.table.get(e.dossierAnswers.key({ supportOrganizationId, dossierId, answersVersion }), { consistent: true });
    if (!item) return undefined;
    await this.recordView(supportOrganizationId, dossierId, 'answers-viewed', ctx);
    return item.data as SavedDossierAnswers;
  }

  async replaceShortlist(
    supportOrganizationId: string, dossierId: string, entries: readonly ShortlistEntry[], expectedVersion: number, ctx: ChangeContext,
  ): Promise<Shortlist> {
    await this.existing(supportOrganizationId, dossierId);
    const data = { entries: [...entries], updatedAt: ctx.now.toISOString(), updatedBy: person(ctx) };
    const item = e.dossierShortlist.item({ supportOrganizationId, dossierId }, { data });
    const write: VersionedWrite = expectedVersion === 0 ? { kind: 'create', item } : { kind: 'update', item, expectedVersion };
    await this.withCurrent(
      () => this.write(supportOrganizationId, dossierId, [this.dossierCheck(supportOrganizationId, dossierId), write], 'shortlist-changed', ctx),
      async () => {
        const now = await this.table.get(e.dossierShortlist.key({ supportOrganizationId, dossierId }), { consistent: true });
        return now ? withVersion<Shortlist>(now) : { entries: [], version: 0 };
      },
    );
    return { ...data, version: expectedVersion + 1 };
  }

  async addNote(supportOrganizationId: string, dossierId: string, text: string, ctx: ChangeContext): Promise<DossierNote> {
    await this.existing(supportOrganizationId, dossierId);
    const note: DossierNote = { id: randomUUID(), at: ctx.now.toISOString(), by: person(ctx), text };
    const item = e.dossierNote.item({ supportOrganizationId, dossierId, atMs: ctx.now.getTime(), noteId: note.id }, { data: note });
    await this.write(supportOrganizationId, dossierId, [this.dossierCheck(supportOrganizationId, dossierId), { kind: 'create', item }], 'note-added', ctx);
    return note;
  }

  async addConsent(supportOrganizationId: string, dossierId: string, input: NewConsent, ctx: ChangeContext): Promise<Consent> {
    await this.existing(supportOrganizationId, dossierId);
    const { version: _none, ...data }: Consent = { ...input, id: randomUUID(), recordedAt: ctx.now.toISOString(), recordedBy: person(ctx), version: 1 };
    const item = e.consent.item({ supportOrganizationId, dossierId, consentId: data.id }, { data });
    await this.write(supportOrganizationId, dossierId, [this.dossierCheck(supportOrganizationId, dossierId), { kind: 'create', item }], 'consent-given', ctx);
    return { ...data, version: 1 };
  }

  async withdrawConsent(
    supportOrganizationId: string, dossierId: string, consentId: string, expectedVersion: number, ctx: ChangeContext,
  ): Promise<Consent> {
    await this.existing(supportOrganizationId, dossierId);
    const key = e.consent.key({ supportOrganizationId, dossierId, consentId });
    const read = async () => {
      const item = await this.table.get(key, { consistent: true });
      return item ? withVersion<Consent>(item) : undefined;
    };
    const current = await read();
    if (!current) throw new ItemNotFoundError('consent', { consentId });
    // Withdrawn already: the first withdrawal's moment stands, as the 409 shows.
    if (current.withdrawnAt !== undefined) throw new VersionConflictError('consent', { consentId }, expectedVersion, current);
    const { version: _read, ...data } = { ...current, withdrawnAt: ctx.now.toISOString(), withdrawnBy: person(ctx) };
    const item = e.consent.item({ supportOrganizationId, dossierId, consentId }, { data });
    await this.withCurrent(
      () => this.write(supportOrganizationId, dossierId, [{ kind: 'update', item, expectedVersion }], 'consent-withdrawn', ctx),
      read,
    );
    return { ...data, version: expectedVersion + 1 };
  }

  async listConsents(supportOrganizationId: string, dossierId: string, ctx: ChangeContext): Promise<Consent[] | undefined> {
    if (!(await this.getDossier(supportOrganizationId, dossierId))) return undefined;
    const items = await this.table.queryAll({
      ...e.consent.query('primary', { supportOrganizationId, dossierId }, { onlyThis: true }),
      ConsistentRead: true,
    });
    await this.recordView(supportOrganizationId, dossierId, 'consents-viewed', ctx);
    return items.map((i) => withVersion<Consent>(i)).sort((a, b) => a.recordedAt.localeCompare(b.recordedAt));
  }

  async shareSource(supportOrganizationId: string, dossierId: string): Promise<ShareSource | undefined> {
    const items = await this.table.queryAll({ ...e.dossier.query('primary', { supportOrganizationId, dossierId }), ConsistentRead: true });
    const head = items.find((i) => e.dossier.is(i));
    if (!head) return undefined;
    const shortlist = items.find((i) => e.dossierShortlist.is(i));
    const latest = items.filter((i) => e.dossierAnswers.is(i)).at(-1);
    return {
      dossier: withVersion<Dossier>(head),
      consents: items.filter((i) => e.consent.is(i)).map((i) => withVersion<Consent>(i)),
      shortlist: shortlist ? withVersion<Shortlist>(shortlist) : { entries: [], version: 0 },
      ...(latest ? { latestAnswers: latest.data as SavedDossierAnswers } : {}),
    };
  }

  private shareItem(share: Share): Item {
    const { version: _version, ...data } = share;
    const { supportOrganizationId, dossierId, organizationId, id: shareId } = share;
    return e.share.item({ supportOrganizationId, dossierId, shareId, organizationId, atMs: Date.parse(share.sharedAt) }, { data });
  }

  async createShares(supportOrganizationId: string, dossierId: string, shares: readonly NewShare[], ctx: ChangeContext): Promise<Share[]> {
    await this.existing(supportOrganizationId, dossierId);
    const made: Share[] = shares.map((input) => ({
      ...input, id: randomUUID(), supportOrganizationId, dossierId, sharedAt: ctx.now.toISOString(), sharedBy: person(ctx), answers: [], version: 1,
    }));
    await this.write(supportOrganizationId, dossierId, [
      this.dossierCheck(supportOrganizationId, dossierId),
      ...made.map((share): VersionedWrite => ({ kind: 'create', item: this.shareItem(share) })),
    ], 'shared', ctx);
    return made;
  }

  async listShares(supportOrganizationId: string, dossierId: string, ctx: ChangeContext): Promise<Share[] | undefined> {
    if (!(await this.getDossier(supportOrganizationId, dossierId))) return undefined;
    const items = await this.table.queryAll({
      ...e.share.query('primary', { supportOrganizationId, dossierId }, { onlyThis: true }),
      ConsistentRead: true,
    });
    await this.recordView(supportOrganizationId, dossierId, 'shares-viewed', ctx);
    return items.map((i) => withVersion<Share>(i)).sort((a, b) => a.sharedAt.localeCompare(b.sharedAt) || a.id.localeCompare(b.id));
  }

  /** The dossier and its consents, read consistently: what decides a provider's access now. */
  private async withDossier(share: Share): Promise<ShareWithDossier | undefined> {
    const { supportOrganizationId, dossierId } = share;
    const [dossier, consents] = await Promise.all([
      this.getDossier(supportOrganizationId, dossierId),
      this.table.queryAll({ ...e.consent.query('primary', { supportOrganizationId, dossierId }, { onlyThis: true }), ConsistentRead: true }),
    ]);
    return dossier ? { share, dossier, consents: consents.map((i) => withVersion<Consent>(i)) } : undefined;
  }

  async listInbox(organizationId: string): Promise<ShareWithDossier[]> {
    const items = await this.table.queryAll({ ...e.share.query('gsi2', { organizationId }), ScanIndexForward: false });
    const found = await Promise.all(items.map((i) => this.withDossier(withVersion<Share>(i))));
    return found.filter((f): f is ShareWithDossier => f !== undefined);
  }

  async getShare(organizationId: string, shareId: string): Promise<ShareWithDossier | undefined> {
    // gsi1 holds one item per organisation and share id: it names the share's partition, and the
    // share itself is then read consistently from there (the index may lag an answer just given).
    const [indexed] = (await this.table.queryPage({ ...e.share.query('gsi1', { organizationId, shareId }), Limit: 1 })).items;
    if (!indexed) return undefined;
    const { supportOrganizationId, dossierId } = indexed.data as Share;
    const item = await this.table.get(e.share.key({ supportOrganizationId, dossierId, shareId }), { consistent: true });
    if (!item) return undefined;
    const share = withVersion<Share>(item);
    return share.organizationId === organizationId ? this.withDossier(share) : undefined;
  }

  /**
   * Checks for the transaction that marks a share opened or answered: the dossier still there and
   * not closed, and each consent that let the provider read it (as judged) still not withdrawn. A
   * withdrawal between the judgement and the write cancels the write; expiry and the 90 days are
   * times, judged at `ctx.now` already.
   */
  private accessGuards(found: ShareWithDossier, at: Date): VersionedWrite[] {
    const { supportOrganizationId, dossierId, organizationId } = found.share;
    const allowing = found.consents.filter((c) => c.providers.includes(organizationId) && consentValidAt(c, at));
    return [
      {
        kind: 'check',
        key: e.dossier.key({ supportOrganizationId, dossierId }),
        condition: { expression: '#data.#status <> :closed', names: { '#data': 'data', '#status': 'status' }, values: { ':closed': 'closed' } },
      },
      ...allowing.map((c): VersionedWrite => ({
        kind: 'check',
        key: e.consent.key({ supportOrganizationId, dossierId, consentId: c.id }),
        condition: { expression: 'attribute_not_exists(#data.#withdrawnAt)', names: { '#data': 'data', '#withdrawnAt': 'withdrawnAt' } },
      })),
    ];
  }

  /** A failed access guard as the port names it (the share's own version check stays a VersionConflictError). */
  private async guarded<T>(shareId: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (error instanceof VersionConflictError && (error.entity === 'dossier' || error.entity === 'consent')) throw new ShareAccessChangedError(shareId);
      throw error;
    }
  }

  async recordShareRead(found: ShareWithDossier, ctx: ChangeContext): Promise<Share> {
    const { share } = found;
    const { supportOrganizationId, dossierId } = share;
    if (share.openedAt !== undefined) {
      await this.recordView(supportOrganizationId, dossierId, 'share-read', ctx);
      return share;
    }
    const opened: Share = { ...share, openedAt: ctx.now.toISOString(), version: share.version + 1 };
    try {
      const writes: VersionedWrite[] = [...this.accessGuards(found, ctx.now), { kind: 'update', item: this.shareItem(opened), expectedVersion: share.version }];
      await this.guarded(share.id, () => this.write(supportOrganizationId, dossierId, writes, 'share-opened', ctx));
      return opened;
    } catch (error) {
      // Opened (or answered) by a colleague a moment ago: the first opening stands; this is a read.
      if (!(error instanceof VersionConflictError)) throw error;
      const now = await this.table.get(e.share.key({ supportOrganizationId, dossierId, shareId: share.id }), { consistent: true });
      if (!now) throw new ItemNotFoundError('share', { shareId: share.id });
      await this.recordView(supportOrganizationId, dossierId, 'share-read', ctx);
      return withVersion<Share>(now);
    }
  }

  async answerShare(found: ShareWithDossier, response: ShareResponse, expectedVersion: number, ctx: ChangeContext): Promise<Share> {
    const { share } = found;
    const { supportOrganizationId, dossierId } = share;
    const answered: Share = { ...share, answers: [...share.answers, { at: ctx.now.toISOString(), by: person(ctx), response }], version: expectedVersion + 1 };
    const writes: VersionedWrite[] = [...this.accessGuards(found, ctx.now), { kind: 'update', item: this.shareItem(answered), expectedVersion }];
    await this.withCurrent(
      () => this.guarded(share.id, () => this.write(supportOrganizationId, dossierId, writes, 'share-answered', ctx)),
      async () => {
        const now = await this.table.get(e.share.key({ supportOrganizationId, dossierId, shareId: share.id }), { consistent: true });
        return now ? withVersion<Share>(now) : undefined;
      },
    );
    return answered;
  }

  async auditTrail(supportOrganizationId: string, dossierId: string): Promise<DossierAuditRecord[]> {
    const page = await this.table.queryPage({
      ...e.dossierAudit.query('primary', { supportOrganizationId }, { within: { dossierId } }),
      ScanIndexForward: false,
      Limit: AUDIT_LIMIT,
      ConsistentRead: true,
    });
    return page.items.map((i) => i.data as DossierAuditRecord).filter((r) => (DOSSIER_AUDIT_KINDS as readonly string[]).includes(r.kind));
  }
}
