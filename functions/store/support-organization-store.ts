// The storage port for support organisations (cliëntondersteuning such as MEE or Zorgbelang), as
// the scope of supporters' memberships and dossiers: an id, a name and the regions it works in.
// Configuration with one writer (the operator's command, the demo seed). Not the region's list of
// organisations shown to citizens on the support page (RegionSchema.supportOrganizations), which
// holds contact details, not accounts. Nothing about DynamoDB.

export interface SupportOrganizationRecord {
  id: string;
  name: string;
  /** The regions it works in: a dossier's region is one of these. */
  regionIds: string[];
  /** ISO date-time. */
  createdAt: string;
}

export interface SupportOrganizationStore {
  /** Creates or replaces the record (the operator's command). */
  putSupportOrganization(record: SupportOrganizationRecord): Promise<void>;
  /** Creates the record only while its id is free: IdTakenError otherwise, and nothing is replaced (a coordinator's admission). */
  createSupportOrganization(record: SupportOrganizationRecord): Promise<void>;
  getSupportOrganization(id: string): Promise<SupportOrganizationRecord | undefined>;
  listSupportOrganizations(): Promise<SupportOrganizationRecord[]>;
}
