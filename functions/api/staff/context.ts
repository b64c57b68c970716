// The context of the staff apps (/api/provider, /api/supporter, /api/coordinator), which will run in
// a Lambda of their own with write rights. Every staff request carries the identity its sign-in
// proved, set by the staff app's authentication before any route runs, so a route reads who is
// calling from the context and never from the request. No staff app exists yet: the accounts issue
// builds it with createApiApp (../app-factory.ts), as the public app is built.
import type { ApiAppEnv } from '../app-factory.ts';

/** Who is calling, and for whom they act: each staff role acts for one organisation or region. */
export type Identity =
  /** A care provider's staff member, keeping their organisation's listings. */
  | { role: 'provider'; accountId: string; organizationId: string }
  /** An independent client supporter, acting for their support organisation. */
  | { role: 'supporter'; accountId: string; organizationId: string }
  /** A region's coordinator, admitting providers and support organisations. */
  | { role: 'coordinator'; accountId: string; regionId: string };

export type StaffRole = Identity['role'];

/** A staff app's context: its dependencies (`Deps`, with write ports) and the caller's identity. */
export interface StaffEnv<Deps> extends ApiAppEnv<Deps> {
  Variables: ApiAppEnv<Deps>['Variables'] & { identity: Identity };
}
