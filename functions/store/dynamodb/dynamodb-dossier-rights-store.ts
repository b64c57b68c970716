// The dossier rights port on DynamoDB. An export is one consistent query of the dossier's partition
// (every item of a dossier is in it: keys.ts dossierPartition). A deletion first deletes the
// dossier item itself under its version, with the deletion's audit record in the same
// transaction: from then on every change to the dossier fails its check that the dossier is there.
// Then the rest of the partition goes in batches, read again until nothing is left, so an item
// written just before the first step is deleted too (the dossier's activity item included, and
// every share: a share's index entries, the provider inboxes, go with the share item).
import { randomUUID } from 'node:crypto';
import {
  type Consent, type Dossier, type DossierAuditKind, type DossierAuditRecord, type DossierNote, type DossierStore, type Handover,
  type SavedDossierAnswers, type Shortlist,
} from '../dossier-store.ts';
import type { DeletionReason, DossierExport, DossierRightsStore } from '../dossier-rights-store.ts';
import type { ChangeContext } from '../provider-listing-store.ts';
import { VersionConflictError } from '../store-errors.ts';
import { versionOf, type DynamoDbTable, type Item } from './dynamodb-table.ts';
import { dossierEntities as e } from './keys.ts';
import { KEY } from './table-design.ts';
import { writeVersioned } from './versioned-write.ts';

const withVersion = <T>(item: Item): T => ({ ...(item.data as object), version: versionOf(item) }) as T;

export class DynamoDbDossierRightsStore implements DossierRightsStore {
  constructor(
    private readonly table: DynamoDbTable,
    /** For the audit trail, read as the dossier port reads it. */
    private readonly dossiers: Pick<DossierStore, 'auditTrail'>,
  ) {}

  private auditItem(supportOrganizationId: string, dossierId: string, kind: DossierAuditKind, ctx: ChangeContext): Item {
    const record: DossierAuditRecord = { id: randomUUID(), dossierId, at: ctx.now.toISOString(), by: { accountId: ctx.by.accountId, name: ctx.by.name }, kind };
    return e.dossierAudit.item({ supportOrganizationId, dossierId, atMs: ctx.now.getTime(), auditId: record.id }, { data: record });
  }

  private partition(supportOrganizationId: string, dossierId: string): Promise<Item[]> {
    return this.table.queryAll({ ...e.dossier.query('primary', { supportOrganizationId, dossierId }), ConsistentRead: true });
  }

  async exportDossier(supportOrganizationId: string, dossierId: string, ctx: ChangeContext): Promise<DossierExport | undefined> {
    const items = await this.partition(supportOrganizationId, dossierId);
    const head = items.find((i) => e.dossier.is(i));
    if (!head) return undefined;
    await this.table.put(this.auditItem(supportOrganizationId, dossierId, 'exported', ctx));
    const shortlist = items.find((i) => e.dossierShortlist.is(i));
    return {
      exportedAt: ctx.now.toISOString(),
      dossier: withVersion<Dossier>(head),
      answersVersions: items.filter((i) => e.dossierAnswers.is(i)).map((i) => i.data as SavedDossierAnswers),
      shortlist: shortlist ? withVersion<Shortlist>(shortlist) : { entries: [], version: 0 },
      notes: items.filter((i) => e.dossierNote.is(i)).map((i) => i.data as DossierNote),
      consents: items.filter((i) => e.consent.is(i)).map((i) => withVersion<Consent>(i)).sort((a, b) => a.recordedAt.localeCompare(b.recordedAt)),
      handovers: items.filter((i) => e.dossierHandover.is(i)).map((i) => i.data as Handover),
      auditTrail: await this.dossiers.auditTrail(supportOrganizationId, dossierId),
    };
  }

  async deleteDossier(supportOrganizationId: string, dossierId: string, ctx: ChangeContext, reason: DeletionReason = 'client-request'): Promise<boolean> {
    const key = e.dossier.key({ supportOrganizationId, dossierId });
    const head = await this.table.get(key, { consistent: true });
    if (!head) return false;
    try {
      await writeVersioned(this.table, [{ kind: 'delete', key, expectedVersion: versionOf(head) }], [this.auditItem(supportOrganizationId, dossierId, reason === 'retention' ? 'deleted-by-retention' : 'deleted', ctx)]);
    } catch (error) {
      // Changed meanwhile: still a client's request to delete it, so once more with what is there now.
      if (error instanceof VersionConflictError) return this.deleteDossier(supportOrganizationId, dossierId, ctx, reason);
      throw error;
    }
    for (let rest = await this.partition(supportOrganizationId, dossierId); rest.length > 0; rest = await this.partition(supportOrganizationId, dossierId)) {
      await this.table.batchWrite(rest.map((i) => ({ delete: { [KEY.pk]: i[KEY.pk], [KEY.sk]: i[KEY.sk] } as never })));
    }
    return true;
  }
}
