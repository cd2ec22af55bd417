import { getTranslations } from "next-intl/server";
import type { TPortfolio } from "@/lib/domain/journeys/types";
import { STAGES } from "@/lib/domain/journeys/stages";
import { formatNumber, type TFormatContext } from "@/lib/i18n/format";

/**
 * Accounts per stage as horizontal bars. Each bar's row states its number in text, so the chart reads
 * the same to a screen reader; bars grow from the inline start (right in Arabic).
 */
export async function StageChart({ portfolio, fmt }: { portfolio: TPortfolio; fmt: TFormatContext }) {
  const t = await getTranslations("journeys");
  const tj = await getTranslations("journey");
  const rows = [
    ...STAGES.map((s) => ({ key: s, label: tj(`stages.${s}`), n: portfolio.byStage[s], tone: "bg-brand-600" })),
    { key: "renewal", label: tj("overlay.renewal"), n: portfolio.renewal, tone: "bg-sky-600" },
    { key: "advocacy", label: tj("overlay.advocacy"), n: portfolio.advocacy, tone: "bg-violet-600" },
    { key: "behind", label: t("chart.behind"), n: portfolio.behind, tone: "bg-amber-500" },
  ];
  const max = Math.max(1, ...rows.map((r) => r.n));
  return (
    <section
      aria-labelledby="chart-title"
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id="chart-title" className="text-lg font-semibold">
        {t("chart.title")}
      </h2>
      <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
        {t("chart.total", { count: portfolio.total, n: formatNumber(fmt, portfolio.total) })}
      </p>
      <dl className="space-y-2">
        {rows.map((r) => (
          <div key={r.key} className="grid grid-cols-[8rem_1fr_4rem] items-center gap-3 text-sm">
            <dt>{r.label}</dt>
            <dd aria-hidden className="h-4 rounded bg-slate-100 dark:bg-slate-800">
              <div className={`h-4 rounded ${r.tone}`} style={{ width: `${(100 * r.n) / max}%` }} />
            </dd>
            <dd className="text-end font-medium tabular-nums">{formatNumber(fmt, r.n)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
