// Search: the OpenSearch domain (IAM master role, fine-grained access), the indexer on the
// table's stream with its failure queue, and the reindex task that rebuilds the index from the
// table. The domain is derived data: it is rebuilt by the reindex task, so it is not retained.
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { EbsDeviceVolumeType } from 'aws-cdk-lib/aws-ec2';
import { AccountRootPrincipal, CompositePrincipal, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { type IFunction, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Domain, EngineVersion, TLSSecurityPolicy } from 'aws-cdk-lib/aws-opensearchservice';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { type ITable } from 'aws-cdk-lib/aws-dynamodb';
import { type Construct } from 'constructs';
import { entryPath } from '../bundling.ts';
import { type StageConfig } from '../config.ts';
import { PROJECT, resourceName } from '../naming.ts';
import { lambdaSettings, requireRole, stageLogGroup } from '../constructs/lambda-settings.ts';
import { SEARCH_ACCESS, SearchAccess, SearchAccessProvider } from '../constructs/search-access.ts';

export interface SearchStackProps extends StackProps {
  readonly config: StageConfig;
  readonly table: ITable;
}

/** How the stream indexer consumes the table's stream. */
export const INDEXER_STREAM = {
  batchSize: 100,
  maxBatchingWindow: Duration.seconds(2),
  retryAttempts: 5,
  /** Records older than this go to the failure queue instead of blocking the shard. */
  maxRecordAge: Duration.hours(6),
} as const;

export class SearchStack extends Stack {
  readonly domain: Domain;
  readonly endpointUrl: string;
  readonly indexPrefix: string;
  readonly indexer: IFunction;
  readonly reindex: IFunction;
  readonly failureQueue: Queue;
  readonly accessProvider: SearchAccessProvider;

  constructor(scope: Construct, id: string, props: SearchStackProps) {
    super(scope, id, props);
    const { config, table } = props;
    const domainName = resourceName(config.stage, 'search');
    // Every index this stage owns starts with this; IAM and the security plugin grant `<prefix>*`.
    this.indexPrefix = `${PROJECT}-${config.stage}`;
    const settings = lambdaSettings(config);

    // The IAM master user of fine-grained access control. The role-mapping function runs as it;
    // operators may assume it (account principals with sts:AssumeRole on it) for Dashboards.
    const masterRole = new Role(this, 'SearchMasterRole', {
      roleName: resourceName(config.stage, 'search-master'),
      description: `Master user of the ${domainName} OpenSearch domain (fine-grained access control).`,
      assumedBy: new CompositePrincipal(new ServicePrincipal('lambda.amazonaws.com'), new AccountRootPrincipal()),
    });

    const domainArnPattern = this.formatArn({ service: 'es', resource: 'domain', resourceName: `${domainName}/*` });
    const { search } = config;
    this.domain = new Domain(this, 'Domain', {
      domainName,
      // The last 2.x line: runs on the small T3 types; the app's client (3.x) speaks 2.x and 3.x.
      version: EngineVersion.OPENSEARCH_2_19,
      capacity: {
        dataNodes: search.dataNodes,
        dataNodeInstanceType: search.instanceType,
        // Standby needs three zones and larger instance families; two zones suffice here.
        multiAzWithStandbyEnabled: false,
      },
      ebs: { volumeSize: search.volumeGiB, volumeType: EbsDeviceVolumeType.GP3 },
      zoneAwareness: search.zoneAwareness ? { enabled: true, availabilityZoneCount: 2 } : { enabled: false },
      encryptionAtRest: { enabled: true },
      nodeToNodeEncryption: true,
      enforceHttps: true,
      tlsSecurityPolicy: TLSSecurityPolicy.TLS_1_2_PFS,
      fineGrainedAccessControl: { masterUserArn: masterRole.roleArn },
      // The resource policy lets the account's IAM decide; each function's own policy then names
      // the methods and index paths it may use, and the security plugin checks again.
      accessPolicies: [
        new PolicyStatement({ principals: [new AccountRootPrincipal()], actions: ['es:ESHttp*'], resources: [domainArnPattern] }),
      ],
      enableAutoSoftwareUpdate: true,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    masterRole.addToPolicy(new PolicyStatement({ actions: ['es:ESHttp*'], resources: [`${this.domain.domainArn}/*`] }));
    this.endpointUrl = `https://${this.domain.domainEndpoint}`;
    this.accessProvider = new SearchAccessProvider(this, 'SearchAccessProvider', { config, masterRole });

    const searchEnvironment = {
      ...settings.environment,
      SEARCH_ENGINE: 'opensearch',
      OPENSEARCH_URL: this.endpointUrl,
      OPENSEARCH_INDEX_PREFIX: this.indexPrefix,
    };

    this.failureQueue = new Queue(this, 'IndexerFailures', {
      queueName: resourceName(config.stage, 'indexer-failures'),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });

    const indexer = new NodejsFunction(this, 'Indexer', {
      ...settings,
      functionName: resourceName(config.stage, 'indexer'),
      description: 'Indexes table changes into OpenSearch (DynamoDB stream, partial batch responses).',
      entry: entryPath('indexer'),
      timeout: Duration.minutes(1),
      logGroup: stageLogGroup(this, 'IndexerLogs', config),
      environment: searchEnvironment,
    });
    indexer.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        ...INDEXER_STREAM,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        // One batch at a time per shard keeps changes to one item in order.
        parallelizationFactor: 1,
        onFailure: new SqsDlq(this.failureQueue),
      }),
    );
    this.indexer = indexer;

    const reindex = new NodejsFunction(this, 'Reindex', {
      ...settings,
      functionName: resourceName(config.stage, 'reindex'),
      description: 'Rebuilds the search index from the table (invoked by an operator).',
      entry: entryPath('reindex'),
      memorySize: 1024,
      timeout: Duration.minutes(15),
      logGroup: stageLogGroup(this, 'ReindexLogs', config),
      environment: { ...searchEnvironment, TABLE_NAME: table.tableName },
    });
    table.grantReadData(reindex);
    this.reindex = reindex;

    const callers = [
      { id: 'IndexerSearchAccess', caller: 'indexer', fn: indexer, level: SEARCH_ACCESS.write },
      { id: 'ReindexSearchAccess', caller: 'reindex', fn: reindex, level: SEARCH_ACCESS.manage },
    ];
    for (const { id: accessId, caller, fn, level } of callers) {
      new SearchAccess(this, accessId, {
        config,
        domain: this.domain,
        endpointUrl: this.endpointUrl,
        indexPrefix: this.indexPrefix,
        serviceToken: this.accessProvider.serviceToken,
        role: requireRole(fn),
        caller,
        level,
      });
    }

    new CfnOutput(this, 'SearchEndpoint', { value: this.endpointUrl });
    new CfnOutput(this, 'ReindexFunction', { value: reindex.functionName, description: 'Invoke to rebuild the search index.' });
  }
}
