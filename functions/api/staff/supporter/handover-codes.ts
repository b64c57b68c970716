// A supporter redeems a citizen's hand-over code (functions/dossiers/handover-code.ts) into a
// dossier: the answers become its next answers version and the shortlist is merged, audited, and
// the code is gone. Guessing is bounded by the throttle per account and per network address,
// counted before the code is looked at, so a wrong code costs a try like a right one.
import * as z from 'zod';
import { addressSubject } from '../../../accounts/sign-in.ts';
import { throttle } from '../../../accounts/throttle.ts';
import { handoverCodeHash, HandoverCodeError, normaliseHandoverCode } from '../../../dossiers/handover-code.ts';
import { createResourceApp } from '../../app-factory.ts';
import { dutchValidationHook } from '../../errors.ts';
import { apiRoute, json, problem } from '../../openapi-route.ts';
import { tooMany } from '../auth.ts';
import type { StaffEnv } from '../context.ts';
import { AnswersSummarySchema, conflict, DossierParams, MAX_SHORTLIST, ShortlistSchema, supporterCaller, supporterProblems } from './schemas.ts';

const DOSSIER = '/organizations/{supportOrganizationId}/dossiers/{dossierId}';

export const RedeemHandoverCodeRequest = z.strictObject({
  code: z
    .string()
    .max(40)
    .refine((typed) => normaliseHandoverCode(typed) !== undefined, {
      message: 'Een code heeft 8 tekens, zoals K7MR-4QXP (letters en cijfers, zonder 0, 1, I, L, O, U of V).',
    })
    .describe('The code the citizen read out, in any case, with or without spaces and dashes.'),
});

export const RedeemedHandoverSchema = z.object({
  answers: AnswersSummarySchema.describe('The new answers version made from the citizen\'s answers.'),
  shortlist: ShortlistSchema.describe('The dossier\'s shortlist with the citizen\'s housing forms added.'),
});

export const supporterHandoverCodesApp = createResourceApp<StaffEnv>(dutchValidationHook).openapi(
  apiRoute({
    method: 'post',
    path: `${DOSSIER}/handover-codes`,
    operationId: 'redeemHandoverCode',
    summary: 'Redeems a citizen\'s hand-over code into the dossier',
    description:
      'The citizen\'s answers become the dossier\'s next answers version and their shortlist is merged into the dossier\'s ' +
      '(recorded in the audit trail). A code works once: of two redeems at once one succeeds, the other is a 404.',
    request: { params: DossierParams, body: { required: true, ...json(RedeemHandoverCodeRequest, 'The code.') } },
    responses: {
      200: json(RedeemedHandoverSchema, 'Redeemed.'),
      ...supporterProblems,
      404: problem('No such dossier, or the code is unknown or used already (`handover_code_unknown`).'),
      409: conflict('The dossier\'s answers or shortlist changed at the same moment; the code still works (`version_conflict`).'),
      410: problem('The code has expired (`handover_code_expired`).'),
      429: tooMany,
    },
  }),
  async (c) => {
    const { supportOrganizationId, dossierId } = c.req.valid('param');
    const ctx = supporterCaller(c.var.identity, c.var.deps, supportOrganizationId);
    const { deps } = c.var;
    await throttle(deps, 'handover-redeem-per-account', ctx.by.accountId);
    await throttle(deps, 'handover-redeem-per-address', addressSubject(deps.clientAddress(c)));
    const codeHash = handoverCodeHash(deps.secret, c.req.valid('json').code);
    // A dossier not in this organisation is the store's ItemNotFoundError: a 404, as at every dossier route.
    const result = await deps.handoverCodes.redeemCode(supportOrganizationId, dossierId, codeHash, MAX_SHORTLIST, ctx);
    if (result.outcome !== 'redeemed') throw new HandoverCodeError(result.outcome);
    return c.json({ answers: result.answers, shortlist: result.shortlist }, 200);
  },
);
