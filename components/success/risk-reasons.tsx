import { getTranslations } from "next-intl/server";
import type { TRiskReason } from "@/lib/domain/risk/score";
import { formatNumber, type TFormatContext } from "@/lib/i18n/format";

/** The reasons behind a score, each with its points, in the reader's language. */
export async function RiskReasons({ reasons, fmt }: { reasons: TRiskReason[]; fmt: TFormatContext }) {
  const t = await getTranslations("risk");
  if (reasons.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">{t("noReasons")}</p>;
  return (
    <ul className="space-y-1 text-sm">
      {reasons.map((r) => (
        <li key={r.code} className="flex items-baseline gap-2">
          <span className="tabular-nums font-semibold text-slate-700 dark:text-slate-300">
            {t("points", { n: formatNumber(fmt, r.points) })}
          </span>
          <span>{t(`reasons.${r.code}`, { count: r.value, n: formatNumber(fmt, r.value) })}</span>
        </li>
      ))}
    </ul>
  );
}

const SEVERITY_CLASS = {
  high: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-100",
  medium: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-100",
  low: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100",
} as const;

export async function SeverityBadge({ severity }: { severity: keyof typeof SEVERITY_CLASS }) {
  const t = await getTranslations("risk.severities");
  return (
    <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ${SEVERITY_CLASS[severity]}`}>
      {t(severity)}
    </span>
  );
}
