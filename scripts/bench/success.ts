// Success cadence and at-risk figures on the bench PostgreSQL database (issue 5): the batch at-risk
// recompute over every account, task regeneration for every plan, and the At-risk list query.
import { runBenchScript } from "./child";
import { heading, ms, seconds, table } from "./report";
import type { TSuccessResult } from "./success-run";

// "100 000 accounts in seconds": the whole snapshot, read + score + write, within 5 s.
const TARGET_RECOMPUTE_MS = 5_000;
const TARGET_LIST_P95_MS = 100;

const fmtInt = (n: number) => Math.round(n).toLocaleString("en-US").replace(/,/g, " ");

export async function benchSuccess(o: { env: NodeJS.ProcessEnv; print: (line: string) => void; step?: string }) {
  heading(`${o.step ?? "7"}. Success cadence and at-risk on PostgreSQL`);
  const result = await runBenchScript<TSuccessResult>("success-run.ts", "success", o);
  const { recompute: r, regenerate: g, list: l } = result;
  const sev = r.bySeverity;
  o.print("");
  o.print(
    table(
      ["figure", "value", "target", "result"],
      [
        [
          `at-risk snapshot, ${fmtInt(result.accounts)} accounts, p50 (n=${r.n})`,
          ms(r.p50),
          `≤ ${fmtInt(TARGET_RECOMPUTE_MS)} ms`,
          r.p50 <= TARGET_RECOMPUTE_MS ? "PASS" : "FAIL",
        ],
        [`at-risk snapshot max (n=${r.n})`, ms(r.max), "—", "—"],
        [
          `severities: high / medium / low`,
          `${fmtInt(sev.high ?? 0)} / ${fmtInt(sev.medium ?? 0)} / ${fmtInt(sev.low ?? 0)}`,
          "—",
          "—",
        ],
        [`regenerate tasks, ${fmtInt(g.plans)} plans (${fmtInt(g.created)} created)`, seconds(g.seconds), "—", "—"],
        [`regenerate again (idempotent)`, `${fmtInt(g.again)} created`, "0", g.again === 0 ? "PASS" : "FAIL"],
        [
          `At-risk list query p95 (n=${l.n}, 4 filter sets)`,
          ms(l.p95),
          `≤ ${TARGET_LIST_P95_MS} ms`,
          l.p95 <= TARGET_LIST_P95_MS ? "PASS" : "FAIL",
        ],
      ],
    ),
  );
  o.print(`\n  Measured through lib/data in one process against the bench database (no HTTP): one query reads`);
  o.print(`  every account's inputs, the pure rule scores them, chunked upserts write them in one transaction.`);
  return result;
}
