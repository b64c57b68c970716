// The example dossier of `npm start`: for each demonstration region's support organisation, one
// made-up dossier kept by its demonstration supporter, with the client's consent to share the
// report with two of the region's demonstration providers and a note saying it is an example.
// Made only while the organisation has no dossier, so a supporter's own trying-out stays.
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../shared/clock.ts';
import { addMonths, CONSENT_DEFAULT_MONTHS, dutchDate, type Region } from '../../shared/domain/index.ts';
import { demoSupporterEmails, demoSupportOrganization } from '../accounts/accounts-admin.ts';
import type { AccountStore } from '../store/account-store.ts';
import type { DossierStore } from '../store/dossier-store.ts';
import type { ListingReader } from '../store/listing-reader.ts';
import type { SupportOrganizationStore } from '../store/support-organization-store.ts';

export interface DemoDossierDeps {
  dossiers: DossierStore;
  accounts: Pick<AccountStore, 'findAccountByEmail'>;
  supportOrganizations: Pick<SupportOrganizationStore, 'getSupportOrganization'>;
  listings: Pick<ListingReader, 'getOrganization'>;
  clock: Clock;
}

export const DEMO_DOSSIER_LABEL = 'Mevr. V. (voorbeeld)';

/** Makes the missing example dossiers; returns the support organisations that got one. */
export async function seedDemoDossiers(
  deps: DemoDossierDeps,
  regions: readonly Region[],
  organizations: ReadonlyArray<{ id: string; regionIds: readonly string[] }>,
): Promise<string[]> {
  const made: string[] = [];
  for (const region of regions.filter((r) => r.demonstration)) {
    const { id: supportOrganizationId } = demoSupportOrganization(region);
    if (!(await deps.supportOrganizations.getSupportOrganization(supportOrganizationId))) continue;
    if ((await deps.dossiers.listDossiers(supportOrganizationId)).length > 0) continue;
    const supporter = await deps.accounts.findAccountByEmail(demoSupporterEmails(supportOrganizationId).supporter);
    if (!supporter) continue;
    // Two of the region's providers that are stored, the same two on every start.
    const candidates = organizations.filter((o) => o.regionIds.includes(region.id)).map((o) => o.id).sort();
    const stored = (await Promise.all(candidates.map(async (id) => ((await deps.listings.getOrganization(id)) ? id : undefined)))).filter((id) => id !== undefined);
    if (stored.length < 2) continue;

    const now = deps.clock.now();
    const ctx = { by: { accountId: supporter.id, name: supporter.name }, now };
    const dossier = await deps.dossiers.createDossier(supportOrganizationId, {
      id: randomUUID(), label: DEMO_DOSSIER_LABEL, regionId: region.id, status: 'choosing',
    }, ctx);
    const givenOn = dutchDate(now);
    await deps.dossiers.addConsent(supportOrganizationId, dossier.id, {
      providers: stored.slice(0, 2), method: 'signed-form', givenBy: 'client', givenOn, expiresOn: addMonths(givenOn, CONSENT_DEFAULT_MONTHS),
    }, ctx);
    await deps.dossiers.addNote(supportOrganizationId, dossier.id, 'Voorbeelddossier: verzonnen, om mee te oefenen. Er staat niets in over een echte cliënt.', ctx);
    made.push(supportOrganizationId);
  }
  return made;
}
