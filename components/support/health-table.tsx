import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { durationParts } from "@/lib/domain/support/types";
import type { THealthRow } from "@/lib/domain/support/health";
import { formatNumber, type TFormatContext } from "@/lib/i18n/format";

const VERDICT_TONE = { healthy: "ok", watch: "warn" } as const;

export async function HealthTable({
  rows,
  fmt,
  groupLabel,
}: {
  rows: THealthRow[];
  fmt: TFormatContext;
  groupLabel: (r: THealthRow) => string;
}) {
  const t = await getTranslations("sla");
  const n = (x: number) => formatNumber(fmt, x);
  const pct = (x: number | null) =>
    x === null ? "—" : formatNumber(fmt, x, { style: "percent", maximumFractionDigits: 1 });
  const dur = (ms: number | null) =>
    ms === null
      ? "—"
      : durationParts(ms)
          .map((p) => t(`duration.${p.unit}`, { n: n(p.n) }))
          .join(" ");
  return (
    <DataTable
      headers={[
        t("columns.group"),
        t("columns.count"),
        t("columns.breaches"),
        t("columns.met"),
        t("columns.rate"),
        t("columns.frMean"),
        t("columns.frP90"),
        t("columns.resMean"),
        t("columns.resP90"),
        t("columns.verdict"),
      ]}
    >
      {rows.map((r) => (
        <tr key={r.key}>
          <th scope="row" className="px-3 py-2 text-start font-medium">
            <bdi>{groupLabel(r)}</bdi>
          </th>
          <td className="px-3 py-2">{n(r.count)}</td>
          <td className="px-3 py-2">{n(r.breaches)}</td>
          <td className="px-3 py-2">{pct(r.met)}</td>
          <td className="px-3 py-2" dir="ltr">
            {r.rate === null ? "—" : formatNumber(fmt, r.rate, { minimumFractionDigits: 3, maximumFractionDigits: 3 })}
          </td>
          <td className="px-3 py-2 whitespace-nowrap">{dur(r.firstResponseMeanMs)}</td>
          <td className="px-3 py-2 whitespace-nowrap">{dur(r.firstResponseP90Ms)}</td>
          <td className="px-3 py-2 whitespace-nowrap">{dur(r.resolutionMeanMs)}</td>
          <td className="px-3 py-2 whitespace-nowrap">{dur(r.resolutionP90Ms)}</td>
          <td className="px-3 py-2">
            {r.verdict === "critical" ? (
              <span className="inline-flex rounded-full bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-900 dark:bg-red-950 dark:text-red-200">
                {t("verdicts.critical")}
              </span>
            ) : r.verdict ? (
              <Badge tone={VERDICT_TONE[r.verdict]}>{t(`verdicts.${r.verdict}`)}</Badge>
            ) : (
              t("verdicts.none")
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

/** Share of tickets that met both targets, one bar per priority; the numbers are in the text too. */
export async function HealthChart({ rows, fmt }: { rows: THealthRow[]; fmt: TFormatContext }) {
  const t = await getTranslations("sla");
  return (
    <figure className="space-y-2">
      <figcaption className="text-sm font-semibold">{t("chart")}</figcaption>
      <ul className="space-y-2">
        {rows.map((r) => {
          const met = r.met ?? 0;
          const tone =
            r.verdict === "critical" ? "bg-red-600" : r.verdict === "watch" ? "bg-amber-500" : "bg-emerald-600";
          return (
            <li key={r.key} className="grid grid-cols-[3rem_1fr_auto] items-center gap-3 text-sm">
              <span dir="ltr" className="font-bold">
                {r.key}
              </span>
              <span className="h-4 overflow-hidden rounded bg-slate-200 dark:bg-slate-800" aria-hidden>
                <span className={`block h-full ${tone}`} style={{ width: `${Math.round(met * 100)}%` }} />
              </span>
              <span>
                {t("chartBar", {
                  priority: r.key,
                  met: formatNumber(fmt, r.count - r.breaches),
                  count: formatNumber(fmt, r.count),
                })}
              </span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
