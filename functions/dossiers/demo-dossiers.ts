// The example dossier of `npm start`: for each demonstration region's support organisation, one
// made-up dossier kept by its demonstration supporter, with the client's consent to share the
// report with two of the region's demonstration providers and a note saying it is an example. It
// holds a few made-up answers and one housing form on its shortlist, and its report is shared with
// the first of the two providers, so that provider's editor finds it in the portal's inbox.
// Made only while the organisation has no dossier, so a supporter's own trying-out stays.
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../shared/clock.ts';
import { addMonths, CONSENT_DEFAULT_MONTHS, dutchDate, type Region } from '../../shared/domain/index.ts';
import { demoSupporterEmails, demoSupportOrganization } from '../accounts/accounts-admin.ts';
import type { AccountStore } from '../store/account-store.ts';
import type { DossierStore } from '../store/dossier-store.ts';
import type { ChangeContext } from '../store/provider-listing-store.ts';
import { buildShareReport, newShareReference, type ShareReportDeps } from './share-report.ts';
import type { ListingReader } from '../store/listing-reader.ts';
import type { SupportOrganizationStore } from '../store/support-organization-store.ts';

export interface DemoDossierDeps {
  dossiers: DossierStore;
  accounts: Pick<AccountStore, 'findAccountByEmail'>;
  supportOrganizations: Pick<SupportOrganizationStore, 'getSupportOrganization'>;
  listings: Pick<ListingReader, 'getOrganization' | 'listLocations' | 'getLocation'>;
  regions: ShareReportDeps['regions'];
  clock: Clock;
}

/** Made-up answers, the kind a supporter fills in with a client: enough for every part of the report. */
const DEMO_ANSWERS = {
  'wie-vult-in': { choice: 'ondersteuner' },
  'over-mij': { text: 'Ik ben 84 en woon nog thuis in Heerlen. Ik wandel graag en houd van een kopje koffie met de buren. (Voorbeeld: verzonnen.)' },
  tuin: { yes: true },
  huisdier: { yes: true },
} as const;

/** Saves the example answers and a shortlist of one of the provider's housing forms, and shares the report with that provider. */
async function shareWithFirstProvider(
  deps: DemoDossierDeps, supportOrganizationId: string, dossierId: string, providerId: string, ctx: ChangeContext,
): Promise<void> {
  const dossier = await deps.dossiers.getDossier(supportOrganizationId, dossierId);
  const questionnaire = dossier && await deps.regions.getQuestionnaire(dossier.regionId);
  if (!dossier || !questionnaire) return;
  await deps.dossiers.saveAnswers(supportOrganizationId, dossierId, {
    questionnaireId: questionnaire.id, questionnaireVersion: questionnaire.version, answers: DEMO_ANSWERS,
  }, 0, ctx);
  const location = (await deps.listings.listLocations(dossier.regionId)).filter((l) => l.organizationId === providerId).sort((a, b) => a.id.localeCompare(b.id))[0];
  const housingForm = location && (await deps.listings.getLocation(location.id))?.housingForms[0];
  if (location && housingForm) {
    await deps.dossiers.replaceShortlist(supportOrganizationId, dossierId, [{ locationId: location.id, housingFormId: housingForm.id }], 0, ctx);
  }
  const source = await deps.dossiers.shareSource(supportOrganizationId, dossierId);
  if (!source) return;
  const report = await buildShareReport(deps, source, ctx.now);
  await deps.dossiers.createShares(supportOrganizationId, dossierId, [{ organizationId: providerId, reference: newShareReference(), regionId: dossier.regionId, report }], ctx);
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
    await shareWithFirstProvider(deps, supportOrganizationId, dossier.id, stored[0] as string, ctx);
    made.push(supportOrganizationId);
  }
  return made;
}
