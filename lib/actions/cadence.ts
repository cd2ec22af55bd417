import "server-only";
import { z } from "zod";
import { deactivatePlan, reconcileOpenTasks, regenerateAccountTasks, upsertPlan } from "../data/cadence";
import { primaryContact } from "../data/proposals";
import { findAccountRef } from "../data/accounts";
import { recomputeAccountRisk, riskReasonCodes } from "../data/risk";
import { findUserStanding } from "../data/users";
import { moveTask, taskOwners } from "../data/tasks";
import type { TActor } from "../domain/auth/actor";
import { mayManagePlan, mayMoveTask } from "../domain/cadence/access";
import { TEAM_TIME_ZONE, checkInDraft } from "../domain/cadence/check-in";
import { calendarDay } from "../domain/cadence/dates";
import { ZCompleteTask, ZSavePlan, ZSkipTask } from "../domain/cadence/plan";
import { MAX_REASON, ZMessageDraft, renderMessage } from "../domain/proposals/payloads";
import { AppError } from "../errors";
import { propose } from "../proposals/propose";
import { defineMutation } from "./mutation";
import type { Tx } from "../data/tx";
import { zMultiline } from "../domain/text/safe-text";

const today = (now: Date) => calendarDay(now, TEAM_TIME_ZONE);

async function requireAccount(tx: Tx, id: string) {
  const a = await findAccountRef(tx, id);
  if (!a) throw new AppError("not_found", { account_id: "validation.unknown_account" });
  return a;
}

/** The account, if `actor` may save or deactivate its plan (lib/domain/cadence/access.ts); else forbidden. */
async function requirePlanOwner(tx: Tx, actor: TActor, id: string) {
  const a = await requireAccount(tx, id);
  if (!mayManagePlan(actor, a.csmId)) throw new AppError("forbidden", undefined, undefined, `account:${id}`);
  return a;
}

/** Forbidden unless `actor` may complete or skip the task (lib/domain/cadence/access.ts). */
async function requireTaskOwner(tx: Tx, actor: TActor, id: string): Promise<void> {
  const owners = await taskOwners(tx, id);
  if (!owners) throw new AppError("not_found", { id: "cadence.errors.unknown_task" });
  if (!mayMoveTask(actor, owners)) throw new AppError("forbidden", undefined, undefined, `task:${id}`);
}

/** Creates or edits an account's plan; its tasks up to the horizon exist when the transaction commits. */
export const savePlanMutation = defineMutation({
  name: "cadence.plan.save",
  permission: "accounts:write",
  input: ZSavePlan,
  async run({ tx, actor, input }) {
    await requirePlanOwner(tx, actor, input.account_id);
    const owner = await findUserStanding(tx, input.owner_csm_id);
    if (!owner || !owner.active || (owner.role !== "csm" && owner.role !== "founder"))
      throw new AppError("invalid_input", { owner_csm_id: "cadence.errors.unknown_owner" });
    const now = new Date();
    const before = await upsertPlan(tx, {
      accountId: input.account_id,
      ownerCsmId: input.owner_csm_id,
      types: input.types,
      anchorDate: input.anchor_date,
    });
    const skipped = await reconcileOpenTasks(tx, {
      accountId: input.account_id,
      ownerCsmId: input.owner_csm_id,
      keepTypes: input.types,
      today: today(now),
      note: "plan changed",
      by: actor.label,
      now,
    });
    const created = await regenerateAccountTasks(tx, input.account_id, today(now));
    return {
      result: { created, skipped },
      ledger: {
        target: `account:${input.account_id}`,
        summary:
          `${before ? "edited" : "created"} cadence plan: ${input.types.join(", ")} from ${input.anchor_date}` +
          ` for user:${input.owner_csm_id}; ${created} tasks created, ${skipped} skipped`,
      },
    };
  },
});

export const deactivatePlanMutation = defineMutation({
  name: "cadence.plan.deactivate",
  permission: "accounts:write",
  input: z.object({ account_id: z.uuid() }),
  async run({ tx, actor, input }) {
    await requirePlanOwner(tx, actor, input.account_id);
    const now = new Date();
    if (!(await deactivatePlan(tx, input.account_id, now)))
      throw new AppError("conflict", { _: "cadence.errors.no_active_plan" });
    const skipped = await reconcileOpenTasks(tx, {
      accountId: input.account_id,
      ownerCsmId: null,
      keepTypes: [],
      today: today(now),
      note: "plan deactivated",
      by: actor.label,
      now,
    });
    return {
      result: { skipped },
      ledger: {
        target: `account:${input.account_id}`,
        summary: `deactivated cadence plan; ${skipped} future tasks skipped`,
      },
    };
  },
});

export const completeTaskMutation = defineMutation({
  name: "tasks.complete",
  permission: "accounts:write",
  input: ZCompleteTask,
  async run({ tx, actor, input }) {
    await requireTaskOwner(tx, actor, input.id);
    const t = await moveTask(tx, { id: input.id, to: "done", note: input.note, by: actor.label, now: new Date() });
    return {
      result: null,
      ledger: { target: `task:${input.id}`, summary: `done: ${t.type} due ${t.dueDate} for account:${t.accountId}` },
    };
  },
});

export const skipTaskMutation = defineMutation({
  name: "tasks.skip",
  permission: "accounts:write",
  input: ZSkipTask,
  async run({ tx, actor, input }) {
    await requireTaskOwner(tx, actor, input.id);
    const t = await moveTask(tx, { id: input.id, to: "skipped", note: input.note, by: actor.label, now: new Date() });
    return {
      result: null,
      ledger: {
        target: `task:${input.id}`,
        summary: `skipped: ${t.type} due ${t.dueDate} for account:${t.accountId}: ${input.note}`,
      },
    };
  },
});

/** On demand for one account (the tick recomputes all). */
export const recomputeRiskMutation = defineMutation({
  name: "risk.recompute",
  permission: "accounts:write",
  input: z.object({ account_id: z.uuid() }),
  async run({ tx, input }) {
    const risk = await recomputeAccountRisk(tx, input.account_id, new Date());
    if (!risk) throw new AppError("not_found", { account_id: "validation.unknown_account" });
    return {
      result: risk,
      ledger: { target: `account:${input.account_id}`, summary: `risk recomputed: ${risk.score} (${risk.severity})` },
    };
  },
});

/**
 * Drafts a check-in to the account's primary contact as a `message` proposal (approval-first): the
 * given subject and body, or the standard check-in in the account's language, mentioning the help
 * that matches its current at-risk reasons.
 */
export const draftCheckInMutation = defineMutation({
  name: "cadence.checkin.draft",
  permission: "proposals:create",
  input: z.object({
    account_id: z.uuid(),
    message: ZMessageDraft.optional(),
    reason: zMultiline(MAX_REASON).optional(),
  }),
  async run({ tx, actor, input }) {
    const account = await requireAccount(tx, input.account_id);
    const { contact, locale } = await primaryContact(tx, input.account_id);
    const codes = await riskReasonCodes(tx, input.account_id);
    const draft =
      input.message ??
      checkInDraft(locale, {
        contactName: contact.name,
        accountName: account.name,
        senderName: actor.label,
        reasons: codes.filter((c): c is "inactive" | "proof_pack" | "pending_drafts" =>
          ["inactive", "proof_pack", "pending_drafts"].includes(c),
        ),
      });
    const proposal = await propose(tx, "message", {
      accountId: input.account_id,
      payload: renderMessage(draft, contact, locale),
      reason: input.reason || "check-in",
      proposer: actor,
    });
    return {
      result: { id: proposal.id },
      ledger: {
        target: `proposal:${proposal.id}`,
        summary: `proposed check-in for account:${input.account_id}`,
        payloadHash: proposal.payloadHash,
      },
    };
  },
});
