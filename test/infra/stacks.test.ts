// The CDK stacks of both stages, asserted promise by promise (issue 5). Each stage is
// synthesised once for the whole file; the suites live in ./suites, one per stack.
import { beforeAll, describe, expect, it } from 'vitest';
import { type Stages, synthBothStages } from './synth-stage.ts';
import { apiStackSuite } from './suites/api-stack.suite.ts';
import { dataStackSuite } from './suites/data-stack.suite.ts';
import { opsStackSuite } from './suites/ops-stack.suite.ts';
import { searchStackSuite } from './suites/search-stack.suite.ts';
import { siteStackSuite } from './suites/site-stack.suite.ts';

let stages: Stages;
// Synthesis takes a few seconds, more on a busy machine: more than the default hook timeout.
beforeAll(() => {
  stages = synthBothStages();
}, 120_000);
const get = () => stages;

dataStackSuite(get);
searchStackSuite(get);
apiStackSuite(get);
siteStackSuite(get);
opsStackSuite(get);

describe('stages', () => {
  it('name the five stacks woonwijzer-<stage>-<purpose> and protect only prod from termination', () => {
    for (const { config, stacks } of [stages.dev, stages.prod]) {
      const all = Object.values(stacks);
      expect(all.map((s) => s.stackName)).toEqual(['data', 'search', 'api', 'site', 'ops'].map((p) => `woonwijzer-${config.stage}-${p}`));
      expect(all.map((s) => s.terminationProtection)).toEqual(all.map(() => config.stage === 'prod'));
      expect(all.map((s) => s.region)).toEqual(all.map(() => 'eu-west-1'));
    }
  });
});
