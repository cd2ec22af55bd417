import { getTranslations } from "next-intl/server";
import { Pager } from "@/components/ui/pager";
import { TaskFilters } from "@/components/success/task-filters";
import { TaskTable } from "@/components/success/task-table";
import { requirePage } from "@/lib/auth/session";
import { listTasks } from "@/lib/data/tasks";
import { listCsms } from "@/lib/data/users";
import { TEAM_TIME_ZONE } from "@/lib/domain/cadence/check-in";
import { calendarDay } from "@/lib/domain/cadence/dates";
import { MAX_TASK_PAGE, parseTaskFilters, taskFiltersToQuery } from "@/lib/domain/cadence/filters";
import { formatList, formatNumber } from "@/lib/i18n/format";
import { localeContext } from "@/lib/i18n/server";

export async function generateMetadata() {
  return { title: (await getTranslations("tasks"))("title") };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

/** A CSM sees their own tasks; founders and analysts pick any CSM or all of them. */
export default async function TasksPage({ searchParams }: { searchParams: Search }) {
  const user = await requirePage("accounts:read", "/tasks");
  const { filters, ignored } = parseTaskFilters(await searchParams);
  const ownOnly = user.role === "csm";
  const csmValue = ownOnly ? user.id : (filters.csm ?? "all");
  const csmId = csmValue === "all" ? null : csmValue;
  const today = calendarDay(new Date(), TEAM_TIME_ZONE);
  const [t, fmt, list, csms] = await Promise.all([
    getTranslations("tasks"),
    localeContext(),
    listTasks({ ...filters, csmId, accountId: filters.account }, today),
    ownOnly ? Promise.resolve(null) : listCsms(),
  ]);
  const pages = Math.min(MAX_TASK_PAGE, Math.max(1, Math.ceil(list.total / list.pageSize)));
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-bold">{csmId === user.id ? t("title") : t("titleAll")}</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("description")}</p>
      </div>
      <TaskFilters filters={filters} csms={csms} csmValue={csmValue} />
      {ignored.length > 0 ? (
        <p
          role="status"
          className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100"
        >
          {t("ignoredFilters", { names: formatList(fmt, ignored) })}
        </p>
      ) : null}
      <p role="status" className="flex flex-wrap gap-x-4 text-sm font-medium text-slate-700 dark:text-slate-300">
        <span>{t("results", { count: list.total, n: formatNumber(fmt, list.total) })}</span>
        <span className={list.overdue > 0 ? "text-red-800 dark:text-red-200" : undefined}>
          {t("overdue", { count: list.overdue, n: formatNumber(fmt, list.overdue) })}
        </span>
      </p>
      {list.rows.length > 0 ? (
        <TaskTable rows={list.rows} today={today} fmt={fmt} viewer={user} showCsm={!csmId} />
      ) : (
        <div className="rounded-lg border border-dashed border-slate-300 p-8 text-center dark:border-slate-700">
          <p className="font-medium">{t("empty")}</p>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("emptyHint")}</p>
        </div>
      )}
      <Pager
        page={filters.page}
        pages={pages}
        fmt={fmt}
        href={(page) => `/tasks${taskFiltersToQuery({ ...filters, csm: ownOnly ? undefined : filters.csm }, { page })}`}
        labels={{
          nav: t("pagination"),
          previous: t("previous"),
          next: t("next"),
          pageOf: (page, all) => t("pageOf", { page, pages: all }),
        }}
      />
    </div>
  );
}
