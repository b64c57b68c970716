// The public API: the Hono app as one Lambda function behind an HTTP API. It only reads: the
// table's items (the data stack's read policy) and its search indexes. Writes, the photos, the
// session secret and mail belong to the staff function of their own (the accounts issue), so a
// flaw in an open, unauthenticated route can never change a listing.
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { AccessLogField, AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { type ITable } from 'aws-cdk-lib/aws-dynamodb';
import { type IManagedPolicy } from 'aws-cdk-lib/aws-iam';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { type IDomain } from 'aws-cdk-lib/aws-opensearchservice';
import { type Construct } from 'constructs';
import { entryPath } from '../bundling.ts';
import { type StageConfig } from '../config.ts';
import { resourceName } from '../naming.ts';
import { acknowledgeTracing, executionRole, lambdaSettings, stageLogGroup } from '../constructs/lambda-settings.ts';
import { acknowledge } from '../nag.ts';
import { SEARCH_ACCESS, SearchAccess } from '../constructs/search-access.ts';

export interface ApiStackProps extends StackProps {
  readonly config: StageConfig;
  readonly table: ITable;
  /** The data stack's policy to read the table's items (never to write them). */
  readonly tableRead: IManagedPolicy;
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

export class ApiStack extends Stack {
  readonly api: HttpApi;
  readonly handler: NodejsFunction;
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
        'where WAF limits requests per address; the staff routes will run in a function of their own with sign-in.',
    );
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
}
