// Data: the single table (keys from the app's table design, on-demand, PITR, customer-managed
// key with rotation, TTL, stream), the dossier table kept apart (its own key, no stream, one
// policy), photos, server secret, SES; what prod keeps and dev drops.
import { beforeAll, describe, expect, it } from 'vitest';
import { Match } from 'aws-cdk-lib/assertions';
import { DOSSIER_SECONDARY_INDEXES, GSI1, GSI2, KEY, SECONDARY_INDEXES, TTL_ATTRIBUTE } from '../../../functions/store/dynamodb/table-design.ts';
import { type Stages, type Statement, type SynthesisedStage, actionsOf, onlyResource } from '../synth-stage.ts';

let dev: SynthesisedStage;
let prod: SynthesisedStage;

export function dataStackSuite(stages: () => Stages): void {
  describe('data stack', () => {
    beforeAll(() => {
      ({ dev, prod } = stages());
    });

    describe('the table', () => {
      it('has the key schema and both indexes of the app table design', () => {
        prod.templates.data.hasResourceProperties('AWS::DynamoDB::Table', {
          TableName: 'woonwijzer-prod-table',
          KeySchema: [
            { AttributeName: KEY.pk, KeyType: 'HASH' },
            { AttributeName: KEY.sk, KeyType: 'RANGE' },
          ],
          AttributeDefinitions: Match.arrayWith([
            { AttributeName: KEY.pk, AttributeType: 'S' },
            { AttributeName: GSI1.pk, AttributeType: 'S' },
            { AttributeName: GSI2.sk, AttributeType: 'S' },
          ]),
          GlobalSecondaryIndexes: SECONDARY_INDEXES.map((gsi) => ({
            IndexName: gsi.name,
            KeySchema: [
              { AttributeName: gsi.pk, KeyType: 'HASH' },
              { AttributeName: gsi.sk, KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          })),
        });
      });

      it('is on-demand', () => {
        prod.templates.data.hasResourceProperties('AWS::DynamoDB::Table', { BillingMode: 'PAY_PER_REQUEST' });
      });

      it('has point-in-time recovery in both stages', () => {
        for (const { templates } of [dev, prod]) {
          templates.data.hasResourceProperties('AWS::DynamoDB::Table', {
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          });
        }
      });

      it('is encrypted with the customer-managed key, which rotates', () => {
        const key = onlyResource(prod.templates.data, 'AWS::KMS::Key', { EnableKeyRotation: true, Description: Match.stringLikeRegexp('woonwijzer-prod-table ') });
        prod.templates.data.hasResourceProperties('AWS::DynamoDB::Table', {
          TableName: 'woonwijzer-prod-table',
          SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: { 'Fn::GetAtt': [key.logicalId, 'Arn'] } },
        });
      });

      it('expires items by the TTL attribute', () => {
        prod.templates.data.hasResourceProperties('AWS::DynamoDB::Table', {
          TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
        });
      });

      it('streams new and old images', () => {
        prod.templates.data.hasResourceProperties('AWS::DynamoDB::Table', {
          StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
        });
      });

      it('is deletion-protected and retained in prod', () => {
        prod.templates.data.hasResource('AWS::DynamoDB::Table', {
          Properties: Match.objectLike({ DeletionProtectionEnabled: true }),
          DeletionPolicy: 'Retain',
          UpdateReplacePolicy: 'Retain',
        });
        prod.templates.data.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain' });
      });

      it('is removed with the stack in dev', () => {
        dev.templates.data.hasResource('AWS::DynamoDB::Table', {
          Properties: Match.objectLike({ TableName: 'woonwijzer-dev-table', DeletionProtectionEnabled: false }),
          DeletionPolicy: 'Delete',
        });
        dev.templates.data.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Delete' });
      });
    });

    describe('the statistics table', () => {
      it('holds the demand counters apart: no stream (no indexer or rebuilder sees a count), TTL, PITR', () => {
        const { resource } = onlyResource(prod.templates.data, 'AWS::DynamoDB::Table', { TableName: 'woonwijzer-prod-statistics' });
        const properties = resource.Properties as Record<string, unknown>;
        expect(properties).toMatchObject({
          KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
          BillingMode: 'PAY_PER_REQUEST',
          TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        });
        expect(properties).not.toHaveProperty('StreamSpecification');
      });

      it('may be added to by the public function and read by the staff function, nothing more', () => {
        prod.templates.data.hasResourceProperties('AWS::IAM::ManagedPolicy', {
          ManagedPolicyName: 'woonwijzer-prod-statistics-count',
          PolicyDocument: { Statement: [Match.objectLike({ Action: 'dynamodb:UpdateItem', Effect: 'Allow' })] },
        });
        prod.templates.data.hasResourceProperties('AWS::IAM::ManagedPolicy', {
          ManagedPolicyName: 'woonwijzer-prod-statistics-read',
          PolicyDocument: { Statement: [Match.objectLike({ Action: 'dynamodb:Query', Effect: 'Allow' })] },
        });
      });
    });

    describe('the dossier table', () => {
      const dossierTable = (stage: SynthesisedStage = prod) => onlyResource(stage.templates.data, 'AWS::DynamoDB::Table', { TableName: `woonwijzer-${stage.config.stage}-dossiers` });
      const dossierKey = (stage: SynthesisedStage = prod) =>
        onlyResource(stage.templates.data, 'AWS::KMS::Key', { Description: Match.stringLikeRegexp(`woonwijzer-${stage.config.stage}-dossiers `) });

      it('has the app\'s key schema and its two indexes (dossiers, inbox), on demand, with point-in-time recovery and TTL, and no stream', () => {
        const props = dossierTable().resource.Properties as Record<string, unknown>;
        expect(props).toMatchObject({
          KeySchema: [{ AttributeName: KEY.pk, KeyType: 'HASH' }, { AttributeName: KEY.sk, KeyType: 'RANGE' }],
          GlobalSecondaryIndexes: DOSSIER_SECONDARY_INDEXES.map((gsi) => expect.objectContaining({ IndexName: gsi.name })),
          BillingMode: 'PAY_PER_REQUEST',
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
        });
        expect(props.StreamSpecification).toBeUndefined();
        expect(props.KinesisStreamSpecification).toBeUndefined();
      });

      it('is encrypted with a customer-managed key of its own, which rotates', () => {
        const key = dossierKey();
        const listingKey = onlyResource(prod.templates.data, 'AWS::KMS::Key', { Description: Match.stringLikeRegexp('woonwijzer-prod-table ') });
        expect(key.logicalId).not.toBe(listingKey.logicalId);
        expect(key.resource.Properties).toMatchObject({ EnableKeyRotation: true });
        expect((dossierTable().resource.Properties as Record<string, unknown>).SSESpecification)
          .toEqual({ SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: { 'Fn::GetAtt': [key.logicalId, 'Arn'] } });
      });

      it('is deletion-protected and retained with its key in prod, removed in dev', () => {
        expect(dossierTable().resource).toMatchObject({ Properties: { DeletionProtectionEnabled: true }, DeletionPolicy: 'Retain' });
        expect(dossierKey().resource).toMatchObject({ DeletionPolicy: 'Retain' });
        expect(dossierTable(dev).resource).toMatchObject({ Properties: { DeletionProtectionEnabled: false }, DeletionPolicy: 'Delete' });
      });

      it('has one policy to use it, reading and writing items through its own key only', () => {
        const table = dossierTable();
        const key = dossierKey();
        const policies = Object.values(prod.templates.data.findResources('AWS::IAM::ManagedPolicy'))
          .filter((p) => JSON.stringify(p).includes(table.logicalId) || JSON.stringify(p).includes(key.logicalId));
        expect(policies).toHaveLength(1);
        const statements = (policies[0] as { Properties: { ManagedPolicyName: string; PolicyDocument: { Statement: Statement[] } } }).Properties;
        expect(statements.ManagedPolicyName).toBe('woonwijzer-prod-dossiers-read-write');
        const actions = statements.PolicyDocument.Statement.flatMap(actionsOf);
        expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'kms:Decrypt', 'kms:Encrypt']));
        expect(actions.filter((a) => /CreateTable|DeleteTable|UpdateTable|\*$/.test(a) && !/^kms:(GenerateDataKey|ReEncrypt)\*$/.test(a))).toEqual([]);
        expect(JSON.stringify(statements.PolicyDocument)).not.toContain(onlyResource(prod.templates.data, 'AWS::DynamoDB::Table', { TableName: 'woonwijzer-prod-table' }).logicalId);
      });
    });

    describe('photos, server secret and email', () => {
      it('keeps photos in a private bucket that refuses plain HTTP', () => {
        prod.templates.data.hasResourceProperties('AWS::S3::Bucket', {
          PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
          VersioningConfiguration: { Status: 'Enabled' },
        });
        prod.templates.data.hasResourceProperties('AWS::S3::BucketPolicy', {
          PolicyDocument: {
            Statement: Match.arrayWith([
              Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
            ]),
          },
        });
        prod.templates.data.hasResource('AWS::S3::Bucket', { DeletionPolicy: 'Retain' });
        dev.templates.data.hasResource('AWS::S3::Bucket', { DeletionPolicy: 'Delete' });
        // Photos and their access logs are emptied with a dev stack, kept with prod.
        dev.templates.data.resourceCountIs('Custom::S3AutoDeleteObjects', 2);
        prod.templates.data.resourceCountIs('Custom::S3AutoDeleteObjects', 0);
      });

      it('logs access to the photos into a private log bucket that expires them with the log retention', () => {
        const logs = onlyResource(prod.templates.data, 'AWS::S3::Bucket', {
          LifecycleConfiguration: { Rules: [Match.objectLike({ ExpirationInDays: 90, Status: 'Enabled' })] },
        });
        prod.templates.data.hasResourceProperties('AWS::S3::Bucket', {
          VersioningConfiguration: { Status: 'Enabled' },
          LoggingConfiguration: { DestinationBucketName: { Ref: logs.logicalId }, LogFilePrefix: 'photos/' },
        });
        expect((logs.resource.Properties as Record<string, unknown>).PublicAccessBlockConfiguration).toEqual({
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        });
      });

      it('generates the staff function\'s server secret in Secrets Manager', () => {
        prod.templates.data.hasResourceProperties('AWS::SecretsManager::Secret', {
          GenerateSecretString: { PasswordLength: 64, ExcludePunctuation: true },
        });
      });

      it('registers the SES domain identity from context, with DKIM records as outputs', () => {
        prod.templates.data.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'mail.example.nl' });
        dev.templates.data.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'dev.woonwijzer.nl' });
        expect(Object.keys(prod.templates.data.findOutputs('*')).filter((id) => id.startsWith('DkimRecord'))).toHaveLength(3);
      });
    });
  });
}
