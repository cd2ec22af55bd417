// npm start — one command from a fresh clone to a running console:
// migrate → seed demo data on first run → build once → serve, then say where and how to sign in.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { closeDb, db } from "../lib/db";
import { migrate } from "../lib/db/migrate";
import { isDatabaseEmpty } from "../lib/data/seed";
import { seedDemo } from "../lib/jobs/seed-demo";
import { DEMO_PASSWORD, DEMO_USERS } from "../lib/domain/seed/demo-users";
import { databaseLabel, readEnv } from "../lib/env";
import { runCli } from "./cli";
import { forwardSignals } from "./process-tree";

const port = Number(process.env.PORT ?? 3000);
// Loopback unless told otherwise: the console is not exposed to the network by accident. In a
// container or behind a proxy on another host, set HOST=0.0.0.0 (or the interface's address).
const host = process.env.HOST?.trim() || "127.0.0.1";
const probeHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
// How long next-server may take to finish requests on SIGTERM/SIGINT before it is killed.
// Under the bench's 10 s (scripts/bench/child.ts), so this process is never killed before its child.
const STOP_GRACE_MS = 8_000;
const url = process.env.NEXTAUTH_URL ?? `http://localhost:${port}`;

/** The embedded default needs no setup: keep a generated secret next to the data so sessions survive restarts. */
function authSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const dir = join(process.cwd(), "data");
  const file = join(dir, "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, randomBytes(48).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

/** A build is needed when none exists or any source file is newer than it (no stale UI after a pull). */
function needsBuild(): boolean {
  const buildId = join(process.cwd(), ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const newer = (path: string): boolean => {
    if (!existsSync(path)) return false;
    const st = statSync(path);
    if (!st.isDirectory()) return st.mtimeMs > built;
    return readdirSync(path).some((name) => name !== "generated" && newer(join(path, name)));
  };
  return ["app", "components", "lib", "public", "proxy.ts", "next.config.ts", "package-lock.json"].some((p) =>
    newer(join(process.cwd(), p)),
  );
}

async function waitForHealth(timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(`http://${probeHost}:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return true;
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

void runCli(async () => {
  const env = readEnv({ ...process.env, NODE_ENV: "production" });
  const secret = authSecret();

  const applied = await migrate(db().sql);
  if (applied.length) console.log(`Applied ${applied.length} migration(s) to ${databaseLabel(env)}.`);
  if (env.demo && (await isDatabaseEmpty())) {
    console.log("First run: loading demo data…");
    const r = await seedDemo({ accounts: Number(process.env.SEED_ACCOUNTS ?? 300), seed: 42 });
    console.log(`Loaded ${r.accounts} demo accounts with ${r.events} timeline events.`);
  }
  // The embedded database may be open in one process only: hand it to the server.
  await closeDb();

  if (needsBuild()) {
    console.log("Building the console (about a minute; only when the code changed)…");
    const build = spawnSync("npx", ["next", "build"], {
      stdio: "inherit",
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (build.status !== 0) return build.status ?? 1;
  }

  const server = spawn("npx", ["next", "start", "-p", String(port), "-H", host], {
    stdio: "inherit",
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      AUTH_SECRET: secret,
      NEXTAUTH_URL: url,
    },
  });
  // A stop reaches npx, next and the next-server it forks (scripts/process-tree.ts).
  forwardSignals(server, { graceMs: STOP_GRACE_MS, exit: (code) => process.exit(code) });

  if (await waitForHealth(60_000)) {
    const logins = env.demo
      ? DEMO_USERS.slice(0, 3)
          .map((u) => `  ${u.role.padEnd(8)} ${u.email}`)
          .join("\n")
      : "";
    console.log(
      `\nLifecycle Console is running on ${databaseLabel(env)}.\nOpen ${url}\n` +
        (env.demo
          ? `Sign in with one of these (password: ${DEMO_PASSWORD}):\n${logins}\n`
          : "Sign in with a user created by `npm run users -- create`.\n"),
    );
  } else {
    console.error(`The server did not become healthy on port ${port} within 60 s; see the log above.`);
  }
  return await new Promise<number>((resolve) => server.on("exit", (code) => resolve(code ?? 0)));
});
