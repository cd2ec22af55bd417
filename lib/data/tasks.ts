import "server-only";
import { db } from "../db";
import { addDays } from "../domain/cadence/dates";
import { TASK_PAGE_SIZE, type TTaskFilters } from "../domain/cadence/filters";
import { canMoveTask, isTaskStatus } from "../domain/cadence/plan";
import { CADENCE_TYPES, TASK_SOURCES, type TCadenceType, type TIsoDate, type TTask, type TTaskSource, type TTaskStatus } from "../domain/cadence/types";
import { AppError } from "../errors";
import type { Tx } from "./tx";

type TRow = {
  id: string;
  account_id: string;
  account_name: string;
  account_tier: string;
  csm_id: string | null;
  csm_name: string | null;
  account_csm_id: string | null;
  type: string;
  due_date: string;
  status: string;
  source: string;
  note: string;
  completed_at: Date | null;
  completed_by: string | null;
};

const SELECT = `
  SELECT t.id::text AS id, t.account_id::text AS account_id, a.name AS account_name, a.tier AS account_tier,
         t.csm_id::text AS csm_id, u.name AS csm_name, a.csm_id::text AS account_csm_id, t.type, t.due_date::text AS due_date, t.status, t.source,
         t.note, t.completed_at, t.completed_by
  FROM success_tasks t
  JOIN accounts a ON a.id = t.account_id
  LEFT JOIN users u ON u.id = t.csm_id`;

const toTask = (r: TRow): TTask => ({
  id: r.id,
  accountId: r.account_id,
  accountName: r.account_name,
  accountTier: r.account_tier,
  csmId: r.csm_id,
  csmName: r.csm_name,
  accountCsmId: r.account_csm_id,
  type: (CADENCE_TYPES as readonly string[]).includes(r.type) ? (r.type as TCadenceType) : "weekly_check_in",
  dueDate: r.due_date,
  status: isTaskStatus(r.status) ? r.status : "open",
  source: (TASK_SOURCES as readonly string[]).includes(r.source) ? (r.source as TTaskSource) : "manual",
  note: r.note,
  completedAt: r.completed_at ? new Date(r.completed_at) : null,
  completedBy: r.completed_by,
});

/**
 * One page of tasks, by due date (oldest first, so overdue work leads), for one CSM (`csmId`) or all
 * (null). `total` counts the filtered set; `overdue` counts the scope's open tasks due before `today`,
 * whatever the other filters say (the number a CSM must see). One snapshot for all three.
 */
export async function listTasks(
  f: Omit<TTaskFilters, "csm"> & { csmId: string | null; accountId?: string },
  today: TIsoDate,
): Promise<{ rows: TTask[]; total: number; overdue: number; pageSize: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => `$${params.push(v)}`;
  if (f.csmId) where.push(`t.csm_id = ${p(f.csmId)}::uuid`);
  if (f.accountId) where.push(`t.account_id = ${p(f.accountId)}::uuid`);
  const scope = [...where];
  if (f.status !== "all") where.push(`t.status = ${p(f.status)}`);
  if (f.type) where.push(`t.type = ${p(f.type)}`);
  if (f.due === "overdue") where.push(`t.status = 'open' AND t.due_date < ${p(today)}::date`);
  if (f.due === "today") where.push(`t.due_date = ${p(today)}::date`);
  if (f.due === "week") where.push(`t.due_date BETWEEN ${p(today)}::date AND ${p(addDays(today, 6))}::date`);
  const todayParam = p(today);
  const limit = p(TASK_PAGE_SIZE);
  const offset = p((f.page - 1) * TASK_PAGE_SIZE);
  const w = (list: string[]) => (list.length ? `WHERE ${list.join(" AND ")}` : "");
  const rows = await db().sql.query<TRow & { total: number; overdue: number }>(
    `WITH page AS (${SELECT} ${w(where)} ORDER BY t.due_date, a.name, t.id LIMIT ${limit} OFFSET ${offset})
     SELECT page.*,
       (SELECT count(*)::int FROM success_tasks t ${w(where)}) AS total,
       (SELECT count(*)::int FROM success_tasks t ${w([...scope, `t.status = 'open'`, `t.due_date < ${todayParam}::date`])}) AS overdue
     FROM (SELECT 1) one LEFT JOIN page ON true`,
    params,
  );
  const first = rows[0];
  return {
    rows: rows.filter((r) => r.id !== null).map(toTask),
    total: first?.total ?? 0,
    overdue: first?.overdue ?? 0,
    pageSize: TASK_PAGE_SIZE,
  };
}

/**
 * Who a task belongs to: the CSM it is assigned to and its account's CSM (for `mayMoveTask`). Locks
 * the task row like `moveTask` does, so the answer holds until the move. Null for an unknown id.
 */
export async function taskOwners(tx: Tx, id: string): Promise<{ csmId: string | null; accountCsmId: string | null } | null> {
  const rows = await tx.$queryRawUnsafe<{ csm_id: string | null; account_csm_id: string | null }[]>(
    `SELECT t.csm_id::text AS csm_id, a.csm_id::text AS account_csm_id
       FROM success_tasks t JOIN accounts a ON a.id = t.account_id WHERE t.id = $1::uuid FOR UPDATE OF t`,
    id,
  );
  const row = rows[0];
  return row ? { csmId: row.csm_id, accountCsmId: row.account_csm_id } : null;
}

/**
 * Moves an open task to done or skipped, with a note. Locks the row, so two people completing the
 * same task at once cannot both succeed: the second gets `conflict`. Unknown id → `not_found`.
 */
export async function moveTask(
  tx: Tx,
  o: { id: string; to: Exclude<TTaskStatus, "open">; note: string; by: string; now: Date },
): Promise<{ accountId: string; type: string; dueDate: TIsoDate; from: TTaskStatus }> {
  const rows = await tx.$queryRawUnsafe<{ account_id: string; type: string; due_date: string; status: string }[]>(
    `SELECT account_id::text AS account_id, type, due_date::text AS due_date, status FROM success_tasks WHERE id = $1::uuid FOR UPDATE`,
    o.id,
  );
  const row = rows[0];
  if (!row) throw new AppError("not_found", { id: "cadence.errors.unknown_task" });
  const from = isTaskStatus(row.status) ? row.status : "open";
  if (!canMoveTask(from, o.to)) throw new AppError("conflict", { _: "cadence.errors.task_closed" });
  await tx.successTask.update({
    where: { id: o.id },
    data: { status: o.to, note: o.note, completedAt: o.now, completedBy: o.by },
  });
  return { accountId: row.account_id, type: row.type, dueDate: row.due_date, from };
}
