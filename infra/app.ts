// The CDK app (cdk.json runs it): one stage per synth, chosen with `-c stage=dev|prod`. cdk-nag's
// AwsSolutions pack checks it as it synthesises: an unacknowledged finding fails the synth.
import { App } from 'aws-cdk-lib';
import { readStageConfig } from './config.ts';
import { createStacks } from './create-stacks.ts';
import { addNagChecks } from './nag.ts';

const app = new App();
addNagChecks(app);
createStacks(app, readStageConfig(app.node));
app.synth();
