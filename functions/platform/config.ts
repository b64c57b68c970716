// The one config reader: every setting the functions and local commands take from the environment.
import * as z from 'zod';

const ConfigSchema = z.object({
  TABLE_NAME: z.string().min(3).default('woonwijzer-local'),
  /** The demand counters' own table; unset: TABLE_NAME + '-statistics' (statistics-table-design.ts). */
  STATISTICS_TABLE_NAME: z.string().min(3).optional(),
  /** The dossier table (client supporters' dossiers); unset: `<TABLE_NAME>-dossiers`. In AWS only the staff function has it. */
  DOSSIER_TABLE_NAME: z.string().min(3).optional(),
  /** Set to talk to DynamoDB Local (or any compatible endpoint); unset in AWS. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  AWS_REGION: z.string().default('eu-west-1'),
  PORT: z.coerce.number().int().min(1).max(65535).default(4321),
  HOST: z.string().default('127.0.0.1'),
  /** Which listings `npm start` loads: the two hand-made regions, or the generated national set (all 31 regions). */
  WOONWIJZER_DATA: z.enum(['demo', 'national']).default('demo'),
  /** Where `npm start` keeps its DynamoDB Local data (git-ignored); unset: `.data`, and `.data/national` for the national set, so the two never mix. */
  DATA_DIR: z.string().optional(),
  /** Which search engine the API uses: in-process (local default) or OpenSearch (AWS). */
  SEARCH_ENGINE: z.enum(['embedded', 'opensearch']).default('embedded'),
  /** The OpenSearch endpoint; needed when SEARCH_ENGINE is 'opensearch'. */
  OPENSEARCH_URL: z.url().optional(),
  /** Every index name starts with it; lower case, because OpenSearch index names must be. */
  OPENSEARCH_INDEX_PREFIX: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).default('woonwijzer'),
  /**
   * The server secret sign-in codes and hashed addresses are keyed with (at least 32 characters).
   * Unset locally: a random one is made once and kept in DATA_DIR (see functions/accounts/secret.ts).
   */
  AUTH_SECRET: z.string().min(32).optional(),
  /** In AWS: the Secrets Manager secret (ARN) the staff function reads the server secret from. */
  AUTH_SECRET_ID: z.string().min(1).optional(),
  /** In AWS: the SSM parameter (name) with the site's origins, comma-separated; only they may send unsafe staff requests. */
  SITE_ORIGINS_PARAMETER: z.string().startsWith('/').optional(),
  /**
   * Where people open the site, for the links in mails (invitations, reminders), without a
   * trailing slash. Unset locally: the local server's own address (http://localhost:PORT).
   */
  SITE_URL: z.url().regex(/^https?:\/\/[^/]+$/, { message: 'Give the origin only, e.g. https://woonwijzer.example' }).optional(),
  /** In AWS: the photos bucket (the staff function signs uploads to it and writes the web sizes). Unset locally: DATA_DIR/photos. */
  PHOTOS_BUCKET: z.string().min(3).optional(),
  /**
   * How long `npm start` collects the table's changes before it builds the pages they touch (one
   * build for a burst of edits). In AWS the builder waits about a minute.
   */
  SITE_REBUILD_DEBOUNCE_MS: z.coerce.number().int().min(0).max(600_000).default(3000),
  /** The sender of the mails the service sends. */
  MAIL_FROM: z.string().default('Woonwijzer <noreply@woonwijzer.example>'),
});
export type Config = Omit<z.infer<typeof ConfigSchema>, 'DATA_DIR'> & { DATA_DIR: string };

export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Configuration is not valid: ${problems}`);
  }
  const { DATA_DIR, ...rest } = parsed.data;
  return { ...rest, DATA_DIR: DATA_DIR ?? (rest.WOONWIJZER_DATA === 'national' ? '.data/national' : '.data') };
}

/** The site's origin for links in mails: SITE_URL, or the local server's address. */
export function siteUrl(config: Pick<Config, 'SITE_URL' | 'PORT'>): string {
  return config.SITE_URL ?? `http://localhost:${config.PORT}`;
}
