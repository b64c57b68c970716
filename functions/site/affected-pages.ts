// What a batch of the table's stream records means for the static site: which generated pages to
// build again and which location pages to take away. Pure (records in, a SiteChange out), so the
// local rebuilder (functions/local/site-rebuilder.ts) and a builder in AWS read the stream the same
// way. Records are read in order: a location removed and added again in one batch is built, one
// added and removed is taken away.
//
// What each item decides (see the pages in site/src/components):
// - a location: its own pages; its region's page when what the region's list shows of it changed
//   (name, address, provider, housing types, waiting-list states); the region's results and report
//   pages when the set of locations, a point, a name or a provider changed; the home page's counts
//   when one is added or removed.
// - a housing form: its location's pages and its region's search page (the filters offered are the
//   codes that occur); the home and region pages' counts when one is added or removed.
// - an organisation: the pages of its locations (contact details, description) and its regions'
//   report pages (which providers a report can go to).
// - a region's support list (kept by its coordinator): the region's help pages.
// - a region or a published questionnaire version: settings shown on every page of the region: a full build.
//   A questionnaire draft and the region's audit records show nowhere: nothing.
// - anything else (accounts, sessions, throttles, history, reminders): nothing.
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { entityOfKey } from '../store/dynamodb/keys.ts';
import { contentHash, type LocationItem } from '../store/dynamodb/listing-items.ts';
import { emptyScope, SCOPED_PAGE_KINDS, type PageScope, type ScopedPageKind } from './page-scope.ts';

/** A stream record as both the Lambda event and the DynamoDB Streams API give it (the parts read here). */
export interface SiteStreamRecord {
  eventName?: string;
  dynamodb?: {
    Keys?: Record<string, unknown>;
    NewImage?: Record<string, unknown>;
    OldImage?: Record<string, unknown>;
  };
}

export interface SiteChange {
  /** The pages to build again (both languages each). */
  build: PageScope;
  /** Location ids whose pages are to be taken away (never also in build.location). */
  removeLocations: readonly string[];
  /** A change no scope narrows (a region's settings, a questionnaire): build the whole site. */
  full: boolean;
}

export const noChange = (): SiteChange => ({ build: emptyScope(), removeLocations: [], full: false });

export function isEmptyChange(change: SiteChange): boolean {
  const { build } = change;
  return !change.full && !build.home && change.removeLocations.length === 0
    && SCOPED_PAGE_KINDS.every((kind) => build[kind].length === 0);
}

type Image = Record<string, unknown>;
const image = (raw: Record<string, unknown> | undefined): Image | undefined =>
  raw ? (unmarshall(raw as Record<string, AttributeValue>) as Image) : undefined;

/** A mutable accumulator: sets per kind, a location either built or removed, never both. */
class Collector {
  readonly sets = Object.fromEntries(SCOPED_PAGE_KINDS.map((kind) => [kind, new Set<string>()])) as Record<ScopedPageKind, Set<string>>;
  readonly removed = new Set<string>();
  home = false;
  full = false;

  static from(change: SiteChange): Collector {
    const c = new Collector();
    for (const kind of SCOPED_PAGE_KINDS) for (const id of change.build[kind]) c.sets[kind].add(id);
    for (const id of change.removeLocations) c.removed.add(id);
    c.home = change.build.home;
    c.full = change.full;
    return c;
  }

  add(kind: ScopedPageKind, ids: Iterable<string | undefined>): void {
    for (const id of ids) {
      if (typeof id !== 'string') continue;
      this.sets[kind].add(id);
      if (kind === 'location') this.removed.delete(id);
    }
  }

  removeLocation(id: string): void {
    this.sets.location.delete(id);
    this.removed.add(id);
  }

  result(): SiteChange {
    const build = Object.fromEntries(SCOPED_PAGE_KINDS.map((kind) => [kind, [...this.sets[kind]].sort()])) as Record<ScopedPageKind, string[]>;
    return {
      build: { ...build, home: this.home },
      removeLocations: [...this.removed].sort(),
      full: this.full,
    };
  }
}

/** Both changes, `later` after `earlier`: a location `later` builds is no longer removed, and the reverse. */
export function mergeChanges(earlier: SiteChange, later: SiteChange): SiteChange {
  const c = Collector.from(earlier);
  for (const kind of SCOPED_PAGE_KINDS) c.add(kind, later.build[kind]);
  for (const id of later.removeLocations) c.removeLocation(id);
  c.home ||= later.build.home;
  c.full ||= later.full;
  return c.result();
}

/** The pages the records touch, after the pages `earlier` already touches (a debounce window's earlier batches). */
export function affectedPages(records: Iterable<SiteStreamRecord>, earlier: SiteChange = noChange()): SiteChange {
  const c = Collector.from(earlier);
  for (const record of records) apply(c, record);
  return c.result();
}

function apply(c: Collector, record: SiteStreamRecord): void {
  const keys = image(record.dynamodb?.Keys);
  const entity = keys && entityOfKey(keys);
  if (!entity) return;
  const oldImage = image(record.dynamodb?.OldImage);
  const newImage = image(record.dynamodb?.NewImage);
  const removed = record.eventName === 'REMOVE';
  const added = record.eventName === 'INSERT';
  const regionsOf = (...images: Array<Image | undefined>) => images.map((i) => (typeof i?.regionId === 'string' ? i.regionId : undefined));
  switch (entity.entity) {
    case 'location': {
      const locationId = String(entity.fields.locationId);
      const regions = regionsOf(oldImage, newImage);
      if (removed) c.removeLocation(locationId);
      else c.add('location', [locationId]);
      const before = oldImage as Partial<LocationItem> | undefined;
      const after = newImage as Partial<LocationItem> | undefined;
      const setChanged = added || removed || differs(before, after, (i) => [i.regionId, i.data?.name, i.data?.point, i.organizationId, i.organizationName]);
      if (setChanged || differs(before, after, (i) => [i.data?.address, i.summary])) c.add('region', regions);
      if (setChanged) {
        c.add('results', regions);
        c.add('report', regions);
      }
      if (added || removed || before?.regionId !== after?.regionId) c.home = true;
      return;
    }
    case 'housingForm': {
      const regions = regionsOf(oldImage, newImage);
      // The location's own record removes its pages when the location goes; a housing form going
      // alone leaves a location that still has a page.
      const locationId = String(entity.fields.locationId);
      if (!(removed && c.removed.has(locationId))) c.add('location', [locationId]);
      c.add('search', regions);
      if (added || removed) {
        c.add('region', regions);
        c.home = true;
      }
      return;
    }
    case 'organization': {
      const listed = (i: Image | undefined) => (Array.isArray(i?.locationIds) ? (i.locationIds as unknown[]).filter((id): id is string => typeof id === 'string') : []);
      const regionIds = (i: Image | undefined) => {
        const data = i?.data as { regionIds?: unknown } | undefined;
        return Array.isArray(data?.regionIds) ? (data.regionIds as unknown[]).filter((id): id is string => typeof id === 'string') : [];
      };
      // A location added or removed changes only the list (locationIds); that location's own
      // record says what it means. Changed details show on every location's page.
      if (!differs(oldImage, newImage, (i) => i.data)) return;
      // Its removed locations come with their own REMOVE records; those still listed are built.
      c.add('location', [...new Set([...listed(oldImage), ...listed(newImage)])].filter((id) => !c.removed.has(id)));
      c.add('report', [...regionIds(oldImage), ...regionIds(newImage)]);
      return;
    }
    case 'regionSupportList':
      c.add('support', [String(entity.fields.regionId)]);
      return;
    case 'region':
    case 'questionnaire':
      c.full = true;
      return;
    default:
      return;
  }
}

/** Whether the projected facts differ between two images (by value, whatever the order of keys). */
function differs<T>(before: T | undefined, after: T | undefined, project: (image: T) => unknown): boolean {
  if (!before || !after) return before !== after;
  return contentHash(project(before) ?? null) !== contentHash(project(after) ?? null);
}
