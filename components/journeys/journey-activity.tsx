import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import Link from "next/link";
// eslint-disable-next-line import/no-restricted-paths -- TJourneyReport is built from lib/data's TEvaluated/TJourneySettings; moves with the journey data (item 2)
import type { TJourneyReport, TTouchpointRow } from "@/lib/data/journey-report";
import { recommend } from "@/lib/domain/journeys/forecast";
import { CATCH_UP_DAYS, upcomingTouchpoints } from "@/lib/domain/journeys/plan";
import { daysBetween } from "@/lib/domain/journeys/stages";
import { formatDate, formatNumber, type TFormatContext } from "@/lib/i18n/format";
import { CompleteTouchpoint } from "./criterion-toggle";
import { JourneyEventLine } from "./journey-event-line";
import { Pill, Section } from "./journey-parts";
import { proposalHref } from "@/lib/domain/proposals/href";
import { isProposalState } from "@/lib/domain/proposals/state-machine";

const WEEK_MS = 7 * 86_400_000;
const UPCOMING_DAYS = 45;

/** Recent events with impact and action, touchpoints (done this week, open, held with their guardrail, planned next). */
export async function JourneyActivity({
  report,
  fmt,
  now,
  canAct,
}: {
  report: TJourneyReport;
  fmt: TFormatContext;
  now: Date;
  canAct: boolean;
}) {
  const t = await getTranslations("journey");
  const tApprovals = await getTranslations("approvals");
  const tpName = (key: string) =>
    t.has(`touchpoints.names.${key}`) ? t(`touchpoints.names.${key}`) : key.replace(/_/g, " ");
  const held = report.touchpoints.filter((tp) => tp.status === "held");
  const open = report.touchpoints.filter((tp) => tp.status === "planned" || tp.status === "proposed");
  const missed = report.touchpoints.filter((tp) => tp.status === "missed");
  const doneWeek = report.touchpoints.filter(
    (tp) => tp.status === "done" && tp.doneAt && now.getTime() - tp.doneAt.getTime() <= WEEK_MS,
  );
  const e = report.live.evaluation;
  const contractEnd = report.contractEnd ? new Date(`${report.contractEnd}T00:00:00.000Z`) : null;
  // Renewal touchpoints show as upcoming once the first of them falls inside the 45-day horizon.
  const renewalSoon = e.renewal || (e.daysToEnd !== null && e.daysToEnd >= 0 && e.daysToEnd <= UPCOMING_DAYS + 90);
  const next = upcomingTouchpoints(
    report.settings.plan,
    { stage: e.stage, enteredAt: e.enteredAt, renewal: renewalSoon, contractEnd, signals: new Map(), now },
    UPCOMING_DAYS,
  );
  const impact = (type: string) =>
    t.has(`events.impact.${type.replace(/\./g, "_")}`) ? t(`events.impact.${type.replace(/\./g, "_")}`) : "—";
  const row = (tp: TTouchpointRow, extra?: ReactNode) => (
    <li
      key={tp.id}
      className="flex flex-wrap items-start justify-between gap-2 border-t border-slate-100 py-2 text-sm first:border-t-0 dark:border-slate-800"
    >
      <div>
        <p className="font-medium">{tpName(tp.key)}</p>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          {t(`touchpoints.channels.${tp.channel}`)} · {t(`touchpoints.owners.${tp.owner}`)} ·{" "}
          {formatDate(fmt, tp.dueAt)}
        </p>
        {extra}
      </div>
      <Pill tone={tp.status === "held" || tp.status === "missed" ? "warn" : tp.status === "done" ? "ok" : "muted"}>
        {t(`touchpoints.statuses.${tp.status}`)}
      </Pill>
    </li>
  );
  const recs = recommend({
    stage: e.stage,
    met: report.live.met,
    escalationOpen: report.live.escalationOpen,
    heldCount: held.length,
    behindSchedule: e.behindSchedule,
    renewal: e.renewal,
    advocacy: e.advocacy,
    health: report.live.health,
  });
  const c = report.comparison;
  const you = {
    daysInStage: e.daysInStage,
    milestones: report.live.health.factors.milestones.score,
    engagement: report.live.health.factors.engagement.score,
    health: report.live.health.score,
  };
  const n = (v: number) => formatNumber(fmt, v);
  return (
    <>
      <Section id="journey-touchpoints" title={t("touchpoints.title")}>
        <div className="space-y-4">
          <div>
            <h3 className="text-sm font-semibold">
              {t("touchpoints.held", { count: held.length, n: n(held.length) })}
            </h3>
            {held.length === 0 ? (
              <p className="text-sm text-slate-600 dark:text-slate-400">{t("touchpoints.noneHeld")}</p>
            ) : (
              <ul>
                {held.map((tp) =>
                  row(
                    tp,
                    <p className="mt-1 text-xs font-medium text-amber-900 dark:text-amber-200">
                      {t("touchpoints.heldBy", { guardrail: t(`guardrails.${tp.heldReason ?? "weekly_limit"}`) })}
                    </p>,
                  ),
                )}
              </ul>
            )}
          </div>
          <div>
            <h3 className="text-sm font-semibold">{t("touchpoints.open")}</h3>
            {open.length === 0 ? (
              <p className="text-sm text-slate-600 dark:text-slate-400">{t("touchpoints.noneOpen")}</p>
            ) : (
              <ul>
                {open.map((tp) =>
                  row(
                    tp,
                    tp.proposalId ? (
                      <Link
                        href={proposalHref(tp.proposalId)}
                        className="text-xs text-brand-700 hover:underline dark:text-brand-100"
                      >
                        {t("touchpoints.proposal", {
                          // The stored state is a code: say it in the reader's language.
                          state: isProposalState(tp.proposalState) ? tApprovals(`states.${tp.proposalState}`) : "",
                        })}
                      </Link>
                    ) : canAct && tp.owner === "csm" ? (
                      <CompleteTouchpoint id={tp.id} label={tpName(tp.key)} />
                    ) : null,
                  ),
                )}
              </ul>
            )}
          </div>
          <div>
            <h3 className="text-sm font-semibold">
              {t("touchpoints.doneWeek", { count: doneWeek.length, n: n(doneWeek.length) })}
            </h3>
            {doneWeek.length ? (
              <ul>
                {doneWeek.map((tp) =>
                  row(tp, tp.respondedAt ? <p className="text-xs">{t("touchpoints.responded")}</p> : null),
                )}
              </ul>
            ) : null}
          </div>
          {missed.length ? (
            <div>
              <h3 className="text-sm font-semibold">
                {t("touchpoints.missed", { count: missed.length, n: n(missed.length) })}
              </h3>
              <p className="text-xs text-slate-600 dark:text-slate-400">
                {t("touchpoints.missedNote", { system: n(CATCH_UP_DAYS.system), csm: n(CATCH_UP_DAYS.csm) })}
              </p>
              <ul>
                {missed.map((tp) => {
                  const late = Math.max(0, daysBetween(tp.dueAt, now));
                  return row(
                    tp,
                    <>
                      <p className="mt-1 text-xs font-medium text-amber-900 dark:text-amber-200">
                        {t(tp.owner === "system" ? "touchpoints.missedSystem" : "touchpoints.missedCsm", {
                          count: late,
                          n: n(late),
                        })}
                      </p>
                      {tp.heldReason ? (
                        <p className="text-xs text-slate-600 dark:text-slate-400">
                          {t("touchpoints.missedHeld", { guardrail: t(`guardrails.${tp.heldReason}`) })}
                        </p>
                      ) : null}
                    </>,
                  );
                })}
              </ul>
            </div>
          ) : null}
          <div>
            <h3 className="text-sm font-semibold">{t("touchpoints.upcoming")}</h3>
            {next.length === 0 ? (
              <p className="text-sm text-slate-600 dark:text-slate-400">{t("touchpoints.noneUpcoming")}</p>
            ) : (
              <ul className="text-sm">
                {next.slice(0, 6).map((u) => (
                  <li
                    key={`${u.key}|${u.cycle}`}
                    className="border-t border-slate-100 py-1.5 first:border-t-0 dark:border-slate-800"
                  >
                    {tpName(u.key)} · {t(`touchpoints.owners.${u.owner}`)} · {formatDate(fmt, u.dueAt)}
                    {u.owner === "system" && report.live.escalationOpen
                      ? ` · ${t("touchpoints.willHold", { guardrail: t("guardrails.escalation_open") })}`
                      : ""}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      </Section>

      <Section id="journey-events" title={t("events.title")}>
        {report.escalations.length + report.events.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">{t("events.none")}</p>
        ) : (
          <ol className="space-y-3 border-s-2 border-slate-200 ps-4 dark:border-slate-700">
            {report.escalations.map((x) => (
              <li key={x.id} className="text-sm">
                <p className="font-medium">
                  {t(`events.escalation.${x.kind}`, { level: x.level })}: <bdi>{x.title}</bdi>
                </p>
                <p className="text-xs">
                  {t("events.impactLabel")}: {t("events.impact.escalation")}
                </p>
                <p className="text-xs">
                  {t("events.actionLabel")}: {t("events.escalationAction", { count: held.length, n: n(held.length) })}
                </p>
                <p className="text-xs text-slate-600 dark:text-slate-400">{formatDate(fmt, x.since, "dateTime")}</p>
              </li>
            ))}
            {report.events.map((ev) => (
              <li key={ev.id} className="text-sm">
                <p className="font-medium">
                  {t.has(`events.types.${ev.type.replace(/\./g, "_")}`)
                    ? t(`events.types.${ev.type.replace(/\./g, "_")}`)
                    : ev.type}
                </p>
                <p className="text-xs">
                  <JourneyEventLine type={ev.type} data={ev.data} summary={ev.summary} />
                </p>
                <p className="text-xs">
                  {t("events.impactLabel")}: {impact(ev.type)}
                </p>
                <p className="text-xs text-slate-600 dark:text-slate-400">
                  {formatDate(fmt, ev.at, "dateTime")} ·{" "}
                  {t.rich("events.by", { actor: ev.actor, bdi: (x) => <bdi>{x}</bdi> })}
                </p>
              </li>
            ))}
          </ol>
        )}
      </Section>

      <Section id="journey-compare" title={t("compare.title")}>
        {c.average === null || c.top === null ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">{t("compare.none")}</p>
        ) : (
          <table className="w-full text-sm">
            <caption className="mb-2 text-start text-xs text-slate-600 dark:text-slate-400">
              {t("compare.caption", { count: c.peers, n: n(c.peers), stage: t(`stages.${e.stage}`) })}
            </caption>
            <thead>
              <tr>
                <th scope="col" className="py-1 text-start font-medium">
                  {t("compare.measure")}
                </th>
                <th scope="col" className="py-1 text-start font-medium">
                  {t("compare.you")}
                </th>
                <th scope="col" className="py-1 text-start font-medium">
                  {t("compare.average")}
                </th>
                <th scope="col" className="py-1 text-start font-medium">
                  {t("compare.top")}
                </th>
              </tr>
            </thead>
            <tbody>
              {(["daysInStage", "milestones", "engagement", "health"] as const).map((k) => (
                <tr key={k} className="border-t border-slate-100 dark:border-slate-800">
                  <th scope="row" className="py-1.5 text-start font-normal">
                    {t(`compare.rows.${k}`)}
                  </th>
                  <td className="py-1.5 font-medium">{n(you[k])}</td>
                  <td className="py-1.5">{n(c.average![k])}</td>
                  <td className="py-1.5">{n(c.top![k])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>

      <Section id="journey-recommendations" title={t("recommendations.title")}>
        {recs.length === 0 ? (
          <p className="text-sm">{t("recommendations.none")}</p>
        ) : (
          <ol className="list-decimal space-y-1 ps-5 text-sm">
            {recs.map((r) => (
              <li key={`${r.code}-${r.criterion ?? ""}`}>
                {t(`recommendations.${r.code}`, { criterion: r.criterion ? t(`criteria.names.${r.criterion}`) : "" })}
              </li>
            ))}
          </ol>
        )}
      </Section>
    </>
  );
}
