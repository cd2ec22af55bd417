// Child of scripts/bench/journeys.ts, pointed at the bench PostgreSQL database (DATABASE_URL): marks
// demo exit criteria on every contracted account (the seed caps them), then times two full journey
// recomputes — the first evaluates every account for the first time (stage moves, timeline events),
// the second is the steady state (nothing changed, nothing recorded). Prints `RESULT {json}`.
import { db } from "../../lib/db";
import { CRITERIA_SQL } from "../../lib/data/journey-seed";
import { recomputeAllJourneys } from "../../lib/jobs/journey-recompute";

void (async () => {
  const sql = db().sql;
  const [marked] = await sql.query<{ n: number }>(CRITERIA_SQL, ["7", new Date().toISOString(), 10_000_000]);
  const [{ n: contracted } = { n: 0 }] = await sql.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM accounts WHERE contract_start IS NOT NULL AND contract_start <= current_date`,
  );
  const [{ n: total } = { n: 0 }] = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM accounts`);
  await sql.exec(`ANALYZE journey_criteria; ANALYZE journey_states; ANALYZE journey_touchpoints;`);
  const first = await recomputeAllJourneys();
  await sql.exec(`ANALYZE journey_states; ANALYZE journey_health_history;`);
  const second = await recomputeAllJourneys();
  console.log(`RESULT ${JSON.stringify({ total, contracted, marks: marked?.n ?? 0, first, second })}`);
  process.exit(0);
})().catch((error: unknown) => {
  console.error((error as Error).stack ?? String(error));
  process.exit(1);
});
