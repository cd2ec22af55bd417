import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));
const shared = {
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // `server-only` throws outside React Server Components; tests are server code.
      { find: /^server-only$/, replacement: `${root}/test/empty-module.ts` },
    ],
  },
};

export default defineConfig({
  test: {
    projects: [
      {
        ...shared,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "eslint-rules/**/*.test.ts"],
          exclude: ["**/*.integration.test.ts"],
          // A hang guard, not a speed target (those live in `npm run bench`): generating the whole demo
          // took 6 s on a shared, loaded machine against vitest's default 5 s.
          testTimeout: 30_000,
        },
      },
      {
        ...shared,
        test: {
          name: "integration-pglite",
          include: ["**/*.integration.test.ts"],
          exclude: ["node_modules/**"],
          env: { PGLITE_DIR: "memory://", DATABASE_URL: "" },
          setupFiles: ["test/integration-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        ...shared,
        test: {
          name: "integration-postgres",
          include: ["**/*.integration.test.ts"],
          exclude: ["node_modules/**"],
          globalSetup: ["test/postgres-global-setup.ts"],
          setupFiles: ["test/integration-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
