import { getTranslations } from "next-intl/server";
// eslint-disable-next-line import/no-restricted-paths -- TJourneyReport is built from lib/data's TEvaluated/TJourneySettings; moves with the journey data (item 2)
import type { TJourneyReport } from "@/lib/data/journey-report";
import { daysLeftInWindow, exitStageOf, stageChangeOfMark, type TJourneyInput } from "@/lib/domain/journeys/engine";
import { forecastProgression } from "@/lib/domain/journeys/forecast";
import { CRITERIA, EXIT_CRITERIA, STAGE_WINDOWS, expectedDuration } from "@/lib/domain/journeys/stages";
import { formatDate, formatNumber, type TFormatContext } from "@/lib/i18n/format";
import { CriterionToggle } from "./criterion-toggle";
import { Meter, Pill, Section } from "./journey-parts";

const KEY_OBJECTIVES = {
  onboarding: ["implementation", "first_value"],
  adoption: ["feature_usage", "habits"],
  growth: ["expansion", "deeper_use"],
  maturity: ["optimisation", "advocacy"],
} as const;

/** Current stage with days and progress, objectives with target / current / status, and the exit-criteria checklist. */
export async function JourneyProgress({
  report,
  fmt,
  now,
  canMark,
}: {
  report: TJourneyReport;
  fmt: TFormatContext;
  now: Date;
  canMark: boolean;
}) {
  const t = await getTranslations("journey");
  const e = report.live.evaluation;
  const n = (v: number) => formatNumber(fmt, v);
  const days = (v: number) => t("days", { count: v, n: n(v) });
  const w = STAGE_WINDOWS[e.stage];
  const expected = expectedDuration(e.stage);
  const left = daysLeftInWindow(e.stage, e.daysSinceStart);
  const progress =
    w.end === null ? 100 : (100 * Math.min(expected, Math.max(0, e.daysSinceStart - w.start))) / expected;
  const criteria = EXIT_CRITERIA[e.stage];
  const metCount = criteria.filter((c) => report.live.met.has(c)).length;
  // What each mark or withdrawal would do to the stage, by the rule the server applies (issue 12 item 10).
  const journey: TJourneyInput = {
    contractStart: new Date(`${report.contractStart}T00:00:00.000Z`),
    contractEnd: report.contractEnd ? new Date(`${report.contractEnd}T00:00:00.000Z`) : null,
    current: { stage: e.stage, enteredAt: e.enteredAt, renewal: e.renewal, advocacy: e.advocacy },
    met: report.live.met,
    now,
  };
  const tasks = report.touchpoints.filter(
    (tp) => tp.owner === "csm" && tp.dueAt >= e.enteredAt && tp.status !== "skipped",
  );
  const tasksDone = tasks.filter((tp) => tp.status === "done").length;
  const activity = report.live.health.factors.engagement.values.days;
  const objectives = [
    {
      key: "criteria",
      target: n(criteria.length),
      current: n(metCount),
      status: metCount === criteria.length ? "met" : e.behindSchedule ? "behind" : "on_track",
    },
    {
      key: "tasks",
      target: n(tasks.length),
      current: n(tasksDone),
      status: tasksDone === tasks.length ? "met" : "on_track",
    },
    {
      key: "time",
      target: days(expected),
      current: days(e.daysInStage),
      status: e.behindSchedule ? "behind" : "on_track",
    },
    {
      key: "activity",
      target: t("objectives.activityTarget", { days: days(7) }),
      current:
        report.live.health.factors.engagement.note === "no_activity"
          ? t("objectives.never")
          : days(Number(activity ?? 0)),
      status: report.live.health.factors.engagement.note === "no_activity" || Number(activity) > 7 ? "at_risk" : "met",
    },
  ] as const;
  const forecast = forecastProgression({
    stage: e.stage,
    daysSinceStart: e.daysSinceStart,
    met: report.live.met,
    escalationOpen: report.live.escalationOpen,
    health: report.live.health.score,
  });
  const start = new Date(`${report.contractStart}T00:00:00.000Z`);
  const byDate =
    forecast.expectedByDay === null ? null : new Date(start.getTime() + forecast.expectedByDay * 86_400_000);
  const statusTone = { met: "ok", on_track: "muted", behind: "bad", at_risk: "warn" } as const;
  return (
    <>
      <Section id="journey-current" title={t("current.title")}>
        <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
          <div>
            <dt className="text-slate-600 dark:text-slate-400">{t("current.stage")}</dt>
            <dd className="font-semibold">{t(`stages.${e.stage}`)}</dd>
          </div>
          <div>
            <dt className="text-slate-600 dark:text-slate-400">{t("current.daysInStage")}</dt>
            <dd className="font-semibold">{days(e.daysInStage)}</dd>
          </div>
          <div>
            <dt className="text-slate-600 dark:text-slate-400">{t("current.contractDay")}</dt>
            <dd className="font-semibold">{n(e.daysSinceStart)}</dd>
          </div>
          <div>
            <dt className="text-slate-600 dark:text-slate-400">{t("current.window")}</dt>
            <dd className="font-semibold">
              {left === null
                ? t("current.noEnd")
                : left >= 0
                  ? t("current.left", { days: days(left) })
                  : t("current.behindBy", { days: days(-left) })}
            </dd>
          </div>
        </dl>
        <div className="mt-3 space-y-1">
          <Meter value={progress} label={t("current.progress")} scored={false} />
          <p className="text-xs text-slate-600 dark:text-slate-400">
            {t("current.progressText", { percent: formatNumber(fmt, progress / 100, { style: "percent" }) })}
          </p>
        </div>
        {e.behindSchedule ? (
          <p className="mt-3 rounded-md bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
            {t("current.behindNote")}
          </p>
        ) : null}
      </Section>

      <Section id="journey-objectives" title={t("objectives.title")}>
        <p className="mb-2 text-sm text-slate-700 dark:text-slate-300">
          {t("objectives.key", { list: KEY_OBJECTIVES[e.stage].map((k) => t(`objectives.keys.${k}`)).join(" · ") })}
        </p>
        <table className="w-full text-sm">
          <thead>
            <tr className="text-start text-slate-600 dark:text-slate-400">
              <th scope="col" className="py-1 text-start font-medium">
                {t("objectives.objective")}
              </th>
              <th scope="col" className="py-1 text-start font-medium">
                {t("objectives.target")}
              </th>
              <th scope="col" className="py-1 text-start font-medium">
                {t("objectives.current")}
              </th>
              <th scope="col" className="py-1 text-start font-medium">
                {t("objectives.status")}
              </th>
            </tr>
          </thead>
          <tbody>
            {objectives.map((o) => (
              <tr key={o.key} className="border-t border-slate-100 dark:border-slate-800">
                <th scope="row" className="py-1.5 text-start font-normal">
                  {t(`objectives.rows.${o.key}`)}
                </th>
                <td className="py-1.5">{o.target}</td>
                <td className="py-1.5">{o.current}</td>
                <td className="py-1.5">
                  <Pill tone={statusTone[o.status]}>{t(`objectives.statuses.${o.status}`)}</Pill>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <Section id="journey-criteria" title={t("criteria.title")}>
        <ul className="space-y-2">
          {/* Earlier stages' criteria stay listed while marked: withdrawing one can move the account back. */}
          {CRITERIA.filter(
            (c) =>
              criteria.includes(c) ||
              c === "contract_renewed" ||
              c === "active_promoter" ||
              c === "reference_customer" ||
              report.live.met.has(c),
          ).map((c) => {
            const ofStage = exitStageOf(c);
            const m = report.live.met.get(c);
            const exit = criteria.includes(c);
            const stored = report.criteria.find((x) => x.criterion === c);
            return (
              <li key={c} className="flex flex-wrap items-center justify-between gap-2 text-sm">
                <span className="flex items-center gap-2">
                  <span aria-hidden className={m ? "text-emerald-700 dark:text-emerald-400" : "text-slate-400"}>
                    {m ? "☑" : "☐"}
                  </span>
                  <span>
                    <span className={exit ? "font-medium" : ""}>{t(`criteria.names.${c}`)}</span>
                    <span className="sr-only">: {m ? t("criteria.met") : t("criteria.notMet")}</span>
                    {!exit ? (
                      <span className="text-xs text-slate-600 dark:text-slate-400">
                        {" "}
                        ·{" "}
                        {c === "contract_renewed"
                          ? t("criteria.renewalExit")
                          : c === "active_promoter" || c === "reference_customer" || ofStage === null
                            ? t("criteria.advocacyFlag")
                            : t("criteria.ofStage", { stage: t(`stages.${ofStage}`) })}
                      </span>
                    ) : null}
                    {m ? (
                      <span className="block text-xs text-slate-600 dark:text-slate-400">
                        {t.rich("criteria.metBy", {
                          date: formatDate(fmt, m.at),
                          actor: m.by,
                          bdi: (x) => <bdi>{x}</bdi>,
                        })}
                        {stored?.note ? (
                          <>
                            {" "}
                            · <bdi>{stored.note}</bdi>
                          </>
                        ) : null}
                      </span>
                    ) : null}
                  </span>
                </span>
                {canMark ? (
                  <CriterionToggle
                    accountId={report.live.accountId}
                    criterion={c}
                    met={!!m}
                    label={t(`criteria.names.${c}`)}
                    change={stageChangeOfMark(journey, c, !m)}
                  />
                ) : null}
              </li>
            );
          })}
        </ul>
      </Section>

      <Section id="journey-forecast" title={t("forecast.title")}>
        {forecast.next === null ? (
          <p className="text-sm">{t("forecast.final")}</p>
        ) : (
          <div className="space-y-2 text-sm">
            <p>
              {t("forecast.next", { stage: t(`stages.${forecast.next}`) })}
              {byDate ? ` · ${t("forecast.by", { date: formatDate(fmt, byDate) })}` : ""}
            </p>
            <p>
              {t("forecast.confidence")}{" "}
              <Pill tone={forecast.confidence === "high" ? "ok" : forecast.confidence === "medium" ? "warn" : "bad"}>
                {t(`forecast.levels.${forecast.confidence}`)}
              </Pill>
            </p>
            {forecast.blockers.length ? (
              <div>
                <p className="font-medium">{t("forecast.blockers")}</p>
                <ul className="list-disc ps-5">
                  {forecast.blockers.map((b) => (
                    <li key={b.type === "criterion" ? b.criterion : b.type}>
                      {b.type === "criterion"
                        ? t("forecast.missing", { criterion: t(`criteria.names.${b.criterion}`) })
                        : t("forecast.escalation")}
                    </li>
                  ))}
                </ul>
              </div>
            ) : (
              <p>{t("forecast.noBlockers")}</p>
            )}
          </div>
        )}
      </Section>
    </>
  );
}
