import { getTranslations } from "next-intl/server";
// eslint-disable-next-line import/no-restricted-paths -- TJourneyReport is built from lib/data's TEvaluated/TJourneySettings; moves with the journey data (item 2)
import type { TJourneyReport } from "@/lib/data/journey-report";
import { FACTORS, trendOf, type TFactor, type TFactorScore } from "@/lib/domain/journeys/health";
import { formatList, formatNumber, type TFormatContext } from "@/lib/i18n/format";
import { Meter, Pill, Section, Trend, healthTone } from "./journey-parts";

/** Health with its four weighted factors, each with its trend against 30 days ago and a one-line note. */
export async function JourneyHealth({ report, fmt }: { report: TJourneyReport; fmt: TFormatContext }) {
  const t = await getTranslations("journey");
  const h = report.live.health;
  const n = (v: number) => formatNumber(fmt, v);
  const days = (v: number) => t("days", { count: v, n: n(v) });
  const trendLabel = (now: number, before: number | undefined | null) => {
    const tr = trendOf(now, before);
    return { tr, label: tr ? t(`trend.${tr}`, { before: n(before!) }) : t("trend.none") };
  };
  const note = (f: TFactor, s: TFactorScore): string => {
    const v = s.values;
    if (f === "risk") {
      if (s.note === "none" || s.note === "none_no_score") return t(`notes.risk.${s.note}`);
      const parts = s.note.split("+").map((p) => t(`notes.risk.${p}`, { score: String(v.atRisk ?? "") }));
      return formatList(fmt, parts) + (report.atRiskAvailable ? "" : ` · ${t("notes.risk.noScore")}`);
    }
    return t(`notes.${f}.${s.note}`, {
      days: days(Number(v.days ?? 0)),
      rate: n(Number(v.rate ?? 0)),
      done: n(Number(v.done ?? 0)),
      expected: n(Number(v.expected ?? 0)),
    });
  };
  const overall = trendLabel(h.score, report.before?.health);
  return (
    <Section id="journey-health" title={t("health.title")}>
      <div className="mb-4 flex flex-wrap items-baseline gap-3">
        <p className="text-3xl font-semibold">
          {n(h.score)}
          <span className="text-base font-normal text-slate-600 dark:text-slate-400"> / {n(100)}</span>
        </p>
        <Pill tone={healthTone(h.score)}>{t(`health.band.${healthTone(h.score)}`)}</Pill>
        <Trend trend={overall.tr} label={overall.label} />
      </div>
      <ul className="space-y-3">
        {FACTORS.map((f) => {
          const s = h.factors[f];
          const tr = trendLabel(s.score, report.before?.factors?.[f]?.score);
          return (
            <li key={f} className="space-y-1">
              <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
                <span className="font-medium">
                  {t(`factors.${f}`)}{" "}
                  <span className="text-xs font-normal text-slate-600 dark:text-slate-400">
                    {t("health.weight", {
                      weight: formatNumber(fmt, report.settings.weights[f] / 100, { style: "percent" }),
                    })}
                  </span>
                </span>
                <span className="flex items-baseline gap-2">
                  <span className="font-semibold">{n(s.score)}</span>
                  <Trend trend={tr.tr} label={tr.label} />
                </span>
              </div>
              <Meter value={s.score} label={t(`factors.${f}`)} />
              <p className="text-xs text-slate-700 dark:text-slate-300">{note(f, s)}</p>
            </li>
          );
        })}
      </ul>
    </Section>
  );
}
