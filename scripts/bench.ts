// npm run bench — a performance report, not a test: prints the figures and PASS/FAIL against the
// targets, and exits 0 unless something breaks (a step fails or a page answers wrongly).
//
//   1. seed 100 000 accounts into a fresh PostgreSQL database (timed)
//   2. seed 100 000 accounts into a fresh temporary PGlite directory (timed), then delete it
//   3. start the production build on that PostgreSQL database (as `npm start` does)
//   4. sign in as the demo CSM, warm up, then time ≥ 200 accounts-list requests (TTFB)
//   5. stop the server and drop the database — always, also on failure or Ctrl-C
//   (after the summary: approval round trip, ledger appends and verify speed — scripts/bench/approvals.ts;
//    at-risk snapshot over every account and task regeneration — scripts/bench/success.ts; a 2 000-row
//    ticket import with a concurrent query — scripts/bench/support-import.ts; the copy guard's precision
//    and recall on its labelled corpus — scripts/bench/copy-guard.ts, also alone: npx tsx scripts/bench/copy-guard.ts)
//
// Environment: BENCH_POSTGRES_URL (server, default postgresql://postgres@127.0.0.1:5432/postgres),
// BENCH_PORT (3200), BENCH_ACCOUNTS (100000), BENCH_ROUNDS (3 passes over ~100 views),
// BENCH_SKIP_PGLITE=1 to leave out the PGlite seed; BENCH_SKIP_SHADOW=1 to leave out the nudge
// decide and shadow compare benchmarks (the latter writes ~0.9 GB of logs to /tmp once and reuses them).
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { benchApprovals } from "./bench/approvals";
import { benchCopyGuard } from "./bench/copy-guard";
import { benchJourneys } from "./bench/journeys";
import { benchSuccess } from "./bench/success";
import { benchSupportHealth } from "./bench/support-health";
import { benchSupportImport } from "./bench/support-import";
import { benchDecide } from "./bench/nudges-decide";
import { benchCompare } from "./bench/shadow-compare";
import { benchIngest } from "./bench/shadow-ingest";
import { BenchClient, signIn } from "./bench/http";
import { measureViews, type TSample } from "./bench/measure";
import {
  countAccounts,
  createDatabase,
  databaseUrl,
  dropDatabase,
  hostLabel,
  pickCsm,
  vacuumAnalyze,
  withClient,
} from "./bench/postgres";
import { heading, ms, seconds, table, verdict } from "./bench/report";
import { timeSeed, type TSeedTiming } from "./bench/seed";
import { assertPortFree, startServer, waitForHealth, type TServer } from "./bench/server";
import { groupBy, summarize } from "./bench/stats";
import { benchSequence } from "./bench/views";

const TARGET_TTFB_P95_MS = 150;
const TARGET_SEED_S = 60;
const SEED = 7;
const WARMUP_REQUESTS = 10;
const SIGN_IN = { email: "csm@demo.test", password: "lifecycle-demo" };

const config = {
  postgres: process.env.BENCH_POSTGRES_URL || "postgresql://postgres@127.0.0.1:5432/postgres",
  port: Number(process.env.BENCH_PORT || 3200),
  accounts: Number(process.env.BENCH_ACCOUNTS || 100_000),
  rounds: Number(process.env.BENCH_ROUNDS || 3),
  skipPglite: process.env.BENCH_SKIP_PGLITE === "1",
  // First start may build the app (about a minute, more on a busy machine).
  startTimeoutMs: Number(process.env.BENCH_START_TIMEOUT_S || 600) * 1000,
};

const log = (line: string) => console.log(line);
const load = () =>
  `load average ${loadavg()
    .map((n) => n.toFixed(2))
    .join(" / ")} (1 / 5 / 15 min)`;
const fmtInt = (n: number) => n.toLocaleString("en-US").replace(/,/g, " ");

// Clean-up steps run once, in reverse order: from `finally`, or on Ctrl-C / SIGTERM.
const cleanups: { label: string; run: () => Promise<void> | void }[] = [];
let cleaningUp: Promise<void> | undefined;
function cleanUp(): Promise<void> {
  cleaningUp ??= (async () => {
    for (const step of cleanups.reverse()) {
      try {
        await step.run();
        log(`  ${step.label}: done`);
      } catch (error) {
        console.error(`  ${step.label}: FAILED (${(error as Error).message})`);
      }
    }
  })();
  return cleaningUp;
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: cleaning up…`);
    void cleanUp().finally(() => process.exit(130));
  });
}

// A base environment for children without this shell's database choice; each step sets its own.
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { DATABASE_URL: _url, PGLITE_DIR: _dir, PORT: _port, NEXTAUTH_URL: _next, ...rest } = process.env;
  return { ...rest, NEXT_TELEMETRY_DISABLED: "1", ...extra };
}

type TResults = { seedPg?: TSeedTiming; seedLite?: TSeedTiming; samples?: TSample[] };
// Module-level so a failure late in the run still reports the figures measured before it.
const results: TResults = {};

async function main(): Promise<number> {
  const authSecret = randomBytes(48).toString("base64");
  const dbName = `lifecycle_bench_${Date.now()}_${process.pid}`;
  const benchUrl = databaseUrl(config.postgres, dbName);
  const baseUrl = `http://127.0.0.1:${config.port}`;

  heading("Lifecycle Console benchmark");
  const pgVersion = await withClient(
    config.postgres,
    async (c) => (await c.query<{ server_version: string }>("SHOW server_version")).rows[0]?.server_version,
  );
  const commit = spawnSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).stdout.trim() || "unknown";
  const dirty = spawnSync("git", ["status", "--porcelain"], { encoding: "utf8" }).stdout.trim()
    ? " (uncommitted changes)"
    : "";
  log(`  commit      ${commit}${dirty}`);
  log(`  machine     ${cpus().length} CPU(s) ${cpus()[0]?.model ?? ""}, Node ${process.version}, ${load()}`);
  log(`  PostgreSQL  ${pgVersion} at ${hostLabel(config.postgres)}, bench database ${dbName}`);
  log(`  accounts    ${fmtInt(config.accounts)} (seed ${SEED}); server on port ${config.port}`);

  await assertPortFree(config.port);

  heading(`1. Seed ${fmtInt(config.accounts)} accounts into PostgreSQL`);
  await createDatabase(config.postgres, dbName);
  cleanups.push({ label: `drop database ${dbName}`, run: () => dropDatabase(config.postgres, dbName) });
  log(`  created database ${dbName}`);
  results.seedPg = await timeSeed({
    accounts: config.accounts,
    seed: SEED,
    env: childEnv({ DATABASE_URL: benchUrl, AUTH_SECRET: authSecret }),
    print: log,
  });
  const seeded = await countAccounts(benchUrl);
  if (seeded !== config.accounts)
    throw new Error(`expected ${config.accounts} accounts after seeding, found ${seeded}`);
  const analyzeStarted = performance.now();
  await vacuumAnalyze(benchUrl);
  log(
    `  VACUUM (ANALYZE) accounts: ${seconds((performance.now() - analyzeStarted) / 1000)} (statistics as in a database in service)`,
  );

  if (config.skipPglite) {
    heading("2. Seed into PGlite: skipped (BENCH_SKIP_PGLITE=1)");
  } else {
    heading(`2. Seed ${fmtInt(config.accounts)} accounts into PGlite`);
    const dir = mkdtempSync(join(tmpdir(), "lifecycle-bench-pglite-"));
    const removeDir = { label: `remove ${dir}`, run: () => rmSync(dir, { recursive: true, force: true }) };
    cleanups.push(removeDir);
    results.seedLite = await timeSeed({
      accounts: config.accounts,
      seed: SEED,
      env: childEnv({ DATABASE_URL: "", PGLITE_DIR: dir }),
      print: log,
    });
    cleanups.splice(cleanups.indexOf(removeDir), 1);
    removeDir.run();
    log(`  removed ${dir}`);
  }

  heading("3. Start the production server on PostgreSQL");
  const server: TServer = startServer(
    childEnv({
      DATABASE_URL: benchUrl,
      PORT: String(config.port),
      NEXTAUTH_URL: baseUrl,
      AUTH_SECRET: authSecret,
      NODE_ENV: "production",
      DEMO: "1",
    }),
    log,
  );
  cleanups.push({ label: "stop the server (process group)", run: () => server.stop() });
  const startStarted = performance.now();
  const health = await waitForHealth(baseUrl, server, config.startTimeoutMs);
  if (health.database?.engine !== "postgresql") {
    throw new Error(`/api/health reports engine ${health.database?.engine ?? "unknown"}, expected postgresql`);
  }
  log(`  healthy after ${seconds((performance.now() - startStarted) / 1000)}: ${JSON.stringify(health)}`);

  heading("4. Sign in and warm up");
  const client = new BenchClient(baseUrl);
  cleanups.push({ label: "close the HTTP client", run: () => client.close() });
  await signIn(client, SIGN_IN.email, SIGN_IN.password);
  log(`  signed in as ${SIGN_IN.email}`);
  const csm = await pickCsm(benchUrl, SIGN_IN.email);
  log(`  CSM filter: ${csm.email} (${csm.id}, ${fmtInt(csm.accounts)} accounts)`);
  const warmup = await measureViews(client, benchSequence(csm.id, 1, 99).slice(0, WARMUP_REQUESTS));
  const warmupFailures = warmup.filter((s) => !s.ok);
  if (warmupFailures.length > 0) {
    throw new Error(`warm-up request failed: ${warmupFailures[0]!.path}: ${warmupFailures[0]!.problem}`);
  }
  log(`  ${warmup.length} warm-up requests: ${warmup.map((s) => Math.round(s.ttfbMs)).join(", ")} ms (not counted)`);

  const sequence = benchSequence(csm.id, config.rounds);
  heading(`5. Accounts list TTFB: ${sequence.length} sequential requests, one client`);
  log(`  before: ${load()}`);
  results.samples = await measureViews(client, sequence, (done) => {
    if (done % 50 === 0 || done === sequence.length) log(`  ${done}/${sequence.length}`);
  });
  log(`  after:  ${load()} (other work on the machine inflates the figures)`);
  printLatency(results.samples);

  heading("Summary");
  printSummary(results);
  await benchApprovals({ env: childEnv({ DATABASE_URL: benchUrl, AUTH_SECRET: authSecret }), print: log });
  await benchJourneys({ env: childEnv({ DATABASE_URL: benchUrl, AUTH_SECRET: authSecret }), print: log });
  await benchSuccess({ env: childEnv({ DATABASE_URL: benchUrl, AUTH_SECRET: authSecret }), print: log });
  await benchSupportHealth({ env: childEnv({ DATABASE_URL: benchUrl }), print: log, step: "6b" });
  await benchSupportImport({ env: childEnv({ DATABASE_URL: benchUrl }), print: log, step: "6c" });
  // Pure CPU work, no database: the copy guard's corpus, the nudge heuristic and the shadow agreement report.
  await benchCopyGuard({ step: "6d" });
  if (process.env.BENCH_SKIP_SHADOW !== "1") {
    await benchDecide({ step: "decide" });
    await benchCompare();
    await benchIngest();
  }

  const failures = results.samples.filter((s) => !s.ok);
  if (failures.length > 0) {
    heading(`${failures.length} response(s) were not the accounts page`);
    for (const f of failures.slice(0, 20)) log(`  ${f.path}: ${f.problem}`);
    return 1;
  }
  return 0;
}

function printLatency(samples: TSample[]): void {
  const rows = [...groupBy(samples, (s) => s.kind)].map(([kind, group]) => {
    const t = summarize(group.map((s) => s.ttfbMs));
    const total = summarize(group.map((s) => s.totalMs));
    return [kind, String(t.n), ms(t.p50), ms(t.p95), ms(t.max), ms(total.p95), verdict(t.p95, TARGET_TTFB_P95_MS)];
  });
  const all = summarize(samples.map((s) => s.ttfbMs));
  const allTotal = summarize(samples.map((s) => s.totalMs));
  rows.push([
    "all views",
    String(all.n),
    ms(all.p50),
    ms(all.p95),
    ms(all.max),
    ms(allTotal.p95),
    verdict(all.p95, TARGET_TTFB_P95_MS),
  ]);
  log("\n  TTFB per view kind (time to response headers); last columns: full-page p95 and p95 vs target\n");
  log(table(["view kind", "n", "p50", "p95", "max", "page p95", `p95 ≤ ${TARGET_TTFB_P95_MS} ms`], rows));

  log("\n  Slowest requests\n");
  const slowest = [...samples].sort((a, b) => b.ttfbMs - a.ttfbMs).slice(0, 8);
  log(
    table(
      ["path", "TTFB", "bytes"],
      slowest.map((s) => [decodeURIComponent(s.path), ms(s.ttfbMs), fmtInt(s.bytes)]),
    ),
  );
}

function printSummary({ seedPg, seedLite, samples }: TResults): void {
  const rows: string[][] = [];
  const seedRow = (engine: string, t: TSeedTiming | undefined) => {
    if (!t)
      return rows.push([`seed ${fmtInt(config.accounts)} accounts, ${engine}`, "skipped", `< ${TARGET_SEED_S} s`, "—"]);
    const detail = t.cliS === null ? "" : ` (CLI: ${seconds(t.cliS)})`;
    return rows.push([
      `seed ${fmtInt(config.accounts)} accounts, ${engine}`,
      `${seconds(t.wallS)}${detail}`,
      `< ${TARGET_SEED_S} s`,
      t.wallS < TARGET_SEED_S ? "PASS" : "FAIL",
    ]);
  };
  seedRow("PostgreSQL", seedPg);
  seedRow("PGlite", seedLite);
  if (samples) {
    const t = summarize(samples.map((s) => s.ttfbMs));
    rows.push([`accounts list TTFB p50 (n=${t.n})`, ms(t.p50), "—", "—"]);
    rows.push([
      `accounts list TTFB p95 (n=${t.n})`,
      ms(t.p95),
      `≤ ${TARGET_TTFB_P95_MS} ms`,
      verdict(t.p95, TARGET_TTFB_P95_MS),
    ]);
    rows.push([`accounts list TTFB max (n=${t.n})`, ms(t.max), "—", "—"]);
  }
  log(table(["figure", "value", "target", "result"], rows));
  log("\n  Seed times are the whole `db:seed` command (process start to exit); TTFB is measured against");
  log(`  the production build on PostgreSQL with ${fmtInt(config.accounts)} accounts, signed in as ${SIGN_IN.email}.`);
}

void (async () => {
  let code = 1;
  try {
    code = await main();
  } catch (error) {
    console.error(`\nbench failed: ${(error as Error).message}`);
    if (results.seedPg && !results.samples) {
      heading("Summary (incomplete)");
      printSummary(results);
    }
  } finally {
    heading("Clean-up");
    await cleanUp();
  }
  process.exit(code);
})();
