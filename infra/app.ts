// The CDK app (cdk.json runs it): one stage per synth, chosen with `-c stage=dev|prod`.
import { App } from 'aws-cdk-lib';
import { readStageConfig } from './config.ts';
import { createStacks } from './create-stacks.ts';

const app = new App();
createStacks(app, readStageConfig(app.node));
app.synth();
