// The API: two Lambda functions behind one HTTP API. The public function (the default route) only
// reads: the table's items (the data stack's read policy) and its search indexes. The staff
// function answers the staff prefixes (functions/api/staff/paths.ts: sign-in, the provider
// resources, ...) and alone may write the table, read the server secret and send mail, so a flaw
// in an open, unauthenticated route can never change a listing.
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { AccessLogField, AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { type ITable } from 'aws-cdk-lib/aws-dynamodb';
import { type IManagedPolicy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { ParamsAndSecretsLayerVersion, ParamsAndSecretsLogLevel, ParamsAndSecretsVersions } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { type IDomain } from 'aws-cdk-lib/aws-opensearchservice';
import { type ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { type Construct } from 'constructs';
import { STAFF_PATH_PREFIXES } from '../../functions/api/staff/paths.ts';
import { entryPath } from '../bundling.ts';
import { type StageConfig } from '../config.ts';
import { resourceName, siteOriginsParameterName } from '../naming.ts';
import { acknowledgeTracing, executionRole, lambdaSettings, stageLogGroup } from '../constructs/lambda-settings.ts';
import { acknowledge } from '../nag.ts';
import { SEARCH_ACCESS, SearchAccess } from '../constructs/search-access.ts';

export interface ApiStackProps extends StackProps {
  readonly config: StageConfig;
  readonly table: ITable;
  /** The data stack's policy to read the table's items (never to write them): the public function's. */
  readonly tableRead: IManagedPolicy;
  /** The data stack's policy to read and write the table's items: the staff function's. */
  readonly tableReadWrite: IManagedPolicy;
  /** The server secret sign-in codes and throttle counters are keyed with. */
  readonly authSecret: ISecret;
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
        SEARCH_ENGINE: 'opensearch',
        OPENSEARCH_URL: search.endpointUrl,
        OPENSEARCH_INDEX_PREFIX: search.indexPrefix,
      },
    });
    acknowledgeTracing(this.handler);
    role.addManagedPolicy(props.tableRead);
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

    new CfnOutput(this, 'ApiEndpoint', { value: this.api.apiEndpoint });
  }

  /**
   * The staff function: read and write the table, read the server secret and the site's origins
   * (through the Parameters and Secrets extension), send mail as the stage's SES identity. No
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
      logGroup,
      role,
      paramsAndSecrets: ParamsAndSecretsLayerVersion.fromVersion(ParamsAndSecretsVersions.V1_0_103, {
        // Read once per environment by the function itself; the extension's own cache would only
        // keep a second copy of the secret.
        cacheEnabled: false,
        logLevel: ParamsAndSecretsLogLevel.WARN,
      }),
      environment: {
        ...settings.environment,
        TABLE_NAME: props.table.tableName,
        MAIL_FROM: `Woonwijzer <${props.fromAddress}>`,
        AUTH_SECRET_ID: props.authSecret.secretArn,
        SITE_ORIGINS_PARAMETER: originsParameter,
      },
    });
    acknowledgeTracing(fn);
    role.addManagedPolicy(props.tableReadWrite);
    props.authSecret.grantRead(role);
    role.addToPolicy(
      new PolicyStatement({
        actions: ['ssm:GetParameter'],
        // The name starts with "/", which the ARN's "parameter" already ends on.
        resources: [this.formatArn({ service: 'ssm', resource: 'parameter', resourceName: originsParameter.slice(1) })],
      }),
    );
    // The domain identity; in the SES sandbox SES also checks each (verified) recipient's identity.
    const identities = [config.emailDomain, ...config.sesSandboxRecipients];
    role.addToPolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: identities.map((identity) => this.formatArn({ service: 'ses', resource: 'identity', resourceName: identity })),
      }),
    );
    return fn;
  }
}
