// Search: the OpenSearch domain (sizes per stage, encryption, HTTPS with TLS 1.2+, fine-grained
// access with an IAM master role), the stream indexer with its failure queue, the reindex task,
// and the least privilege of each.
import { beforeAll, describe, expect, it } from 'vitest';
import { Match } from 'aws-cdk-lib/assertions';
import { INDEXER_STREAM } from '../../../infra/stacks/search-stack.ts';
import { type Stages, type SynthesisedStage, actionsOf, functionStatements, onlyResource, synthStage } from '../synth-stage.ts';

let dev: SynthesisedStage;
let prod: SynthesisedStage;

/** Every action granted to the role of the search stack's function with this name. */
const functionActions = (functionName: string): string[] => functionStatements(prod, 'search', functionName).flatMap(actionsOf);

export function searchStackSuite(stages: () => Stages): void {
  describe('search stack', () => {
    beforeAll(() => {
      ({ dev, prod } = stages());
    });

    describe('the domain', () => {
      it('is a zone-aware two-node cluster over two zones in prod', () => {
        prod.templates.search.hasResourceProperties('AWS::OpenSearchService::Domain', {
          DomainName: 'woonwijzer-prod-search',
          ClusterConfig: Match.objectLike({
            InstanceCount: 2,
            InstanceType: 't3.medium.search',
            ZoneAwarenessEnabled: true,
            ZoneAwarenessConfig: { AvailabilityZoneCount: 2 },
            MultiAZWithStandbyEnabled: false,
          }),
          EBSOptions: { EBSEnabled: true, VolumeSize: 20, VolumeType: 'gp3' },
        });
      });

      it('is a single small node in dev', () => {
        dev.templates.search.hasResourceProperties('AWS::OpenSearchService::Domain', {
          DomainName: 'woonwijzer-dev-search',
          ClusterConfig: Match.objectLike({ InstanceCount: 1, InstanceType: 't3.small.search', ZoneAwarenessEnabled: false }),
        });
      });

      it('grows by context without code changes', () => {
        const grown = synthStage('prod', { searchInstanceType: 'm7g.large.search', searchDataNodes: 4, searchVolumeGiB: 100 });
        grown.templates.search.hasResourceProperties('AWS::OpenSearchService::Domain', {
          ClusterConfig: Match.objectLike({ InstanceCount: 4, InstanceType: 'm7g.large.search' }),
          EBSOptions: Match.objectLike({ VolumeSize: 100 }),
        });
      });

      it('encrypts at rest and between nodes, and speaks HTTPS with TLS 1.2 or newer only', () => {
        prod.templates.search.hasResourceProperties('AWS::OpenSearchService::Domain', {
          EncryptionAtRestOptions: { Enabled: true },
          NodeToNodeEncryptionOptions: { Enabled: true },
          DomainEndpointOptions: { EnforceHTTPS: true, TLSSecurityPolicy: Match.stringLikeRegexp('^Policy-Min-TLS-1-2') },
        });
      });

      it('uses fine-grained access control with an IAM master role, no internal users', () => {
        const master = onlyResource(prod.templates.search, 'AWS::IAM::Role', { RoleName: 'woonwijzer-prod-search-master' });
        prod.templates.search.hasResourceProperties('AWS::OpenSearchService::Domain', {
          AdvancedSecurityOptions: {
            Enabled: true,
            InternalUserDatabaseEnabled: false,
            MasterUserOptions: { MasterUserARN: { 'Fn::GetAtt': [master.logicalId, 'Arn'] } },
          },
        });
      });

      it('maps each function role to its own OpenSearch role', () => {
        prod.templates.search.hasResourceProperties('Custom::SearchRoleMapping', {
          RoleName: 'woonwijzer-prod-indexer',
          IndexPatterns: ['woonwijzer-prod*'],
          AllowedActions: ['crud'],
        });
        prod.templates.search.hasResourceProperties('Custom::SearchRoleMapping', {
          RoleName: 'woonwijzer-prod-reindex',
          AllowedActions: ['crud', 'manage'],
        });
        prod.templates.api.hasResourceProperties('Custom::SearchRoleMapping', {
          RoleName: 'woonwijzer-prod-api',
          AllowedActions: ['read'],
          ClusterPermissions: ['cluster_composite_ops_ro'],
        });
      });
    });

    describe('the indexer', () => {
      it('consumes the table stream in batches, bisecting on error, with retries and partial batch responses', () => {
        prod.templates.search.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
          BatchSize: INDEXER_STREAM.batchSize,
          BisectBatchOnFunctionError: true,
          MaximumRetryAttempts: INDEXER_STREAM.retryAttempts,
          // A record that keeps failing is set aside within hours, so the changes after it flow on.
          MaximumRecordAgeInSeconds: INDEXER_STREAM.maxRecordAge.toSeconds(),
          FunctionResponseTypes: ['ReportBatchItemFailures'],
          StartingPosition: 'TRIM_HORIZON',
          ParallelizationFactor: 1,
        });
      });

      it('sends records it gives up on to an SQS queue', () => {
        const queue = onlyResource(prod.templates.search, 'AWS::SQS::Queue', { QueueName: 'woonwijzer-prod-indexer-failures' });
        prod.templates.search.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
          DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queue.logicalId, 'Arn'] } } },
        });
      });

      it('may change aliases and create indexes only for the first index version, not the whole prefix', () => {
        const mapping = onlyResource(prod.templates.search, 'Custom::SearchRoleMapping', { RoleName: 'woonwijzer-prod-indexer' });
        const props = mapping.resource.Properties as Record<string, unknown>;
        // Alias swaps, index deletes and settings belong to the reindex task.
        expect(props.AllowedActions).not.toContain('indices:admin/aliases');
        expect(props.AllowedActions).not.toContain('manage');
        expect(props.FirstIndexPatterns).toEqual(['woonwijzer-prod-housing-forms-v0', 'woonwijzer-prod-housing-forms']);
        expect(props.FirstIndexActions).toEqual(['create_index', 'indices:admin/aliases']);
        for (const other of ['woonwijzer-prod-reindex']) {
          const role = onlyResource(prod.templates.search, 'Custom::SearchRoleMapping', { RoleName: other });
          expect((role.resource.Properties as Record<string, unknown>).FirstIndexPatterns).toBeUndefined();
        }
      });

      it('may only read the stream and write documents (no HTTP DELETE: removes go through _bulk)', () => {
        const actions = functionActions('woonwijzer-prod-indexer');
        expect(actions.filter((a) => a.startsWith('es:')).sort()).toEqual(['es:ESHttpPost', 'es:ESHttpPut']);
        expect(actions.filter((a) => a.startsWith('dynamodb:')).sort()).toEqual([
          'dynamodb:DescribeStream',
          'dynamodb:GetRecords',
          'dynamodb:GetShardIterator',
          'dynamodb:ListStreams',
        ]);
      });
    });

    describe('the reindex task', () => {
      it('has the longest timeout Lambda allows and reads the table', () => {
        prod.templates.search.hasResourceProperties('AWS::Lambda::Function', {
          FunctionName: 'woonwijzer-prod-reindex',
          Timeout: 900,
          Environment: { Variables: Match.objectLike({ TABLE_NAME: Match.anyValue(), OPENSEARCH_INDEX_PREFIX: 'woonwijzer-prod' }) },
        });
        const actions = functionActions('woonwijzer-prod-reindex');
        expect(actions).toContain('dynamodb:Scan');
        expect(actions).not.toContain('dynamodb:PutItem');
      });
    });
  });
}
