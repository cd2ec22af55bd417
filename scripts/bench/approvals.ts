// Approvals and ledger figures on the bench PostgreSQL database (issue 3): approval round trip,
// ledger appends per second with 50 writers, verify speed over a million entries. Measured in a
// child process (scripts/bench/approvals-run.ts) pointed at the bench database; printed with targets.
import type { TApprovalsResult } from "./approvals-run";
import { runBenchScript } from "./child";
import { heading, ms, seconds, table } from "./report";

const TARGET_ROUND_TRIP_P95_MS = 100;
const TARGET_APPENDS_PER_S = 500;
const TARGET_VERIFY_PER_S = 200_000;

const fmtInt = (n: number) => Math.round(n).toLocaleString("en-US").replace(/,/g, " ");
const atLeast = (value: number, min: number) => (value >= min ? "PASS" : "FAIL");

/** Runs the approvals benchmark against `env.DATABASE_URL`, prints its table; throws if it cannot run. */
export async function benchApprovals(o: { env: NodeJS.ProcessEnv; print: (line: string) => void; step?: string }) {
  heading(`${o.step ?? "6"}. Approvals and ledger on PostgreSQL`);
  // The in-server dispatcher of the benchmark's own server handles the outbox rows created here.
  const result = await runBenchScript<TApprovalsResult>("approvals-run.ts", "approvals", o);

  const { roundTrip: rt, appends: ap, txAppends: tx, verify: v } = result;
  o.print("");
  o.print(
    table(
      ["figure", "value", "target", "result"],
      [
        [`approval round trip p50 (create + approve, n=${rt.n})`, ms(rt.p50), "—", "—"],
        [
          `approval round trip p95 (n=${rt.n})`,
          ms(rt.p95),
          `≤ ${TARGET_ROUND_TRIP_P95_MS} ms`,
          rt.p95 <= TARGET_ROUND_TRIP_P95_MS ? "PASS" : "FAIL",
        ],
        [`approval round trip max (n=${rt.n})`, ms(rt.max), "—", "—"],
        [
          `ledger appends (recordLedger), ${ap.writers} concurrent writers (n=${fmtInt(ap.n)})`,
          `${fmtInt(ap.perSecond)}/s`,
          `≥ ${TARGET_APPENDS_PER_S}/s`,
          atLeast(ap.perSecond, TARGET_APPENDS_PER_S),
        ],
        [`  latency per append p50 / p95`, `${ms(ap.p50)} / ${ms(ap.p95)}`, "—", "—"],
        [
          `ledger appends in a transaction with a change, ${tx.writers} writers (n=${fmtInt(tx.n)})`,
          `${fmtInt(tx.perSecond)}/s`,
          `≥ ${TARGET_APPENDS_PER_S}/s`,
          atLeast(tx.perSecond, TARGET_APPENDS_PER_S),
        ],
        [`  latency per transaction p50 / p95`, `${ms(tx.p50)} / ${ms(tx.p95)}`, "—", "—"],
        [
          `verify ${fmtInt(v.entries)} entries (${seconds(v.seconds)})`,
          `${fmtInt(v.perSecond)}/s`,
          `≥ ${fmtInt(TARGET_VERIFY_PER_S)}/s`,
          v.ok ? atLeast(v.perSecond, TARGET_VERIFY_PER_S) : "FAIL (chain broken)",
        ],
      ],
    ),
  );
  o.print(`\n  Round trips run through runMutation in one process against the bench database (no HTTP);`);
  o.print(`  appends are chained inside COMMIT (the head lock never spans a round trip); verify recomputes`);
  o.print(`  every hash in this process while the database checks the columns against the canonical text.`);
  o.print(`  the million entries were inserted in ${seconds(v.insertSeconds)} (generated chain, unnest batches).`);
  if (!v.ok) throw new Error("the ledger did not verify after the benchmark");
  return result;
}
