import { clsx } from "clsx";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import type { TActor } from "@/lib/domain/auth/actor";
import { can } from "@/lib/domain/auth/permissions";
import { mayMoveTask } from "@/lib/domain/cadence/access";
import type { TIsoDate, TTask } from "@/lib/domain/cadence/types";
import { formatCalendarDate, type TFormatContext } from "@/lib/i18n/format";
import { TaskActions } from "./task-actions";

/**
 * Tasks by due date; overdue rows are tinted and labelled (never colour alone). Complete/skip appear
 * only on the tasks `viewer` may move (lib/domain/cadence/access.ts), the server refuses the rest.
 */
export async function TaskTable({
  rows,
  today,
  fmt,
  viewer,
  showCsm,
}: {
  rows: TTask[];
  today: TIsoDate;
  fmt: TFormatContext;
  viewer: Pick<TActor, "id" | "role">;
  showCsm: boolean;
}) {
  const canAct = can(viewer.role, "accounts:write");
  const [t, tc, tTypes] = await Promise.all([
    getTranslations("tasks"),
    getTranslations("common"),
    getTranslations("cadence.types"),
  ]);
  const headers = [t("columns.due"), t("columns.account"), t("columns.type")];
  if (showCsm) headers.push(t("columns.csm"));
  headers.push(t("columns.status"));
  if (canAct) headers.push(t("columns.actions"));
  return (
    <DataTable headers={headers}>
      {rows.map((task) => {
        const overdue = task.status === "open" && task.dueDate < today;
        const dueToday = task.status === "open" && task.dueDate === today;
        return (
          <tr
            key={task.id}
            className={clsx(overdue ? "bg-red-50 dark:bg-red-950/40" : "hover:bg-slate-50 dark:hover:bg-slate-800/50")}
          >
            <td className="whitespace-nowrap px-3 py-2 tabular-nums">
              <div>{formatCalendarDate(fmt, task.dueDate)}</div>
              {overdue ? (
                <span className="text-xs font-semibold text-red-800 dark:text-red-200">{t("overdueBadge")}</span>
              ) : dueToday ? (
                <span className="text-xs font-semibold text-amber-900 dark:text-amber-200">{t("todayBadge")}</span>
              ) : null}
            </td>
            <td className="px-3 py-2 font-medium">
              <Link
                href={`/accounts/${task.accountId}/success`}
                className="text-brand-700 underline-offset-2 hover:underline dark:text-brand-100"
                dir="auto"
              >
                {task.accountName}
              </Link>
            </td>
            <td className="px-3 py-2">{tTypes(task.type)}</td>
            {showCsm ? (
              <td className="px-3 py-2" dir="auto">
                {task.csmName ?? tc("dash")}
              </td>
            ) : null}
            <td className="px-3 py-2">
              {task.status === "open" ? (
                t("statuses.open")
              ) : (
                <>
                  <div>
                    {t("closedBy", { status: t(`statuses.${task.status}`), name: task.completedBy ?? tc("dash") })}
                  </div>
                  {task.note ? (
                    <div className="text-xs text-slate-600 dark:text-slate-400" dir="auto">
                      {task.note}
                    </div>
                  ) : null}
                </>
              )}
            </td>
            {canAct ? (
              <td className="px-3 py-2">
                {task.status === "open" && mayMoveTask(viewer, task) ? (
                  <TaskActions id={task.id} task={tTypes(task.type)} account={task.accountName} />
                ) : null}
              </td>
            ) : null}
          </tr>
        );
      })}
    </DataTable>
  );
}
