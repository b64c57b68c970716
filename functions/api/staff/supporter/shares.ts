// Sharing a dossier's report with providers named in the client's consent, and what became of each
// share. A share is refused (409 `share_refused`, a Dutch message per provider) when the dossier is
// closed, or a provider is outside every consent that holds now (never named, expired, withdrawn);
// nothing is then written. The report is built once (functions/dossiers/share-report.ts: the same
// content as the citizen's "my report") and stored with each share, so the provider reads exactly
// what was sent. The supporter's shortlist notes stay out.
import * as z from 'zod';
import { consentAllows, shareReadableAt, Slug } from '../../../../shared/domain/index.ts';
import { buildShareReport, newShareReference } from '../../../dossiers/share-report.ts';
import type { Share, ShareSource } from '../../../store/dossier-store.ts';
import { createResourceApp } from '../../app-factory.ts';
import { dutchValidationHook, ShareRefusedError } from '../../errors.ts';
import { apiRoute, json } from '../../openapi-route.ts';
import type { StaffEnv } from '../context.ts';
import { ShareAnswersSchema } from '../share-schemas.ts';
import { dossierNotFound } from './dossiers.ts';
import { DossierParams, supporterCaller, supporterProblems } from './schemas.ts';

const DOSSIER = '/organizations/{supportOrganizationId}/dossiers/{dossierId}';

export const SharePostRequest = z.strictObject({
  providers: z
    .array(Slug)
    .min(1)
    .max(20)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'Noem elke zorgaanbieder één keer.' })
    .describe('The provider organisations (ids) to send the report to: each must be named in a consent that holds now.'),
});

const Person = z.object({ accountId: z.string(), name: z.string() });
export const SupporterShareSchema = z.object({
  id: z.string(),
  organizationId: z.string().describe('The provider organisation it went to.'),
  reference: z.string().describe('The short reference the provider sees.'),
  sharedAt: z.string(),
  sharedBy: Person,
  openedAt: z.string().optional().describe('When the provider first read it.'),
  answers: ShareAnswersSchema,
  readableNow: z.boolean().describe('Whether the provider can still read it (90 days, consent holds, dossier open).'),
});
const SharesSchema = z.object({ shares: z.array(SupporterShareSchema).describe('Oldest first.') });

/** Every refusal at once, each at the provider's place in the request. */
function refusals(source: ShareSource, providers: readonly string[], now: Date): { path: string; message: string }[] {
  if (source.dossier.status === 'closed') {
    return [{ path: 'providers', message: 'Dit dossier is gesloten. Een gesloten dossier kan niet meer gedeeld worden.' }];
  }
  return providers.flatMap((id, i) => {
    if (consentAllows(source.consents, id, now)) return [];
    const named = source.consents.some((c) => c.providers.includes(id));
    return [{
      path: `providers.${i}`,
      message: named
        ? `De toestemming voor zorgaanbieder "${id}" geldt niet meer (verlopen of ingetrokken). Leg eerst nieuwe toestemming vast.`
        : `Zorgaanbieder "${id}" staat niet in de toestemming van de cliënt. Deel alleen met aanbieders waarvoor toestemming is gegeven.`,
    }];
  });
}

export function supporterShareView(share: Share, source: Pick<ShareSource, 'dossier' | 'consents'>, now: Date): z.infer<typeof SupporterShareSchema> {
  const { id, organizationId, reference, sharedAt, sharedBy, openedAt, answers } = share;
  return {
    id, organizationId, reference, sharedAt, sharedBy, ...(openedAt ? { openedAt } : {}), answers,
    readableNow: shareReadableAt(share, source.dossier.status, source.consents, now),
  };
}

export const sharesApp = createResourceApp<StaffEnv>(dutchValidationHook)
  .openapi(
    apiRoute({
      method: 'post',
      path: `${DOSSIER}/shares`,
      operationId: 'shareReport',
      summary: 'Sends the dossier\'s report to providers named in a consent that holds now',
      description:
        'The report (answers in plain words, the shortlist with reasons, "about me in my own words") is stored with each share as it is now. ' +
        'Refused with 409 `share_refused` (nothing shared) for a closed dossier or a provider outside every valid consent.',
      request: { params: DossierParams, body: { required: true, ...json(SharePostRequest, 'The providers.') } },
      responses: {
        201: json(SharesSchema, 'One share per provider.'),
        ...supporterProblems,
        409: json(z.object({ error: z.object({ code: z.string(), message: z.string(), fields: z.array(z.object({ path: z.string(), message: z.string() })) }) }),
          'Refused (`share_refused`): the dossier is closed, or a provider is outside the consent; each named in `fields`, in Dutch.'),
      },
    }),
    async (c) => {
      const { supportOrganizationId, dossierId } = c.req.valid('param');
      const { deps } = c.var;
      const ctx = supporterCaller(c.var.identity, deps, supportOrganizationId);
      const { providers } = c.req.valid('json');
      const source = await deps.dossiers.shareSource(supportOrganizationId, dossierId);
      if (!source) throw dossierNotFound(dossierId);
      const refused = refusals(source, providers, ctx.now);
      if (refused.length > 0) throw new ShareRefusedError(refused);
      const report = await buildShareReport(deps, source, ctx.now);
      const shares = await deps.dossiers.createShares(supportOrganizationId, dossierId, providers.map((organizationId) => ({
        organizationId, reference: newShareReference(), regionId: source.dossier.regionId, report,
      })), ctx);
      return c.json({ shares: shares.map((share) => supporterShareView(share, source, ctx.now)) }, 201);
    },
  )
  .openapi(
    apiRoute({
      method: 'get',
      path: `${DOSSIER}/shares`,
      operationId: 'listShares',
      summary: 'The dossier\'s shares: when each was opened and every answer (recorded in the audit trail)',
      request: { params: DossierParams },
      responses: { 200: json(SharesSchema, 'The shares.'), ...supporterProblems },
    }),
    async (c) => {
      const { supportOrganizationId, dossierId } = c.req.valid('param');
      const { deps } = c.var;
      const ctx = supporterCaller(c.var.identity, deps, supportOrganizationId);
      const source = await deps.dossiers.shareSource(supportOrganizationId, dossierId);
      const shares = source && await deps.dossiers.listShares(supportOrganizationId, dossierId, ctx);
      if (!source || !shares) throw dossierNotFound(dossierId);
      return c.json({ shares: shares.map((share) => supporterShareView(share, source, ctx.now)) }, 200);
    },
  );
