// The API: the Hono app as one Lambda function behind an HTTP API, with exactly the access it
// needs (table data, its search indexes read-only, the photos bucket, the session secret, SES).
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { HttpApi, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { type ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Grant } from 'aws-cdk-lib/aws-iam';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { type IDomain } from 'aws-cdk-lib/aws-opensearchservice';
import { type IBucket } from 'aws-cdk-lib/aws-s3';
import { type ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { type IEmailIdentity } from 'aws-cdk-lib/aws-ses';
import { type Construct } from 'constructs';
import { entryPath } from '../bundling.ts';
import { type StageConfig } from '../config.ts';
import { resourceName } from '../naming.ts';
import { lambdaSettings, requireRole, stageLogGroup } from '../constructs/lambda-settings.ts';
import { SEARCH_ACCESS, SearchAccess } from '../constructs/search-access.ts';

export interface ApiStackProps extends StackProps {
  readonly config: StageConfig;
  readonly table: ITable;
  readonly photos: IBucket;
  readonly sessionSecret: ISecret;
  readonly emailIdentity: IEmailIdentity;
  readonly fromAddress: string;
  readonly search: {
    readonly domain: IDomain;
    readonly endpointUrl: string;
    readonly indexPrefix: string;
    readonly serviceToken: string;
  };
}

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

    this.handler = new NodejsFunction(this, 'Api', {
      ...settings,
      functionName: resourceName(config.stage, 'api'),
      description: 'The woonwijzer API (Hono) behind the HTTP API.',
      entry: entryPath('api'),
      memorySize: 1024,
      logGroup: stageLogGroup(this, 'ApiLogs', config),
      environment: {
        ...settings.environment,
        TABLE_NAME: table.tableName,
        SEARCH_ENGINE: 'opensearch',
        OPENSEARCH_URL: search.endpointUrl,
        OPENSEARCH_INDEX_PREFIX: search.indexPrefix,
        SESSION_SECRET_ARN: props.sessionSecret.secretArn,
        PHOTOS_BUCKET: props.photos.bucketName,
        SES_FROM_ADDRESS: props.fromAddress,
      },
    });
    // The import route writes listings; the stream carries them to the search index.
    table.grantReadWriteData(this.handler);
    // Objects only: the API never lists or configures the bucket.
    Grant.addToPrincipal({
      grantee: this.handler,
      actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
      resourceArns: [props.photos.arnForObjects('*')],
    });
    props.sessionSecret.grantRead(this.handler);
    props.emailIdentity.grantSendEmail(this.handler);
    new SearchAccess(this, 'ApiSearchAccess', {
      config,
      domain: search.domain,
      endpointUrl: search.endpointUrl,
      indexPrefix: search.indexPrefix,
      serviceToken: search.serviceToken,
      role: requireRole(this.handler),
      caller: 'api',
      level: SEARCH_ACCESS.read,
    });

    this.api = new HttpApi(this, 'HttpApi', {
      apiName: resourceName(config.stage, 'api'),
      description: 'woonwijzer API; reached through CloudFront at /api/*.',
      defaultIntegration: new HttpLambdaIntegration('Lambda', this.handler),
      createDefaultStage: false,
    });
    new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: API_THROTTLE,
      accessLogSettings: { destination: new LogGroupLogDestination(stageLogGroup(this, 'AccessLogs', config)) },
    });
    this.originDomainName = `${this.api.apiId}.execute-api.${this.region}.${this.urlSuffix}`;

    new CfnOutput(this, 'ApiEndpoint', { value: this.api.apiEndpoint });
  }
}
