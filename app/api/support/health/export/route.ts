import { answeringOutage, errorResponse } from "@/lib/api/errors";
import { currentUser } from "@/lib/auth/session";
import { slaHealthReport } from "@/lib/data/support-health";
import { can } from "@/lib/domain/auth/permissions";
import { CSV_BOM, csvRow } from "@/lib/domain/ledger/csv";
import { parseHealthPeriod } from "@/lib/domain/support/filters";
import type { THealthRow } from "@/lib/domain/support/health";

export const dynamic = "force-dynamic";

const HEADER = [
  "period",
  "dimension",
  "group_id",
  "group",
  "count",
  "breaches",
  "breach_rate",
  "met_share",
  "verdict",
  "first_response_mean_minutes",
  "first_response_p90_minutes",
  "resolution_mean_minutes",
  "resolution_p90_minutes",
];

const minutes = (ms: number | null) => (ms === null ? "" : (ms / 60_000).toFixed(1));

/** The SLA health report as CSV (UTF-8 with BOM, formula cells escaped): one row per group. */
export const GET = answeringOutage(async (request: Request) => {
  const user = await currentUser();
  if (!user) return errorResponse("unauthenticated");
  if (!can(user.role, "accounts:read")) return errorResponse("forbidden");
  const period = parseHealthPeriod(new URL(request.url).searchParams.get("period") ?? undefined);
  const r = await slaHealthReport(period, new Date());
  const row = (dimension: string, x: THealthRow) =>
    csvRow([
      period,
      dimension,
      x.key,
      x.label,
      x.count,
      x.breaches,
      x.rate === null ? "" : x.rate.toFixed(3),
      x.met === null ? "" : x.met.toFixed(3),
      x.verdict ?? "",
      minutes(x.firstResponseMeanMs),
      minutes(x.firstResponseP90Ms),
      minutes(x.resolutionMeanMs),
      minutes(x.resolutionP90Ms),
    ]);
  const body =
    CSV_BOM +
    csvRow(HEADER) +
    row("overall", r.overall) +
    r.byPriority.map((x) => row("priority", x)).join("") +
    r.byCsm.map((x) => row("csm", x)).join("") +
    r.byAccount.map((x) => row("account", x)).join("");
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="sla-health-${period}-${new Date().toISOString().slice(0, 10)}.csv"`,
      "cache-control": "no-store",
    },
  });
});
