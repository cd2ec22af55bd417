import "server-only";
import { prisma } from "../db";
import { Prisma } from "../generated/prisma/client";
import { PERIOD_DAYS, healthRow, type THealthPeriod, type THealthRow } from "../domain/support/health";
import { subWholeDays } from "../domain/time/days";

export const MAX_ACCOUNT_ROWS = 500;

export type THealthReport = {
  period: THealthPeriod;
  from: Date;
  to: Date;
  overall: THealthRow;
  byPriority: THealthRow[];
  byCsm: THealthRow[];
  byAccount: THealthRow[];
  accountGroups: number;
};

type TAggRow = {
  gp: number;
  gc: number;
  ga: number;
  priority: string | null;
  csm_id: string | null;
  account_id: string | null;
  count: number;
  breaches: number;
  fr_mean: number | null;
  fr_p90: number | null;
  res_mean: number | null;
  res_p90: number | null;
};

// Breached as of `now`: the stored flag, or an unmet clock strictly past its due time (isPastDue in
// lib/domain/support/targets.ts, the spec's "elapsed strictly greater than the target").
const breachedAt = (now: Date) => Prisma.sql`(s.first_response_breached OR s.resolution_breached
  OR (s.first_response_at IS NULL AND s.first_response_due_at < ${now})
  OR (s.resolved_at IS NULL AND s.resolution_due_at < ${now}))`;

// Each ticket's breach as of `now` and the stopped clocks' times.
const ticketsCte = (from: Date, now: Date, withCsm = true) => Prisma.sql`
  WITH t AS (
    SELECT s.priority, s.account_id, ${withCsm ? Prisma.sql`a.csm_id` : Prisma.sql`NULL::uuid AS csm_id`},
      ${breachedAt(now)} AS breached,
      CASE WHEN s.first_response_at IS NOT NULL THEN s.first_response_elapsed_ms END AS fr_ms,
      CASE WHEN s.resolved_at IS NOT NULL THEN s.resolution_elapsed_ms END AS res_ms
    FROM support_tickets s ${withCsm ? Prisma.sql`JOIN accounts a ON a.id = s.account_id` : Prisma.empty}
    WHERE s.received_at > ${from} AND s.received_at <= ${now}
  )`;

const METRICS = Prisma.sql`
  count(*)::int AS count, (count(*) FILTER (WHERE breached))::int AS breaches,
  avg(fr_ms)::float8 AS fr_mean, (percentile_cont(0.9) WITHIN GROUP (ORDER BY fr_ms))::float8 AS fr_p90,
  avg(res_ms)::float8 AS res_mean, (percentile_cont(0.9) WITHIN GROUP (ORDER BY res_ms))::float8 AS res_p90`;

/**
 * The SLA health report for tickets received in (now − period, now], aggregated in SQL: overall, per
 * priority and per CSM in one pass (GROUPING SETS); per account, the MAX_ACCOUNT_ROWS worst accounts
 * are chosen by a cheap hash aggregate first and only they get means and percentiles. A ticket is
 * breached when either clock is breached as of `now`. Times are the counted business time (calendar
 * time for P0) of clocks that stopped; p90 is PostgreSQL's percentile_cont (interpolated).
 */
export async function slaHealthReport(period: THealthPeriod, now: Date): Promise<THealthReport> {
  const from = subWholeDays(now, PERIOD_DAYS[period]);
  const cte = ticketsCte(from, now);
  // Per account needs no CSM, so no join with 100 000 accounts.
  const plain = ticketsCte(from, now, false);
  // The two statements run side by side (each on its own connection on PostgreSQL). The percentiles
  // sort every group; 64 MB per sort keeps 100 000 tickets in memory instead of external merges on disk
  // (the default work_mem is 4 MB). SET LOCAL lasts for that statement's transaction only.
  const withWorkMem = <T>(query: Prisma.Sql) =>
    prisma()
      .$transaction([prisma().$executeRaw`SET LOCAL work_mem = '64MB'`, prisma().$queryRaw<T>(query)])
      .then(([, result]) => result);
  const [rows, accountRows] = await Promise.all([
    withWorkMem<TAggRow[]>(Prisma.sql`${cte}
      SELECT GROUPING(priority)::int AS gp, GROUPING(csm_id)::int AS gc, 1 AS ga,
        priority, csm_id::text AS csm_id, NULL::text AS account_id, ${METRICS}
      FROM t GROUP BY GROUPING SETS ((), (priority), (csm_id))`),
    // The worst accounts by a cheap hash aggregate, then means and percentiles for those only.
    withWorkMem<(TAggRow & { groups: number })[]>(Prisma.sql`${plain},
      w AS (
        SELECT account_id, (count(*) OVER ())::int AS groups
        FROM t GROUP BY account_id
        ORDER BY (count(*) FILTER (WHERE breached))::float8 / count(*) DESC, count(*) DESC, account_id
        LIMIT ${MAX_ACCOUNT_ROWS}
      )
      SELECT 1 AS gp, 1 AS gc, 0 AS ga, NULL::text AS priority, NULL::text AS csm_id,
        t.account_id::text AS account_id, max(w.groups)::int AS groups, ${METRICS}
      FROM t JOIN w ON w.account_id = t.account_id GROUP BY t.account_id`),
  ]);
  const accountIds = accountRows.map((r) => r.account_id!);
  const csmIds = rows.filter((r) => r.gc === 0 && r.csm_id).map((r) => r.csm_id!);
  const [users, accounts] = await Promise.all([
    csmIds.length ? prisma().user.findMany({ where: { id: { in: csmIds } }, select: { id: true, name: true } }) : [],
    accountIds.length
      ? prisma().account.findMany({ where: { id: { in: accountIds } }, select: { id: true, name: true } })
      : [],
  ]);
  const userName = new Map(users.map((u) => [u.id, u.name]));
  const accountName = new Map(accounts.map((a) => [a.id, a.name]));
  const toRow = (r: TAggRow, key: string, label: string) =>
    healthRow({
      key,
      label,
      count: Number(r.count),
      breaches: Number(r.breaches),
      firstResponseMeanMs: r.fr_mean,
      firstResponseP90Ms: r.fr_p90,
      resolutionMeanMs: r.res_mean,
      resolutionP90Ms: r.res_p90,
    });
  const overallRow = rows.find((r) => r.gp === 1 && r.gc === 1);
  const worstFirst = (a: THealthRow, b: THealthRow) =>
    (b.rate ?? 0) - (a.rate ?? 0) || b.count - a.count || a.label.localeCompare(b.label);
  return {
    period,
    accountGroups: Number(accountRows[0]?.groups ?? 0),
    from,
    to: now,
    overall: overallRow
      ? toRow(overallRow, "all", "")
      : healthRow({
          key: "all",
          label: "",
          count: 0,
          breaches: 0,
          firstResponseMeanMs: null,
          firstResponseP90Ms: null,
          resolutionMeanMs: null,
          resolutionP90Ms: null,
        }),
    byPriority: rows
      .filter((r) => r.gp === 0)
      .map((r) => toRow(r, r.priority ?? "", r.priority ?? ""))
      .sort((a, b) => a.key.localeCompare(b.key)),
    byCsm: rows
      .filter((r) => r.gc === 0)
      .map((r) => toRow(r, r.csm_id ?? "none", r.csm_id ? (userName.get(r.csm_id) ?? r.csm_id) : ""))
      .sort(worstFirst),
    byAccount: accountRows
      .map((r) => toRow(r, r.account_id ?? "", accountName.get(r.account_id ?? "") ?? ""))
      .sort(worstFirst),
  };
}

/** Just the overall count and breaches for a period (the support list's critical check). */
export async function slaOverall(period: THealthPeriod, now: Date): Promise<THealthRow> {
  const from = subWholeDays(now, PERIOD_DAYS[period]);
  const [r] = await prisma().$queryRaw<{ count: number; breaches: number }[]>`
    SELECT count(*)::int AS count,
      (count(*) FILTER (WHERE ${breachedAt(now)}))::int AS breaches
    FROM support_tickets s WHERE s.received_at > ${from} AND s.received_at <= ${now}`;
  return healthRow({
    key: "all",
    label: "",
    count: Number(r?.count ?? 0),
    breaches: Number(r?.breaches ?? 0),
    firstResponseMeanMs: null,
    firstResponseP90Ms: null,
    resolutionMeanMs: null,
    resolutionP90Ms: null,
  });
}
