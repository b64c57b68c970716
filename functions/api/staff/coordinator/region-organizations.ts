// What a region's coordinator reads about the organisations of the region, shared by the hub's
// routes (organizations.ts, attention.ts, audit.ts): who is active in the region, and the
// coordinator's own check. An organisation is active in a region when its `regionIds` name it; one
// whose item predates the organisations index is still found through its housing forms there.
import type { Organization, Region } from '../../../../shared/domain/index.ts';
import { NotFoundError } from '../../errors.ts';
import { requireMembership, type Identity, type StaffDeps, type StaffEnv } from '../context.ts';

/** The caller as the region's coordinator (401, 403), and the region (404 when there is none). */
export async function coordinatorOf(c: { var: StaffEnv['Variables'] }, regionId: string): Promise<{ identity: Identity; region: Region }> {
  const { identity } = requireMembership(c.var.identity, { role: 'coordinator', regionId });
  const region = await c.var.deps.regions.getRegion(regionId);
  if (!region) throw NotFoundError.of(`Region "${regionId}"`);
  return { identity, region };
}

/**
 * The provider organisations active in the region, by name. `seen`: the organisations the caller
 * met in the region's listings (it reads them anyway), so one whose item predates the index is found.
 */
export async function regionOrganizations(deps: StaffDeps, regionId: string, seen: Iterable<string>): Promise<Organization[]> {
  const all = await deps.providerListings.listOrganizations();
  const found = new Map(all.filter((o) => o.regionIds.includes(regionId)).map((o) => [o.id, o]));
  const unindexed = [...new Set(seen)].filter((id) => !found.has(id));
  for (const id of unindexed) {
    const organization = (await deps.providerListings.getOrganization(id))?.value;
    if (organization?.regionIds.includes(regionId)) found.set(id, organization);
  }
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl') || (a.id < b.id ? -1 : 1));
}

/** An organisation active in the region, else a 404 (also for one active only elsewhere: nothing of it is told). */
export async function organizationInRegion(deps: StaffDeps, regionId: string, organizationId: string): Promise<Organization> {
  const organization = (await deps.providerListings.getOrganization(organizationId))?.value;
  if (!organization?.regionIds.includes(regionId)) throw NotFoundError.of(`Organisation "${organizationId}" in region "${regionId}"`);
  return organization;
}
