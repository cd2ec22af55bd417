import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { TDrillRow } from "@/lib/domain/journeys/types";
import type { TMetric } from "@/lib/domain/journeys/metrics";
import { formatNumber, type TFormatContext } from "@/lib/i18n/format";
import { Pill, healthTone } from "./journey-parts";

/** The accounts behind a metric's number (behind-schedule accounts by default), each linking to its journey. */
export async function DrillTable({
  metric,
  rows,
  total,
  fmt,
}: {
  metric: TMetric;
  rows: TDrillRow[];
  total: number;
  fmt: TFormatContext;
}) {
  const t = await getTranslations("journeys");
  const tj = await getTranslations("journey");
  const n = (v: number) => formatNumber(fmt, v);
  return (
    <section
      aria-labelledby="drill-title"
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id="drill-title" className="text-lg font-semibold">
        {t(`drill.titles.${metric}`)}
      </h2>
      <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
        {t("drill.count", { count: total, n: n(total), shown: n(rows.length) })}
      </p>
      {rows.length === 0 ? (
        <p className="text-sm">{t("drill.none")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <thead>
              <tr>
                <th scope="col" className="py-1 text-start font-medium">
                  {t("drill.account")}
                </th>
                <th scope="col" className="py-1 text-start font-medium">
                  {t("drill.stage")}
                </th>
                <th scope="col" className="py-1 text-start font-medium">
                  {t("drill.health")}
                </th>
                <th scope="col" className="py-1 text-start font-medium">
                  {t(`drill.values.${metric}`)}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-t border-slate-100 dark:border-slate-800">
                  <th scope="row" className="py-1.5 text-start font-normal">
                    <Link
                      href={`/accounts/${r.id}/journey`}
                      className="text-brand-700 hover:underline dark:text-brand-100"
                    >
                      <bdi>{r.name}</bdi>
                    </Link>
                  </th>
                  <td className="py-1.5">
                    {tj(`stages.${r.stage}`)}
                    {r.behind ? (
                      <span className="text-xs text-amber-800 dark:text-amber-200"> · {tj("behind")}</span>
                    ) : null}
                  </td>
                  <td className="py-1.5">
                    <Pill tone={healthTone(r.health)}>{n(r.health)}</Pill>
                  </td>
                  <td className="py-1.5 tabular-nums">{r.value === null ? "—" : n(r.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
