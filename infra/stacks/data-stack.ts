// Stateful resources: the single table (customer-managed key, PITR, TTL, stream), the photos
// bucket, the session secret and the SES identity (its DKIM records live in DNS). Kept on stack
// deletion in prod; removed with the stack in dev.
import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, StreamViewType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Key } from 'aws-cdk-lib/aws-kms';
import { BlockPublicAccess, Bucket, BucketEncryption } from 'aws-cdk-lib/aws-s3';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { EmailIdentity, Identity } from 'aws-cdk-lib/aws-ses';
import { type Construct } from 'constructs';
import { type StageConfig } from '../config.ts';
import { resourceName } from '../naming.ts';
import { GSI1, GSI2, KEY, TTL_ATTRIBUTE } from '../constructs/table-keys.ts';

export interface DataStackProps extends StackProps {
  readonly config: StageConfig;
}

export class DataStack extends Stack {
  readonly table: Table;
  readonly tableKey: Key;
  readonly photos: Bucket;
  readonly sessionSecret: Secret;
  readonly emailIdentity: EmailIdentity;
  readonly fromAddress: string;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    const { config } = props;
    const removalPolicy = config.statefulRemovalPolicy;

    this.tableKey = new Key(this, 'TableKey', {
      alias: `alias/${resourceName(config.stage, 'table')}`,
      description: `Encrypts the ${resourceName(config.stage, 'table')} DynamoDB table and its stream.`,
      enableKeyRotation: true,
      pendingWindow: Duration.days(7),
      removalPolicy,
    });

    this.table = new Table(this, 'Table', {
      tableName: resourceName(config.stage, 'table'),
      partitionKey: { name: KEY.pk, type: AttributeType.STRING },
      sortKey: { name: KEY.sk, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.tableKey,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: TTL_ATTRIBUTE,
      stream: StreamViewType.NEW_AND_OLD_IMAGES,
      deletionProtection: config.deletionProtection,
      removalPolicy,
    });
    for (const gsi of [GSI1, GSI2]) {
      this.table.addGlobalSecondaryIndex({
        indexName: gsi.name,
        partitionKey: { name: gsi.pk, type: AttributeType.STRING },
        sortKey: { name: gsi.sk, type: AttributeType.STRING },
        projectionType: ProjectionType.ALL,
      });
    }

    const isProd = config.stage === 'prod';
    this.photos = new Bucket(this, 'Photos', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: isProd,
      lifecycleRules: [
        { abortIncompleteMultipartUploadAfter: Duration.days(7) },
        ...(isProd ? [{ noncurrentVersionExpiration: Duration.days(30) }] : []),
      ],
      removalPolicy,
      autoDeleteObjects: !isProd,
    });

    this.sessionSecret = new Secret(this, 'SessionSecret', {
      description: `Signs the session cookies of ${resourceName(config.stage, 'api')}.`,
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy,
    });

    this.emailIdentity = new EmailIdentity(this, 'EmailIdentity', { identity: Identity.domain(config.emailDomain) });
    this.fromAddress = `noreply@${config.emailDomain}`;

    new CfnOutput(this, 'TableName', { value: this.table.tableName, description: 'TABLE_NAME for the import command.' });
    this.emailIdentity.dkimRecords.forEach((record, i) => {
      new CfnOutput(this, `DkimRecord${i + 1}`, {
        value: `${record.name} CNAME ${record.value}`,
        description: `DKIM record ${i + 1} to add to the DNS of ${config.emailDomain}.`,
      });
    });
  }
}
