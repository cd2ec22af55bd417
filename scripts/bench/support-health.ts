// SLA health report figures on the bench PostgreSQL database (issue 5: ≤ 300 ms over 100 000
// tickets). Measured in a child process (scripts/bench/support-health-run.ts); printed with targets.
import { spawn } from "node:child_process";
import { exited, isNpmNoise, onLines } from "./child";
import { heading, ms, seconds, table } from "./report";
import type { TSupportHealthResult } from "./support-health-run";

const TARGET_P95_MS = 300;
const fmtInt = (n: number) => Math.round(n).toLocaleString("en-US").replace(/,/g, " ");

export async function benchSupportHealth(o: { env: NodeJS.ProcessEnv; print: (line: string) => void; step?: string }) {
  heading(`${o.step ?? "7"}. SLA health report on PostgreSQL`);
  const args = ["tsx", "--conditions=react-server", "scripts/bench/support-health-run.ts"];
  o.print(`$ npx ${args.join(" ")}`);
  const child = spawn("npx", args, { cwd: process.cwd(), env: o.env, stdio: ["ignore", "pipe", "pipe"] });
  let result: TSupportHealthResult | undefined;
  const errors: string[] = [];
  onLines(child.stdout, (line) => {
    if (line.startsWith("RESULT ")) result = JSON.parse(line.slice(7)) as TSupportHealthResult;
    else if (!isNpmNoise(line)) o.print(line);
  });
  onLines(child.stderr, (line) => {
    if (isNpmNoise(line)) return;
    errors.push(line);
    o.print(`  ${line}`);
  });
  const code = await exited(child);
  if (code !== 0 || !result) throw new Error(`SLA health bench exited with ${code}: ${errors.at(-1) ?? "no result"}`);
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
