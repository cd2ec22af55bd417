// The SLA health benchmark itself (issue 5: the report over 100 000 tickets in ≤ 300 ms on
// PostgreSQL), run by scripts/bench/support-health.ts in a child process whose DATABASE_URL is the
// bench database. Inserts BENCH_TICKETS synthetic tickets over the accounts present (one set-based
// INSERT), times slaHealthReport per period, removes the tickets, prints one `RESULT {…}` line.
//   DATABASE_URL=postgresql://… npx tsx --conditions=react-server scripts/bench/support-health-run.ts
import { closeDb, db } from "../../lib/db";
import { migrate } from "../../lib/db/migrate";
import { slaHealthReport } from "../../lib/data/support-health";
import { HEALTH_PERIODS, type THealthPeriod } from "../../lib/domain/support/health";
import { summarize } from "./stats";

export type TSupportHealthResult = {
  engine: string;
  tickets: number;
  accounts: number;
  insertSeconds: number;
  periods: { period: THealthPeriod; n: number; p50: number; p95: number; max: number; count: number; groups: number }[];
};

const TICKETS = Number(process.env.BENCH_TICKETS || 100_000);
const RUNS = Number(process.env.BENCH_HEALTH_RUNS || 30);
const WARMUP = 3;
const MARK = "bench-sla-ticket";

// Spread over the last 90 days; targets per priority as in lib/domain/support/targets.ts; 85 % answered,
// 70 % resolved; elapsed times around the targets so roughly one ticket in six breaches.
const INSERT = `
  WITH a AS (SELECT array_agg(id ORDER BY id) AS ids FROM accounts),
  g AS (
    SELECT i, (ARRAY['P0','P1','P2','P3'])[1 + (i % 4)] AS priority,
      now() - make_interval(secs => (i::bigint * 7919 % 7776000)) AS received_at,
      (i::bigint * 2654435761 % 1000) / 1000.0 AS r1, (i::bigint * 40503 % 1000) / 1000.0 AS r2
    FROM generate_series(1, $1::int) AS i
  ),
  t AS (
    SELECT g.*, a.ids[1 + (g.i % cardinality(a.ids))] AS account_id,
      CASE priority WHEN 'P0' THEN 1800000 WHEN 'P1' THEN 7200000 WHEN 'P2' THEN 28800000 ELSE 86400000 END::bigint AS fr_target,
      CASE priority WHEN 'P0' THEN 14400000 WHEN 'P1' THEN 86400000 WHEN 'P2' THEN 259200000 ELSE 604800000 END::bigint AS res_target
    FROM g CROSS JOIN a
  )
  INSERT INTO support_tickets (id, account_id, subject, body, channel, priority, status, received_at, resolved_at,
    first_response_at, first_response_target_ms, resolution_target_ms, first_response_due_at, resolution_due_at,
    first_response_elapsed_ms, resolution_elapsed_ms, first_response_breached, resolution_breached, sla_computed_at)
  SELECT gen_random_uuid(), account_id, '${MARK}', '', 'email', priority,
    CASE WHEN r2 < 0.7 THEN 'resolved' ELSE 'open' END, received_at,
    CASE WHEN r2 < 0.7 THEN received_at + make_interval(secs => res_target * (0.3 + r1) / 1000) END,
    CASE WHEN r1 < 0.85 THEN received_at + make_interval(secs => fr_target * (0.2 + r1) / 1000) END,
    fr_target, res_target,
    received_at + make_interval(secs => fr_target / 1000), received_at + make_interval(secs => res_target / 1000),
    (fr_target * (0.2 + r1))::bigint, (res_target * (0.3 + r1))::bigint,
    r1 < 0.85 AND 0.2 + r1 > 1, r2 < 0.7 AND 0.3 + r1 > 1, now()
  FROM t`;

async function main(): Promise<void> {
  await migrate(db().sql);
  const sql = db().sql;
  const [{ count: accounts } = { count: 0 }] = await sql.query<{ count: number }>(
    "SELECT count(*)::int AS count FROM accounts",
  );
  if (accounts === 0) throw new Error("the bench database has no accounts: seed it first (npm run db:seed)");
  await sql.query(`DELETE FROM support_tickets WHERE subject = '${MARK}'`);
  const started = performance.now();
  await sql.query(INSERT, [TICKETS]);
  const insertSeconds = (performance.now() - started) / 1000;
  await sql.exec("ANALYZE support_tickets");
  console.log(`  inserted ${TICKETS} tickets over ${accounts} accounts in ${insertSeconds.toFixed(1)} s`);
  const periods: TSupportHealthResult["periods"] = [];
  try {
    for (const period of HEALTH_PERIODS) {
      const samples: number[] = [];
      let last = await slaHealthReport(period, new Date());
      for (let i = 0; i < WARMUP; i++) last = await slaHealthReport(period, new Date());
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        last = await slaHealthReport(period, new Date());
        samples.push(performance.now() - t0);
      }
      const s = summarize(samples);
      periods.push({
        period,
        n: s.n,
        p50: s.p50,
        p95: s.p95,
        max: s.max,
        count: last.overall.count,
        groups: last.accountGroups,
      });
      console.log(
        `  ${period}: p50 ${s.p50.toFixed(0)} ms, p95 ${s.p95.toFixed(0)} ms over ${last.overall.count} tickets`,
      );
    }
  } finally {
    await sql.query(`DELETE FROM support_tickets WHERE subject = '${MARK}'`);
  }
  const result: TSupportHealthResult = { engine: sql.engine, tickets: TICKETS, accounts, insertSeconds, periods };
  console.log(`RESULT ${JSON.stringify(result)}`);
}

main()
  .then(() => closeDb())
  .catch(async (error: unknown) => {
    console.error((error as Error).stack ?? String(error));
    await closeDb().catch(() => undefined);
    process.exit(1);
  });
