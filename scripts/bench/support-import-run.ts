// The ticket-import benchmark (issue 10 finding 8: a 2 000-row import blocked the server 15–18 s), run
// by scripts/bench/support-import.ts in a child process whose DATABASE_URL is the bench database.
// Imports BENCH_IMPORT_ROWS tickets (up to 90 days old, a quarter P0/P1) over the first 50 accounts
// while a concurrent `SELECT 1` runs every 10 ms on another connection, and an event-loop ticker
// measures the longest time the import held the process. Removes the tickets; prints `RESULT {…}`.
//   DATABASE_URL=postgresql://… npx tsx --conditions=react-server scripts/bench/support-import-run.ts
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { runMutation } from "../../lib/actions/mutation";
import { importTicketsMutation } from "../../lib/actions/support-import";
import { closeDb, db } from "../../lib/db";
import { migrate } from "../../lib/db/migrate";
import { summarize } from "./stats";

export type TSupportImportResult = {
  rows: number;
  importSeconds: number;
  longestHoldMs: number;
  probes: { n: number; p50: number; p95: number; max: number };
};

const ROWS = Number(process.env.BENCH_IMPORT_ROWS || 2_000);
const MARK = "bench-import";
const ACTOR = { type: "cli", id: "cli:bench-import", role: "founder", label: "bench import" } as const;

function file(accounts: string[], tag: string, rows = ROWS): string {
  const subjects = ["outage now", "service down", "connector broken", "hello there"];
  const lines = ["account_id,subject,body,channel,received_at,external_id"];
  for (let i = 0; i < rows; i++) {
    const at = new Date(Date.now() - (i % 90) * 86_400_000 - 3_600_000).toISOString();
    lines.push(
      `${accounts[i % accounts.length]},${MARK} ${subjects[i % 4]} ${i},${"words ".repeat(30)},email,${at},${tag}-${i}`,
    );
  }
  return lines.join("\n");
}

async function main(): Promise<void> {
  await migrate(db().sql);
  const sql = db().sql;
  const accounts = (await sql.query<{ id: string }>("SELECT id::text AS id FROM accounts ORDER BY id LIMIT 50")).map(
    (r) => r.id,
  );
  if (accounts.length === 0) throw new Error("the bench database has no accounts: seed it first (npm run db:seed)");
  // Warm-up: a small import first, so the figures are a running server's, not a cold process's
  // (the first query compiles Prisma's engine, the first parse compiles zod's validators).
  const warm = await runMutation(importTicketsMutation, ACTOR, { csv: file(accounts, randomUUID(), 20) });
  if (!warm.ok) throw new Error(`warm-up import refused: ${warm.code}`);
  const csv = file(accounts, randomUUID());
  let last = performance.now();
  let longestHoldMs = 0;
  const ticker = setInterval(() => {
    const t = performance.now();
    longestHoldMs = Math.max(longestHoldMs, t - last);
    last = t;
  }, 2);
  let done = false;
  const probes: number[] = [];
  const probing = (async () => {
    while (!done) {
      const t0 = performance.now();
      await sql.query("SELECT 1");
      probes.push(performance.now() - t0);
      await sleep(10);
    }
  })();
  const started = performance.now();
  try {
    const r = await runMutation(importTicketsMutation, ACTOR, { csv });
    if (!r.ok) throw new Error(`import refused: ${r.code} ${JSON.stringify(r.fields ?? {})}`);
  } finally {
    done = true;
  }
  const importSeconds = (performance.now() - started) / 1000;
  await probing;
  clearInterval(ticker);
  await sql.query(`DELETE FROM support_tickets WHERE subject LIKE '${MARK} %'`);
  const s = summarize(probes);
  console.log(
    `  imported ${ROWS} rows in ${importSeconds.toFixed(2)} s; longest event-loop hold ${longestHoldMs.toFixed(0)} ms`,
  );
  const result: TSupportImportResult = {
    rows: ROWS,
    importSeconds,
    longestHoldMs,
    probes: { n: s.n, p50: s.p50, p95: s.p95, max: s.max },
  };
  console.log(`RESULT ${JSON.stringify(result)}`);
}

main()
  .then(() => closeDb())
  .catch(async (error: unknown) => {
    console.error((error as Error).stack ?? String(error));
    await closeDb().catch(() => undefined);
    process.exit(1);
  });
