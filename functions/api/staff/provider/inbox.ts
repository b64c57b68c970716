// A provider's inbox of reports that client supporters shared with it. Only the organisation's
// editors and admins see it. Access is judged on every request against the dossier and its consents
// now (shareReadableAt): after 90 days, a withdrawal or a closed dossier the share leaves the list
// and reading or answering it is a 404, alike with a share that never came here, so nothing leaks.
// The list holds no client label and nothing of the report: a short reference, the date, the region.
// The first read stamps `openedAt`; every read and answer is in the dossier's audit trail. Stamping
// and answering are judged again inside their write (whileReadable), so a withdrawal that lands
// between the judgement and the write leaves the share unmarked.
import * as z from 'zod';
import { shareReadableAt, Slug, VersionSchema } from '../../../../shared/domain/index.ts';
import type { Share, ShareWithDossier } from '../../../store/dossier-store.ts';
import { ShareAccessChangedError } from '../../../store/store-errors.ts';
import { createResourceApp } from '../../app-factory.ts';
import { dutchValidationHook, NotFoundError } from '../../errors.ts';
import { apiRoute, json } from '../../openapi-route.ts';
import type { StaffDeps, StaffEnv } from '../context.ts';
import { ReportContentSchema, ShareAnswersSchema, ShareResponseSchema } from '../share-schemas.ts';
import { conflict, OrganizationParams, providerCaller, providerProblems } from './schemas.ts';

const INBOX = '/organizations/{organizationId}/inbox';
const ShareParams = OrganizationParams.extend({ shareId: Slug });

const InboxEntrySchema = z.object({
  id: z.string(),
  reference: z.string().describe('A short reference to name when calling the supporter.'),
  regionId: z.string(),
  sharedAt: z.string(),
  openedAt: z.string().optional(),
  answered: z.enum(['meet', 'place-from', 'no-fit']).optional().describe('The kind of the last answer, if any.'),
});
const InboxSchema = z.object({ shares: z.array(InboxEntrySchema).describe('Newest first; only those the provider may still read.') });
const InboxShareSchema = InboxEntrySchema.extend({
  supportOrganizationId: z.string().describe('The support organisation that sent it.'),
  sharedBy: z.object({ name: z.string() }).describe('The supporter who sent it, to contact.'),
  report: ReportContentSchema,
  answers: ShareAnswersSchema,
  version: VersionSchema,
});
const AnswerRequest = z.strictObject({
  version: VersionSchema.describe('The share\'s version from the last read.'),
  response: ShareResponseSchema,
});

const entryView = (share: Share): z.infer<typeof InboxEntrySchema> => ({
  id: share.id, reference: share.reference, regionId: share.regionId, sharedAt: share.sharedAt,
  ...(share.openedAt ? { openedAt: share.openedAt } : {}),
  ...(share.answers.length > 0 ? { answered: share.answers.at(-1)?.response.kind } : {}),
});

const shareView = (share: Share): z.infer<typeof InboxShareSchema> => ({
  ...entryView(share),
  supportOrganizationId: share.supportOrganizationId,
  sharedBy: { name: share.sharedBy.name },
  report: share.report,
  answers: share.answers,
  version: share.version,
});

const readable = (found: ShareWithDossier, now: Date) => shareReadableAt(found.share, found.dossier.status, found.consents, now);

/** The share with what decides access, if the organisation may read it now; a 404 otherwise (ended, elsewhere or never). */
async function readableShare(deps: StaffDeps, organizationId: string, shareId: string, now: Date): Promise<ShareWithDossier> {
  const found = await deps.dossiers.getShare(organizationId, shareId);
  if (!found || !readable(found, now)) throw NotFoundError.of(`Shared report "${shareId}" for this organisation`);
  return found;
}

/** Judgements of access before a write that keeps meeting a changed dossier gives up (a 404, as access ended). */
const ACCESS_ATTEMPTS = 3;

/**
 * Marks the share (opened, answered) as `write` does, only while the access judged still holds: the
 * store refuses the write when a consent was withdrawn or the dossier closed meanwhile, and access is
 * judged again, so a report whose access ended is never marked (404). A change that left access
 * standing (another consent withdrawn) is simply tried again.
 */
async function whileReadable(deps: StaffDeps, organizationId: string, shareId: string, now: Date, write: (found: ShareWithDossier) => Promise<Share>): Promise<Share> {
  for (let attempt = 1; ; attempt++) {
    const found = await readableShare(deps, organizationId, shareId, now);
    try {
      return await write(found);
    } catch (error) {
      if (!(error instanceof ShareAccessChangedError) || attempt >= ACCESS_ATTEMPTS) throw error;
    }
  }
}

const inboxProblems = { ...providerProblems, 404: json(z.object({ error: z.object({ code: z.string(), message: z.string() }) }), 'No such share for this organisation, or its access ended (90 days, consent withdrawn or expired, dossier closed).') };

export const inboxApp = createResourceApp<StaffEnv>(dutchValidationHook)
  .openapi(
    apiRoute({
      method: 'get',
      path: INBOX,
      operationId: 'listInbox',
      summary: 'The reports shared with this organisation that it may still read',
      request: { params: OrganizationParams },
      responses: { 200: json(InboxSchema, 'The inbox.'), ...providerProblems },
    }),
    async (c) => {
      const { organizationId } = c.req.valid('param');
      const ctx = providerCaller(c.var.identity, c.var.deps, organizationId);
      const found = await c.var.deps.dossiers.listInbox(organizationId);
      return c.json({ shares: found.filter((f) => readable(f, ctx.now)).map((f) => entryView(f.share)) }, 200);
    },
  )
  .openapi(
    apiRoute({
      method: 'get',
      path: `${INBOX}/{shareId}`,
      operationId: 'readSharedReport',
      summary: 'One shared report (the first read records it as opened; every read is audited)',
      request: { params: ShareParams },
      responses: { 200: json(InboxShareSchema, 'The report as shared, with the answers given.'), ...inboxProblems },
    }),
    async (c) => {
      const { organizationId, shareId } = c.req.valid('param');
      const ctx = providerCaller(c.var.identity, c.var.deps, organizationId);
      const share = await whileReadable(c.var.deps, organizationId, shareId, ctx.now, (found) => c.var.deps.dossiers.recordShareRead(found, ctx));
      return c.json(shareView(share), 200);
    },
  )
  .openapi(
    apiRoute({
      method: 'post',
      path: `${INBOX}/{shareId}/answer`,
      operationId: 'answerSharedReport',
      summary: 'Answers a shared report: "meet", "place-from" a date, or "no-fit" with a reason',
      description: 'An answer can be changed by answering again: every answer is kept, the last one counts.',
      request: { params: ShareParams, body: { required: true, ...json(AnswerRequest, 'The answer and the share\'s version.') } },
      responses: {
        200: json(InboxShareSchema, 'The share with the answer added.'),
        ...inboxProblems,
        409: conflict(z.unknown(), 'Answered or opened by someone else since it was read (`version_conflict`, with `current`).'),
      },
    }),
    async (c) => {
      const { organizationId, shareId } = c.req.valid('param');
      const ctx = providerCaller(c.var.identity, c.var.deps, organizationId);
      const { version, response } = c.req.valid('json');
      const share = await whileReadable(c.var.deps, organizationId, shareId, ctx.now, (found) => c.var.deps.dossiers.answerShare(found, response, version, ctx));
      return c.json(shareView(share), 200);
    },
  );
