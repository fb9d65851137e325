import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["conformance/**/*.test.ts", "embedded/**/*.test.ts", "e2e/**/*.test.ts", "chaos/**/*.test.ts"],
    globalSetup: ["../packages/db/src/vitest-global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // Suites start real servers; run files one after another on this 2-core machine.
    fileParallelism: false,
  },
});
