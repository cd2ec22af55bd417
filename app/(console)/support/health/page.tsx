import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { HealthChart, HealthTable } from "@/components/support/health-table";
import { SlaNotice } from "@/components/support/sla-notice";
import { Card } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { requirePage } from "@/lib/auth/session";
import { slaHealthReport } from "@/lib/data/support-health";
import { slaCriticalNotice } from "@/lib/data/support-alert";
import { can } from "@/lib/domain/auth/permissions";
import { parseHealthPeriod } from "@/lib/domain/support/filters";
import { HEALTH_PERIODS } from "@/lib/domain/support/health";
import { formatNumber } from "@/lib/i18n/format";
import { localeContext } from "@/lib/i18n/server";

export async function generateMetadata() {
  return { title: (await getTranslations("sla"))("title") };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function SlaHealthPage({ searchParams }: { searchParams: Search }) {
  const user = await requirePage("accounts:read", "/support/health");
  const period = parseHealthPeriod((await searchParams).period);
  const now = new Date();
  const founder = can(user.role, "proposals:approve");
  const [t, fmt, report, notice] = await Promise.all([
    getTranslations("sla"),
    localeContext(),
    slaHealthReport(period, now),
    founder ? slaCriticalNotice(now) : null,
  ]);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{t("title")}</h1>
          <p className="mt-1 max-w-3xl text-sm text-slate-600 dark:text-slate-400">{t("description")}</p>
        </div>
        <a href={`/api/support/health/export?period=${period}`} className={buttonClass("secondary")} download>
          {t("export")}
        </a>
      </div>
      <nav aria-label={t("period")} className="flex flex-wrap gap-2">
        {HEALTH_PERIODS.map((p) => (
          <Link
            key={p}
            href={`/support/health?period=${p}`}
            aria-current={p === period ? "page" : undefined}
            className={buttonClass(p === period ? "primary" : "secondary")}
          >
            {t(`periods.${p}`)}
          </Link>
        ))}
      </nav>
      <SlaNotice fmt={fmt} notice={notice} />
      <Card aria-labelledby="overall-title" className="space-y-4">
        <h2 id="overall-title" className="text-lg font-semibold">
          {t("overall")}
        </h2>
        <HealthTable rows={[report.overall]} fmt={fmt} groupLabel={() => t(`periods.${period}`)} />
        {report.byPriority.length > 0 ? <HealthChart rows={report.byPriority} fmt={fmt} /> : null}
      </Card>
      <Card aria-labelledby="prio-title" className="space-y-3">
        <h2 id="prio-title" className="text-lg font-semibold">
          {t("byPriority")}
        </h2>
        <HealthTable rows={report.byPriority} fmt={fmt} groupLabel={(r) => r.label} />
      </Card>
      <Card aria-labelledby="csm-title" className="space-y-3">
        <h2 id="csm-title" className="text-lg font-semibold">
          {t("byCsm")}
        </h2>
        <HealthTable rows={report.byCsm} fmt={fmt} groupLabel={(r) => r.label || t("noCsm")} />
      </Card>
      <Card aria-labelledby="acc-title" className="space-y-3">
        <h2 id="acc-title" className="text-lg font-semibold">
          {t("byAccount")}
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {t("byAccountNote", {
            shown: formatNumber(fmt, Math.min(50, report.byAccount.length)),
            total: formatNumber(fmt, report.accountGroups),
          })}
        </p>
        <HealthTable rows={report.byAccount.slice(0, 50)} fmt={fmt} groupLabel={(r) => r.label} />
      </Card>
    </div>
  );
}
