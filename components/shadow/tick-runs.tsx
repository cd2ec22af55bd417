import { getTranslations } from "next-intl/server";
import type { TTickRun } from "@/lib/domain/nudges/types";
import { formatDate, formatNumber, type TFormatContext } from "@/lib/i18n/format";

const TEMPLATES = ["day1-pair-screen", "day3-upload-content", "day7-create-schedule", "none"] as const;

/** What the heuristic decided in its latest ticks: a founder watches it run before trusting the agent. */
export async function TickRuns({ runs, fmt }: { runs: TTickRun[]; fmt: TFormatContext }) {
  const t = await getTranslations("shadow");
  const th = "px-2 py-1.5 text-start text-xs font-semibold text-slate-600 dark:text-slate-400";
  if (runs.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">{t("noRuns")}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-sm">
        <thead>
          <tr className="border-b border-slate-200 dark:border-slate-800">
            <th scope="col" className={th}>
              {t("runAt")}
            </th>
            <th scope="col" className={th}>
              {t("decisions")}
            </th>
            {TEMPLATES.map((tpl) => (
              <th key={tpl} scope="col" className={`${th} font-mono`} dir="ltr">
                {tpl}
              </th>
            ))}
            <th scope="col" className={th}>
              {t("autoComplete")}
            </th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.runId} className="border-b border-slate-100 tabular-nums dark:border-slate-800">
              <td className="px-2 py-1.5 whitespace-nowrap">{formatDate(fmt, r.at, "dateTime")}</td>
              <td className="px-2 py-1.5">{formatNumber(fmt, r.decisions)}</td>
              {TEMPLATES.map((tpl) => (
                <td key={tpl} className="px-2 py-1.5">
                  {formatNumber(fmt, r.byTemplate[tpl] ?? 0)}
                </td>
              ))}
              <td className="px-2 py-1.5">{formatNumber(fmt, r.autoComplete)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
