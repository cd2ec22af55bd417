// ESLint: Next's recommended rules (core web vitals + TypeScript), the layer boundaries of the house
// (README, "Layout"), logical CSS only, and no `any`. `npm run lint` runs it; .ci/run runs it before the tests.
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";
import local from "./eslint-rules/index.mjs";

// Packages and the generated client, by name (no-restricted-imports).
const PRISMA = {
  regex: "^@prisma/|(^|/)generated/prisma(/|$)|^pglite-prisma-adapter$",
  message: "Only lib/data (and lib/db, migrations, seeds, bench and tests) may use the Prisma client.",
};
const FRAMEWORK = {
  regex: "^(next|react|react-dom|next-intl|next-auth|server-only)(/|$)",
  message: "lib/domain is pure: no framework imports (pass values in, return values out).",
};
const IO = {
  regex:
    "^(node:)?(fs|fs/promises|child_process|net|http|https|dgram|worker_threads)$|^pg$|^@electric-sql/|^nodemailer",
  message: "lib/domain does no I/O: take values, return values.",
};
const restrict = (...patterns) => ["error", { patterns }];

// Folders of this repository, by resolved path (import/no-restricted-paths, so `../db`, `../../data/x` and
// `@/lib/data/x` are all caught, and `lib/domain/auth` is not mistaken for `lib/auth`).
const STORAGE = ["./lib/data", "./lib/db.ts", "./lib/db", "./lib/generated"];
const DB = ["./lib/db.ts", "./lib/db", "./lib/generated"];
const ABOVE_DOMAIN = [
  "./lib/actions",
  "./lib/jobs",
  "./lib/auth",
  "./lib/api",
  "./lib/mcp",
  "./lib/lifecycle",
  "./lib/journeys",
  "./lib/dispatch",
  "./lib/shadow",
  "./lib/proposals",
];
// What a proposal kind is (lib/proposals/kinds/) is pure; creating one and running its effects is not.
const PROPOSAL_WORK = ["./lib/proposals/propose.ts", "./lib/proposals/effects.ts"];
const zones = [
  {
    target: "./lib/domain",
    from: [...STORAGE, ...ABOVE_DOMAIN],
    message: "lib/domain is pure rules: no storage, no layer above it. Take values, return values.",
  },
  {
    target: "./lib/proposals/kinds",
    from: [...STORAGE, ...ABOVE_DOMAIN.filter((f) => f !== "./lib/proposals"), ...PROPOSAL_WORK],
    message: "A proposal kind is a pure declaration: its effects live in lib/proposals/effects.ts.",
  },
  {
    target: "./components",
    from: [...STORAGE, "./lib/actions", ...PROPOSAL_WORK],
    message: "Components get data as props (DTO types live in lib/domain/<area>/types.ts) and call app/**/actions.ts.",
  },
  {
    target: ["./app", ...ABOVE_DOMAIN],
    from: DB,
    message: "Only lib/data talks to the database: call a data function instead of the db handle.",
  },
];

// Database calls by shape (no-restricted-syntax): a Prisma model call on a transaction
// (`tx.account.findUnique(…)`, also `ctx.tx.…`) and raw SQL (`$queryRaw`, `$executeRaw` and their
// Unsafe forms). The import zones above keep the db handle out; these keep a transaction that was handed
// in from being queried directly.
const DB_OPS = "find|create|update|delete|upsert|count|aggregate|groupBy";
const DATA_ONLY =
  "Only lib/data talks to the database: move this query into a named function in lib/data that takes the caller's transaction.";
const DB_CALLS = [
  {
    selector: `CallExpression > MemberExpression.callee[property.name=/^(${DB_OPS})/] > MemberExpression.object[object.name='tx']`,
    message: DATA_ONLY,
  },
  {
    selector: `CallExpression > MemberExpression.callee[property.name=/^(${DB_OPS})/] > MemberExpression.object[object.property.name='tx']`,
    message: DATA_ONLY,
  },
  { selector: "MemberExpression[property.name=/^\\$(queryRaw|executeRaw)/]", message: DATA_ONLY },
];

const TESTS = ["**/*.test.ts", "**/*.test.tsx", "test/**", "e2e/**", "**/test-fixtures.ts"];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    "lib/generated/**",
    "dist/**", // the CLI bundles (scripts/build-cli.mjs): generated, like the Prisma client
    "next-env.d.ts",
    "data/**",
    "playwright-report/**",
    "test-results/**",
    "eslint-rules/fixtures/**",
  ]),
  {
    plugins: { local },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["e2e/**"],
    // Playwright fixtures receive a `use` callback; it is not React's `use` hook.
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  // Layer boundaries.
  {
    files: ["**/*.{ts,tsx,mjs}"],
    ignores: ["lib/data/**", "lib/db.ts", "lib/db/**", "scripts/**", "prisma/**", ...TESTS],
    rules: {
      "no-restricted-imports": restrict(PRISMA),
      "import/no-restricted-paths": ["error", { zones }],
    },
  },
  {
    files: ["lib/domain/**", "lib/proposals/kinds/**"],
    ignores: TESTS,
    rules: { "no-restricted-imports": restrict(PRISMA, FRAMEWORK, IO) },
  },
  {
    files: ["lib/actions/**", "lib/jobs/**", "lib/proposals/**", "lib/mcp/**", "lib/api/**", "app/**", "components/**"],
    rules: { "no-restricted-syntax": ["error", ...DB_CALLS] },
  },
  // Arabic and English: classes that mirror with `dir` (README, "Arabic and English").
  {
    files: ["app/**/*.tsx", "components/**/*.tsx", "eslint-rules/fixtures/**"],
    rules: { "local/logical-classes": "error" },
  },
]);
