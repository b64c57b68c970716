// `npm run accounts -- create --email ADDRESS --name NAME --role ROLE (--region ID | --organization ID | --support-organization ID)`:
// the platform operator's way to give someone a membership, such as a region's first coordinator
// or a support organisation's first supporter admin, which is never done through the web; and
// `npm run accounts -- create-support-organization --id ID --name NAME --region ID [--region ID ...]`
// to create a support organisation (or rename it and set its regions). Makes the account when the address has none, else adds
// the membership to it. Refuses an unknown region or organisation. Talks to the DynamoDB Local of
// a running `npm start` (or starts one), or with TABLE_NAME set and no DYNAMODB_ENDPOINT to the
// table in AWS (default credential chain).
import { pathToFileURL } from 'node:url';
import { parseArgs as parseNodeArgs } from 'node:util';
import * as z from 'zod';
import { systemClock } from '../shared/clock.ts';
import { Slug } from '../shared/domain/index.ts';
import { grantMembership, putSupportOrganization, UnknownScopeError } from '../functions/accounts/accounts-admin.ts';
import { openLocalDatabase } from '../functions/local/local-database.ts';
import { readConfig } from '../functions/platform/config.ts';
import { createStores } from '../functions/store/create-store.ts';
import type { Membership } from '../functions/store/account-store.ts';
import { IdTakenError } from '../functions/store/store-errors.ts';
import { loadRegions } from '../functions/listings/seed-demo.ts';

export const USAGE =
  'Usage: npm run accounts -- create --email ADDRESS --name "FULL NAME" --role ROLE SCOPE\n' +
  '  ROLE and SCOPE:  coordinator --region REGION_ID\n' +
  '                   provider-admin | provider-editor --organization ORGANISATION_ID\n' +
  '                   supporter | supporter-admin --support-organization SUPPORT_ORGANISATION_ID\n' +
  '       npm run accounts -- create-support-organization --id ID --name "NAME" --region REGION_ID [--region REGION_ID ...]\n' +
  'Example: npm run accounts -- create --email a@b.nl --name "An de Vries" --role coordinator --region zuid-limburg\n';

const Command = z.discriminatedUnion('role', [
  z.object({ role: z.literal('coordinator'), region: Slug }),
  z.object({ role: z.enum(['provider-admin', 'provider-editor']), organization: Slug }),
  z.object({ role: z.enum(['supporter', 'supporter-admin']), 'support-organization': Slug }),
]).and(z.object({
  email: z.email({ message: 'not a valid email address' }).max(254),
  name: z.string().trim().min(1, { message: 'give the person\'s name' }).max(200),
}));

const SupportOrganizationCommand = z.object({
  id: Slug,
  name: z.string().trim().min(1, { message: 'give the organisation\'s name' }).max(120),
  region: z.array(Slug).min(1, { message: 'give at least one region it works in' }),
});

export type ParsedCommand =
  | { ok: true; email: string; name: string; membership: Membership }
  | { ok: true; supportOrganization: { id: string; name: string; regionIds: string[] } }
  | { ok: false; message: string };

const issuesText = (error: z.ZodError, fallback: string) => error.issues.map((i) => `--${i.path.join('.') || fallback}: ${i.message}`).join('; ');

function parseSupportOrganization(args: readonly string[]): ParsedCommand {
  let values: Record<string, unknown>;
  try {
    values = parseNodeArgs({
      args: [...args],
      options: { id: { type: 'string' }, name: { type: 'string' }, region: { type: 'string', multiple: true } },
      strict: true,
    }).values;
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  const parsed = SupportOrganizationCommand.safeParse({ region: [], ...values });
  if (!parsed.success) return { ok: false, message: issuesText(parsed.error, 'id') };
  return { ok: true, supportOrganization: { id: parsed.data.id, name: parsed.data.name, regionIds: parsed.data.region } };
}

export function parseCommand(argv: readonly string[]): ParsedCommand {
  const args = argv.filter((a) => a !== '--');
  if (args[0] === 'create-support-organization') return parseSupportOrganization(args.slice(1));
  if (args[0] !== 'create') return { ok: false, message: `Unknown command "${args[0] ?? ''}".` };
  let values: Record<string, unknown>;
  try {
    values = parseNodeArgs({
      args: args.slice(1),
      options: {
        email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' },
        region: { type: 'string' }, organization: { type: 'string' }, 'support-organization': { type: 'string' },
      },
      strict: true,
    }).values;
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  const parsed = Command.safeParse(values);
  if (!parsed.success) {
    return { ok: false, message: issuesText(parsed.error, 'role') };
  }
  const c = parsed.data;
  const membership: Membership =
    c.role === 'coordinator' ? { role: c.role, regionId: c.region }
      : 'support-organization' in c ? { role: c.role, supportOrganizationId: c['support-organization'] }
        : { role: c.role, organizationId: c.organization };
  return { ok: true, email: c.email, name: c.name, membership };
}

async function main() {
  const command = parseCommand(process.argv.slice(2));
  if (!command.ok) {
    process.stderr.write(`${command.message}\n${USAGE}`);
    process.exit(2);
  }
  const config = readConfig();
  const useAws = process.env.TABLE_NAME !== undefined && config.DYNAMODB_ENDPOINT === undefined;
  const db = useAws ? { stores: createStores(config), close: async () => {} } : await openLocalDatabase(config, { announce: false });
  try {
    // Locally the configured regions are loaded as `npm start` does, so a fresh checkout knows them.
    if (!useAws) await loadRegions(db.stores.regions);
    if ('supportOrganization' in command) {
      const { record, created } = await putSupportOrganization({ ...db.stores, clock: systemClock }, command.supportOrganization);
      process.stdout.write(`${created ? 'Created' : 'Updated'} support organisation ${record.id} ("${record.name}"), working in ${record.regionIds.join(', ')}.\n`);
      return;
    }
    const result = await grantMembership({ ...db.stores, clock: systemClock }, command);
    const scope = Object.entries(command.membership).filter(([k]) => k !== 'role').map(([, v]) => v).join('');
    process.stdout.write(
      `${result.created ? 'Created account' : 'Updated account'} ${result.accountId} for ${command.email.trim().toLowerCase()}: ` +
        `${command.membership.role} of ${scope}.\nThey sign in with a code sent to that address.\n`,
    );
  } catch (error) {
    if (!(error instanceof UnknownScopeError) && !(error instanceof IdTakenError)) throw error;
    process.stderr.write(`Refused, nothing was changed: ${error.message}\n`);
    process.exitCode = 1;
  } finally {
    await db.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
