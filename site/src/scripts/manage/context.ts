// What every view of the portal shares: the page's data, where one is (the address), the signed-in
// person, the organisation's listing as last read, and the ways to speak to the person (a status
// line for results, an alert for problems) and to move between views.
import type { ApiOutcome } from '../lib/api-fetch.ts';
import type { ManagePageData } from './page-data.ts';
import type { HousingFormEntry, LocationEntry, Me, OrganizationChoice, OrganizationListing, ProviderRole } from './staff-api.ts';

export type ViewName = 'overview' | 'edit' | 'history' | 'create' | 'spreadsheet' | 'colleagues' | 'inbox';

/** Where one is: the organisation, and within it a location, a housing form and a view. */
export interface Place {
  organizationId?: string;
  locationId?: string;
  housingFormId?: string;
  /** A shared report in the inbox. */
  shareId?: string;
  view?: ViewName;
}

export interface Context {
  data: ManagePageData;
  me?: Me;
  organizations?: OrganizationChoice[];
  listing?: OrganizationListing;
  place: Place;
  /** A result, in the status line (a live region). */
  announce(text: string): void;
  /** A problem, in the alert line; empty to clear. */
  alert(text: string): void;
  /** The address of a place, for links. */
  href(place: Place): string;
  /** Goes to a place (a new history entry) and shows it; the message is announced there. */
  go(place: Place, message?: string): void;
  /** Reads the organisation's listing again; false (after saying why) if that failed. */
  reload(): Promise<boolean>;
  /** The caller's role at the organisation of the place. */
  roleHere(): ProviderRole | undefined;
  /** Says what went wrong for the kinds every call shares (signed out, no access, gone, unreachable). */
  failed(outcome: ApiOutcome<unknown> & { ok: false }): void;
}

export function findLocation(ctx: Context, locationId = ctx.place.locationId): LocationEntry | undefined {
  return ctx.listing?.locations.find((entry) => entry.location.id === locationId);
}

export function findHousingForm(ctx: Context, place: Place = ctx.place): HousingFormEntry | undefined {
  return findLocation(ctx, place.locationId)?.housingForms.find((entry) => entry.housingForm.id === place.housingFormId);
}

export function section(view: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-view="${view}"]`);
}

/** An element the page is built with; its absence is a fault of the page, said plainly. */
export function required<T extends Element>(root: ParentNode, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`The portal page has no ${selector}.`);
  return found;
}

/**
 * A view's requests one at a time: a second press while the first is waiting does nothing, and the
 * last alert goes as a new request starts. `run(task)` runs it now; `run.on(task)` is the handler
 * for a form's submit or a button's click.
 */
export function oneAtATime(ctx: Pick<Context, 'alert'>) {
  let busy = false;
  const run = (task: () => Promise<void>): void => {
    if (busy) return;
    busy = true;
    ctx.alert('');
    void task().finally(() => {
      busy = false;
    });
  };
  return Object.assign(run, {
    on: (task: () => Promise<void>) => (event?: Event) => {
      event?.preventDefault();
      run(task);
    },
  });
}
