import "server-only";
import { randomUUID } from "node:crypto";
import { prisma } from "../db";
import type { TActor } from "../domain/auth/actor";
import { isAccountId, normaliseAccountName } from "../domain/incidents/account-lines";
import { FREEZE_STEP, LEAK_STEP } from "../domain/incidents/plan";
import type { TActionItem, TIncidentStatus, TPostmortemInput } from "../domain/incidents/schemas";
import type { TAnswer, TSeverity, TTriage, TTriageAnswers } from "../domain/incidents/triage";
import { AppError } from "../errors";
import type { Tx } from "./tx";

export type TIncidentSummary = {
  id: string;
  title: string;
  severity: TSeverity;
  status: TIncidentStatus;
  openedAt: Date;
  closedAt: Date | null;
  firstActionAt: Date | null;
  lastUpdateAt: Date | null;
  mitigatedAt: Date | null;
  dataLeak: TAnswer;
  unauthorizedSend: TAnswer;
  leakNotifiedAt: Date | null;
  accountCount: number;
};

export type TIncidentUpdate = { id: string; kind: string; body: string; authorLabel: string; at: Date };
export type TPostmortem = {
  summary: string;
  timeline: string;
  rootCause: string;
  impact: string;
  wentWell: string;
  toImprove: string;
  actionItems: TActionItem[];
  updatedBy: string;
  updatedAt: Date;
};
export type TIncident = TIncidentSummary & {
  description: string;
  affected: number | null;
  triageUnsure: boolean;
  triageReasons: string[];
  frozeSystem: boolean;
  createdAt: Date;
  accounts: { id: string; name: string }[];
  steps: { step: string; doneAt: Date; doneBy: string }[];
  updates: TIncidentUpdate[];
  postmortem: TPostmortem | null;
};

type TRow = {
  id: string;
  title: string;
  severity: string;
  status: string;
  opened_at: Date;
  closed_at: Date | null;
  first_action_at: Date | null;
  last_update_at: Date | null;
  mitigated_at: Date | null;
  data_leak: string;
  unauthorized_send: string;
  leak_notified_at: Date | null;
  account_count: number;
};

const toSummary = (r: TRow): TIncidentSummary => ({
  id: r.id,
  title: r.title,
  severity: r.severity as TSeverity,
  status: r.status as TIncidentStatus,
  openedAt: r.opened_at,
  closedAt: r.closed_at,
  firstActionAt: r.first_action_at,
  lastUpdateAt: r.last_update_at,
  mitigatedAt: r.mitigated_at,
  dataLeak: r.data_leak as TAnswer,
  unauthorizedSend: r.unauthorized_send as TAnswer,
  leakNotifiedAt: r.leak_notified_at,
  accountCount: Number(r.account_count),
});

/**
 * Open and mitigated incidents first, then by severity and newest; closed ones after. One query with
 * the account counts and the leak-notification check-off (for the countdown) joined in.
 */
export async function listIncidents(
  f: { status?: "active" | TIncidentStatus; severity?: TSeverity },
  limit = 200,
): Promise<TIncidentSummary[]> {
  const status = f.status ?? null;
  const rows = await prisma().$queryRaw<TRow[]>`
    SELECT i.id, i.title, i.severity, i.status, i.opened_at, i.closed_at, i.first_action_at, i.last_update_at,
           i.mitigated_at, i.data_leak, i.unauthorized_send, s.done_at AS leak_notified_at,
           (SELECT count(*)::int FROM incident_accounts a WHERE a.incident_id = i.id) AS account_count
    FROM incidents i
    LEFT JOIN incident_plan_steps s ON s.incident_id = i.id AND s.step = ${LEAK_STEP}
    WHERE (${status}::text IS NULL OR (${status}::text = 'active' AND i.status <> 'closed') OR i.status = ${status}::text)
      AND (${f.severity ?? null}::text IS NULL OR i.severity = ${f.severity ?? null}::text)
    ORDER BY (i.status = 'closed'), i.severity, i.opened_at DESC, i.id
    LIMIT ${limit}`;
  return rows.map(toSummary);
}

export async function getIncident(id: string, client: Tx | ReturnType<typeof prisma> = prisma()): Promise<TIncident | null> {
  const i = await client.incident.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      description: true,
      severity: true,
      status: true,
      openedAt: true,
      closedAt: true,
      firstActionAt: true,
      lastUpdateAt: true,
      mitigatedAt: true,
      dataLeak: true,
      unauthorizedSend: true,
      affectedCount: true,
      triageUnsure: true,
      triageReasons: true,
      frozeSystem: true,
      createdAt: true,
      accounts: { select: { accountId: true } },
      steps: { select: { step: true, doneAt: true, doneBy: true }, orderBy: { doneAt: "asc" } },
      updates: { select: { id: true, kind: true, body: true, authorLabel: true, at: true }, orderBy: { at: "desc" } },
      postmortem: true,
    },
  });
  if (!i) return null;
  const accounts = await client.account.findMany({
    where: { id: { in: i.accounts.map((a) => a.accountId) } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
  const pm = i.postmortem;
  return {
    id: i.id,
    title: i.title,
    description: i.description,
    severity: i.severity as TSeverity,
    status: i.status as TIncidentStatus,
    openedAt: i.openedAt,
    closedAt: i.closedAt,
    firstActionAt: i.firstActionAt,
    lastUpdateAt: i.lastUpdateAt,
    mitigatedAt: i.mitigatedAt,
    dataLeak: i.dataLeak as TAnswer,
    unauthorizedSend: i.unauthorizedSend as TAnswer,
    leakNotifiedAt: i.steps.find((s) => s.step === LEAK_STEP)?.doneAt ?? null,
    accountCount: accounts.length,
    affected: i.affectedCount,
    triageUnsure: i.triageUnsure,
    triageReasons: JSON.parse(i.triageReasons) as string[],
    frozeSystem: i.frozeSystem,
    createdAt: i.createdAt,
    accounts,
    steps: i.steps,
    updates: i.updates,
    postmortem: pm
      ? {
          summary: pm.summary,
          timeline: pm.timeline,
          rootCause: pm.rootCause,
          impact: pm.impact,
          wentWell: pm.wentWell,
          toImprove: pm.toImprove,
          actionItems: JSON.parse(pm.actionItems) as TActionItem[],
          updatedBy: pm.updatedBy,
          updatedAt: pm.updatedAt,
        }
      : null,
  };
}

/** Whether the incident exists, read without locking it. */
export async function incidentExists(tx: Tx, id: string): Promise<boolean> {
  return (await tx.incident.count({ where: { id } })) > 0;
}

/** Locks the incident row for this transaction, so concurrent changes to one incident queue. */
export async function lockIncident(
  tx: Tx,
  id: string,
): Promise<{ status: TIncidentStatus; severity: TSeverity; title: string; firstActionAt: Date | null; dataLeak: TAnswer }> {
  const rows = await tx.$queryRaw<{ status: string; severity: string; title: string; first_action_at: Date | null; data_leak: string }[]>`
    SELECT status, severity, title, first_action_at, data_leak FROM incidents WHERE id = ${id}::uuid FOR UPDATE`;
  const r = rows[0];
  if (!r) throw new AppError("not_found", undefined, undefined, `incident:${id}`);
  return { status: r.status as TIncidentStatus, severity: r.severity as TSeverity, title: r.title, firstActionAt: r.first_action_at, dataLeak: r.data_leak as TAnswer };
}

/** Account ids that do not exist (so the caller can name them instead of failing on a foreign key). */
export async function unknownAccounts(tx: Tx, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const found = await tx.account.findMany({ where: { id: { in: ids } }, select: { id: true } });
  const known = new Set(found.map((a) => a.id));
  return ids.filter((id) => !known.has(id));
}

/** Resolves account names (exact, case-insensitive) or ids typed into the form; unknown ones are returned as such. */
/**
 * Resolves form lines to account ids in one query: ids exactly, names by normalised equality
 * (lib/domain/incidents/account-lines), never LIKE, so `%` and `_` match only themselves. A name shared
 * by several accounts is ambiguous rather than silently picking one. Run inside the mutation, after the
 * actor's permission is known.
 */
export async function resolveAccountLines(
  tx: Tx,
  lines: string[],
): Promise<{ ids: string[]; unknown: string[]; ambiguous: string[] }> {
  const idLines = lines.filter(isAccountId).map((l) => l.toLowerCase());
  const names = [...new Set(lines.filter((l) => !isAccountId(l)).map(normaliseAccountName))];
  const rows =
    lines.length === 0
      ? []
      : await tx.$queryRaw<{ id: string; key: string }[]>`
          SELECT id::text AS id, id::text AS key FROM accounts WHERE id::text = ANY(${idLines}::text[])
          UNION ALL
          SELECT id::text, lower(normalize(btrim(name), NFC)) FROM accounts
           WHERE lower(normalize(btrim(name), NFC)) = ANY(${names}::text[])`;
  const byKey = new Map<string, string[]>();
  for (const r of rows) byKey.set(r.key, [...(byKey.get(r.key) ?? []), r.id]);
  const ids: string[] = [];
  const unknown: string[] = [];
  const ambiguous: string[] = [];
  for (const line of lines) {
    const found = byKey.get(isAccountId(line) ? line.toLowerCase() : normaliseAccountName(line)) ?? [];
    if (found.length === 1) ids.push(found[0]!);
    else (found.length === 0 ? unknown : ambiguous).push(line);
  }
  return { ids: [...new Set(ids)], unknown, ambiguous };
}

export async function insertIncident(
  tx: Tx,
  i: { title: string; description: string; accountIds: string[]; answers: TTriageAnswers; result: TTriage; actor: TActor; now: Date },
): Promise<string> {
  const id = randomUUID();
  await tx.incident.create({
    data: {
      id,
      title: i.title,
      description: i.description,
      severity: i.result.severity,
      status: "open",
      openedAt: i.now,
      createdBy: i.actor.type === "user" ? i.actor.id : null,
      dataLeak: i.answers.dataLeak,
      unauthorizedSend: i.answers.unauthorizedSend,
      affectedCount: i.answers.affected,
      triageUnsure: i.answers.unsure,
      triageReasons: JSON.stringify(i.result.reasons),
      triagedAt: i.now,
    },
  });
  if (i.accountIds.length > 0)
    await tx.incidentAccount.createMany({ data: i.accountIds.map((accountId) => ({ incidentId: id, accountId })) });
  return id;
}

export async function setTriage(tx: Tx, id: string, answers: TTriageAnswers, result: TTriage, now: Date): Promise<void> {
  await tx.incident.update({
    where: { id },
    data: {
      severity: result.severity,
      dataLeak: answers.dataLeak,
      unauthorizedSend: answers.unauthorizedSend,
      affectedCount: answers.affected,
      triageUnsure: answers.unsure,
      triageReasons: JSON.stringify(result.reasons),
      triagedAt: now,
    },
  });
}

export async function addUpdate(
  tx: Tx,
  u: { incidentId: string; kind: "first_action" | "update" | "triage" | "status" | "freeze"; body: string; actor: TActor; now: Date },
): Promise<void> {
  await tx.incidentUpdate.create({
    data: {
      id: randomUUID(),
      incidentId: u.incidentId,
      kind: u.kind,
      body: u.body,
      authorId: u.actor.type === "user" ? u.actor.id : null,
      authorLabel: u.actor.label,
      at: u.now,
    },
  });
  if (u.kind === "first_action")
    await tx.incident.update({ where: { id: u.incidentId }, data: { firstActionAt: u.now, lastUpdateAt: u.now } });
  if (u.kind === "update") await tx.incident.update({ where: { id: u.incidentId }, data: { lastUpdateAt: u.now } });
}

/** Checks a plan step off; false when it was already checked (the primary key decides between racers). */
export async function checkStep(tx: Tx, incidentId: string, step: string, by: string, now: Date): Promise<boolean> {
  const n = await tx.$executeRaw`
    INSERT INTO incident_plan_steps (incident_id, step, done_at, done_by) VALUES (${incidentId}::uuid, ${step}, ${now}, ${by})
    ON CONFLICT (incident_id, step) DO NOTHING`;
  return n === 1;
}

export async function uncheckStep(tx: Tx, incidentId: string, step: string): Promise<boolean> {
  const n = await tx.incidentPlanStep.deleteMany({ where: { incidentId, step } });
  return n.count === 1;
}

export async function setStatus(tx: Tx, id: string, to: TIncidentStatus, now: Date): Promise<void> {
  await tx.incident.update({
    where: { id },
    data: {
      status: to,
      ...(to === "mitigated" ? { mitigatedAt: now } : {}),
      ...(to === "closed" ? { closedAt: now } : {}),
      ...(to === "open" ? { mitigatedAt: null } : {}),
    },
  });
}

export async function markFroze(tx: Tx, id: string): Promise<void> {
  await tx.incident.update({ where: { id }, data: { frozeSystem: true } });
}

export async function upsertPostmortem(tx: Tx, p: TPostmortemInput, by: string, now: Date): Promise<void> {
  const data = {
    summary: p.summary,
    timeline: p.timeline,
    rootCause: p.root_cause,
    impact: p.impact,
    wentWell: p.went_well,
    toImprove: p.to_improve,
    actionItems: JSON.stringify(p.action_items),
    updatedBy: by,
    updatedAt: now,
  };
  await tx.incidentPostmortem.upsert({ where: { incidentId: p.id }, create: { incidentId: p.id, ...data }, update: data });
}

export { FREEZE_STEP };

/** The accounts an incident affects (journeys re-evaluate them when it closes). */
export async function incidentAccountIds(tx: Tx, incidentId: string): Promise<string[]> {
  const rows = await tx.incidentAccount.findMany({ where: { incidentId }, select: { accountId: true } });
  return rows.map((r) => r.accountId);
}

/** The account timeline's line for an incident opened from one of its tickets; the summary is the title as written. */
export async function addIncidentFromTicketEvent(
  tx: Tx,
  e: { accountId: string; incidentId: string; ticketId: string; severity: string; title: string; actorLabel: string; now: Date },
): Promise<void> {
  await tx.accountEvent.create({
    data: {
      accountId: e.accountId,
      type: "incident.opened",
      occurredAt: e.now,
      actor: e.actorLabel,
      summary: e.title,
      data: { incident_id: e.incidentId, ticket_id: e.ticketId, severity: e.severity },
    },
  });
}
