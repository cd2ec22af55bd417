import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ClockCell } from "@/components/support/clock-cell";
import { clockProps } from "@/components/support/clock-props";
import { PriorityBadge } from "@/components/support/priority-badge";
import { ReplyForm } from "@/components/support/reply-form";
import { OverrideForm, TicketActions } from "@/components/support/ticket-actions";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requirePage } from "@/lib/auth/session";
import { isUuid } from "@/lib/domain/ids";
import { allowedManualEvents } from "@/lib/domain/support/events";
import { SeverityBadge } from "@/components/incidents/severity-badge";
import { incidentOfTicket } from "@/lib/data/incident-tickets";
import { getTicket, liveReplyProposal, primaryContactName } from "@/lib/data/support";
import { leakKind } from "@/lib/domain/support/leak";
import { can } from "@/lib/domain/auth/permissions";
import { draftFirstResponse } from "@/lib/domain/support/replies";
import { targetsFor } from "@/lib/domain/support/targets";
import { durationParts } from "@/lib/domain/support/types";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import { localeContext } from "@/lib/i18n/server";
import { proposalHref } from "@/lib/domain/proposals/href";

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  const { id } = await params;
  const found = isUuid(id) ? await getTicket(id) : null;
  const t = await getTranslations("support");
  return { title: found ? `${found.ticket.priority} · ${found.ticket.subject || t("noSubject")}` : t("title") };
}

export default async function TicketPage({ params }: { params: Params }) {
  const { id } = await params;
  const user = await requirePage("accounts:read", `/support/${id}`);
  if (!isUuid(id)) notFound();
  const found = await getTicket(id);
  if (!found) notFound();
  const { ticket, events } = found;
  const now = new Date();
  const [t, tSla, tLang, fmt, reply, contact, incident] = await Promise.all([
    getTranslations("support"),
    getTranslations("sla"),
    getTranslations("languages"),
    localeContext(),
    liveReplyProposal(id),
    primaryContactName(ticket.accountId),
    incidentOfTicket(id),
  ]);
  const leak = leakKind(ticket);
  const duration = (ms: number) =>
    durationParts(ms)
      .map((p) => tSla(`duration.${p.unit}`, { n: formatNumber(fmt, p.n) }))
      .join(" ");
  const clocks = clockProps(ticket);
  const owner = targetsFor(ticket.priority).owner;
  const canWrite = can(user.role, "tickets:write");
  const canPropose = can(user.role, "proposals:create");
  const canOpenIncident = can(user.role, "incidents:write");
  return (
    <div className="space-y-5">
      <Link href="/support" className="text-sm text-brand-700 hover:underline dark:text-brand-100">
        {t("detail.back")}
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <PriorityBadge priority={ticket.priority} />
        <h1 className="text-2xl font-bold" dir="auto">
          {ticket.subject || t("noSubject")}
        </h1>
        <span className="text-sm text-slate-600 dark:text-slate-400">{t(`statuses.${ticket.status}`)}</span>
      </div>
      <div className="grid gap-5 lg:grid-cols-3">
        <div className="space-y-5 lg:col-span-2">
          <Card aria-labelledby="msg-title" className="space-y-3">
            <h2 id="msg-title" className="text-lg font-semibold">
              {t("detail.message")}
            </h2>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="text-slate-600 dark:text-slate-400">{t("detail.account")}</dt>
              <dd>
                <Link href={`/accounts/${ticket.accountId}/support`} className="hover:underline">
                  <bdi>{ticket.accountName}</bdi>
                </Link>
              </dd>
              <dt className="text-slate-600 dark:text-slate-400">{t("detail.channel")}</dt>
              <dd>{t.has(`channels.${ticket.channel}`) ? t(`channels.${ticket.channel}`) : ticket.channel}</dd>
              <dt className="text-slate-600 dark:text-slate-400">{t("detail.received")}</dt>
              <dd>{formatDate(fmt, ticket.receivedAt, "dateTime")}</dd>
            </dl>
            <div
              dir="auto"
              className="whitespace-pre-wrap rounded-md bg-slate-50 p-3 text-start leading-relaxed dark:bg-slate-950"
            >
              {ticket.body || t("detail.empty")}
            </div>
          </Card>
          <Card aria-labelledby="cls-title" className="space-y-2">
            <h2 id="cls-title" className="text-lg font-semibold">
              {t("detail.classification")}
            </h2>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="text-slate-600 dark:text-slate-400">{t("detail.matched")}</dt>
              <dd dir="auto">{ticket.matchedKeyword ?? "—"}</dd>
              <dt className="text-slate-600 dark:text-slate-400">{t("detail.reason")}</dt>
              <dd dir="auto" data-testid="classification-reason">
                {fmt.locale === "ar" ? ticket.reasonAr : ticket.reasonEn}
              </dd>
              <dt className="text-slate-600 dark:text-slate-400">{t("detail.owner")}</dt>
              <dd>{t(`owners.${owner}`)}</dd>
            </dl>
            {ticket.prioritySource === "override" ? (
              <p className="text-sm">
                {t.rich("detail.overridden", { reason: ticket.overrideReason ?? "", bdi: (c) => <bdi>{c}</bdi> })}
              </p>
            ) : null}
          </Card>
          <Card aria-labelledby="tl-title" className="space-y-2">
            <h2 id="tl-title" className="text-lg font-semibold">
              {t("detail.timeline")}
            </h2>
            <ol className="space-y-2 border-s-2 border-slate-200 ps-4 dark:border-slate-700">
              {events.map((e) => (
                <li key={e.id} className="text-sm">
                  <span className="font-medium">{t(`events.${e.type}`)}</span> ·{" "}
                  <time dateTime={e.at.toISOString()}>{formatDate(fmt, e.at, "dateTime")}</time> ·{" "}
                  <bdi>{e.actorLabel}</bdi>
                  {e.note ? (
                    <p dir="auto" className="text-slate-600 dark:text-slate-400">
                      {e.note}
                    </p>
                  ) : null}
                </li>
              ))}
            </ol>
          </Card>
        </div>
        <div className="space-y-5 self-start">
          {incident || (leak && canOpenIncident) ? (
            <Card aria-labelledby="inc-title" className="space-y-3" data-testid="ticket-incident">
              <h2 id="inc-title" className="text-lg font-semibold">
                {t("incident.title")}
              </h2>
              {incident ? (
                <p className="flex flex-wrap items-center gap-2 text-sm">
                  <SeverityBadge severity={incident.severity} />
                  <Link
                    href={`/incidents/${incident.id}`}
                    className="font-medium text-brand-700 underline dark:text-brand-100"
                  >
                    <bdi>{incident.title}</bdi>
                  </Link>
                </p>
              ) : leak ? (
                <>
                  <p className="text-sm">{t(`incident.offer.${leak}`)}</p>
                  <Link href={`/incidents/new?ticket=${ticket.id}`} className={buttonClass("danger")}>
                    {t("incident.open")}
                  </Link>
                </>
              ) : null}
            </Card>
          ) : null}
          <Card aria-labelledby="clk-title" className="space-y-2">
            <h2 id="clk-title" className="text-lg font-semibold">
              {t("detail.clocks")}
            </h2>
            <dl className="space-y-2 text-sm">
              <div>
                <dt className="font-medium">
                  {t("columns.firstResponse")} ·{" "}
                  <span className="font-normal">
                    {t("detail.target", { time: duration(clocks.firstResponse.targetMs) })}
                  </span>
                </dt>
                <dd>
                  <ClockCell clock={clocks.firstResponse} fmt={fmt} serverNow={now.toISOString()} />
                </dd>
              </div>
              <div>
                <dt className="font-medium">
                  {t("columns.resolution")} ·{" "}
                  <span className="font-normal">
                    {t("detail.target", { time: duration(clocks.resolution.targetMs) })}
                  </span>
                </dt>
                <dd>
                  <ClockCell clock={clocks.resolution} fmt={fmt} serverNow={now.toISOString()} />
                </dd>
              </div>
            </dl>
          </Card>
          {canPropose && ticket.status !== "resolved" ? (
            <Card aria-labelledby="reply-title" className="space-y-3">
              <h2 id="reply-title" className="text-lg font-semibold">
                {t("reply.title")}
              </h2>
              {ticket.firstResponseAt ? (
                <p className="text-sm">{t("reply.responded")}</p>
              ) : reply ? (
                <p className="text-sm">
                  {t("reply.pending")}{" "}
                  <Link
                    href={proposalHref(reply.id)}
                    className="font-medium text-brand-700 underline dark:text-brand-100"
                  >
                    {t("reply.view")}
                  </Link>
                </p>
              ) : contact === null ? (
                <p className="text-sm">{t("reply.noContact")}</p>
              ) : (
                <>
                  <p className="text-sm text-slate-600 dark:text-slate-400">
                    {t("reply.description", { language: tLang(ticket.accountLocale) })}
                  </p>
                  <ReplyForm
                    ticketId={ticket.id}
                    draft={draftFirstResponse(ticket.priority, ticket.accountLocale, contact, ticket.subject)}
                  />
                </>
              )}
            </Card>
          ) : null}
          {canWrite && ticket.status !== "resolved" ? (
            <Card aria-labelledby="act-title" className="space-y-3">
              <h2 id="act-title" className="text-lg font-semibold">
                {t("actions.title")}
              </h2>
              <TicketActions ticketId={ticket.id} available={allowedManualEvents(ticket, now)} />
            </Card>
          ) : null}
          {canWrite ? (
            <Card aria-labelledby="ovr-title" className="space-y-3">
              <h2 id="ovr-title" className="text-lg font-semibold">
                {t("override.title")}
              </h2>
              <OverrideForm ticketId={ticket.id} current={ticket.priority} />
            </Card>
          ) : null}
        </div>
      </div>
    </div>
  );
}
