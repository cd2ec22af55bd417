import { clsx } from "clsx";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Countdown } from "@/components/incidents/countdown";
import { SeverityBadge } from "@/components/incidents/severity-badge";
import { buttonClass } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { requirePage } from "@/lib/auth/session";
import { listIncidents } from "@/lib/data/incidents";
import { can } from "@/lib/domain/auth/permissions";
import { parseIncidentFilters } from "@/lib/domain/incidents/filters";
import { incidentTimers, updateOverdue } from "@/lib/domain/incidents/timers";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import { localeContext } from "@/lib/i18n/server";

export async function generateMetadata() {
  return { title: (await getTranslations("incidents"))("title") };
}

const STATUS_FILTERS = ["all", "active", "open", "mitigated", "closed"] as const;

export default async function IncidentsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePage("accounts:read", "/incidents");
  const { filters, ignored } = parseIncidentFilters(await searchParams);
  const now = new Date();
  const [t, fmt, rows] = await Promise.all([
    getTranslations("incidents"),
    localeContext(),
    listIncidents({ status: filters.status === "all" ? undefined : filters.status, severity: filters.severity }),
  ]);
  const withTimers = rows.map((i) => ({
    i,
    timers: incidentTimers({ ...i, leak: i.dataLeak !== "no" }, now),
  }));
  const overdue = withTimers.filter((x) => x.i.status !== "closed" && updateOverdue(x.timers)).length;
  const href = (patch: Record<string, string | undefined>) => {
    const all: Record<string, string | undefined> = { status: filters.status, severity: filters.severity, ...patch };
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(all)) if (v && !(k === "status" && v === "all")) q.set(k, v);
    return q.size ? `/incidents?${q}` : "/incidents";
  };
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{t("title")}</h1>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("description")}</p>
        </div>
        {can(user.role, "incidents:write") ? (
          <Link href="/incidents/new" className={buttonClass("primary")}>
            {t("new")}
          </Link>
        ) : null}
      </div>
      <nav aria-label={t("filterStatus")} className="flex flex-wrap gap-2 text-sm">
        {STATUS_FILTERS.map((s) => (
          <Link
            key={s}
            href={href({ status: s })}
            aria-current={filters.status === s ? "page" : undefined}
            className="rounded-full border border-slate-300 px-3 py-1 aria-[current=page]:bg-brand-100 aria-[current=page]:text-brand-900 dark:border-slate-700 dark:aria-[current=page]:bg-slate-800 dark:aria-[current=page]:text-white"
          >
            {t(`statusFilter.${s}`)}
          </Link>
        ))}
      </nav>
      <nav aria-label={t("filterSeverity")} className="flex flex-wrap gap-2 text-sm">
        {[undefined, "SEV1", "SEV2", "SEV3"].map((s) => (
          <Link
            key={s ?? "any"}
            href={href({ severity: s })}
            aria-current={filters.severity === s ? "page" : undefined}
            className="rounded-full border border-slate-300 px-3 py-1 aria-[current=page]:bg-brand-100 aria-[current=page]:text-brand-900 dark:border-slate-700 dark:aria-[current=page]:bg-slate-800 dark:aria-[current=page]:text-white"
          >
            {s ?? t("anySeverity")}
          </Link>
        ))}
      </nav>
      {ignored.length > 0 ? (
        <p
          role="status"
          className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100"
        >
          {t("ignoredFilters")}
        </p>
      ) : null}
      <p role="status" className="text-sm font-medium">
        {t("count", { count: rows.length, n: formatNumber(fmt, rows.length) })}
        {overdue > 0 ? (
          <span className="ms-2 font-semibold text-red-700 dark:text-red-400">
            {t("overdueCount", { count: overdue, n: formatNumber(fmt, overdue) })}
          </span>
        ) : null}
      </p>
      {rows.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 p-8 text-center dark:border-slate-700">
          <p className="font-medium">{t("empty")}</p>
        </div>
      ) : (
        <DataTable
          headers={[
            t("severity"),
            t("incident"),
            t("status"),
            t("opened"),
            t("firstAction"),
            t("nextUpdate"),
            t("accounts"),
          ]}
        >
          {withTimers.map(({ i, timers }) => {
            const late = i.status !== "closed" && updateOverdue(timers);
            return (
              <tr key={i.id} className={clsx(late && "bg-red-50 dark:bg-red-950/40")}>
                <td className="px-3 py-2">
                  <SeverityBadge severity={i.severity} />
                </td>
                <td className="px-3 py-2">
                  <Link
                    href={`/incidents/${i.id}`}
                    className="font-medium text-brand-700 hover:underline dark:text-brand-100"
                  >
                    <bdi>{i.title}</bdi>
                  </Link>
                  {late ? (
                    <span className="ms-2 text-xs font-semibold text-red-700 dark:text-red-400">
                      {t("updateOverdue")}
                    </span>
                  ) : null}
                  {timers.leakNotification && !timers.leakNotification.done && i.status !== "closed" ? (
                    <span className="block text-xs text-red-800 dark:text-red-300">
                      {t("leakDeadline")}:{" "}
                      <Countdown dueAt={timers.leakNotification.dueAt.toISOString()} now={now.toISOString()} />
                    </span>
                  ) : null}
                </td>
                <td className="px-3 py-2">{t(`statuses.${i.status}`)}</td>
                <td className="whitespace-nowrap px-3 py-2">{formatDate(fmt, i.openedAt, "dateTime")}</td>
                <td className="px-3 py-2">
                  <Countdown
                    dueAt={timers.firstAction.dueAt.toISOString()}
                    now={now.toISOString()}
                    done={timers.firstAction.done}
                  />
                </td>
                <td className="px-3 py-2">
                  {timers.nextUpdate ? (
                    <Countdown dueAt={timers.nextUpdate.dueAt.toISOString()} now={now.toISOString()} />
                  ) : (
                    "—"
                  )}
                </td>
                <td className="px-3 py-2 tabular-nums">{formatNumber(fmt, i.accountCount)}</td>
              </tr>
            );
          })}
        </DataTable>
      )}
    </div>
  );
}
