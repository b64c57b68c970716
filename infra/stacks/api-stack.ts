// The API: two Lambda functions behind one HTTP API. The public function (the default route) only
// reads: the table's items (the data stack's read policy) and its search indexes. The staff
// function answers the staff prefixes (functions/api/staff/paths.ts: sign-in, the provider
// resources, the supporters' dossiers, ...) and alone may write the table, reach the dossier
// table at all, read the server secret and send mail, so a flaw in an open, unauthenticated route
// can never change a listing nor read a dossier. Beside them, the staff side's
// scheduled work: the daily freshness reminders (constructs/freshness-reminders.ts), which mail
// as the staff function does and may record sent reminders, nothing else of the table; and the
// daily dossier retention, which the schedule hands to the staff function itself
// (constructs/dossier-retention-schedule.ts), so no other function reaches the dossier table.
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { AccessLogField, AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { type ITable } from 'aws-cdk-lib/aws-dynamodb';
import { type IManagedPolicy } from 'aws-cdk-lib/aws-iam';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { type IDomain } from 'aws-cdk-lib/aws-opensearchservice';
import { type ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { type Construct } from 'constructs';
import { STAFF_PATH_PREFIXES } from '../../functions/api/staff/paths.ts';
import { ARM64_NPMRC, entryPath, LAMBDA_NODE_MODULES } from '../bundling.ts';
import { type StageConfig } from '../config.ts';
import { resourceName, siteOriginsParameterName } from '../naming.ts';
import { acknowledgeTracing, executionRole, lambdaSettings, paramsAndSecretsExtension, stageLogGroup } from '../constructs/lambda-settings.ts';
import { mailFrom, readSiteOriginsStatement, sendMailStatement } from '../constructs/site-mail-grants.ts';
import { acknowledge } from '../nag.ts';
import { SEARCH_ACCESS, SearchAccess } from '../constructs/search-access.ts';
import { DossierRetentionSchedule } from '../constructs/dossier-retention-schedule.ts';
import { FreshnessReminders } from '../constructs/freshness-reminders.ts';

export interface ApiStackProps extends StackProps {
  readonly config: StageConfig;
  readonly table: ITable;
  /** The data stack's policy to read the table's items (never to write them): the public function's. */
  readonly tableRead: IManagedPolicy;
  /** The data stack's policy to read and write the table's items: the staff function's. */
  readonly tableReadWrite: IManagedPolicy;
  /** The demand counters' table (its name for the functions). */
  readonly statisticsTable: ITable;
  /** Add to the demand counters: the public function's. */
  readonly statisticsCount: IManagedPolicy;
  /** Read the demand counters: the staff function's. */
  readonly statisticsRead: IManagedPolicy;
  /** The dossier table and the data stack's policy to read and write it: the staff function's alone. */
  readonly dossierTable: ITable;
  readonly dossierReadWrite: IManagedPolicy;
  /** The data stack's policy for the freshness reminders' table calls. */
  readonly tableReminders: IManagedPolicy;
  /** The server secret sign-in codes and throttle counters are keyed with. */
  readonly authSecret: ISecret;
  /** The photos bucket and the staff function's policy on it (data stack). */
  readonly photos: { readonly bucketName: string; readonly policy: IManagedPolicy };
  /** The sender of the staff function's mail, an address of the stage's SES identity. */
  readonly fromAddress: string;
  readonly search: {
    readonly domain: IDomain;
    readonly domainName: string;
    readonly endpointUrl: string;
    readonly indexPrefix: string;
    readonly serviceToken: string;
  };
}

/**
 * One JSON line per request in the stage's access log. CDK's default carries the path and the
 * caller's address; a path like /api/postcodes/{postcode} holds what the person typed, so the
 * line names the route and never the path, query string or address. The request id is the one
 * the API function logs as its correlation id.
 */
export const ACCESS_LOG_FIELDS = {
  requestId: AccessLogField.contextRequestId(),
  requestTime: AccessLogField.contextRequestTime(),
  httpMethod: AccessLogField.contextHttpMethod(),
  routeKey: AccessLogField.contextRouteKey(),
  status: AccessLogField.contextStatus(),
  responseLatency: AccessLogField.contextResponseLatency(),
  responseLength: AccessLogField.contextResponseLength(),
  integrationError: AccessLogField.contextIntegrationErrorMessage(),
} as const;

/** A steady-state ceiling that keeps a runaway client from running up the bill. */
export const API_THROTTLE = { rateLimit: 50, burstLimit: 100 } as const;

/** The routes of each staff prefix: the prefix itself and everything below it (functions/api/staff/paths.ts isStaffPath). */
export const staffRoutePaths = (): string[] => STAFF_PATH_PREFIXES.flatMap((prefix) => [prefix, `${prefix}/{proxy+}`]);

export class ApiStack extends Stack {
  readonly api: HttpApi;
  readonly handler: NodejsFunction;
  readonly staffHandler: NodejsFunction;
  readonly reminders: FreshnessReminders;
  /** The daily start of the dossiers' retention, run by the staff function. */
  readonly retention: DossierRetentionSchedule;
  /** The host name CloudFront forwards /api/* to. */
  readonly originDomainName: string;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { config, table, search } = props;
    const settings = lambdaSettings(config);
    const logGroup = stageLogGroup(this, 'ApiLogs', config);
    const role = executionRole(this, 'ApiRole', logGroup);

    this.handler = new NodejsFunction(this, 'Api', {
      ...settings,
      functionName: resourceName(config.stage, 'api'),
      description: 'The woonwijzer API (Hono) behind the HTTP API.',
      entry: entryPath('api'),
      memorySize: 1024,
      logGroup,
      role,
      environment: {
        ...settings.environment,
        TABLE_NAME: table.tableName,
        STATISTICS_TABLE_NAME: props.statisticsTable.tableName,
        SEARCH_ENGINE: 'opensearch',
        OPENSEARCH_URL: search.endpointUrl,
        OPENSEARCH_INDEX_PREFIX: search.indexPrefix,
      },
    });
    acknowledgeTracing(this.handler);
    role.addManagedPolicy(props.tableRead);
    role.addManagedPolicy(props.statisticsCount);
    new SearchAccess(this, 'ApiSearchAccess', {
      config,
      domain: search.domain,
      domainName: search.domainName,
      endpointUrl: search.endpointUrl,
      indexPrefix: search.indexPrefix,
      serviceToken: search.serviceToken,
      role,
      caller: 'api',
      level: SEARCH_ACCESS.read,
    });

    this.api = new HttpApi(this, 'HttpApi', {
      apiName: resourceName(config.stage, 'api'),
      description: 'woonwijzer API; reached through CloudFront at /api/*.',
      defaultIntegration: new HttpLambdaIntegration('Lambda', this.handler),
      createDefaultStage: false,
    });
    acknowledge(
      this.api,
      'APIG4',
      'The public read API (regions, locations, search, match, postcodes) is open to anyone by design and reached through CloudFront, ' +
        'where WAF limits requests per address. The staff routes go to a function of their own that checks the session cookie ' +
        'against the table and the caller\'s membership on every request; an API Gateway authorizer would only repeat that look-up.',
    );
    this.staffHandler = this.staffFunction(props);
    const staffIntegration = new HttpLambdaIntegration('StaffLambda', this.staffHandler);
    for (const path of staffRoutePaths()) this.api.addRoutes({ path, methods: [HttpMethod.ANY], integration: staffIntegration });
    new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: API_THROTTLE,
      accessLogSettings: {
        destination: new LogGroupLogDestination(stageLogGroup(this, 'AccessLogs', config)),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });
    this.originDomainName = `${this.api.apiId}.execute-api.${this.region}.${this.urlSuffix}`;

    this.reminders = new FreshnessReminders(this, 'Reminders', {
      config,
      table,
      tablePolicy: props.tableReminders,
      fromAddress: props.fromAddress,
    });

    // After the reminders: each schedule's construct acknowledges the scheduler role made for its own target.
    this.retention = new DossierRetentionSchedule(this, 'DossierRetention', { config, staffFunction: this.staffHandler });

    new CfnOutput(this, 'ApiEndpoint', { value: this.api.apiEndpoint });
    new CfnOutput(this, 'RemindFunction', { value: this.reminders.handler.functionName, description: 'Invoke to send the freshness reminders now.' });
  }

  /**
   * The staff function: read and write the table and the dossier table, read the server secret
   * and the site's origins (through the Parameters and Secrets extension), send mail as the
   * stage's SES identity, sign photo uploads and keep the web sizes (the data stack's photo policy). No
   * search rights: it changes the table, and the stream indexer carries changes to search.
   */
  private staffFunction(props: ApiStackProps): NodejsFunction {
    const { config } = props;
    const settings = lambdaSettings(config);
    const logGroup = stageLogGroup(this, 'StaffLogs', config);
    const role = executionRole(this, 'StaffRole', logGroup);
    const originsParameter = siteOriginsParameterName(config.stage);
    const fn = new NodejsFunction(this, 'Staff', {
      ...settings,
      functionName: resourceName(config.stage, 'staff'),
      description: 'The woonwijzer staff API (sign-in, providers\' listings) behind the HTTP API\'s staff routes.',
      entry: entryPath('staff'),
      // Building the app on the first request is CPU-bound: more memory is more CPU.
      memorySize: 1024,
      // Only the retention schedule invokes it asynchronously (API Gateway waits for it): a retry
      // after a partial run could mail a warning twice; the next day's run takes what is left.
      retryAttempts: 0,
      logGroup,
      role,
      paramsAndSecrets: paramsAndSecretsExtension(),
      bundling: {
        ...settings.bundling,
        // sharp for the photos, installed for arm64 Linux beside the bundle (infra/bundling.ts).
        nodeModules: [...(LAMBDA_NODE_MODULES.staff ?? [])],
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: (_inputDir: string, outputDir: string) => [`printf '${ARM64_NPMRC}' > "${outputDir}/.npmrc"`],
          afterBundling: () => [],
        },
      },
      environment: {
        ...settings.environment,
        TABLE_NAME: props.table.tableName,
        PHOTOS_BUCKET: props.photos.bucketName,
        STATISTICS_TABLE_NAME: props.statisticsTable.tableName,
        DOSSIER_TABLE_NAME: props.dossierTable.tableName,
        MAIL_FROM: mailFrom(props.fromAddress),
        AUTH_SECRET_ID: props.authSecret.secretArn,
        SITE_ORIGINS_PARAMETER: originsParameter,
      },
    });
    acknowledgeTracing(fn);
    role.addManagedPolicy(props.tableReadWrite);
    role.addManagedPolicy(props.photos.policy);
    role.addManagedPolicy(props.statisticsRead);
    role.addManagedPolicy(props.dossierReadWrite);
    props.authSecret.grantRead(role);
    role.addToPolicy(readSiteOriginsStatement(this, config));
    role.addToPolicy(sendMailStatement(this, config));
    return fn;
  }
}
