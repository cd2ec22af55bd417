// Ticket import figures on the bench PostgreSQL database (issue 10 finding 8: a 2 000-row import must
// not block other requests). Measured in a child process (scripts/bench/support-import-run.ts).
import { spawn } from "node:child_process";
import { exited, isNpmNoise, onLines } from "./child";
import { heading, ms, seconds, table } from "./report";
import type { TSupportImportResult } from "./support-import-run";

const TARGET_IMPORT_S = 3;
const TARGET_CONCURRENT_MS = 200;

export async function benchSupportImport(o: { env: NodeJS.ProcessEnv; print: (line: string) => void; step?: string }) {
  heading(`${o.step ?? "6c"}. Ticket import on PostgreSQL`);
  const args = ["tsx", "--conditions=react-server", "scripts/bench/support-import-run.ts"];
  o.print(`$ npx ${args.join(" ")}`);
  const child = spawn("npx", args, { cwd: process.cwd(), env: o.env, stdio: ["ignore", "pipe", "pipe"] });
  let result: TSupportImportResult | undefined;
  const errors: string[] = [];
  onLines(child.stdout, (line) => {
    if (line.startsWith("RESULT ")) result = JSON.parse(line.slice(7)) as TSupportImportResult;
    else if (!isNpmNoise(line)) o.print(line);
  });
  onLines(child.stderr, (line) => {
    if (isNpmNoise(line)) return;
    errors.push(line);
    o.print(`  ${line}`);
  });
  const code = await exited(child);
  if (code !== 0 || !result)
    throw new Error(`ticket import bench exited with ${code}: ${errors.at(-1) ?? "no result"}`);
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
