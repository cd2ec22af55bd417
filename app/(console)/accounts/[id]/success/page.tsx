import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CheckInForm } from "@/components/success/check-in-form";
import { PlanForm } from "@/components/success/plan-form";
import { RecomputeButton } from "@/components/success/recompute-button";
import { RiskReasons, SeverityBadge } from "@/components/success/risk-reasons";
import { TaskTable } from "@/components/success/task-table";
import { Card } from "@/components/ui/card";
import { requirePage } from "@/lib/auth/session";
import { getPlan, listPlanOwners } from "@/lib/data/cadence";
import { getRisk } from "@/lib/data/risk";
import { listTasks } from "@/lib/data/tasks";
import { can } from "@/lib/domain/auth/permissions";
import { TEAM_TIME_ZONE, checkInDraft } from "@/lib/domain/cadence/check-in";
import { calendarDay } from "@/lib/domain/cadence/dates";
import { mayManagePlan } from "@/lib/domain/cadence/access";
import { DEFAULT_PLAN_TYPES } from "@/lib/domain/cadence/plan";
import { formatCalendarDate, formatDate, formatNumber } from "@/lib/i18n/format";
import { localeContext } from "@/lib/i18n/server";
import { loadAccount } from "../load";

type Params = Promise<{ id: string }>;

/** The account's success section: its cadence plan, open tasks, at-risk score and a check-in draft. */
export default async function AccountSuccessPage({ params }: { params: Params }) {
  const { id } = await params;
  const user = await requirePage("accounts:read", `/accounts/${id}/success`);
  const account = await loadAccount(id);
  if (!account) notFound();
  const today = calendarDay(new Date(), TEAM_TIME_ZONE);
  const [t, tr, tLang, fmt, plan, risk, tasks, owners] = await Promise.all([
    getTranslations("cadence"),
    getTranslations("risk"),
    getTranslations("languages"),
    localeContext(),
    getPlan(account.id),
    getRisk(account.id),
    listTasks({ csmId: null, accountId: account.id, status: "open", due: "all", page: 1 }, today),
    listPlanOwners(),
  ]);
  const canWrite = can(user.role, "accounts:write");
  const contact = account.contacts[0];
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <div className="space-y-6 lg:col-span-2">
        <Card aria-labelledby="tasks-title" className="space-y-3">
          <h2 id="tasks-title" className="text-lg font-semibold">
            {t("upcomingTitle")}
          </h2>
          {tasks.rows.length > 0 ? (
            <TaskTable rows={tasks.rows} today={today} fmt={fmt} viewer={user} showCsm />
          ) : (
            <p className="text-sm text-slate-600 dark:text-slate-400">{t("upcomingEmpty")}</p>
          )}
          <Link
            href={`/tasks?account=${account.id}&status=all`}
            className="block text-sm text-brand-700 hover:underline dark:text-brand-100"
          >
            {t("allTasks")}
          </Link>
        </Card>
        <Card aria-labelledby="plan-title" className="space-y-3">
          <h2 id="plan-title" className="text-lg font-semibold">
            {t("planTitle")}
          </h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {!plan
              ? t("planNone")
              : plan.active
                ? t("planActive", { date: formatCalendarDate(fmt, plan.anchorDate), name: plan.ownerCsmName ?? "—" })
                : t("planInactive")}
          </p>
          {mayManagePlan(user, account.csmId) ? (
            <PlanForm
              key={plan?.updatedAt.toISOString() ?? "new"}
              accountId={account.id}
              owners={owners}
              initial={{
                types: plan?.types ?? DEFAULT_PLAN_TYPES,
                ownerCsmId:
                  plan?.ownerCsmId ??
                  account.csmId ??
                  (owners.some((o) => o.id === user.id) ? user.id : (owners[0]?.id ?? "")),
                anchorDate: plan?.anchorDate ?? today,
                active: plan?.active ?? false,
                exists: !!plan,
              }}
            />
          ) : plan ? (
            <ul className="list-inside list-disc text-sm">
              {plan.types.map((type) => (
                <li key={type}>{t(`types.${type}`)}</li>
              ))}
            </ul>
          ) : null}
        </Card>
      </div>
      <div className="space-y-6 self-start">
        <Card aria-labelledby="risk-title" className="space-y-3">
          <h2 id="risk-title" className="text-lg font-semibold">
            {tr("scoreTitle")}
          </h2>
          {risk ? (
            <>
              <div className="flex items-center gap-3">
                <span className="text-3xl font-bold tabular-nums">{formatNumber(fmt, risk.score)}</span>
                <SeverityBadge severity={risk.severity} />
              </div>
              <RiskReasons reasons={risk.reasons} fmt={fmt} />
              <div>
                <h3 className="text-sm font-semibold">{tr("recommended")}</h3>
                <p className="text-sm">{tr(`actions.${risk.severity}`)}</p>
              </div>
              <p className="text-xs text-slate-600 dark:text-slate-400">
                {tr("computedAt", { time: formatDate(fmt, risk.computedAt, "dateTime") })}
              </p>
            </>
          ) : (
            <p className="text-sm text-slate-600 dark:text-slate-400">{tr("noScore")}</p>
          )}
          {canWrite ? <RecomputeButton accountId={account.id} /> : null}
        </Card>
        {can(user.role, "proposals:create") ? (
          <Card aria-labelledby="checkin-title" className="space-y-3">
            <h2 id="checkin-title" className="text-lg font-semibold">
              {t("checkInTitle")}
            </h2>
            <p className="text-sm text-slate-600 dark:text-slate-400">{t("checkInDescription")}</p>
            {contact ? (
              <>
                <p className="text-sm">
                  {t("recipient", { name: contact.name, language: tLang(account.preferredLocale) })}
                </p>
                <CheckInForm
                  accountId={account.id}
                  draft={checkInDraft(account.preferredLocale, {
                    contactName: contact.name,
                    accountName: account.name,
                    senderName: user.name,
                    reasons: risk?.reasons.map((r) => r.code),
                  })}
                />
              </>
            ) : (
              <p className="text-sm">{t("noContact")}</p>
            )}
          </Card>
        ) : null}
      </div>
    </div>
  );
}
