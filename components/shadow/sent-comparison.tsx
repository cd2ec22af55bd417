"use client";

import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import type { TSentReport } from "@/lib/domain/shadow/sent";
import { formatNumber } from "@/lib/i18n/format";
import type { TLocale } from "@/lib/i18n/locales";
import { isUuid } from "@/lib/domain/ids";
import { Metric } from "./metric";

/** Comparison 2: per organization, the shadow's latest suggested nudge against the latest one sent. */
export function SentComparison({ sent }: { sent: TSentReport }) {
  const t = useTranslations("shadow");
  const locale = useLocale() as TLocale;
  const fmt = (n: number | null, digits = 0) =>
    n === null
      ? "—"
      : formatNumber({ locale, timeZone: "UTC" }, n, { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const templates = Object.keys(sent.confusion);
  return (
    <section
      aria-labelledby="sent-title"
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <div>
        <h2 id="sent-title" className="text-lg font-semibold">
          {t("sentTitle")}
        </h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("sentDescription")}</p>
      </div>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
        <Metric
          label={t("sentAgreement")}
          value={sent.agreement_pct === null ? "—" : `${fmt(sent.agreement_pct, 1)}%`}
          hint={t("orgsCompared", { n: fmt(sent.orgs) })}
        />
        <Metric label={t("agree")} value={fmt(sent.agree)} />
        <Metric label={t("sentPending")} value={fmt(sent.pending)} hint={t("sentPendingHint")} />
        <Metric label={t("disagree")} value={fmt(sent.disagree)} />
        <Metric label={t("unmatched")} value={fmt(sent.unmatched)} hint={t("sentUnmatchedHint")} />
      </dl>
      <div className="overflow-x-auto">
        <table className="text-sm">
          <caption className="mb-2 text-start text-sm font-semibold">{t("sentConfusion")}</caption>
          <thead>
            <tr>
              <th scope="col" className="px-2 py-1 text-start text-xs text-slate-600 dark:text-slate-400">
                {t("shadowVsSent")}
              </th>
              {templates.map((h) => (
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
                {templates.map((h) => (
                  <td
                    key={h}
                    className={`px-2 py-1 tabular-nums ${s === h ? "font-semibold text-emerald-800 dark:text-emerald-300" : ""}`}
                  >
                    {fmt(sent.confusion[s]?.[h] ?? 0)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div>
        <h3 className="mb-1 text-sm font-semibold">{t("sentSamples")}</h3>
        {sent.disagreement_samples.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">{t("noSamples")}</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm dark:divide-slate-800">
            {sent.disagreement_samples.map((s) => (
              <li key={s.organization_id} className="py-2">
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
                <p>{t("sentSampleLine", { shadow: s.shadow_template, sent: s.sent_template })}</p>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
