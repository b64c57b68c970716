// What travels between the site builder's parts in AWS (docs/site-rebuild.md): the change collector
// puts each batch's SiteChange on a queue as JSON, the build starter merges a minute of them into
// one, stores it as a build request and starts the build with the request's key (or "full"), and
// the build reads it back. Pure, apart from the types: the Lambda entries and the build script do
// the calls. Also which stream records can touch a page at all, for the event-source filter.
import * as z from 'zod';
import { entities, type EntityName } from '../store/dynamodb/keys.ts';
import { mergeChanges, noChange, type SiteChange } from './affected-pages.ts';
import { PageScopeSchema } from './page-scope.ts';

/**
 * The entities whose records affectedPages reads (a location, its housing forms, an organisation,
 * a region, its questionnaires and its support list); every other record (accounts, sessions,
 * history, reminders, throttles) touches no page.
 */
export const SITE_ENTITIES = ['location', 'housingForm', 'organization', 'region', 'questionnaire', 'regionSupportList'] as const satisfies readonly EntityName[];

/** The partition-key prefixes of those entities: the stream's event filter lets only these through. */
export function siteKeyPrefixes(): string[] {
  return [...new Set(SITE_ENTITIES.map((name) => entities[name].partitionPrefix))].sort();
}

/** The event-source filter patterns (one per prefix, any may match) on a stream record's `pk`. */
export function siteStreamFilterPatterns(partitionKey: string): Array<Record<string, unknown>> {
  return siteKeyPrefixes().map((prefix) => ({ dynamodb: { Keys: { [partitionKey]: { S: [{ prefix }] } } } }));
}

export const SiteChangeSchema = z.strictObject({
  build: PageScopeSchema,
  removeLocations: z.array(z.string().min(1)),
  full: z.boolean(),
});

/** A queued or stored change, or undefined when it is not one (a message nobody here wrote). */
export function parseSiteChange(json: string): SiteChange | undefined {
  try {
    const parsed = SiteChangeSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export interface QueuedChange {
  id: string;
  body: string;
  /** When the collector sent it (SQS's SentTimestamp, epoch ms). */
  sentAt: number;
}

export interface MergedChanges {
  change: SiteChange;
  /** Ids of messages that hold no change: left on the queue, so they end in its dead-letter queue. */
  rejected: string[];
}

/**
 * One change for a batch of queued ones, merged in the order they were sent. A standard queue
 * does not keep that order strictly; the build does not depend on it (see buildScope).
 */
export function mergeQueuedChanges(messages: readonly QueuedChange[]): MergedChanges {
  const rejected: string[] = [];
  let change = noChange();
  for (const message of [...messages].sort((a, b) => a.sentAt - b.sentAt)) {
    const parsed = parseSiteChange(message.body);
    if (parsed) change = mergeChanges(change, parsed);
    else rejected.push(message.id);
  }
  return { change, rejected };
}

/**
 * The pages a build in AWS renders for a change: those it names and the pages of the locations it
 * removes. A location that is still in the API then gets its page (it was removed and added again,
 * the queue's messages arriving out of order), and one that is gone renders nothing and is deleted.
 * So the bucket ends as the API is, whatever the order of the changes.
 */
export function buildScope(change: SiteChange): SiteChange {
  const locations = [...new Set([...change.build.location, ...change.removeLocations])].sort();
  return { build: { ...change.build, location: locations }, removeLocations: [], full: change.full };
}

/** The build's environment variable: "full", or the key of the stored request in the requests bucket. */
export const SITE_BUILD_REQUEST_ENV = 'WOONWIJZER_SITE_REQUEST';
export const FULL_BUILD = 'full';
/** Where the starter stores requests in the builder's bucket; the build may read these only. */
export const REQUESTS_PREFIX = 'requests/';

/** A request's key: by time, so a listing reads as a history, with an id against collisions. */
export function requestKey(now: Date, id: string): string {
  return `${REQUESTS_PREFIX}${now.toISOString().replace(/[:.]/g, '-')}-${id}.json`;
}

export type BuildRequest = { kind: 'full' } | { kind: 'stored'; key: string };

/** The build's request from its environment; a malformed one fails the build rather than building the wrong pages. */
export function readBuildRequest(env: Record<string, string | undefined>): BuildRequest {
  const value = env[SITE_BUILD_REQUEST_ENV]?.trim();
  if (value === FULL_BUILD) return { kind: 'full' };
  if (value && value.startsWith(REQUESTS_PREFIX) && value.endsWith('.json') && !value.includes('..')) return { kind: 'stored', key: value };
  throw new Error(`${SITE_BUILD_REQUEST_ENV} must be "${FULL_BUILD}" or a key under ${REQUESTS_PREFIX}, not ${JSON.stringify(value ?? '')}.`);
}
