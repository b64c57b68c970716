// The CDK stacks of both stages, asserted promise by promise (issue 5). Each stage is
// synthesised once for the whole file; the suites live in ./suites, one per stack.
import { beforeAll, describe, expect, it } from 'vitest';
import { type Stages, synthBothStages } from './synth-stage.ts';
import { apiStackSuite } from './suites/api-stack.suite.ts';
import { nagSuite } from './suites/nag.suite.ts';
import { dataStackSuite } from './suites/data-stack.suite.ts';
import { opsStackSuite } from './suites/ops-stack.suite.ts';
import { remindersSuite } from './suites/reminders.suite.ts';
import { searchStackSuite } from './suites/search-stack.suite.ts';
import { siteBuilderSuite } from './suites/site-builder.suite.ts';
import { siteStackSuite } from './suites/site-stack.suite.ts';
import { wafStackSuite } from './suites/waf-stack.suite.ts';

let stages: Stages;
// Synthesis takes a few seconds, more on a busy machine: more than the default hook timeout.
beforeAll(() => {
  stages = synthBothStages();
}, 120_000);
const get = () => stages;

dataStackSuite(get);
searchStackSuite(get);
apiStackSuite(get);
wafStackSuite(get);
siteStackSuite(get);
siteBuilderSuite(get);
opsStackSuite(get);
remindersSuite(get);
nagSuite(get);

describe('stages', () => {
  it('name the six stacks woonwijzer-<stage>-<purpose> and protect only prod from termination', () => {
    for (const { config, stacks } of [stages.dev, stages.prod]) {
      const all = Object.values(stacks);
      expect(all.map((s) => s.stackName)).toEqual(['data', 'search', 'api', 'waf', 'site', 'ops'].map((p) => `woonwijzer-${config.stage}-${p}`));
      expect(all.map((s) => s.terminationProtection)).toEqual(all.map(() => config.stage === 'prod'));
    }
  });

  it('put every stack in the stage region but the web ACL, which CloudFront takes from us-east-1 only', () => {
    for (const { stacks } of [stages.dev, stages.prod]) {
      expect(Object.fromEntries(Object.entries(stacks).map(([key, s]) => [key, s.region]))).toEqual({
        data: 'eu-west-1',
        search: 'eu-west-1',
        api: 'eu-west-1',
        waf: 'us-east-1',
        site: 'eu-west-1',
        ops: 'eu-west-1',
      });
    }
  });
});
