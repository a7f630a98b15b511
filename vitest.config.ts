// Test runner configuration.
//
// Two projects sharing the settings below: "unit" (every test but the *.e2e.test.ts files) runs first, at most two files at a time
// (2-core machine); "e2e" (tests/**/*.e2e.test.ts, browser tests that need the built app and starts one `next start` per file) runs after it
// (groupOrder 1), one file at a time.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: { alias: [{ find: /^@\//, replacement: root }] },
  test: {
    environment: "node",
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
    // No test may reach the real market-data provider: tests that exercise it point it at a local server.
    env: { MARKET_PROVIDER: "none" },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/**/*.test.ts"],
          exclude: ["tests/**/*.e2e.test.ts", "**/node_modules/**"],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/**/*.e2e.test.ts"],
          fileParallelism: false,
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
