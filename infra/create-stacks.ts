// Wires the five stacks of one stage together. Shared by infra/app.ts and the tests, so what the
// tests assert is what `cdk synth` produces. Deploy order follows the references:
// data -> search -> api -> site, and ops last.
import { type App, type StackProps, Tags } from 'aws-cdk-lib';
import { type StageConfig } from './config.ts';
import { PROJECT, resourceName } from './naming.ts';
import { ApiStack } from './stacks/api-stack.ts';
import { DataStack } from './stacks/data-stack.ts';
import { OpsStack } from './stacks/ops-stack.ts';
import { SearchStack } from './stacks/search-stack.ts';
import { SiteStack } from './stacks/site-stack.ts';

export interface WoonwijzerStacks {
  readonly data: DataStack;
  readonly search: SearchStack;
  readonly api: ApiStack;
  readonly site: SiteStack;
  readonly ops: OpsStack;
}

export function createStacks(app: App, config: StageConfig): WoonwijzerStacks {
  const name = (purpose: string) => resourceName(config.stage, purpose);
  /** What every stack shares. The construct id is the stack name too, so `cdk deploy
   *  woonwijzer-prod-api` works. */
  const common = (purpose: string, description: string): StackProps & { config: StageConfig } => ({
    stackName: name(purpose),
    description: `woonwijzer ${config.stage}: ${description}`,
    env: { account: config.account, region: config.region },
    terminationProtection: config.terminationProtection,
    config,
  });

  const data = new DataStack(app, name('data'), common('data', 'table, photos, session secret, email identity (stateful)'));
  const search = new SearchStack(app, name('search'), {
    ...common('search', 'OpenSearch domain, stream indexer, reindex task'),
    table: data.table,
  });
  const api = new ApiStack(app, name('api'), {
    ...common('api', 'the Hono API on Lambda behind an HTTP API'),
    table: data.table,
    photos: data.photos,
    sessionSecret: data.sessionSecret,
    emailIdentity: data.emailIdentity,
    fromAddress: data.fromAddress,
    search: {
      domain: search.domain,
      endpointUrl: search.endpointUrl,
      indexPrefix: search.indexPrefix,
      serviceToken: search.accessProvider.serviceToken,
    },
  });
  const site = new SiteStack(app, name('site'), {
    ...common('site', 'the Astro site on S3 and CloudFront, /api/* to the API'),
    apiOriginDomainName: api.originDomainName,
  });
  const ops = new OpsStack(app, name('ops'), {
    ...common('ops', 'alarms, alarm topic, dashboard'),
    api: api.api,
    functions: { api: api.handler, indexer: search.indexer, reindex: search.reindex },
    indexer: search.indexer,
    failureQueue: search.failureQueue,
    domain: search.domain,
  });

  Tags.of(app).add('project', PROJECT);
  Tags.of(app).add('stage', config.stage);
  return { data, search, api, site, ops };
}
