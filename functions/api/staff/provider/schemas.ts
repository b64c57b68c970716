// The provider API's request and answer shapes, built from the domain's schemas (listing.ts,
// views.ts), and what every provider route shares: its path ids, the caller's change context and
// the membership check. Requests are strict: a field the API does not know is a 400, not ignored.
import * as z from 'zod';
import {
  AttentionSchema, FieldErrorSchema, HousingFormSchema, LocationSchema, OrganizationSchema, Slug,
  StoredLocationSchema, VersionSchema, WaitingListSchema,
} from '../../../../shared/domain/index.ts';
import {
  CHANGE_ACTIONS, MAX_CONFIRMATIONS, MAX_FORMS_PER_LOCATION_CHANGE, type ChangeContext,
} from '../../../store/provider-listing-store.ts';
import { json, problem } from '../../openapi-route.ts';
import { requireMembership, type Identity, type StaffDeps } from '../context.ts';

export const OrganizationParams = z.object({ organizationId: Slug });
export const LocationParams = OrganizationParams.extend({ locationId: Slug });
export const HousingFormParams = LocationParams.extend({ housingFormId: Slug });

/** Repeated ids in a list of items, as field errors at the repeat. */
function noRepeats<T>(key: (item: T) => string, what: string) {
  return (items: readonly T[], ctx: z.RefinementCtx) => {
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      const first = seen.get(key(item));
      if (first === undefined) seen.set(key(item), i);
      else ctx.addIssue({ code: 'custom', path: [i], message: `This ${what} is also item ${first} of the list.` });
    });
  };
}

// ---- requests ----------------------------------------------------------------------------------

export const VersionRequest = z.strictObject({ version: VersionSchema.describe('The version the change is based on (from the last read).') });
export const HousingFormPutRequest = z.strictObject({
  version: VersionSchema,
  housingForm: HousingFormSchema.describe('The whole housing form; its id is the one in the path. `waitingList.updatedAt` is set by the server when the report changed.'),
});
export const HousingFormPostRequest = z.strictObject({
  housingForm: HousingFormSchema.describe('The new housing form; `waitingList.updatedAt` is set to now by the server.'),
});
export const WaitingListReportSchema = WaitingListSchema.omit({ updatedAt: true });
export const WaitingListPatchRequest = z.strictObject({
  version: VersionSchema,
  waitingList: WaitingListReportSchema.describe('The waiting list as it is now; the server sets `updatedAt` to now.'),
});
const ConfirmItem = z.strictObject({ locationId: Slug, housingFormId: Slug, version: VersionSchema });
export const ConfirmRequest = z.strictObject({
  housingForms: z
    .array(ConfirmItem)
    .min(1)
    .max(MAX_CONFIRMATIONS)
    .superRefine(noRepeats((f: z.infer<typeof ConfirmItem>) => `${f.locationId}/${f.housingFormId}`, 'housing form'))
    .describe(`The housing forms whose waiting list is still correct (at most ${MAX_CONFIRMATIONS}, each at the version read).`),
});
/** A location as edited: its own fields; its region and point are derived from the address (or `geo`). */
export const LocationFieldsSchema = LocationSchema.omit({ housingForms: true });
export const LocationPutRequest = z.strictObject({ version: VersionSchema, location: LocationFieldsSchema });
export const LocationPostRequest = z.strictObject({
  location: LocationSchema.extend({
    housingForms: z
      .array(HousingFormSchema)
      .min(1)
      .max(MAX_FORMS_PER_LOCATION_CHANGE)
      .superRefine(noRepeats((f: { id: string }) => f.id, 'housing form id')),
  }).describe(`A new location with its housing forms (1 to ${MAX_FORMS_PER_LOCATION_CHANGE}), as in the import format.`),
});

// ---- answers -----------------------------------------------------------------------------------

export const VersionedHousingForm = z.object({ housingForm: HousingFormSchema, version: VersionSchema });
export const VersionedLocation = z.object({ location: StoredLocationSchema, version: VersionSchema });
export const RemovedSchema = z.object({ removed: z.literal(true) });

export const OrganizationListSchema = z.object({
  organizations: z.array(z.object({ id: Slug, name: z.string(), role: z.enum(['provider-admin', 'provider-editor']) })),
});

export const ProviderListingSchema = z.object({
  organization: OrganizationSchema,
  version: VersionSchema,
  locations: z.array(
    z.object({
      location: StoredLocationSchema,
      version: VersionSchema,
      attention: z.array(AttentionSchema).describe('What needs attention, most urgent first.'),
      housingForms: z.array(z.object({ housingForm: HousingFormSchema, version: VersionSchema, attention: z.array(AttentionSchema) })),
    }),
  ).describe('Sorted by name; each location\'s housing forms by name.'),
});

export const ConfirmedSchema = z.object({
  confirmed: z.array(z.object({ locationId: Slug, housingFormId: Slug, version: VersionSchema, updatedAt: z.string() })),
});

export const HistorySchema = z.object({
  changes: z.array(
    z.object({
      changeId: z.string(),
      at: z.string().describe('ISO date-time.'),
      by: z.object({ accountId: z.string(), name: z.string() }),
      action: z.enum(CHANGE_ACTIONS),
      before: z.record(z.string(), z.unknown()).optional().describe('The item before the change (absent for a creation).'),
      after: z.record(z.string(), z.unknown()).optional().describe('The item after the change (absent for a removal).'),
    }),
  ).describe('Newest first; at most the newest 200.'),
});

/** A 409 in the one error shape; a version conflict carries the item as it is now in `current`. */
export function conflict<T extends z.ZodType>(current: T, description: string) {
  return json(
    z.object({
      error: z.object({
        code: z.string().describe('`version_conflict` (with `current`), or the route\'s own conflict codes.'),
        message: z.string(),
        fields: z.array(FieldErrorSchema).optional(),
        current: current.optional(),
      }),
    }),
    description,
  );
}

export const CurrentHousingForm = VersionedHousingForm;
export const CurrentLocation = VersionedLocation;
export const StaleHousingFormsSchema = z.object({
  housingForms: z.array(z.object({ locationId: Slug, housingFormId: Slug, housingForm: HousingFormSchema, version: VersionSchema })),
});

/** The answers every provider route gives besides its own. */
export const providerProblems = {
  400: problem('The request is not valid; `fields` names each problem by its path (e.g. `housingForm.waitingList.weeks`).'),
  401: problem('Nobody is signed in.'),
  403: problem('The caller is no provider admin or editor of this organisation, or the request did not come from a Woonwijzer page.'),
  404: problem('No such organisation, location or housing form in this organisation.'),
};

/** The caller as a provider of the organisation (401/403 otherwise), and who and when for the audit trail. */
export function providerCaller(identity: Identity | undefined, deps: StaffDeps, organizationId: string): ChangeContext {
  const { identity: me } = requireMembership(identity, { role: 'provider', organizationId });
  return { by: { accountId: me.account.id, name: me.account.name }, now: deps.clock.now() };
}
