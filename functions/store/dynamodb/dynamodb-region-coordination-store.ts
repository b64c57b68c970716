// The region coordination port on DynamoDB (keys in keys.ts): the support list and the questionnaire
// draft as versioned items beside the region, published versions as the questionnaire items the
// public API reads, and an audit record in the same transaction as every change (versioned-write.ts).
import { randomUUID } from 'node:crypto';
import type { SupportOrganization } from '../../../shared/domain/index.ts';
import type { Questionnaire } from '../../../shared/questionnaire/index.ts';
import type {
  ChangeAuthor, QuestionnaireDraft, QuestionnaireVersionSummary, RegionChange, RegionChangeKind, RegionCoordinationStore,
  SupportOrganizationList,
} from '../region-coordination-store.ts';
import { type DynamoDbTable, type Item, versionOf } from './dynamodb-table.ts';
import { entities } from './keys.ts';
import { writeVersioned } from './versioned-write.ts';

export class DynamoDbRegionCoordinationStore implements RegionCoordinationStore {
  constructor(private readonly table: DynamoDbTable) {}

  async putSupportOrganizations(
    regionId: string, organizations: SupportOrganization[], expectedVersion: number, author: ChangeAuthor,
  ): Promise<SupportOrganizationList> {
    const updatedAt = author.at.toISOString();
    const item = entities.regionSupportList.item({ regionId }, { regionId, organizations, updatedAt, updatedBy: author.accountId });
    // Version 0 is the configured list: the first edit creates the item.
    const write = expectedVersion === 0 ? { kind: 'create' as const, item } : { kind: 'update' as const, item, expectedVersion };
    const version = expectedVersion + 1;
    await writeVersioned(this.table, [write], [this.changeItem(regionId, 'support-organizations', version, author)]);
    return { regionId, organizations, version, updatedAt };
  }

  async listQuestionnaireVersions(regionId: string): Promise<QuestionnaireVersionSummary[]> {
    const items = await this.table.queryAll({
      ...entities.questionnaire.query('primary', { regionId }, { onlyThis: true }),
      ScanIndexForward: false,
    });
    return items.map((i) => {
      const q = i.data as Questionnaire;
      return { version: q.version, publishedAt: q.publishedAt };
    });
  }

  async getQuestionnaireVersion(regionId: string, version: number): Promise<Questionnaire | undefined> {
    return (await this.table.get(entities.questionnaire.key({ regionId, version })))?.data as Questionnaire | undefined;
  }

  async getQuestionnaireDraft(regionId: string): Promise<QuestionnaireDraft | undefined> {
    const item = await this.table.get(entities.questionnaireDraft.key({ regionId }), { consistent: true });
    return item ? draftOf(item) : undefined;
  }

  async putQuestionnaireDraft(
    draft: { regionId: string; basedOnVersion: number; questionnaire: Questionnaire },
    expectedVersion: number | undefined,
    author: ChangeAuthor,
  ): Promise<QuestionnaireDraft> {
    const updatedAt = author.at.toISOString();
    const item = entities.questionnaireDraft.item({ regionId: draft.regionId }, {
      regionId: draft.regionId, basedOnVersion: draft.basedOnVersion, data: draft.questionnaire, updatedAt, updatedBy: author.accountId,
    });
    const write = expectedVersion === undefined ? { kind: 'create' as const, item } : { kind: 'update' as const, item, expectedVersion };
    const version = (expectedVersion ?? 0) + 1;
    await writeVersioned(this.table, [write], [this.changeItem(draft.regionId, 'questionnaire-draft', version, author)]);
    return { ...draft, version, updatedAt, updatedBy: author.accountId };
  }

  async deleteQuestionnaireDraft(regionId: string, expectedVersion: number, author: ChangeAuthor): Promise<void> {
    await writeVersioned(
      this.table,
      [{ kind: 'delete', key: entities.questionnaireDraft.key({ regionId }), expectedVersion }],
      [this.changeItem(regionId, 'questionnaire-draft-discarded', expectedVersion, author)],
    );
  }

  async publishQuestionnaire(questionnaire: Questionnaire, draftVersion: number, author: ChangeAuthor): Promise<void> {
    const { regionId, version } = questionnaire;
    await writeVersioned(
      this.table,
      [
        // The draft first: a draft saved meanwhile is the likelier conflict, and its 409 says so.
        { kind: 'delete', key: entities.questionnaireDraft.key({ regionId }), expectedVersion: draftVersion },
        // A create: two publishes of the same draft cannot both make this version.
        { kind: 'create', item: entities.questionnaire.item({ regionId, version }, { data: questionnaire }) },
      ],
      [this.changeItem(regionId, 'questionnaire-published', version, author)],
    );
  }

  async listRegionChanges(regionId: string, limit = 100): Promise<RegionChange[]> {
    const page = await this.table.queryPage({
      ...entities.regionChange.query('primary', { regionId }),
      ScanIndexForward: false,
      Limit: limit,
    });
    return page.items.map((i) => ({
      regionId, changeId: String(i.changeId), kind: i.kind as RegionChangeKind, at: String(i.at), accountId: String(i.accountId), version: Number(i.changeVersion),
    }));
  }

  private changeItem(regionId: string, kind: RegionChangeKind, version: number, author: ChangeAuthor): Item {
    const changeId = randomUUID();
    const atMs = author.at.getTime();
    return entities.regionChange.item(
      { regionId, atMs, changeId },
      // `version` is the item's own concurrency attribute elsewhere: the change's version has its own name.
      { regionId, changeId, kind, at: author.at.toISOString(), accountId: author.accountId, changeVersion: version },
    );
  }
}

function draftOf(item: Item): QuestionnaireDraft {
  return {
    regionId: String(item.regionId),
    basedOnVersion: Number(item.basedOnVersion),
    questionnaire: item.data as Questionnaire,
    version: versionOf(item),
    updatedAt: String(item.updatedAt),
    updatedBy: String(item.updatedBy),
  };
}
