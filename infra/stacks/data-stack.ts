// Stateful resources: the single table (customer-managed key, PITR, TTL, stream), the statistics
// table of anonymous demand counters (no stream, TTL; docs/data-model.md), the dossier table of the
// client supporters (health data, kept apart: a key of its own, PITR, TTL, no stream, a policy only
// the staff function attaches), the photos bucket with its access logs, the staff function's server secret and the SES identity (its DKIM
// records live in DNS). Kept on stack deletion in prod; removed with the stack in dev. The stack also owns the
// managed policies other stacks' functions attach to use the table and the photos, so each
// wildcard those grants need is named, and acknowledged, once and here.
import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, StreamViewType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { ManagedPolicy, PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods } from 'aws-cdk-lib/aws-s3';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { EmailIdentity, Identity } from 'aws-cdk-lib/aws-ses';
import { type Construct } from 'constructs';
import { type StageConfig } from '../config.ts';
import { INCOMING_PREFIX, PHOTOS_PREFIX, UNFINISHED_UPLOAD_DAYS } from '../../functions/photos/photo-storage.ts';
import { resourceName } from '../naming.ts';
import { accessLogsBucket } from '../constructs/access-logs.ts';
import { DOSSIER_SECONDARY_INDEXES, KEY, SECONDARY_INDEXES, STATISTICS_KEY, STATISTICS_TTL_ATTRIBUTE, TTL_ATTRIBUTE } from '../constructs/table-keys.ts';
import { acknowledge, nagResource } from '../nag.ts';

/** Why the table grants may name every index: CDK grants `<table>/index/*`, and queries on the
 *  two indexes are what the functions do. */
const INDEX_WILDCARD_REASON = 'Queries use the table\'s global secondary indexes; CDK grants them as <table>/index/*, which names only indexes of this one table.';

/** The KMS actions CDK's read-write table grant gives on a customer-managed table key. */
const TABLE_KEY_ACTIONS = ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'] as const;

export interface DataStackProps extends StackProps {
  readonly config: StageConfig;
}

export class DataStack extends Stack {

  readonly table: Table;
  readonly tableKey: Key;
  /** The demand counters: a table of its own without a stream, so no indexer or rebuilder sees a count. */
  readonly statisticsTable: Table;
  /** Add to the counters (UpdateItem, which a TransactWriteItems of updates is authorised by): the public function's only write. */
  readonly statisticsCountPolicy: ManagedPolicy;
  /** Read the counters (Query): the staff function's, for the coordinator's dashboard and the providers' unknown fields. */
  readonly statisticsReadPolicy: ManagedPolicy;
  /** The client supporters' dossiers, consents and (later) shares: a table and key of their own. */
  readonly dossierTable: Table;
  readonly dossierKey: Key;
  /** Read and write the dossier table's items (and use its key): the staff function's alone. */
  readonly dossierReadWritePolicy: ManagedPolicy;
  readonly photos: Bucket;
  /** The staff function's server secret (AUTH_SECRET in AWS). */
  readonly authSecret: Secret;
  readonly emailIdentity: EmailIdentity;
  readonly fromAddress: string;
  readonly accessLogs: Bucket;
  /** Read the table's items and indexes (and decrypt them). */
  readonly tableReadPolicy: ManagedPolicy;
  /** Read and write the table's items (and use its key). */
  readonly tableReadWritePolicy: ManagedPolicy;
  /**
   * The staff function's use of the photos: sign uploads to, read and delete `incoming/`; write
   * and delete web sizes under `photos/` by its own requests only (never by a signed address).
   */
  readonly photoObjectsPolicy: ManagedPolicy;
  /** The freshness reminders' use of the table: query it and its indexes, get accounts, batch-write sent reminders. */
  readonly tableRemindersPolicy: ManagedPolicy;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    const { config } = props;
    const removalPolicy = config.statefulRemovalPolicy;

    ({ key: this.tableKey, table: this.table } = customerKeyedTable(this, {
      keyId: 'TableKey',
      tableId: 'Table',
      name: resourceName(config.stage, 'table'),
      keyDescription: `Encrypts the ${resourceName(config.stage, 'table')} DynamoDB table and its stream.`,
      indexes: SECONDARY_INDEXES,
      stream: StreamViewType.NEW_AND_OLD_IMAGES,
      config,
    }));

    // Anonymous counts only (shared/statistics/demand.ts), so DynamoDB's own encryption; no stream,
    // so the counter writes of every match reach no stream consumer.
    this.statisticsTable = new Table(this, 'StatisticsTable', {
      tableName: resourceName(config.stage, 'statistics'),
      partitionKey: { name: STATISTICS_KEY.pk, type: AttributeType.STRING },
      sortKey: { name: STATISTICS_KEY.sk, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      encryption: TableEncryption.AWS_MANAGED,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: STATISTICS_TTL_ATTRIBUTE,
      deletionProtection: config.deletionProtection,
      removalPolicy,
    });
    // Kept apart from the listing table: another key (so access to one key never opens the other
    // table), no stream (nothing of a dossier flows to the indexer or any consumer), and only the
    // staff function's policy names it.
    // Kept apart from the listing table: another key (so access to one key never opens the other
    // table), no stream (nothing of a dossier flows to the indexer or any consumer), and only the
    // staff function's policy names it.
    ({ key: this.dossierKey, table: this.dossierTable } = customerKeyedTable(this, {
      keyId: 'DossierKey',
      tableId: 'DossierTable',
      name: resourceName(config.stage, 'dossiers'),
      keyDescription: `Encrypts the ${resourceName(config.stage, 'dossiers')} DynamoDB table (client supporters' dossiers: health data).`,
      indexes: DOSSIER_SECONDARY_INDEXES,
      config,
    }));

    const isProd = config.stage === 'prod';
    this.accessLogs = accessLogsBucket(this, 'AccessLogs', config);
    this.photos = new Bucket(this, 'Photos', {
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'photos/',
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: isProd,
      lifecycleRules: [
        { abortIncompleteMultipartUploadAfter: Duration.days(7) },
        // An upload nobody finished (the tab closed between sending and adding) is not kept.
        { prefix: INCOMING_PREFIX, expiration: Duration.days(UNFINISHED_UPLOAD_DAYS) },
        ...(isProd ? [{ noncurrentVersionExpiration: Duration.days(30) }] : []),
      ],
      // The portal sends a photo's bytes here with a signed PUT. The site's CloudFront domain is
      // made after this stack, so any CloudFront domain may send; the signature (one key, one
      // size, ten minutes) is what authorises an upload, CORS only lets the browser send it.
      cors: [{
        allowedMethods: [HttpMethods.PUT],
        allowedOrigins: ['https://*.cloudfront.net', ...(config.siteDomain ? [`https://${config.siteDomain}`] : [])],
        allowedHeaders: ['content-type'],
        maxAge: 600,
      }],
      removalPolicy,
      autoDeleteObjects: !isProd,
    });
    // Never public: CloudFront (origin access control) reads the web sizes for the site's /photos/*
    // behaviour. The distribution lives in the site stack, made after this one, so the grant names
    // the account's distributions rather than its id (which would make the stacks depend both ways).
    this.photos.addToResourcePolicy(new PolicyStatement({
      principals: [new ServicePrincipal('cloudfront.amazonaws.com')],
      actions: ['s3:GetObject'],
      resources: [this.photos.arnForObjects(`${PHOTOS_PREFIX}*`)],
      conditions: { StringLike: { 'AWS:SourceArn': `arn:${this.partition}:cloudfront::${this.account}:distribution/*` } },
    }));

    // The construct id predates the accounts work; renaming it would replace the secret.
    this.authSecret = new Secret(this, 'SessionSecret', {
      description: `The server secret of ${resourceName(config.stage, 'staff')}: keys the hashes of sign-in codes and throttle counters.`,
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy,
    });
    acknowledge(
      this.authSecret,
      'SMG4',
      'Replacing this key voids only sign-in codes of the last ten minutes and the current throttle windows, so it is rotated by hand ' +
        '(docs/deploy.md) rather than by a rotation function: running environments keep the old value until they are recycled, ' +
        'and a scheduled rotation would refuse codes that were sent moments before.',
    );

    this.emailIdentity = new EmailIdentity(this, 'EmailIdentity', { identity: Identity.domain(config.emailDomain) });
    this.fromAddress = `noreply@${config.emailDomain}`;

    const policyName = (purpose: string) => resourceName(config.stage, purpose);
    this.tableReadPolicy = new ManagedPolicy(this, 'TableReadPolicy', {
      managedPolicyName: policyName('table-read'),
      description: `Read ${this.table.tableName}: items, indexes and stream records are decrypted with its key.`,
    });
    this.table.grantReadData(this.tableReadPolicy);
    acknowledge(this.tableReadPolicy, 'IAM5', INDEX_WILDCARD_REASON, [`Resource::${nagResource(this, `${this.table.tableArn}/index/*`)}`]);

    this.tableReadWritePolicy = new ManagedPolicy(this, 'TableReadWritePolicy', {
      managedPolicyName: policyName('table-read-write'),
      description: `Read and write the items of ${this.table.tableName}; not manage the table.`,
    });
    this.table.grantReadWriteData(this.tableReadWritePolicy);
    acknowledge(this.tableReadWritePolicy, 'IAM5', INDEX_WILDCARD_REASON, [`Resource::${nagResource(this, `${this.table.tableArn}/index/*`)}`]);
    acknowledge(
      this.tableReadWritePolicy,
      'IAM5',
      'CDK\'s write grant on a table with a customer-managed key: GenerateDataKey* and ReEncrypt* are the KMS action families ' +
        'DynamoDB needs to write encrypted items, on this one key only.',
      ['Action::kms:GenerateDataKey*', 'Action::kms:ReEncrypt*'],
    );

    this.dossierReadWritePolicy = new ManagedPolicy(this, 'DossierReadWritePolicy', {
      managedPolicyName: policyName('dossiers-read-write'),
      description: `Read and write the items of ${this.dossierTable.tableName} (client supporters' dossiers); not manage the table. For the staff function only.`,
    });
    this.dossierTable.grantReadWriteData(this.dossierReadWritePolicy);
    acknowledge(this.dossierReadWritePolicy, 'IAM5', INDEX_WILDCARD_REASON, [`Resource::${nagResource(this, `${this.dossierTable.tableArn}/index/*`)}`]);
    acknowledge(
      this.dossierReadWritePolicy,
      'IAM5',
      'CDK\'s write grant on a table with a customer-managed key: GenerateDataKey* and ReEncrypt* are the KMS action families ' +
        'DynamoDB needs to write encrypted items, on the dossier table\'s own key only.',
      ['Action::kms:GenerateDataKey*', 'Action::kms:ReEncrypt*'],
    );

    this.photoObjectsPolicy = new ManagedPolicy(this, 'PhotoObjectsPolicy', {
      managedPolicyName: policyName('photo-objects'),
      description: 'Sign uploads to, read and delete incoming/; write and delete photos/ (not by a signed address); not list or configure the bucket.',
    });
    const incoming = this.photos.arnForObjects(`${INCOMING_PREFIX}*`);
    const webSizes = this.photos.arnForObjects(`${PHOTOS_PREFIX}*`);
    this.photoObjectsPolicy.addStatements(
      // A presigned PUT is authorised by the signer's rights: these are the only ones it can use.
      new PolicyStatement({ actions: ['s3:PutObject', 's3:GetObject', 's3:DeleteObject'], resources: [incoming] }),
      // Signed addresses authenticate by query string (REST-QUERY-STRING): none can write here.
      new PolicyStatement({
        actions: ['s3:PutObject', 's3:DeleteObject'],
        resources: [webSizes],
        conditions: { StringEquals: { 's3:authType': 'REST-HEADER' } },
      }),
    );
    acknowledge(
      this.photoObjectsPolicy,
      'IAM5',
      'Uploads and web sizes are objects under generated keys below two prefixes of one bucket; each grant names its prefix and only object actions.',
      [`Resource::${nagResource(this, incoming)}`, `Resource::${nagResource(this, webSizes)}`],
    );

    // Exactly the calls functions/freshness/remind.ts makes through the stores: Query on the table
    // (sent reminders), gsi1 (a region's listing) and gsi2 (regions, an organisation's members);
    // GetItem (accounts); BatchWriteItem (sent reminders: IAM authorises its puts by this action
    // alone, so no PutItem). Nothing updates or deletes, so a flaw in the job cannot change a listing.
    this.tableRemindersPolicy = new ManagedPolicy(this, 'TableRemindersPolicy', {
      managedPolicyName: policyName('table-reminders'),
      description: `The freshness reminders on ${this.table.tableName}: query, get accounts, record sent reminders.`,
    });
    this.tableRemindersPolicy.addStatements(
      new PolicyStatement({
        actions: ['dynamodb:Query'],
        resources: [this.table.tableArn, ...SECONDARY_INDEXES.map((gsi) => `${this.table.tableArn}/index/${gsi.name}`)],
      }),
      new PolicyStatement({ actions: ['dynamodb:GetItem', 'dynamodb:BatchWriteItem'], resources: [this.table.tableArn] }),
      // What CDK's read-write grant gives on the table's key, and only when DynamoDB asks for it.
      new PolicyStatement({
        actions: [...TABLE_KEY_ACTIONS],
        resources: [this.tableKey.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': `dynamodb.${this.region}.${this.urlSuffix}` } },
      }),
    );
    acknowledge(
      this.tableRemindersPolicy,
      'IAM5',
      'GenerateDataKey* and ReEncrypt* are the KMS action families DynamoDB needs to write encrypted items (CDK\'s write grant), ' +
        'on this one key and only through DynamoDB (kms:ViaService).',
      ['Action::kms:GenerateDataKey*', 'Action::kms:ReEncrypt*'],
    );

    this.statisticsCountPolicy = new ManagedPolicy(this, 'StatisticsCountPolicy', {
      managedPolicyName: policyName('statistics-count'),
      description: `Add to the counters of ${this.statisticsTable.tableName}; not read them, not write the listings.`,
      statements: [new PolicyStatement({ actions: ['dynamodb:UpdateItem'], resources: [this.statisticsTable.tableArn] })],
    });
    this.statisticsReadPolicy = new ManagedPolicy(this, 'StatisticsReadPolicy', {
      managedPolicyName: policyName('statistics-read'),
      description: `Query the counters of ${this.statisticsTable.tableName}.`,
      statements: [new PolicyStatement({ actions: ['dynamodb:Query'], resources: [this.statisticsTable.tableArn] })],
    });

    new CfnOutput(this, 'TableName', { value: this.table.tableName, description: 'TABLE_NAME for the import command.' });
    new CfnOutput(this, 'DossierTableName', { value: this.dossierTable.tableName, description: 'DOSSIER_TABLE_NAME of the staff function.' });
    this.emailIdentity.dkimRecords.forEach((record, i) => {
      new CfnOutput(this, `DkimRecord${i + 1}`, {
        value: `${record.name} CNAME ${record.value}`,
        description: `DKIM record ${i + 1} to add to the DNS of ${config.emailDomain}.`,
      });
    });
  }
}

interface CustomerKeyedTableProps {
  /** Construct ids in the stack, kept as they were so the deployed key and table are never replaced. */
  readonly keyId: string;
  readonly tableId: string;
  readonly name: string;
  readonly keyDescription: string;
  readonly indexes: ReadonlyArray<{ name: string; pk: string; sk: string }>;
  /** Only the listing table has one (for the search indexer); a dossier table never does. */
  readonly stream?: StreamViewType;
  readonly config: StageConfig;
}

/**
 * A table under a key of its own (rotating, kept or removed with the stage's data): point-in-time
 * recovery, TTL on the shared attribute, deletion protection per stage, and its indexes. The listing
 * and dossier tables are both made here, so the two can never drift apart in their protections.
 */
function customerKeyedTable(stack: Stack, props: CustomerKeyedTableProps): { key: Key; table: Table } {
  const { config } = props;
  const removalPolicy = config.statefulRemovalPolicy;
  const key = new Key(stack, props.keyId, {
    alias: `alias/${props.name}`,
    description: props.keyDescription,
    enableKeyRotation: true,
    pendingWindow: Duration.days(7),
    removalPolicy,
  });
  const table = new Table(stack, props.tableId, {
    tableName: props.name,
    partitionKey: { name: KEY.pk, type: AttributeType.STRING },
    sortKey: { name: KEY.sk, type: AttributeType.STRING },
    billingMode: BillingMode.PAY_PER_REQUEST,
    encryption: TableEncryption.CUSTOMER_MANAGED,
    encryptionKey: key,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    timeToLiveAttribute: TTL_ATTRIBUTE,
    ...(props.stream ? { stream: props.stream } : {}),
    deletionProtection: config.deletionProtection,
    removalPolicy,
  });
  for (const gsi of props.indexes) {
    table.addGlobalSecondaryIndex({
      indexName: gsi.name,
      partitionKey: { name: gsi.pk, type: AttributeType.STRING },
      sortKey: { name: gsi.sk, type: AttributeType.STRING },
      projectionType: ProjectionType.ALL,
    });
  }
  return { key, table };
}
