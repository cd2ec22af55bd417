// SLA health report figures on the bench PostgreSQL database (issue 5: ≤ 300 ms over 100 000
// tickets). Measured in a child process (scripts/bench/support-health-run.ts); printed with targets.
import { runBenchScript } from "./child";
import { heading, ms, seconds, table } from "./report";
import type { TSupportHealthResult } from "./support-health-run";

const TARGET_P95_MS = 300;
const fmtInt = (n: number) => Math.round(n).toLocaleString("en-US").replace(/,/g, " ");

export async function benchSupportHealth(o: { env: NodeJS.ProcessEnv; print: (line: string) => void; step?: string }) {
  heading(`${o.step ?? "7"}. SLA health report on PostgreSQL`);
  const result = await runBenchScript<TSupportHealthResult>("support-health-run.ts", "SLA health", o);
  o.print("");
  o.print(
    table(
      ["figure", "p50", "p95", "max", "target", "result"],
      [
        [`insert ${fmtInt(result.tickets)} tickets (one statement)`, seconds(result.insertSeconds), "—", "—", "—", "—"],
        ...result.periods.map((p) => [
          `health report ${p.period} (${fmtInt(p.count)} tickets, ${fmtInt(p.groups)} accounts, n=${p.n})`,
          ms(p.p50),
          ms(p.p95),
          ms(p.max),
          `p95 ≤ ${TARGET_P95_MS} ms`,
          p.p95 <= TARGET_P95_MS ? "PASS" : "FAIL",
        ]),
      ],
    ),
  );
  return result;
}
