import "server-only";
import type { SqlClient } from "../db/sql-client";
import { db } from "../db";
import { planTasks, type TPlanSchedule } from "../domain/cadence/schedule";
import { CADENCE_TYPES, type TCadencePlan, type TCadenceType, type TIsoDate, type TTaskDraft } from "../domain/cadence/types";
import { isSeverity } from "../domain/risk/score";
import type { Tx } from "./tx";

type TQuery = Pick<SqlClient, "query">;

// Plans are read and their tasks written in pages of this many accounts: one round trip each way.
const PAGE = 1000;

const isType = (t: string): t is TCadenceType => (CADENCE_TYPES as readonly string[]).includes(t);
const isoOf = (d: Date): TIsoDate => d.toISOString().slice(0, 10);
const dateOf = (d: TIsoDate) => new Date(`${d}T00:00:00Z`);

type TScheduleRow = {
  account_id: string;
  owner_csm_id: string;
  active: boolean;
  types: string[];
  anchor_date: string;
  contract_end: string | null;
  severity: string | null;
};

const SCHEDULE_SQL = `
  SELECT p.account_id::text AS account_id, p.owner_csm_id::text AS owner_csm_id, p.active, p.types,
         p.anchor_date::text AS anchor_date, a.contract_end::text AS contract_end, r.severity
  FROM cadence_plans p
  JOIN accounts a ON a.id = p.account_id
  LEFT JOIN account_risk r ON r.account_id = p.account_id`;

const toSchedule = (r: TScheduleRow): TPlanSchedule => ({
  accountId: r.account_id,
  ownerCsmId: r.owner_csm_id,
  active: r.active,
  types: r.types.filter(isType),
  anchorDate: r.anchor_date,
  contractEnd: r.contract_end,
  severity: r.severity && isSeverity(r.severity) ? r.severity : null,
});

/** Inserts drafts that do not exist yet; returns how many were new. (account, type, due) decides. */
export async function insertTaskDrafts(q: TQuery, drafts: TTaskDraft[]): Promise<number> {
  if (drafts.length === 0) return 0;
  const rows = await q.query<{ n: number }>(
    `WITH ins AS (
       INSERT INTO success_tasks (id, account_id, csm_id, type, due_date, source)
       SELECT gen_random_uuid(), a, c, t, d, s
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::date[], $5::text[]) AS x(a, c, t, d, s)
       ON CONFLICT (account_id, type, due_date) DO NOTHING RETURNING 1)
     SELECT count(*)::int AS n FROM ins`,
    [
      drafts.map((d) => d.accountId),
      drafts.map((d) => d.csmId),
      drafts.map((d) => d.type),
      drafts.map((d) => d.dueDate),
      drafts.map((d) => d.source),
    ],
  );
  return rows[0]?.n ?? 0;
}

/**
 * Brings every active plan's tasks up to `today` + horizon (or only `accountIds`' plans): reads
 * plans in keyset pages, plans the tasks with the pure rule, inserts the missing ones. Idempotent and
 * safe to run concurrently: the unique (account, type, due date) index turns repeats into no-ops.
 */
export async function regenerateTasks(
  o: { today: TIsoDate; accountIds?: string[]; horizonDays?: number },
  q: TQuery = db().sql,
): Promise<{ plans: number; created: number }> {
  let after = "00000000-0000-0000-0000-000000000000";
  const out = { plans: 0, created: 0 };
  for (;;) {
    const params: unknown[] = [after, PAGE];
    const only = o.accountIds ? `AND p.account_id = ANY($3::uuid[])` : "";
    if (o.accountIds) params.push(o.accountIds);
    const rows = await q.query<TScheduleRow>(
      `${SCHEDULE_SQL} WHERE p.active AND p.account_id > $1::uuid ${only} ORDER BY p.account_id LIMIT $2`,
      params,
    );
    out.plans += rows.length;
    out.created += await insertTaskDrafts(
      q,
      rows.flatMap((r) => planTasks(toSchedule(r), o.today, o.horizonDays)),
    );
    if (rows.length < PAGE) return out;
    after = rows.at(-1)!.account_id;
  }
}

/** The same for one account inside a mutation's transaction (plan saved → its tasks exist at once). */
export async function regenerateAccountTasks(tx: Tx, accountId: string, today: TIsoDate): Promise<number> {
  const rows = await tx.$queryRawUnsafe<TScheduleRow[]>(`${SCHEDULE_SQL} WHERE p.account_id = $1::uuid`, accountId);
  const drafts = rows.flatMap((r) => planTasks(toSchedule(r), today));
  if (drafts.length === 0) return 0;
  const r = await tx.successTask.createMany({
    data: drafts.map((d) => ({ ...d, dueDate: dateOf(d.dueDate) })),
    skipDuplicates: true,
  });
  return r.count;
}

const PLAN_SELECT = {
  id: true,
  accountId: true,
  active: true,
  types: true,
  ownerCsmId: true,
  anchorDate: true,
  updatedAt: true,
} as const;

export async function getPlan(accountId: string, client: Pick<Tx, "cadencePlan" | "user"> = db().prisma): Promise<TCadencePlan | null> {
  const p = await client.cadencePlan.findUnique({ where: { accountId }, select: PLAN_SELECT });
  if (!p) return null;
  const owner = await client.user.findUnique({ where: { id: p.ownerCsmId }, select: { name: true } });
  return {
    ...p,
    types: p.types.filter(isType),
    anchorDate: isoOf(p.anchorDate),
    ownerCsmName: owner?.name ?? null,
  };
}

/** Creates or replaces the account's plan; returns the plan before the change (null when new). */
export async function upsertPlan(
  tx: Tx,
  input: { accountId: string; ownerCsmId: string; types: TCadenceType[]; anchorDate: TIsoDate },
): Promise<TCadencePlan | null> {
  const before = await getPlan(input.accountId, tx);
  const data = {
    ownerCsmId: input.ownerCsmId,
    types: input.types,
    anchorDate: dateOf(input.anchorDate),
    active: true,
    deactivatedAt: null,
  };
  await tx.cadencePlan.upsert({
    where: { accountId: input.accountId },
    create: { accountId: input.accountId, ...data },
    update: data,
  });
  return before;
}

/**
 * After a plan changes: open tasks follow the new owner, and open future tasks the plan no longer
 * wants (a removed type, or every one when deactivated) are skipped with a note, never deleted.
 * Overdue tasks stay open: the work is still owed. Returns how many were skipped.
 */
export async function reconcileOpenTasks(
  tx: Tx,
  o: { accountId: string; ownerCsmId: string | null; keepTypes: TCadenceType[]; today: TIsoDate; note: string; by: string; now: Date },
): Promise<number> {
  if (o.ownerCsmId)
    await tx.successTask.updateMany({
      where: { accountId: o.accountId, status: "open", source: { not: "manual" } },
      data: { csmId: o.ownerCsmId },
    });
  const r = await tx.successTask.updateMany({
    where: {
      accountId: o.accountId,
      status: "open",
      source: { not: "manual" },
      dueDate: { gte: dateOf(o.today) },
      type: { notIn: o.keepTypes },
    },
    data: { status: "skipped", note: o.note, completedAt: o.now, completedBy: o.by },
  });
  return r.count;
}

export async function deactivatePlan(tx: Tx, accountId: string, now: Date): Promise<boolean> {
  const r = await tx.cadencePlan.updateMany({ where: { accountId, active: true }, data: { active: false, deactivatedAt: now } });
  return r.count > 0;
}

/** Who may own a plan: active CSMs and founders, by name. */
export async function listPlanOwners(): Promise<{ id: string; name: string }[]> {
  return db().prisma.user.findMany({
    where: { active: true, role: { in: ["csm", "founder"] } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
