// Journeys figure on the bench PostgreSQL database (issue 6): a full set-based recompute of every
// journey must finish in ≤ 10 s at 100 000 accounts. Measured in a child process
// (scripts/bench/journeys-run.ts) pointed at the bench database; printed with the target.
import { runBenchScript } from "./child";
import { heading, seconds, table } from "./report";

const TARGET_RECOMPUTE_S = 10;
type TRun = { accounts: number; changes: number; ms: number };
type TResult = { total: number; contracted: number; marks: number; first: TRun; second: TRun };

const fmtInt = (n: number) => Math.round(n).toLocaleString("en-US").replace(/,/g, " ");

/** Runs the journeys benchmark against `env.DATABASE_URL` and prints its table; throws if it cannot run. */
export async function benchJourneys(o: { env: NodeJS.ProcessEnv; print: (line: string) => void; step?: string }) {
  heading(`${o.step ?? "7"}. Journeys full recompute on PostgreSQL`);
  const r = await runBenchScript<TResult>("journeys-run.ts", "journeys", o);
  o.print(
    `  ${fmtInt(r.total)} accounts, ${fmtInt(r.contracted)} with a started contract (a journey); ${fmtInt(r.marks)} criteria marks added`,
  );
  o.print("");
  const row = (label: string, run: TRun) => [
    `${label}: ${fmtInt(run.accounts)} journeys, ${fmtInt(run.changes)} changes`,
    seconds(run.ms / 1000),
    `≤ ${TARGET_RECOMPUTE_S} s`,
    run.ms / 1000 <= TARGET_RECOMPUTE_S ? "PASS" : "FAIL",
  ];
  o.print(
    table(
      ["figure", "value", "target", "result"],
      [row("full recompute, first evaluation", r.first), row("full recompute, steady state", r.second)],
    ),
  );
}
