import "server-only";
import { prisma } from "../db";
import type { TNudgeAction, TNudgeTemplate } from "../domain/nudges/heuristic";
import { NUDGE_SENT_KEY, type TNudgeEmailTemplate } from "../domain/nudges/templates";
import { AppError, isUniqueViolation } from "../errors";
import type { Tx } from "./tx";
import type { TTickRun } from "../domain/nudges/types";
export type { TTickRun };

/** Storage of the lifecycle tick's effects: sent-at stamps, onboarding completion, dedupe, decisions. */

const SENT_FIELD = { day1: "nudgeDay1SentAt", day3: "nudgeDay3SentAt", day7: "nudgeDay7SentAt" } as const;
const LIVE_STATES = ["pending", "approved", "dispatched", "delivered"];

export type TNudgeAccountState = {
  sent: Record<"day1" | "day3" | "day7", boolean>;
  completed: boolean;
};

/** Whether each nudge went out and onboarding is complete; null when the account does not exist. */
export async function nudgeAccountState(tx: Tx, accountId: string): Promise<TNudgeAccountState | null> {
  const row = await tx.account.findUnique({
    where: { id: accountId },
    select: { nudgeDay1SentAt: true, nudgeDay3SentAt: true, nudgeDay7SentAt: true, onboardingCompletedAt: true },
  });
  if (!row) return null;
  return {
    sent: { day1: row.nudgeDay1SentAt !== null, day3: row.nudgeDay3SentAt !== null, day7: row.nudgeDay7SentAt !== null },
    completed: row.onboardingCompletedAt !== null,
  };
}

/** The live (pending … delivered) proposal holding `key`, if any. */
export async function liveProposalFor(tx: Tx, key: string): Promise<{ id: string; kind: string } | null> {
  return tx.proposal.findFirst({ where: { dedupeKey: key, state: { in: LIVE_STATES } }, select: { id: true, kind: true } });
}

/**
 * Claims `key` for a proposal just inserted in this transaction. The partial unique index is the real
 * guard: a concurrent transaction that claimed the same key first makes this throw `conflict` with
 * `fieldCode` (its transaction is then rolled back, so no duplicate row survives).
 */
export async function claimDedupeKey(
  tx: Tx,
  proposalId: string,
  key: string,
  field: string,
  fieldCode: string,
): Promise<void> {
  try {
    await tx.$executeRaw`UPDATE proposals SET dedupe_key = ${key} WHERE id = ${proposalId}::uuid`;
  } catch (error) {
    if (isUniqueViolation(error) || isRawUniqueViolation(error))
      throw new AppError("conflict", { [field]: fieldCode }, "duplicate", `dedupe:${key}`);
    throw error;
  }
}

// A raw query's unique violation comes back as Prisma P2010 with the driver's code in `meta`/the message.
const isRawUniqueViolation = (error: unknown) => {
  const e = error as { code?: string; meta?: { code?: string }; message?: string };
  return e?.code === "P2010" && (e.meta?.code === "23505" || /Code: `23505`/.test(e.message ?? ""));
};

/** Dedupe keys of live or rejected nudge/auto-complete proposals of these accounts (the tick skips them). */
export async function knownDedupeKeys(accountIds: readonly string[]): Promise<Set<string>> {
  const keys = new Set<string>();
  const BATCH = 1000;
  for (let i = 0; i < accountIds.length; i += BATCH) {
    const rows = await prisma().proposal.findMany({
      where: {
        accountId: { in: accountIds.slice(i, i + BATCH) },
        kind: { in: ["nudge", "nudge_mark_sent", "auto_complete"] },
        dedupeKey: { not: null },
        state: { in: [...LIVE_STATES, "rejected"] },
      },
      select: { dedupeKey: true },
    });
    for (const r of rows) if (r.dedupeKey) keys.add(r.dedupeKey);
  }
  return keys;
}

/**
 * Stamps the nudge as sent (the first stamp wins; a later one leaves it) and writes a timeline event.
 * `actor` is what the timeline shows (e.g. "system", or the approver's label).
 */
export async function recordNudgeSent(
  tx: Tx,
  n: { accountId: string; template: TNudgeEmailTemplate; at: Date; actor: string; how: "email" | "marked"; proposalId: string },
): Promise<void> {
  const day = NUDGE_SENT_KEY[n.template];
  await tx.account.updateMany({ where: { id: n.accountId, [SENT_FIELD[day]]: null }, data: { [SENT_FIELD[day]]: n.at } });
  const number = day.slice(3);
  await tx.accountEvent.create({
    data: {
      accountId: n.accountId,
      type: "nudge.sent",
      occurredAt: n.at,
      actor: n.actor,
      summary:
        n.how === "email" ? `Day ${number} onboarding nudge sent` : `Day ${number} onboarding nudge marked as sent`,
      data: { nudge: day, template: n.template, channel: n.how === "email" ? "email" : "other", proposal_id: n.proposalId },
    },
  });
}

/** Marks onboarding complete (an earlier completion is kept) and writes a timeline event. */
export async function recordOnboardingCompleted(
  tx: Tx,
  n: { accountId: string; at: Date; actor: string; reason: string; proposalId: string },
): Promise<void> {
  await tx.account.updateMany({ where: { id: n.accountId, onboardingCompletedAt: null }, data: { onboardingCompletedAt: n.at } });
  await tx.accountEvent.create({
    data: {
      accountId: n.accountId,
      type: "onboarding.completed",
      occurredAt: n.at,
      actor: n.actor,
      summary: `Onboarding auto-completed: ${n.reason}`.slice(0, 500),
      data: { proposal_id: n.proposalId },
    },
  });
}

export type TDecisionRow = {
  runId: number;
  accountId: string;
  template: TNudgeTemplate;
  action: TNudgeAction;
  reason: string;
  decidedAt: Date;
};

/** Stores a tick's decisions in batches (a tick over 100 000 accounts stays a few statements). */
export async function insertDecisions(rows: readonly TDecisionRow[]): Promise<number> {
  const BATCH = 2000;
  let inserted = 0;
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH).map((r) => ({ ...r, runId: BigInt(r.runId) }));
    inserted += (await prisma().nudgeDecision.createMany({ data: batch })).count;
  }
  return inserted;
}


/** The latest lifecycle ticks, aggregated in SQL (one row per run and template). */
export async function recentTickRuns(limit = 10): Promise<TTickRun[]> {
  const rows = await prisma().$queryRaw<{ run_id: bigint; at: Date; template: string; action: string; n: bigint }[]>`
    WITH runs AS (SELECT run_id FROM nudge_decisions GROUP BY run_id ORDER BY run_id DESC LIMIT ${limit})
    SELECT d.run_id, min(d.decided_at) AS at, d.template, d.action, count(*) AS n
    FROM nudge_decisions d JOIN runs USING (run_id)
    GROUP BY d.run_id, d.template, d.action
    ORDER BY d.run_id DESC`;
  const runs = new Map<number, TTickRun>();
  for (const r of rows) {
    const id = Number(r.run_id);
    const run = runs.get(id) ?? { runId: id, at: r.at, decisions: 0, byTemplate: {}, autoComplete: 0 };
    const n = Number(r.n);
    run.decisions += n;
    if (r.at < run.at) run.at = r.at;
    if (r.action === "auto_complete") run.autoComplete += n;
    else run.byTemplate[r.template] = (run.byTemplate[r.template] ?? 0) + n;
    runs.set(id, run);
  }
  return [...runs.values()];
}
