// The context of the staff apps (/api/provider, /api/supporter, /api/coordinator), which will run in
// a Lambda of their own with write rights. Every staff request carries the identity its sign-in
// proved, set by the staff app's authentication before any route runs, so a route reads who is
// calling from the context and never from the request. No staff app exists yet: the accounts issue
// builds it with createApiApp (../app-factory.ts), as the public app is built.
import type { ApiAppEnv } from '../app-factory.ts';
import { AccessDeniedError } from '../errors.ts';

/**
 * Who is calling, and for whom they act: each staff role acts for one organisation or region.
 * Each role names its scope by a field of its own, so a check of one role's scope cannot pass for
 * another role (a supporter's organisation id is never compared as a provider's).
 */
export type Identity =
  /** A care provider's staff member, keeping their organisation's listings. */
  | { role: 'provider'; accountId: string; providerOrganizationId: string }
  /** An independent client supporter, acting for their support organisation. */
  | { role: 'supporter'; accountId: string; supportOrganizationId: string }
  /** A region's coordinator, admitting providers and support organisations. */
  | { role: 'coordinator'; accountId: string; regionId: string };

export type StaffRole = Identity['role'];

/**
 * A staff app's context: its dependencies (`Deps`, with write ports) and the caller's identity.
 * The identity is optional until the sign-in sets it, so a route reads it only through requireRole.
 */
export interface StaffEnv<Deps> extends ApiAppEnv<Deps> {
  Variables: ApiAppEnv<Deps>['Variables'] & { identity?: Identity };
}

/**
 * The caller's identity, narrowed to `role`: a 401 when nobody signed in, a 403 for another role.
 * Every staff route starts with it, `const me = requireRole(c.var.identity, 'provider')`.
 */
export function requireRole<R extends StaffRole>(identity: Identity | undefined, role: R): Extract<Identity, { role: R }> {
  if (!identity) throw AccessDeniedError.notSignedIn();
  if (identity.role !== role) throw AccessDeniedError.notFor(role);
  return identity as Extract<Identity, { role: R }>;
}
