import { clsx } from "clsx";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { TPortfolio } from "@/lib/domain/journeys/types";
import { METRICS, METRIC_TARGETS, improved, meetsTarget, type TMetric } from "@/lib/domain/journeys/metrics";
import { formatDate, formatNumber, type TFormatContext } from "@/lib/i18n/format";
import { Pill } from "./journey-parts";

/** The five portfolio metrics: value, target, met or not, trend against the snapshot 30+ days old, drill-down link. */
export async function JourneyMetrics({
  portfolio,
  fmt,
  selected,
}: {
  portfolio: TPortfolio;
  fmt: TFormatContext;
  selected: TMetric;
}) {
  const t = await getTranslations("journeys");
  const show = (m: TMetric, v: number | null) =>
    v === null
      ? t("metrics.noData")
      : METRIC_TARGETS[m].unit === "percent"
        ? formatNumber(fmt, v / 100, { style: "percent", maximumFractionDigits: 1 })
        : t("metrics.daysValue", { count: v, n: formatNumber(fmt, v) });
  return (
    <section aria-labelledby="metrics-title" className="space-y-2">
      <h2 id="metrics-title" className="text-lg font-semibold">
        {t("metrics.title")}
      </h2>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        {METRICS.map((m) => {
          const v = portfolio.metrics[m];
          const ok = meetsTarget(m, v);
          const before = portfolio.before?.metrics[m] ?? null;
          const better = improved(m, v, before);
          return (
            <li key={m}>
              <Link
                href={`/journeys?metric=${m}#drill-title`}
                aria-current={selected === m ? "true" : undefined}
                className={clsx(
                  "block h-full rounded-lg border bg-white p-3 shadow-sm hover:border-brand-600 dark:bg-slate-900",
                  selected === m ? "border-brand-600 ring-1 ring-brand-600" : "border-slate-200 dark:border-slate-800",
                )}
              >
                <p className="text-sm font-medium">{t(`metrics.names.${m}`)}</p>
                <p className="mt-1 text-2xl font-semibold">{show(m, v)}</p>
                <p className="text-xs text-slate-600 dark:text-slate-400">
                  {t(`metrics.target.${METRIC_TARGETS[m].better}`, { target: show(m, METRIC_TARGETS[m].target) })}
                </p>
                <p className="mt-2 flex flex-wrap items-center gap-2 text-xs">
                  {ok === null ? null : (
                    <Pill tone={ok ? "ok" : "bad"}>{ok ? t("metrics.met") : t("metrics.missed")}</Pill>
                  )}
                  <span>
                    {portfolio.before === null
                      ? t("metrics.noTrend")
                      : better === null
                        ? t("metrics.trendSame", { date: formatDate(fmt, portfolio.before.day) })
                        : t(better ? "metrics.trendBetter" : "metrics.trendWorse", {
                            before: show(m, before),
                            date: formatDate(fmt, portfolio.before.day),
                          })}
                  </span>
                </p>
                <p className="mt-1 text-xs text-brand-700 dark:text-brand-100">{t("metrics.drill")}</p>
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
