// The region's stale and incomplete listings, for its coordinators, and a reminder by hand:
//   GET  /api/coordinator/regions/{regionId}/attention                                    every location and housing form needing attention
//   POST /api/coordinator/regions/{regionId}/organizations/{organizationId}/reminder      mails the organisation's staff what to update
// What needs attention is the provider portal's own rule (shared/domain/provider-attention.ts): a
// waiting list unconfirmed for over 30 days, criterion facts left unknown, no description, no
// photo. A reminder goes at most once a day per organisation and region (a conditional write, so
// two clicks send one mail round), and the list says when the last one went.
import * as z from 'zod';
import {
  AttentionSchema, Slug, attentionOfHousingForm, attentionOfLocation, type Attention, type Organization, type StoredLocation,
} from '../../../../shared/domain/index.ts';
import { listingUpdateMail, type ListingUpdateLine } from '../../../accounts/mail-texts.ts';
import { portalHome } from '../../../accounts/portal-links.ts';
import { sendMail } from '../../../platform/mail.ts';
import { createResourceApp } from '../../app-factory.ts';
import { errorResponse } from '../../errors.ts';
import { apiRoute, json, problem } from '../../openapi-route.ts';
import type { RegionListings } from '../../../store/listing-reader.ts';
import type { StaffEnv } from '../context.ts';
import { coordinatorOf, organizationInRegion, regionOrganizations } from './region-organizations.ts';

/** One reminder per organisation and region in this time. */
export const REMINDER_INTERVAL_MS = 24 * 60 * 60_000;

const ATTENTION_KINDS = ['waiting-list-stale', 'unknown-fields', 'no-description', 'no-photo'] as const;

const RegionParams = z.object({ regionId: Slug });
const AttentionQuery = z.strictObject({
  organizationId: Slug.optional().describe('Only this organisation\'s items.'),
  kind: z.enum(ATTENTION_KINDS).optional().describe('Only items needing this kind of attention.'),
});
const AttentionItemSchema = z.object({
  organizationId: Slug,
  organizationName: z.string(),
  locationId: Slug,
  locationName: z.string(),
  city: z.string(),
  housingFormId: Slug.optional().describe('Absent for the location\'s own attention.'),
  housingFormName: z.string().optional(),
  attention: z.array(AttentionSchema),
});
const ReminderSchema = z.object({ organizationId: Slug, sentAt: z.iso.datetime(), by: z.object({ name: z.string() }), nextAllowedAt: z.iso.datetime() });
const AttentionListSchema = z.object({
  regionId: Slug,
  asOf: z.iso.datetime(),
  items: z.array(AttentionItemSchema).describe('Stale waiting lists first (the oldest first), then the rest by organisation and location.'),
  reminders: z.array(ReminderSchema).describe('The last reminder sent by hand to each organisation, in this region.'),
});
const ReminderSentSchema = z.object({
  organizationId: Slug,
  sentAt: z.iso.datetime(),
  nextAllowedAt: z.iso.datetime(),
  recipients: z.number().int().describe('How many of its staff (admins and editors) were mailed.'),
  items: z.number().int().describe('How many items the mail names.'),
});

type AttentionItem = z.infer<typeof AttentionItemSchema>;

/** Every item of the organisations' listings in the region that needs attention, from one read of the region. */
function attentionOf({ locations, housingForms }: RegionListings, organizations: readonly Organization[], now: Date): AttentionItem[] {
  const byId = new Map(organizations.map((o) => [o.id, o]));
  const places = new Map(locations.map((l) => [l.id, l]));
  const whereOf = (location: StoredLocation, organization: Organization) =>
    ({ organizationId: organization.id, organizationName: organization.name, locationId: location.id, locationName: location.name, city: location.address.city });
  const items: AttentionItem[] = [];
  for (const location of locations) {
    const organization = byId.get(location.organizationId);
    const attention = organization ? attentionOfLocation(location) : [];
    if (organization && attention.length > 0) items.push({ ...whereOf(location, organization), attention });
  }
  for (const { organizationId, locationId, housingForm } of housingForms) {
    const organization = byId.get(organizationId);
    const location = places.get(locationId);
    if (!organization || !location) continue;
    const attention = attentionOfHousingForm(housingForm, organization, now);
    if (attention.length > 0) items.push({ ...whereOf(location, organization), housingFormId: housingForm.id, housingFormName: housingForm.name, attention });
  }
  return items;
}

const staleDays = (item: AttentionItem) => item.attention.find((a) => a.kind === 'waiting-list-stale')?.days ?? -1;

function ordered(items: AttentionItem[]): AttentionItem[] {
  return items.sort((a, b) => staleDays(b) - staleDays(a) || a.organizationName.localeCompare(b.organizationName, 'nl') ||
    a.locationName.localeCompare(b.locationName, 'nl') || (a.housingFormName ?? '').localeCompare(b.housingFormName ?? '', 'nl'));
}

/** What the mail asks, per kind of attention, in both languages. */
function lineOf(item: AttentionItem, attention: Attention): ListingUpdateLine {
  const where = [item.housingFormName, `${item.locationName} (${item.city})`].filter(Boolean).join(', ');
  switch (attention.kind) {
    case 'waiting-list-stale':
      return { where, nl: `wachtlijst ${attention.days} dagen niet bevestigd`, en: `waiting list not confirmed for ${attention.days} days` };
    case 'unknown-fields':
      return { where, nl: `niet ingevuld: ${attention.fields.join(', ')}`, en: `not filled in: ${attention.fields.join(', ')}` };
    case 'no-description':
      return { where, nl: 'geen beschrijving', en: 'no description' };
    case 'no-photo':
      return { where, nl: 'geen foto', en: 'no photo' };
  }
}

const iso = (ms: number) => new Date(ms).toISOString();

export const coordinatorAttentionApp = createResourceApp<StaffEnv>()
  .openapi(
    apiRoute({
      method: 'get',
      path: '/coordinator/regions/{regionId}/attention',
      operationId: 'regionListingAttention',
      summary: 'The region\'s stale and incomplete listings',
      description:
        'For the region\'s coordinators: every location and housing form of the region that needs attention, by the provider portal\'s ' +
        'rule: a waiting list not confirmed for more than 30 days (with the days), criterion facts left unknown (which), no description, ' +
        'and for a location no photo. With the last reminder sent to each organisation.',
      request: { params: RegionParams, query: AttentionQuery },
      responses: {
        200: json(AttentionListSchema, 'The items needing attention.'),
        400: problem('A filter is not valid; `fields` names it.'),
        401: problem('Nobody is signed in.'),
        403: problem('The caller is no coordinator of this region.'),
        404: problem('No such region.'),
      },
    }),
    async (c) => {
      const { regionId } = c.req.valid('param');
      const query = c.req.valid('query');
      await coordinatorOf(c, regionId);
      const deps = c.var.deps;
      const now = deps.clock.now();
      const listings = await deps.listings.loadRegionListings(regionId);
      const organizations = await regionOrganizations(deps, regionId, listings.locations.map((l) => l.organizationId));
      const chosen = organizations.filter((o) => query.organizationId === undefined || o.id === query.organizationId);
      const items = attentionOf(listings, chosen, now)
        .filter((item) => query.kind === undefined || item.attention.some((a) => a.kind === query.kind));
      const reminders = (await deps.reminders.listOrganizationReminders(regionId))
        .filter((r) => organizations.some((o) => o.id === r.organizationId))
        .map((r) => ({ organizationId: r.organizationId, sentAt: iso(r.sentAtMs), by: { name: r.by.name }, nextAllowedAt: iso(r.sentAtMs + REMINDER_INTERVAL_MS) }));
      c.header('cache-control', 'no-store');
      return c.json({ regionId, asOf: now.toISOString(), items: ordered(items), reminders }, 200);
    },
  )
  .openapi(
    apiRoute({
      method: 'post',
      path: '/coordinator/regions/{regionId}/organizations/{organizationId}/reminder',
      operationId: 'remindOrganization',
      summary: 'Asks an organisation to update its listing',
      description:
        'For the region\'s coordinators: mails each admin and editor of the organisation the items of its listing in this region that ' +
        'need attention, and what each lacks. At most once a day per organisation and region: a second reminder within 24 hours is ' +
        'refused (429, `Retry-After`) and nothing is mailed.',
      request: { params: RegionParams.extend({ organizationId: Slug }), body: { required: true, ...json(z.strictObject({}), 'An empty object.') } },
      responses: {
        200: json(ReminderSentSchema, 'Sent.'),
        400: problem('The request is not valid.'),
        401: problem('Nobody is signed in.'),
        403: problem('The caller is no coordinator of this region, or the request did not come from a Woonwijzer page.'),
        404: problem('No such region, or no such organisation active in it.'),
        409: problem('Nothing of its listing here needs attention (`nothing_to_update`), or nobody works for it on Woonwijzer yet (`no_staff`): nothing was mailed.'),
        429: problem('A reminder went to the organisation in the last 24 hours (`reminder_sent`): `Retry-After` says when the next may go.'),
      },
    }),
    async (c) => {
      const { regionId, organizationId } = c.req.valid('param');
      const { identity, region } = await coordinatorOf(c, regionId);
      const deps = c.var.deps;
      const organization = await organizationInRegion(deps, regionId, organizationId);
      const now = deps.clock.now();
      const items = ordered(attentionOf(await deps.listings.loadRegionListings(regionId), [organization], now));
      if (items.length === 0) return errorResponse(c, 409, 'nothing_to_update', 'Nothing of this organisation\'s listing in the region needs attention: no reminder was sent.');
      const members = await deps.accounts.listOrganizationMembers(organizationId);
      if (members.length === 0) return errorResponse(c, 409, 'no_staff', 'Nobody works for this organisation on Woonwijzer yet: invite its admin first.');
      const by = { accountId: identity.account.id, name: identity.account.name };
      if (!(await deps.reminders.claimOrganizationReminder({ regionId, organizationId, sentAtMs: now.getTime(), by }, REMINDER_INTERVAL_MS))) {
        const last = (await deps.reminders.listOrganizationReminders(regionId)).find((r) => r.organizationId === organizationId);
        const next = (last?.sentAtMs ?? now.getTime()) + REMINDER_INTERVAL_MS;
        c.header('Retry-After', String(Math.max(1, Math.ceil((next - now.getTime()) / 1000))));
        return errorResponse(c, 429, 'reminder_sent', `A reminder went to this organisation at ${last ? iso(last.sentAtMs) : 'a moment ago'}; the next may go at ${iso(next)}.`);
      }
      const lines = items.flatMap((item) => item.attention.map((a) => lineOf(item, a)));
      const content = { coordinatorName: identity.account.name, regionName: region.name, organizationName: organization.name, lines, portalLinks: portalHome(deps.siteUrl) };
      for (const { account } of members) await sendMail(deps.mailer, listingUpdateMail({ email: account.email, name: account.name }, content));
      return c.json({ organizationId, sentAt: now.toISOString(), nextAllowedAt: iso(now.getTime() + REMINDER_INTERVAL_MS), recipients: members.length, items: items.length }, 200);
    },
  );
