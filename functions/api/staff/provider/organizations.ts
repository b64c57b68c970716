// /api/provider/organizations: the organisations the caller keeps listings for, and one
// organisation's whole listing as its editors work on it: every item with its version (read
// consistently, so an edit right after a save starts from that save) and what needs attention.
import { attentionOfHousingForm, attentionOfLocation } from '../../../../shared/domain/index.ts';
import { sortName } from '../../../../shared/matching/index.ts';
import { createResourceApp } from '../../app-factory.ts';
import { NotFoundError } from '../../errors.ts';
import { apiRoute, json, problem } from '../../openapi-route.ts';
import { requireSignedIn, type StaffEnv } from '../context.ts';
import { OrganizationListSchema, OrganizationParams, ProviderListingSchema, providerCaller, providerProblems } from './schemas.ts';

/** By name as people read it, then by id, so the order never depends on the store's. */
const byName = <T>(name: (x: T) => string, id: (x: T) => string) => (a: T, b: T) => {
  const [na, nb] = [sortName(name(a)), sortName(name(b))];
  if (na !== nb) return na < nb ? -1 : 1;
  return id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0;
};

export const organizationsApp = createResourceApp<StaffEnv>()
  .openapi(
    apiRoute({
      method: 'get',
      path: '/organizations',
      operationId: 'listProviderOrganizations',
      summary: 'The organisations the caller keeps listings for',
      description: 'Each organisation the caller is a provider admin or editor of, with the role (admin when both).',
      responses: {
        200: json(OrganizationListSchema, 'The organisations, by name.'),
        401: problem('Nobody is signed in.'),
      },
    }),
    async (c) => {
      const identity = requireSignedIn(c.var.identity);
      const roles = new Map<string, 'provider-admin' | 'provider-editor'>();
      for (const m of identity.memberships) {
        if (m.role !== 'provider-admin' && m.role !== 'provider-editor') continue;
        if (roles.get(m.organizationId) !== 'provider-admin') roles.set(m.organizationId, m.role);
      }
      const found = await Promise.all(
        [...roles].map(async ([id, role]) => {
          const org = await c.var.deps.providerListings.getOrganization(id);
          return org && { id, name: org.value.name, role };
        }),
      );
      const organizations = found.filter((o) => o !== undefined).sort(byName((o) => o.name, (o) => o.id));
      return c.json({ organizations }, 200);
    },
  )
  .openapi(
    apiRoute({
      method: 'get',
      path: '/organizations/{organizationId}',
      operationId: 'getProviderListing',
      summary: 'An organisation\'s whole listing, for its editors',
      description:
        'The organisation, its locations and their housing forms, each with the `version` an edit must name, and what needs ' +
        'attention first (waiting lists not confirmed for more than 30 days, facts left unknown, no description, no photo).',
      request: { params: OrganizationParams },
      responses: {
        200: json(ProviderListingSchema, 'The listing.'),
        ...providerProblems,
      },
    }),
    async (c) => {
      const { organizationId } = c.req.valid('param');
      const { now } = providerCaller(c.var.identity, c.var.deps, organizationId);
      const listing = await c.var.deps.providerListings.readListing(organizationId);
      if (!listing) throw NotFoundError.of(`Organisation "${organizationId}"`);
      const organization = listing.organization;
      const locations = listing.locations
        .map((l) => ({
          location: l.location,
          version: l.version,
          attention: attentionOfLocation(l.location),
          housingForms: l.housingForms
            .map((f) => ({ housingForm: f.value, version: f.version, attention: attentionOfHousingForm(f.value, organization, now) }))
            .sort(byName((f) => f.housingForm.name, (f) => f.housingForm.id)),
        }))
        .sort(byName((l) => l.location.name, (l) => l.location.id));
      return c.json({ organization, version: listing.version, locations }, 200);
    },
  );
