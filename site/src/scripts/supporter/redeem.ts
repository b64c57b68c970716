// Redeeming a citizen's hand-over code into a dossier, from the dossier's own form or right after
// starting a new dossier: the code is checked as the API checks it, and each refusal (unknown or
// used, expired, too many tries) is put into the page's words. A code that fails while starting a
// dossier is kept for the dossier's view, which shows it at its code box.
import { normaliseHandoverCode } from '../../../../shared/domain/dossier.ts';
import { fill } from '../shortlist/dom.ts';
import type { SupporterContext } from './page-data.ts';
import { supporterApi } from './supporter-api.ts';

export { normaliseHandoverCode as normaliseCode };

export type Redeemed = { ok: true; message: string; answersVersion: number } | { ok: false; message?: string };

let pending: { dossierId: string; code: string; message: string } | undefined;

/** A code that could not be redeemed into a dossier just started, for that dossier's view to show. */
export function takePendingCode(dossierId: string): { code: string; message: string } | undefined {
  const found = pending?.dossierId === dossierId ? pending : undefined;
  pending = undefined;
  return found;
}

/** Redeems; a refusal with words for the code box in `message`, other failures said by ctx.failed. */
export async function redeemInto(ctx: SupporterContext, dossierId: string, code: string, keepForView = true): Promise<Redeemed> {
  const s = ctx.data.texts;
  const outcome = await supporterApi.redeemCode(ctx.organization.id, dossierId, code);
  if (outcome.ok) return { ok: true, answersVersion: outcome.value.answers.answersVersion, message: fill(s.redeemed, { n: outcome.value.answers.answersVersion }) };
  let message: string | undefined;
  if (outcome.kind === 'invalid') message = s.codeInvalid;
  else if (outcome.kind === 'refused' && outcome.status === 410) message = s.codeExpired;
  else if (outcome.kind === 'refused' && outcome.status === 429) message = s.codeTooMany;
  // A 404 here is the code (the dossier was just read): unknown or used already.
  else if (outcome.kind === 'not-found') message = s.codeUnknown;
  else ctx.failed(outcome);
  if (message && keepForView) pending = { dossierId, code, message };
  return { ok: false, ...(message ? { message } : {}) };
}
