// The bucket S3 server access logs of a stack's buckets go to: private, SSL only, S3-managed
// encryption (log delivery cannot use KMS keys), expiring with the stage's log retention.
import { Duration } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { type Construct } from 'constructs';
import { type StageConfig } from '../config.ts';
import { acknowledge } from '../nag.ts';

export function accessLogsBucket(scope: Construct, id: string, config: StageConfig): Bucket {
  const isProd = config.stage === 'prod';
  const bucket = new Bucket(scope, id, {
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    encryption: BucketEncryption.S3_MANAGED,
    objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
    enforceSSL: true,
    minimumTLSVersion: 1.2,
    // RetentionDays values are days.
    lifecycleRules: [{ expiration: Duration.days(config.logRetention) }],
    removalPolicy: config.statefulRemovalPolicy,
    autoDeleteObjects: !isProd,
  });
  acknowledge(bucket, 'S1', 'This is the access-log bucket itself: logging its access would log the log deliveries.');
  return bucket;
}
