"use client";

import { Check, X } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import type { TAgreementReport } from "@/lib/domain/shadow/report";
import { formatList, formatNumber } from "@/lib/i18n/format";
import type { TLocale } from "@/lib/i18n/locales";
import { BreakdownTable } from "./breakdown-table";
import { isUuid } from "@/lib/domain/ids";
import { Metric } from "./metric";

/** The agreement report, for the ingested logs and for an uploaded file alike. */
export function ShadowReport({ report, signOff }: { report: TAgreementReport; signOff?: React.ReactNode }) {
  const t = useTranslations("shadow");
  const locale = useLocale() as TLocale;
  const fmt = (n: number | null, digits = 0) =>
    n === null
      ? "—"
      : formatNumber({ locale, timeZone: "UTC" }, n, { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const templates = Object.keys(report.confusion);
  const heuristicTemplates = [...new Set(templates.flatMap((s) => Object.keys(report.confusion[s] ?? {})))];
  const labels = {
    decisions: t("decisions"),
    agree: t("agree"),
    disagree: t("disagree"),
    known: t("knownDivergence"),
    unmatched: t("unmatched"),
    pct: t("agreementPct"),
  };
  const maxTrend = Math.max(1, ...report.trend.map((d) => d.decisions));
  return (
    <div className="space-y-6">
      <section
        aria-labelledby="gates-title"
        className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
      >
        <h2 id="gates-title" className="mb-3 text-lg font-semibold">
          {t("gates")}
        </h2>
        <ul className="space-y-2">
          {report.gates.map((g) => (
            <li key={g.name} className="flex flex-wrap items-center gap-2 text-sm">
              {g.pass ? (
                <Check aria-hidden className="size-4 text-emerald-700" />
              ) : (
                <X aria-hidden className="size-4 text-red-700" />
              )}
              <span className="font-medium">{t(`gateNames.${g.name}`)}</span>
              <span className="sr-only">{g.pass ? t("pass") : t("fail")}</span>
              <span className="text-slate-600 dark:text-slate-400">
                {typeof g.value === "number"
                  ? fmt(g.value, g.name === "shadow_decisions" ? 0 : 1)
                  : g.value === null
                    ? "—"
                    : t(
                        `gateValues.${g.value === "signed off" ? "signed" : g.value === "pending sign-off" ? "pending" : "notYet"}`,
                      )}
                {" · "}
                <bdi>{g.threshold}</bdi>
              </span>
            </li>
          ))}
        </ul>
        {signOff}
      </section>

      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Metric
          label={t("decisions")}
          value={fmt(report.decisions)}
          hint={t("matchedOf", { n: fmt(report.matched) })}
        />
        <Metric
          label={t("agreementPct")}
          value={report.agreement_pct === null ? "—" : `${fmt(report.agreement_pct, 1)}%`}
          hint={t("kappa", { k: fmt(report.kappa, 2) })}
        />
        <Metric
          label={t("knownDivergence")}
          value={fmt(report.known_divergence)}
          hint={t("unmatchedHint", { n: fmt(report.unmatched) })}
        />
        <Metric
          label={t("malformed")}
          value={fmt(report.malformed)}
          hint={
            report.malformed_lines.length
              ? t("lines", {
                  lines: formatList(
                    { locale, timeZone: "UTC" },
                    report.malformed_lines.slice(0, 5).map((l) => fmt(l)),
                  ),
                })
              : undefined
          }
        />
        <Metric
          label={t("heartbeats")}
          value={fmt(report.heartbeats)}
          hint={t("firingRate", { rate: fmt(report.firing_rate_per_hour, 2) })}
        />
        <Metric
          label={t("noiseFloor")}
          value={report.noise_floor.agreement_pct === null ? "—" : `${fmt(report.noise_floor.agreement_pct, 1)}%`}
          hint={t("noiseHint")}
        />
        <Metric
          label={t("perOrg")}
          value={report.per_org.agreement_pct === null ? "—" : `${fmt(report.per_org.agreement_pct, 1)}%`}
          hint={t("orgs", { n: fmt(report.per_org.orgs) })}
        />
        <Metric
          label={t("span")}
          value={report.heartbeat_span_days === null ? "—" : fmt(report.heartbeat_span_days, 1)}
          hint={t("spanHint")}
        />
      </dl>

      <section
        aria-labelledby="confusion-title"
        className="overflow-x-auto rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
      >
        <h2 id="confusion-title" className="mb-2 text-lg font-semibold">
          {t("confusion")}
        </h2>
        <table className="text-sm">
          <thead>
            <tr>
              <th scope="col" className="px-2 py-1 text-start text-xs text-slate-600 dark:text-slate-400">
                {t("shadowVsHeuristic")}
              </th>
              {heuristicTemplates.map((h) => (
                <th key={h} scope="col" className="px-2 py-1 text-start font-mono text-xs" dir="ltr">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {templates.map((s) => (
              <tr key={s} className="border-t border-slate-100 dark:border-slate-800">
                <th scope="row" className="px-2 py-1 text-start font-mono text-xs" dir="ltr">
                  {s}
                </th>
                {heuristicTemplates.map((h) => (
                  <td
                    key={h}
                    className={`px-2 py-1 tabular-nums ${s === h ? "font-semibold text-emerald-800 dark:text-emerald-300" : ""}`}
                  >
                    {fmt(report.confusion[s]?.[h] ?? 0)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <div className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
          <BreakdownTable
            caption={t("byTier")}
            rows={Object.entries(report.by_tier)}
            labels={{ ...labels, group: t("tier") }}
            fmt={fmt}
          />
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
          <BreakdownTable
            caption={t("byWindow")}
            rows={Object.entries(report.by_day_window)}
            labels={{ ...labels, group: t("window") }}
            fmt={fmt}
          />
        </div>
      </div>

      <section
        aria-labelledby="trend-title"
        className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
      >
        <h2 id="trend-title" className="mb-3 text-lg font-semibold">
          {t("trend")}
        </h2>
        {report.trend.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">{t("noTrend")}</p>
        ) : (
          // Flex rows follow the reading direction, so time runs right-to-left in Arabic.
          <ol className="flex h-40 items-end gap-1 overflow-x-auto" aria-label={t("trend")}>
            {report.trend.map((d) => (
              <li
                key={d.day}
                className="flex h-full min-w-6 flex-1 flex-col justify-end"
                title={`${d.day}: ${d.agreement_pct === null ? "—" : `${fmt(d.agreement_pct, 1)}%`}`}
              >
                <span className="sr-only">{`${d.day}: ${d.agreement_pct === null ? "—" : `${fmt(d.agreement_pct, 1)}%`}, ${t("decisions")} ${fmt(d.decisions)}`}</span>
                <span
                  aria-hidden
                  className="block rounded-t bg-brand-600"
                  style={{
                    height: `${Math.max(4, (100 * d.decisions) / maxTrend)}%`,
                    opacity: d.agreement_pct === null ? 0.3 : 0.3 + (0.7 * d.agreement_pct) / 100,
                  }}
                />
              </li>
            ))}
          </ol>
        )}
        <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">{t("trendHint")}</p>
      </section>

      <section
        aria-labelledby="samples-title"
        className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
      >
        <h2 id="samples-title" className="mb-2 text-lg font-semibold">
          {t("samples")}
        </h2>
        {report.disagreement_samples.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">{t("noSamples")}</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm dark:divide-slate-800">
            {report.disagreement_samples.map((s) => (
              <li key={`${s.line}`} className="py-2">
                {isUuid(s.organization_id) ? (
                  <Link
                    href={`/accounts/${s.organization_id}`}
                    className="font-mono text-xs text-brand-700 hover:underline dark:text-brand-100"
                    dir="ltr"
                  >
                    {s.organization_id}
                  </Link>
                ) : (
                  <code className="text-xs" dir="ltr">
                    {s.organization_id}
                  </code>
                )}
                <p>
                  {t("sampleLine", {
                    shadow: s.shadow_template,
                    heuristic: s.heuristic_template,
                    days: fmt(s.days_since_signup),
                    line: fmt(s.line),
                  })}
                </p>
                {s.hermes_reasoning ? (
                  <p className="text-xs text-slate-600 dark:text-slate-400">
                    <bdi>{s.hermes_reasoning}</bdi>
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
