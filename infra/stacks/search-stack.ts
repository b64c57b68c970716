// Search: the OpenSearch domain (IAM master role, fine-grained access), the indexer on the
// table's stream with its failure queue, and the reindex task that rebuilds the index from the
// table. The domain is derived data: it is rebuilt by the reindex task, so it is not retained.
// It publishes its index slow logs to CloudWatch; its search slow logs stay off (see below).
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { EbsDeviceVolumeType } from 'aws-cdk-lib/aws-ec2';
import { AccountRootPrincipal, CompositePrincipal, type IManagedPolicy, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { type IFunction, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Domain, EngineVersion, TLSSecurityPolicy } from 'aws-cdk-lib/aws-opensearchservice';
import { type Queue } from 'aws-cdk-lib/aws-sqs';
import { AwsCustomResource } from 'aws-cdk-lib/custom-resources';
import { type ITable } from 'aws-cdk-lib/aws-dynamodb';
import { type Construct } from 'constructs';
import { entryPath } from '../bundling.ts';
import { type StageConfig } from '../config.ts';
import { PROJECT, resourceName } from '../naming.ts';
import { acknowledgeTracing, executionRole, lambdaSettings, stageLogGroup } from '../constructs/lambda-settings.ts';
import { deadLetterQueue } from '../constructs/dead-letter-queue.ts';
import { acknowledge, nagResource } from '../nag.ts';
import { SEARCH_ACCESS, SearchAccess, SearchAccessProvider } from '../constructs/search-access.ts';

export interface SearchStackProps extends StackProps {
  readonly config: StageConfig;
  readonly table: ITable;
  /** The data stack's policy to read the table (the reindex task's). */
  readonly tableRead: IManagedPolicy;
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
  readonly domainName: string;
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
    this.domainName = domainName;
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
      // Index slow logs record slow writes of listings (public data). Search slow logs would
      // record each slow query's source: match criteria and places, which are health data and
      // must never reach a log. Search latency has its metric on the dashboard instead.
      logging: { slowIndexLogEnabled: true, slowIndexLogGroup: stageLogGroup(this, 'IndexSlowLogs', config) },
      enableAutoSoftwareUpdate: true,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    acknowledge(
      this.domain,
      'OS9',
      'Search slow log entries carry the query source, and a match query holds the asker\'s criteria and place (health data, never logged). ' +
        'Search latency is watched through the SearchLatency metric on the dashboard.',
      ['LogExport::SEARCH_SLOW_LOGS'],
    );
    acknowledge(
      this.domain,
      'OS1',
      'Public endpoint on purpose: every request must be SigV4-signed by an IAM principal of the account and is checked again by fine-grained ' +
        'access control. A VPC would put the Lambda functions in it too, with NAT gateways or VPC endpoints costing as much as the domain.',
    );
    acknowledge(
      this.domain,
      'OS3',
      'Access is granted to IAM identities (the functions\' roles, the master role), not to IP addresses: Lambda functions have no fixed address.',
    );
    if (!search.zoneAwareness) {
      acknowledge(
        this.domain,
        'OS7',
        `One data node (${search.instanceType}) for this stage to keep its cost down; the index is rebuilt by the reindex task if the zone fails. Prod spreads two nodes over two zones.`,
      );
    }
    acknowledge(
      this.domain,
      'OS4',
      'Two or fewer small data nodes holding derived data the reindex task rebuilds; three dedicated master nodes would more than double the ' +
        'search bill. Add them (capacity.masterNodes) when the cluster grows past a few data nodes.',
    );
    // The domain applies its access policy through CDK's AwsCustomResource, a singleton function
    // of the stack.
    const accessPolicyFunction = this.node.tryFindChild(`AWS${AwsCustomResource.PROVIDER_FUNCTION_UUID.replace(/-/g, '')}`);
    if (accessPolicyFunction) {
      acknowledge(
        accessPolicyFunction,
        'IAM4',
        'CDK\'s AwsCustomResource function that sets the domain\'s access policy, created inside the Domain construct; the managed policy ' +
          'only lets it write its own logs.',
        ['Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'],
      );
    }
    // Publishing logs needs a CloudWatch Logs resource policy, which the Domain writes through the
    // same kind of function.
    for (const logPolicy of this.domain.node.children.filter((c) => c.node.id.startsWith('ESLogGroupPolicy'))) {
      acknowledge(
        logPolicy,
        'IAM5',
        'logs:PutResourcePolicy and DeleteResourcePolicy take no resource ARN (IAM allows only "*"); the function runs once per deploy.',
        ['Resource::*'],
      );
    }
    masterRole.addToPolicy(new PolicyStatement({ actions: ['es:ESHttp*'], resources: [`${this.domain.domainArn}/*`] }));
    acknowledge(
      masterRole,
      'IAM5',
      'The master user of fine-grained access control: it changes the security configuration and serves operators in Dashboards, so it may ' +
        'send any HTTP method to any path of this one domain. Every other role is narrowed by method and index.',
      ['Action::es:ESHttp*', `Resource::${nagResource(this, `${this.domain.domainArn}/*`)}`],
    );
    this.endpointUrl = `https://${this.domain.domainEndpoint}`;
    this.accessProvider = new SearchAccessProvider(this, 'SearchAccessProvider', { config, masterRole });

    const searchEnvironment = {
      ...settings.environment,
      SEARCH_ENGINE: 'opensearch',
      OPENSEARCH_URL: this.endpointUrl,
      OPENSEARCH_INDEX_PREFIX: this.indexPrefix,
    };

    this.failureQueue = deadLetterQueue(this, 'IndexerFailures', {
      queueName: resourceName(config.stage, 'indexer-failures'),
      whoReadsIt: 'This queue is itself the dead-letter destination of the indexer\'s stream mapping. Nothing consumes it: an alarm calls an operator, ' +
        'who fixes the cause, runs the reindex task and purges it. A queue behind it would only move records away while they are inspected.',
    });

    const indexerLogs = stageLogGroup(this, 'IndexerLogs', config);
    const indexerRole = executionRole(this, 'IndexerRole', indexerLogs);
    const indexer = new NodejsFunction(this, 'Indexer', {
      ...settings,
      functionName: resourceName(config.stage, 'indexer'),
      description: 'Indexes table changes into OpenSearch (DynamoDB stream, partial batch responses).',
      entry: entryPath('indexer'),
      timeout: Duration.minutes(1),
      logGroup: indexerLogs,
      role: indexerRole,
      environment: searchEnvironment,
    });
    acknowledgeTracing(indexer);
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
    acknowledge(
      indexerRole,
      'IAM5',
      'dynamodb:ListStreams takes no resource ARN (IAM allows only "*"); the stream itself is read through its own ARN.',
      ['Resource::*'],
    );
    this.indexer = indexer;

    const reindexLogs = stageLogGroup(this, 'ReindexLogs', config);
    const reindexRole = executionRole(this, 'ReindexRole', reindexLogs);
    reindexRole.addManagedPolicy(props.tableRead);
    const reindex = new NodejsFunction(this, 'Reindex', {
      ...settings,
      functionName: resourceName(config.stage, 'reindex'),
      description: 'Rebuilds the search index from the table (invoked by an operator).',
      entry: entryPath('reindex'),
      memorySize: 1024,
      timeout: Duration.minutes(15),
      logGroup: reindexLogs,
      role: reindexRole,
      environment: { ...searchEnvironment, TABLE_NAME: table.tableName },
    });
    acknowledgeTracing(reindex);
    this.reindex = reindex;

    const callers = [
      { id: 'IndexerSearchAccess', caller: 'indexer', role: indexerRole, level: SEARCH_ACCESS.write },
      { id: 'ReindexSearchAccess', caller: 'reindex', role: reindexRole, level: SEARCH_ACCESS.manage },
    ];
    for (const { id: accessId, caller, role, level } of callers) {
      new SearchAccess(this, accessId, {
        config,
        domain: this.domain,
        domainName,
        endpointUrl: this.endpointUrl,
        indexPrefix: this.indexPrefix,
        serviceToken: this.accessProvider.serviceToken,
        role,
        caller,
        level,
      });
    }

    new CfnOutput(this, 'SearchEndpoint', { value: this.endpointUrl });
    new CfnOutput(this, 'ReindexFunction', { value: reindex.functionName, description: 'Invoke to rebuild the search index.' });
  }
}
