// Wires the six stacks of one stage together. Shared by infra/app.ts and the tests, so what the
// tests assert is what `cdk synth` produces. Deploy order follows the references:
// data -> search -> api, waf (us-east-1) -> site, and ops last.
import { type App, type StackProps, Tags } from 'aws-cdk-lib';
import { EDGE_REGION, type StageConfig } from './config.ts';
import { PROJECT, resourceName } from './naming.ts';
import { ApiStack } from './stacks/api-stack.ts';
import { DataStack } from './stacks/data-stack.ts';
import { OpsStack } from './stacks/ops-stack.ts';
import { SearchStack } from './stacks/search-stack.ts';
import { SiteStack } from './stacks/site-stack.ts';
import { WafStack } from './stacks/waf-stack.ts';

export interface WoonwijzerStacks {
  readonly data: DataStack;
  readonly search: SearchStack;
  readonly api: ApiStack;
  readonly waf: WafStack;
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

  const data = new DataStack(app, name('data'), common('data', 'table, dossier table, photos, server secret, email identity (stateful)'));
  const search = new SearchStack(app, name('search'), {
    ...common('search', 'OpenSearch domain, stream indexer, reindex task'),
    table: data.table,
    tableRead: data.tableReadPolicy,
  });
  const api = new ApiStack(app, name('api'), {
    ...common('api', 'the public and the staff API (Hono) on Lambda behind one HTTP API'),
    table: data.table,
    tableRead: data.tableReadPolicy,
    tableReadWrite: data.tableReadWritePolicy,
    tableReminders: data.tableRemindersPolicy,
    statisticsTable: data.statisticsTable,
    statisticsCount: data.statisticsCountPolicy,
    statisticsRead: data.statisticsReadPolicy,
    dossierTable: data.dossierTable,
    dossierReadWrite: data.dossierReadWritePolicy,
    authSecret: data.authSecret,
    photos: { bucketName: data.photos.bucketName, policy: data.photoObjectsPolicy },
    fromAddress: data.fromAddress,
    search: {
      domain: search.domain,
      domainName: search.domainName,
      endpointUrl: search.endpointUrl,
      indexPrefix: search.indexPrefix,
      serviceToken: search.accessProvider.serviceToken,
    },
  });
  const waf = new WafStack(app, name('waf'), {
    ...common('waf', 'AWS WAF web ACL of the distribution (CloudFront scope, so in us-east-1)'),
    env: { account: config.account, region: EDGE_REGION },
  });
  const site = new SiteStack(app, name('site'), {
    ...common('site', 'the Astro site on S3 and CloudFront, /api/* to the API'),
    apiOriginDomainName: api.originDomainName,
    photos: { bucketName: data.photos.bucketName, regionalDomainName: data.photos.bucketRegionalDomainName },
    webAclArn: waf.webAclArn,
    siteNotFound: waf.siteNotFound,
    table: data.table,
  });
  const ops = new OpsStack(app, name('ops'), {
    ...common('ops', 'alarms, alarm topic, dashboard'),
    api: api.api,
    functions: {
      api: api.handler,
      staff: api.staffHandler,
      indexer: search.indexer,
      reindex: search.reindex,
      remind: api.reminders.handler,
      siteChanges: site.builder.collector,
      siteBuildStarter: site.builder.starter,
    },
    reminders: { undelivered: api.reminders.deadLetterQueue },
    siteBuilder: { project: site.builder.project, failed: site.builder.deadLetterQueue },
    indexer: search.indexer,
    failureQueue: search.failureQueue,
    domain: search.domain,
  });

  Tags.of(app).add('project', PROJECT);
  Tags.of(app).add('stage', config.stage);
  return { data, search, api, waf, site, ops };
}
