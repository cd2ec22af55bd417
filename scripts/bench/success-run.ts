// The success cadence and at-risk benchmark, run by scripts/bench/success.ts in a child process whose
// DATABASE_URL is the bench database. Prints progress lines, then one `RESULT {…}` line.
import { closeDb, db } from "../../lib/db";
import { regenerateTasks } from "../../lib/data/cadence";
import { listAtRisk, recomputeAllRisk } from "../../lib/data/risk";
import { TEAM_TIME_ZONE } from "../../lib/domain/cadence/check-in";
import { calendarDay } from "../../lib/domain/cadence/dates";
import { summarize } from "./stats";

export type TSuccessResult = {
  accounts: number;
  recompute: { n: number; p50: number; max: number; bySeverity: Record<string, number> };
  regenerate: { plans: number; seconds: number; created: number; again: number };
  list: { n: number; p50: number; p95: number };
};

const RUNS = Number(process.env.BENCH_RISK_RUNS || 5);
const LIST_QUERIES = 60;

const timed = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const started = performance.now();
  const out = await fn();
  return [out, performance.now() - started];
};

async function main() {
  const print = (line: string) => console.log(line);
  const now = new Date();
  const times: number[] = [];
  let last: Awaited<ReturnType<typeof recomputeAllRisk>> | undefined;
  // Later runs use a later clock, so every run really rewrites every row (older never overwrites newer).
  for (let i = 0; i < RUNS; i++) {
    const [r, ms] = await timed(() => recomputeAllRisk(new Date(now.getTime() + i * 1000)));
    times.push(ms);
    last = r;
    print(`  recompute ${i + 1}/${RUNS}: ${r.accounts} accounts in ${Math.round(ms)} ms`);
  }
  const today = calendarDay(now, TEAM_TIME_ZONE);
  await db().sql.query(`DELETE FROM success_tasks WHERE status = 'open' AND due_date >= $1::date`, [today]);
  const [first, regenMs] = await timed(() => regenerateTasks({ today }));
  const again = await regenerateTasks({ today });
  print(
    `  regenerate: ${first.plans} plans, ${first.created} tasks in ${Math.round(regenMs)} ms; again: ${again.created}`,
  );
  const filters = [
    {},
    { severity: "high" as const },
    { severity: "medium" as const, tier: "pro" as const },
    { page: 40 },
  ];
  const listTimes: number[] = [];
  for (let i = 0; i < LIST_QUERIES; i++) {
    const [, ms] = await timed(() => listAtRisk({ page: 1, ...filters[i % filters.length] }));
    listTimes.push(ms);
  }
  const rec = summarize(times);
  const list = summarize(listTimes);
  const result: TSuccessResult = {
    accounts: last?.accounts ?? 0,
    recompute: { n: rec.n, p50: rec.p50, max: rec.max, bySeverity: last?.bySeverity ?? {} },
    regenerate: { plans: first.plans, seconds: regenMs / 1000, created: first.created, again: again.created },
    list: { n: list.n, p50: list.p50, p95: list.p95 },
  };
  console.log(`RESULT ${JSON.stringify(result)}`);
}

main()
  .then(() => closeDb())
  .then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(`success bench failed: ${(error as Error)?.message ?? String(error)}`);
      process.exit(1);
    },
  );
