// The hand-over code port on DynamoDB, in the dossier table (keys in keys.ts, handoverCode): one
// item per code under its hash, removed by TTL after it expires. Redeeming is one transaction with
// writeVersioned: the code's conditional delete (still there, still valid), the new answers version
// after the newest, the merged shortlist under its version, and the audit record. Two redeems at
// once both read the code, but only one transaction can delete it.
import { randomUUID } from 'node:crypto';
import type { AnswersVersionSummary, DossierAuditRecord, SavedDossierAnswers, Shortlist, ShortlistEntry } from '../dossier-store.ts';
import type { HandoverCodeStore, HandoverContent, RedeemOutcome } from '../handover-code-store.ts';
import type { ChangeContext } from '../provider-listing-store.ts';
import { ItemNotFoundError, VersionConflictError } from '../store-errors.ts';
import { versionOf, type DynamoDbTable } from './dynamodb-table.ts';
import { dossierEntities as e } from './keys.ts';
import { TTL_ATTRIBUTE } from './table-design.ts';
import { writeVersioned, type VersionedWrite } from './versioned-write.ts';

interface StoredCode extends HandoverContent {
  /** Epoch milliseconds: after it the code is refused, whether or not TTL has removed it yet. */
  expiresAtMs: number;
}

export class DynamoDbHandoverCodeStore implements HandoverCodeStore {
  constructor(private readonly table: DynamoDbTable) {}

  async storeCode(codeHash: string, content: HandoverContent, expiresAt: Date): Promise<boolean> {
    const data: StoredCode = { ...content, expiresAtMs: expiresAt.getTime() };
    const item = e.handoverCode.item({ codeHash }, { data, [TTL_ATTRIBUTE]: Math.ceil(expiresAt.getTime() / 1000) });
    try {
      await writeVersioned(this.table, [{ kind: 'create', item }]);
      return true;
    } catch (error) {
      if (error instanceof VersionConflictError) return false;
      throw error;
    }
  }

  async redeemCode(supportOrganizationId: string, dossierId: string, codeHash: string, maxShortlist: number, ctx: ChangeContext): Promise<RedeemOutcome> {
    const codeKey = e.handoverCode.key({ codeHash });
    const codeItem = await this.table.get(codeKey, { consistent: true });
    if (!codeItem) return { outcome: 'unknown' };
    const code = codeItem.data as StoredCode;
    if (code.expiresAtMs <= ctx.now.getTime()) return { outcome: 'expired' };

    const keys = { supportOrganizationId, dossierId };
    const dossierKey = e.dossier.key(keys);
    if (!(await this.table.get(dossierKey, { consistent: true }))) throw new ItemNotFoundError('dossier', { dossierId });
    const [answerItems, shortlistItem] = await Promise.all([
      this.table.queryAll({ ...e.dossierAnswers.query('primary', keys, { onlyThis: true }), ConsistentRead: true }),
      this.table.get(e.dossierShortlist.key(keys), { consistent: true }),
    ]);
    const basedOn = (answerItems.at(-1)?.data as SavedDossierAnswers | undefined)?.answersVersion ?? 0;
    const by = { accountId: ctx.by.accountId, name: ctx.by.name };
    const at = ctx.now.toISOString();

    const saved: SavedDossierAnswers = {
      questionnaireId: code.questionnaireId, questionnaireVersion: code.questionnaireVersion, answers: code.answers,
      answersVersion: basedOn + 1, savedAt: at, savedBy: by,
    };
    const shortlistVersion = shortlistItem ? versionOf(shortlistItem) : 0;
    const entries: ShortlistEntry[] = [...((shortlistItem?.data as Shortlist | undefined)?.entries ?? [])];
    for (const wanted of code.shortlist) {
      if (entries.length >= maxShortlist) break;
      if (!entries.some((x) => x.locationId === wanted.locationId && x.housingFormId === wanted.housingFormId)) {
        entries.push({ locationId: wanted.locationId, housingFormId: wanted.housingFormId });
      }
    }
    const shortlist = { entries, updatedAt: at, updatedBy: by };
    const shortlistWrite: VersionedWrite = shortlistVersion === 0
      ? { kind: 'create', item: e.dossierShortlist.item(keys, { data: shortlist }) }
      : { kind: 'update', item: e.dossierShortlist.item(keys, { data: shortlist }), expectedVersion: shortlistVersion };
    const audit: DossierAuditRecord = { id: randomUUID(), dossierId, at, by, kind: 'handover-code-redeemed' };

    try {
      await writeVersioned(this.table, [
        // First: of two redeems at once, the loser fails here and nothing of it is written.
        {
          kind: 'delete', key: codeKey, expectedVersion: versionOf(codeItem),
          condition: { expression: '#data.expiresAtMs > :now', names: { '#data': 'data' }, values: { ':now': ctx.now.getTime() } },
        },
        { kind: 'check', key: dossierKey },
        { kind: 'create', item: e.dossierAnswers.item({ ...keys, answersVersion: saved.answersVersion }, { data: saved }) },
        shortlistWrite,
      ], [e.dossierAudit.item({ ...keys, atMs: ctx.now.getTime(), auditId: audit.id }, { data: audit })]);
    } catch (error) {
      if (!(error instanceof VersionConflictError)) throw error;
      if (error.entity === 'handoverCode') return { outcome: 'unknown' };
      if (error.entity === 'dossier') throw new ItemNotFoundError('dossier', { dossierId });
      throw error;
    }
    const summary: AnswersVersionSummary = { answersVersion: saved.answersVersion, savedAt: at, savedBy: by };
    return { outcome: 'redeemed', answers: summary, shortlist: { ...shortlist, version: shortlistVersion + 1 } };
  }
}
