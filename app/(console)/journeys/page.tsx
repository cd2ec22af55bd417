import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { z } from "zod";
import { JourneyMetrics } from "@/components/journeys/journey-metrics";
import { StageChart } from "@/components/journeys/stage-chart";
import { DrillTable } from "@/components/journeys/drill-table";
import { HeldList } from "@/components/journeys/held-list";
import { requirePage } from "@/lib/auth/session";
import { drillDown, listHeldTouchpoints, readPortfolio } from "@/lib/data/journey-portfolio";
import { can } from "@/lib/domain/auth/permissions";
import { METRICS } from "@/lib/domain/journeys/metrics";
import { parseParams } from "@/lib/domain/url-params";
import { localeContext } from "@/lib/i18n/server";

export async function generateMetadata() {
  return { title: (await getTranslations("journeys"))("title") };
}

/** Portfolio view: accounts per stage, the five metrics with targets and trends, and the accounts behind a number. */
export default async function JourneysPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePage("accounts:read", "/journeys");
  const { values } = parseParams({ metric: z.enum(METRICS) }, await searchParams);
  const metric = values.metric ?? "drop_off";
  const now = new Date();
  const [t, fmt, portfolio, drill, held] = await Promise.all([
    getTranslations("journeys"),
    localeContext(),
    readPortfolio(now),
    drillDown(metric, now),
    listHeldTouchpoints(),
  ]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("description")}</p>
        {can(user.role, "settings:manage") ? (
          <Link href="/settings/journeys" className="text-sm text-brand-700 hover:underline dark:text-brand-100">
            {t("settingsLink")}
          </Link>
        ) : null}
      </div>
      {portfolio.total === 0 ? (
        <p className="rounded-md bg-slate-100 p-3 text-sm dark:bg-slate-800">{t("empty")}</p>
      ) : null}
      <JourneyMetrics portfolio={portfolio} fmt={fmt} selected={metric} />
      <div className="grid gap-6 lg:grid-cols-2">
        <StageChart portfolio={portfolio} fmt={fmt} />
        <HeldList rows={held.rows} total={held.total} fmt={fmt} />
      </div>
      <DrillTable metric={metric} rows={drill.rows} total={drill.total} fmt={fmt} />
    </div>
  );
}
