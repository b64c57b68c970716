// POST /api/handover: a citizen who answered alone hands their answers and shortlist to a client
// supporter by a one-time code (functions/dossiers/handover-code.ts), made on the report page.
// Without a session, but like every staff write CSRF-checked (request-guard.ts) and throttled per
// network address. The server keeps only the answers and shortlist under the code's hash, for
// 24 hours at most: no address (the throttle counts a keyed hash of it), no account, no log line.
import * as z from 'zod';
import { Slug } from '../../../shared/domain/index.ts';
import { AnswersSchema } from '../../../shared/questionnaire/index.ts';
import { addressSubject } from '../../accounts/sign-in.ts';
import { throttle } from '../../accounts/throttle.ts';
import { handoverCodeHash, HANDOVER_CODE_HOURS, newHandoverCode } from '../../dossiers/handover-code.ts';
import { createResourceApp } from '../app-factory.ts';
import { dutchValidationHook } from '../errors.ts';
import { apiRoute, json, problem } from '../openapi-route.ts';
import { guarded, tooMany } from './auth.ts';
import type { StaffEnv } from './context.ts';
import { MAX_SHORTLIST } from './supporter/schemas.ts';

export const HandoverCodeRequest = z.strictObject({
  questionnaireId: Slug,
  questionnaireVersion: z.number().int().min(1),
  answers: AnswersSchema.describe('The answers keyed by question id, as the questionnaire pages keep them.'),
  shortlist: z
    .array(z.strictObject({ locationId: Slug, housingFormId: Slug }))
    .max(MAX_SHORTLIST)
    .default([])
    .describe('The housing forms the citizen kept on their shortlist.'),
});

export const HandoverCodeSchema = z.object({
  code: z.string().describe('8 characters in two groups ("K7MR-4QXP"), to read to the supporter.'),
  expiresAt: z.string().describe('ISO date-time: after it the code no longer works.'),
});

/** A fresh code's hash colliding with a live one is a 1 in 10^7 chance; a second draw settles it. */
const DRAWS = 3;

export const handoverCodesApp = createResourceApp<StaffEnv>(dutchValidationHook).openapi(
  apiRoute({
    method: 'post',
    path: '/handover',
    operationId: 'createHandoverCode',
    summary: 'Makes a one-time code that hands a citizen\'s answers and shortlist to a client supporter',
    description:
      'For a citizen, without signing in. The code works once, for 24 hours; the supporter redeems it into a dossier ' +
      '(redeemHandoverCode). Until then only the answers and shortlist are kept, under a hash of the code.',
    security: [],
    request: { body: { required: true, ...json(HandoverCodeRequest, 'The answers and the shortlist.') } },
    responses: {
      201: json(HandoverCodeSchema, 'The code and when it expires.'),
      400: problem('The request is not valid; `fields` names each problem, in Dutch.'),
      ...guarded,
      429: tooMany,
    },
  }),
  async (c) => {
    const { deps } = c.var;
    await throttle(deps, 'handover-code-per-address', addressSubject(deps.clientAddress(c)));
    const content = c.req.valid('json');
    const expiresAt = new Date(deps.clock.now().getTime() + HANDOVER_CODE_HOURS * 3_600_000);
    for (let draw = 0; draw < DRAWS; draw++) {
      const code = newHandoverCode();
      if (await deps.handoverCodes.storeCode(handoverCodeHash(deps.secret, code), content, expiresAt)) {
        return c.json({ code, expiresAt: expiresAt.toISOString() }, 201);
      }
    }
    throw new Error('No free hand-over code after several draws.');
  },
);
