import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Countdown } from "@/components/incidents/countdown";
import { PlanChecklist, RetriageForm, StatusButtons, UpdateForm } from "@/components/incidents/incident-controls";
import { PostmortemForm } from "@/components/incidents/postmortem-form";
import { SeverityBadge } from "@/components/incidents/severity-badge";
import { PriorityBadge } from "@/components/support/priority-badge";
import { Card } from "@/components/ui/card";
import { requirePage } from "@/lib/auth/session";
import { getIncident } from "@/lib/data/incidents";
import { ticketsOfIncident } from "@/lib/data/incident-tickets";
import { can } from "@/lib/domain/auth/permissions";
import { planProgress, responsePlan } from "@/lib/domain/incidents/plan";
import { incidentTimers, type TTimer } from "@/lib/domain/incidents/timers";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import { localeContext } from "@/lib/i18n/server";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const i = /^[0-9a-f-]{36}$/.test(id) ? await getIncident(id) : null;
  return { title: i?.title ?? (await getTranslations("incidents"))("title") };
}

// The ledger window starts a minute before opening (the change that caused it may be just before)
// and ends at closing, or now while the incident is still open.
const WINDOW_LEAD_MS = 60_000;

export default async function IncidentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePage("accounts:read", `/incidents/${id}`);
  if (!/^[0-9a-f-]{36}$/.test(id)) notFound();
  const [t, fmt, i, tickets] = await Promise.all([
    getTranslations("incidents"),
    localeContext(),
    getIncident(id),
    ticketsOfIncident(id),
  ]);
  if (!i) notFound();
  const now = new Date();
  const canWrite = can(user.role, "incidents:write");
  const leak = i.dataLeak !== "no";
  const timers = incidentTimers({ ...i, leak }, now);
  const done = new Map(i.steps.map((s) => [s.step, s]));
  const plan = responsePlan(i.severity, leak);
  const progress = planProgress(plan, new Set(done.keys()));
  const windowFrom = new Date(i.openedAt.getTime() - WINDOW_LEAD_MS).toISOString();
  const windowTo = (i.closedAt ?? now).toISOString();
  const nowIso = now.toISOString();
  const timerRow = (label: string, timer: TTimer | null, extra?: string) =>
    timer ? (
      <div className="flex flex-wrap justify-between gap-2">
        <dt className="text-slate-600 dark:text-slate-400">{label}</dt>
        <dd className="text-end">
          <Countdown dueAt={timer.dueAt.toISOString()} now={nowIso} done={timer.done} />
          <span className="block text-xs text-slate-600 dark:text-slate-400">
            {formatDate(fmt, timer.dueAt, "dateTime")}
            {extra ? ` · ${extra}` : ""}
          </span>
        </dd>
      </div>
    ) : null;
  const pm = i.postmortem;
  return (
    <div className="space-y-5">
      <Link href="/incidents" className="text-sm text-brand-700 hover:underline dark:text-brand-100">
        {t("back")}
      </Link>
      <div className="space-y-2">
        <div className="flex flex-wrap items-center gap-2">
          <SeverityBadge severity={i.severity} />
          <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium dark:bg-slate-800">
            {t(`statuses.${i.status}`)}
          </span>
          {i.frozeSystem ? (
            <span className="text-xs font-semibold text-red-700 dark:text-red-400">{t("frozeSystem")}</span>
          ) : null}
        </div>
        <h1 className="text-2xl font-bold">
          <bdi>{i.title}</bdi>
        </h1>
        {i.description ? (
          <p dir="auto" className="whitespace-pre-wrap text-sm">
            {i.description}
          </p>
        ) : null}
        <p className="text-xs text-slate-600 dark:text-slate-400">
          {t("openedAt", { when: formatDate(fmt, i.openedAt, "dateTime") })}
          {i.closedAt ? ` · ${t("closedAt", { when: formatDate(fmt, i.closedAt, "dateTime") })}` : ""}
          {" · "}
          <Link
            href={`/ledger?${new URLSearchParams({ from: windowFrom, to: windowTo })}`}
            className="text-brand-700 hover:underline dark:text-brand-100"
          >
            {t("ledgerWindow")}
          </Link>
          {" · "}
          <Link
            href={`/ledger?${new URLSearchParams({ target: `incident:${i.id}` })}`}
            className="text-brand-700 hover:underline dark:text-brand-100"
          >
            {t("ledgerEntries")}
          </Link>
        </p>
        {canWrite ? <StatusButtons incidentId={i.id} status={i.status} /> : null}
      </div>

      <div className="grid gap-5 lg:grid-cols-2">
        <Card className="space-y-3">
          <h2 className="font-semibold">{t("timers.title")}</h2>
          <dl className="space-y-2 text-sm">
            {timerRow(t("firstAction"), timers.firstAction)}
            {timerRow(t("nextUpdate"), timers.nextUpdate)}
            {timerRow(t("leakDeadline"), timers.leakNotification, t("timers.leakHint"))}
            {timers.postmortem ? (
              <div className="flex flex-wrap justify-between gap-2">
                <dt className="text-slate-600 dark:text-slate-400">{t("timers.postmortemDue")}</dt>
                <dd>{formatDate(fmt, timers.postmortem.dueAt, "dateTime")}</dd>
              </div>
            ) : null}
          </dl>
        </Card>

        <Card className="space-y-3">
          <h2 className="font-semibold">{t("triage.title")}</h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            <dt className="text-slate-600 dark:text-slate-400">{t("triage.data_leak")}</dt>
            <dd>{t(`triage.answers.${i.dataLeak}`)}</dd>
            <dt className="text-slate-600 dark:text-slate-400">{t("triage.unauthorized_send")}</dt>
            <dd>{t(`triage.answers.${i.unauthorizedSend}`)}</dd>
            <dt className="text-slate-600 dark:text-slate-400">{t("triage.affected")}</dt>
            <dd>{i.affected === null ? t("triage.unknownCount") : formatNumber(fmt, i.affected)}</dd>
            <dt className="text-slate-600 dark:text-slate-400">{t("triage.unsure")}</dt>
            <dd>{i.triageUnsure ? t("triage.answers.yes") : t("triage.answers.no")}</dd>
          </dl>
          <p className="flex flex-wrap items-center gap-2 rounded-md bg-slate-50 p-3 text-sm dark:bg-slate-950">
            <span>{t("triage.result")}</span>
            <SeverityBadge severity={i.severity} />
            <span>{i.triageReasons.map((r) => t(`triage.reasons.${r}`)).join(" · ")}</span>
          </p>
          {canWrite && i.status !== "closed" ? (
            <RetriageForm
              incidentId={i.id}
              initial={{
                data_leak: i.dataLeak,
                unauthorized_send: i.unauthorizedSend,
                affected: i.affected,
                unsure: i.triageUnsure,
              }}
            />
          ) : null}
        </Card>

        <Card className="space-y-3">
          <h2 className="font-semibold">
            {t("plan.title")}{" "}
            <span className="text-sm font-normal text-slate-600 dark:text-slate-400">
              {t("plan.progress", {
                done: formatNumber(fmt, progress.done),
                required: formatNumber(fmt, progress.required),
              })}
            </span>
          </h2>
          <PlanChecklist
            incidentId={i.id}
            canWrite={canWrite}
            steps={plan.map((s) => {
              const d = done.get(s.id);
              return { ...s, done: !!d, by: d?.doneBy ?? null, at: d ? formatDate(fmt, d.doneAt, "dateTime") : null };
            })}
          />
        </Card>

        <Card className="space-y-3">
          <h2 className="font-semibold">
            {t("affectedAccounts", { count: i.accounts.length, n: formatNumber(fmt, i.accounts.length) })}
          </h2>
          {i.accounts.length === 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">{t("noAccounts")}</p>
          ) : (
            <ul className="flex flex-wrap gap-2 text-sm">
              {i.accounts.map((a) => (
                <li key={a.id}>
                  <Link href={`/accounts/${a.id}`} className="text-brand-700 hover:underline dark:text-brand-100">
                    <bdi>{a.name}</bdi>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Card>

        {tickets.length > 0 ? (
          <Card className="space-y-3" data-testid="incident-tickets">
            <h2 className="font-semibold">
              {t("tickets", { count: tickets.length, n: formatNumber(fmt, tickets.length) })}
            </h2>
            <ul className="space-y-2 text-sm">
              {tickets.map((k) => (
                <li key={k.id} className="flex flex-wrap items-center gap-2">
                  <PriorityBadge priority={k.priority} />
                  <Link href={`/support/${k.id}`} className="text-brand-700 hover:underline dark:text-brand-100">
                    <bdi>{k.subject || t("ticketNoSubject")}</bdi>
                  </Link>
                  <span className="text-slate-600 dark:text-slate-400">
                    <bdi>{k.accountName}</bdi>
                  </span>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
      </div>

      <Card className="space-y-3">
        <h2 className="font-semibold">{t("log.title")}</h2>
        {canWrite && i.status !== "closed" ? <UpdateForm incidentId={i.id} first={!i.firstActionAt} /> : null}
        {i.updates.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">{t("log.empty")}</p>
        ) : (
          <ol className="space-y-2 border-s border-slate-200 ps-4 dark:border-slate-800">
            {i.updates.map((u) => (
              <li key={u.id} className="text-sm">
                <p className="text-xs text-slate-600 dark:text-slate-400">
                  {t(`log.kinds.${u.kind}`)} · <bdi>{u.authorLabel}</bdi> · {formatDate(fmt, u.at, "dateTime")}
                </p>
                <p dir="auto" className="whitespace-pre-wrap">
                  {u.body}
                </p>
              </li>
            ))}
          </ol>
        )}
      </Card>

      <Card className="space-y-3">
        <h2 className="font-semibold">{t("postmortem.title")}</h2>
        {pm ? (
          <p className="text-xs text-slate-600 dark:text-slate-400">
            {t("postmortem.updated", { who: pm.updatedBy, when: formatDate(fmt, pm.updatedAt, "dateTime") })}
          </p>
        ) : null}
        <PostmortemForm
          incidentId={i.id}
          canWrite={canWrite}
          initial={{
            summary: pm?.summary ?? "",
            timeline: pm?.timeline ?? "",
            root_cause: pm?.rootCause ?? "",
            impact: pm?.impact ?? "",
            went_well: pm?.wentWell ?? "",
            to_improve: pm?.toImprove ?? "",
            action_items: (pm?.actionItems ?? []).map((a) => ({ action: a.action, owner: a.owner, due: a.due ?? "" })),
          }}
        />
      </Card>
    </div>
  );
}
