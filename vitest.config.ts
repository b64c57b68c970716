// Vitest: every *.test.ts under test/, with one DynamoDB Local started for the whole run.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/dynamodb-global-setup.ts'],
    testTimeout: 20_000,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ASTRO_TELEMETRY_DISABLED: '1' },
    // The first run downloads DynamoDB Local (~54 MB) and starting the JVM takes ~2 s.
    hookTimeout: 60_000,
  },
});
