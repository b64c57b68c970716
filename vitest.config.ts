// Vitest: the suites as projects, so the pure tests run in seconds without DynamoDB Local.
//   unit       test/unit, test/site: no database, no browser, no synthesis (`npm run test:unit`)
//   contract   the search-engine contract (embedded always, OpenSearch when OPENSEARCH_URL is set)
//   infra      CDK synthesis and Lambda bundles (slow to synthesise, no database)
//   connected  the API, import and indexer over DynamoDB Local
//   browser    the built site in Chromium (also over DynamoDB Local)
// A project's globalSetup runs only when that project has files in the run, so DynamoDB Local
// starts only for connected and browser; both share one instance (see the setup file).
import { defineConfig } from 'vitest/config';

const DYNAMODB_SETUP = 'test/setup/dynamodb-global-setup.ts';

export default defineConfig({
  test: {
    testTimeout: 20_000,
    // The first run downloads DynamoDB Local (~55 MB) and starting the JVM takes ~2 s.
    hookTimeout: 60_000,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ASTRO_TELEMETRY_DISABLED: '1' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/site/**/*.test.ts'],
          // Files share a worker and its loaded modules: 4-5 s instead of 12-16 s on this machine.
          // So a unit test leaves no global state behind (vi.stubEnv and vi.unstubAllEnvs, not
          // process.env; timers and spies restored).
          isolate: false,
        },
      },
      { extends: true, test: { name: 'contract', include: ['test/contract/**/*.test.ts'] } },
      { extends: true, test: { name: 'infra', include: ['test/infra/**/*.test.ts'] } },
      { extends: true, test: { name: 'connected', include: ['test/connected/**/*.test.ts'], globalSetup: [DYNAMODB_SETUP] } },
      // A browser case walks several pages with axe on each: 20 s was missed on a loaded 2-core machine.
      { extends: true, test: { name: 'browser', include: ['test/browser/**/*.test.ts'], globalSetup: [DYNAMODB_SETUP], testTimeout: 60_000 } },
    ],
  },
});
