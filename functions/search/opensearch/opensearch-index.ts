// Writing to the housing-forms index: upsert and remove by candidate id through the alias (what
// the stream indexer needs), and the blue/green rebuild a full reindex uses (a new version, loaded
// in bulk, then the alias swapped in one atomic request and the old versions dropped).
//
// Kept apart from the query side so the indexer Lambda bundles no matcher and no query builder.
import { type Clock, systemClock } from '../../../shared/clock.ts';
import { type MatchCandidate } from '../../../shared/matching/index.ts';
import { BulkWriteError, bulkFailures, deleteLines, indexLines, type BulkItemFailure, type BulkLine, type BulkResponseBody } from './bulk.ts';
import { indexDefinition } from './index-mapping.ts';
import { type OpenSearchClient } from './opensearch-client.ts';
import { aliasName, firstVersionName, versionName, versionPattern } from './index-names.ts';

/** Documents per _bulk request: about 1 KB each, so requests of about half a megabyte. */
export const BULK_CHUNK = 500;

/** The refresh interval of a live index (OpenSearch's default, stated so publish can restore it). */
const LIVE_REFRESH_INTERVAL = '1s';

/** One new index version being loaded, not yet visible to readers. */
export interface IndexBuild {
  readonly index: string;
  /** Adds documents (in chunks); throws BulkWriteError naming the ids that failed. */
  write(candidates: readonly MatchCandidate[]): Promise<void>;
  /** Makes it the live index (atomic alias swap) and drops every older version. */
  publish(): Promise<{ index: string; retired: string[] }>;
  /** Drops it after a failed load; the live index is untouched. */
  abandon(): Promise<void>;
}

export class OpenSearchIndex {
  readonly alias: string;

  constructor(
    readonly client: OpenSearchClient,
    readonly indexPrefix: string,
    private readonly clock: Clock = systemClock,
  ) {
    this.alias = aliasName(indexPrefix);
  }

  /** Adds or replaces documents by id, through the alias; creates the first index if there is none. */
  async upsert(candidates: readonly MatchCandidate[]): Promise<void> {
    const failures: BulkItemFailure[] = [];
    for (const chunk of chunksOf(candidates, BULK_CHUNK)) failures.push(...(await this.upsertChunk(chunk)));
    if (failures.length > 0) throw new BulkWriteError(failures);
  }

  /** Removes documents by id; ids that are not there (or no index at all) are fine. */
  async remove(candidateIds: readonly string[]): Promise<void> {
    const failures: BulkItemFailure[] = [];
    for (const chunk of chunksOf(candidateIds, BULK_CHUNK)) failures.push(...(await this.bulk(deleteLines(this.alias, chunk), false)));
    if (failures.length > 0) throw new BulkWriteError(failures);
  }

  /** Starts a new version for a full rebuild; refresh is off while it loads (faster, and unread). */
  async startRebuild(): Promise<IndexBuild> {
    const index = versionName(this.indexPrefix, this.clock);
    const definition = indexDefinition();
    await this.client.indices.create({
      index,
      body: { ...definition, settings: { ...definition.settings, refresh_interval: '-1' } },
    });
    return this.buildOf(index);
  }

  /** The version an interrupted rebuild was loading (refresh still off), to load on. */
  async resumeRebuild(index: string): Promise<IndexBuild> {
    const own = index.startsWith(versionPattern(this.indexPrefix).slice(0, -1));
    const found = own ? await this.client.indices.get({ index }, { ignore: [404] }) : undefined;
    if (!found || found.statusCode === 404) throw new Error(`The index version ${index} of the interrupted reindex is gone.`);
    return this.buildOf(index);
  }

  private buildOf(index: string): IndexBuild {
    return {
      index,
      write: async (candidates) => {
        const failures: BulkItemFailure[] = [];
        for (const chunk of chunksOf(candidates, BULK_CHUNK)) failures.push(...(await this.bulk(indexLines(index, chunk), false)));
        if (failures.length > 0) throw new BulkWriteError(failures);
      },
      publish: () => this.publish(index),
      abandon: async () => {
        await this.client.indices.delete({ index }, { ignore: [404] });
      },
    };
  }

  /** Every candidate id the live index holds for a region (for finding what the table no longer has). */
  async indexedIds(regionId: string): Promise<string[]> {
    // Search sees refreshed documents only: refresh first so a just-written one is not missed.
    await this.client.indices.refresh({ index: this.alias }, { ignore: [404] });
    const ids: string[] = [];
    let after: Array<string | number> | undefined;
    for (;;) {
      const { body, statusCode } = await this.client.search(
        {
          index: this.alias,
          body: {
            query: { bool: { filter: [{ term: { regionId } }] } },
            _source: false,
            sort: [{ id: { order: 'asc' } }],
            size: 1000,
            ...(after ? { search_after: after } : {}),
          },
        },
        { ignore: [404] },
      );
      if (statusCode === 404) return ids;
      const hits = (body as { hits?: { hits?: Array<{ _id?: string; sort?: Array<string | number> }> } }).hits?.hits ?? [];
      for (const hit of hits) if (hit._id) ids.push(hit._id);
      const last = hits.at(-1);
      if (hits.length < 1000 || !last?.sort) return ids;
      after = last.sort;
    }
  }

  private async publish(index: string): Promise<{ index: string; retired: string[] }> {
    await this.client.indices.putSettings({ index, body: { index: { refresh_interval: LIVE_REFRESH_INTERVAL } } });
    await this.client.indices.refresh({ index });
    const { body } = await this.client.indices.get({ index: versionPattern(this.indexPrefix) });
    const versions = body as Record<string, { aliases?: Record<string, unknown> }>;
    const retired = Object.keys(versions).filter((name) => name !== index);
    const holding = retired.filter((name) => versions[name]?.aliases?.[this.alias] !== undefined);
    // One request: readers see the old version or the new one, never neither or both.
    await this.client.indices.updateAliases({
      body: {
        actions: [
          ...holding.map((old) => ({ remove: { index: old, alias: this.alias } })),
          { add: { index, alias: this.alias } },
        ],
      },
    });
    // One by one: each DELETE names one index path, which is what the IAM grant on `<prefix>*` covers.
    for (const old of retired) await this.client.indices.delete({ index: old }, { ignore: [404] });
    return { index, retired };
  }

  private async upsertChunk(chunk: readonly MatchCandidate[]): Promise<BulkItemFailure[]> {
    const failures = await this.bulk(indexLines(this.alias, chunk), true);
    const missing = new Set(failures.filter((f) => f.type === 'index_not_found_exception').map((f) => f.id));
    if (missing.size === 0) return failures;
    // No alias yet: a new deployment whose first listing came before the first reindex.
    await this.ensureFirstVersion();
    const retried = await this.bulk(indexLines(this.alias, chunk.filter((c) => missing.has(c.id))), true);
    return [...failures.filter((f) => !missing.has(f.id)), ...retried];
  }

  /** Creates the first version with the alias; another invocation creating it at once is fine. */
  private async ensureFirstVersion(): Promise<void> {
    const { body, statusCode } = await this.client.indices.create(
      { index: firstVersionName(this.indexPrefix), body: indexDefinition([this.alias]) },
      { ignore: [400] },
    );
    const error = (body as { error?: { type?: string } }).error;
    if (statusCode === 400 && error?.type !== 'resource_already_exists_exception') {
      throw new Error(`Could not create the search index ${firstVersionName(this.indexPrefix)}: ${JSON.stringify(error)}`);
    }
  }

  /**
   * One _bulk request. `requireAlias` makes writes through a missing alias fail instead of
   * silently auto-creating an index by that name with a guessed mapping.
   */
  private async bulk(lines: BulkLine[], requireAlias: boolean): Promise<BulkItemFailure[]> {
    if (lines.length === 0) return [];
    // refresh: false: documents become searchable within the index's refresh interval (1 s);
    // forcing a refresh per stream batch would cost the cluster more than it gives anyone.
    const { body } = await this.client.bulk({ body: lines, refresh: false, ...(requireAlias ? { require_alias: true } : {}) });
    return bulkFailures(body as BulkResponseBody);
  }
}

function* chunksOf<T>(items: readonly T[], size: number): Generator<readonly T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
