// Ticket import figures on the bench PostgreSQL database (issue 10 finding 8: a 2 000-row import must
// not block other requests). Measured in a child process (scripts/bench/support-import-run.ts).
import { runBenchScript } from "./child";
import { heading, ms, seconds, table } from "./report";
import type { TSupportImportResult } from "./support-import-run";

const TARGET_IMPORT_S = 3;
const TARGET_CONCURRENT_MS = 200;

export async function benchSupportImport(o: { env: NodeJS.ProcessEnv; print: (line: string) => void; step?: string }) {
  heading(`${o.step ?? "6c"}. Ticket import on PostgreSQL`);
  const result = await runBenchScript<TSupportImportResult>("support-import-run.ts", "ticket import", o);
  const rows = result.rows.toLocaleString("en-US").replace(/,/g, " ");
  o.print("");
  o.print(
    table(
      ["figure", "value", "target", "result"],
      [
        [
          `${rows}-row import (one transaction)`,
          seconds(result.importSeconds),
          `≤ ${TARGET_IMPORT_S} s`,
          result.importSeconds <= TARGET_IMPORT_S ? "PASS" : "FAIL",
        ],
        [
          `concurrent query during the import (n=${result.probes.n}, p95 / max)`,
          `${ms(result.probes.p95)} / ${ms(result.probes.max)}`,
          `max ≤ ${TARGET_CONCURRENT_MS} ms`,
          result.probes.max <= TARGET_CONCURRENT_MS ? "PASS" : "FAIL",
        ],
        ["longest event-loop hold during the import", ms(result.longestHoldMs), "—", "—"],
      ],
    ),
  );
  return result;
}
