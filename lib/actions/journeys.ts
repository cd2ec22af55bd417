import "server-only";
import { z } from "zod";
import { lockAccount } from "../data/accounts";
import { markCriterionMet, withdrawCriterion } from "../data/journey-criteria";
import { txQuery } from "../data/journey-query";
import { completeCsmTouchpoint } from "../data/journey-touchpoints";
import { readJourneySettings, writeJourneySettings } from "../data/journey-settings";
import { MAX_WEEKLY_LIMIT, MIN_WEEKLY_LIMIT } from "../domain/journeys/guardrails";
import { ZWeights } from "../domain/journeys/health";
import { ZPlan } from "../domain/journeys/plan";
import { CRITERIA, STAGES } from "../domain/journeys/stages";
import { AppError } from "../errors";
import { reevaluateAccount, type TReevaluation } from "./journey-reevaluate";
import { defineMutation } from "./mutation";
import { zMultiline } from "../domain/text/safe-text";

/**
 * Journey mutations: a CSM marks (or withdraws) an exit criterion — which re-evaluates the account in
 * the same transaction, so the stage move and its timeline event land with the mark or not at all —,
 * completes a CSM touchpoint task, and a founder edits the journey settings.
 */

const MAX_NOTE = 500;

export const markCriterionMutation = defineMutation({
  name: "journeys.mark_criterion",
  permission: "accounts:write",
  input: z.object({
    account_id: z.uuid(),
    criterion: z.enum(CRITERIA),
    met: z.boolean(),
    note: zMultiline(MAX_NOTE).default(""),
    // The stage change the person confirmed (null: none expected); absent for callers that ask no one.
    expect_stage: z.enum(STAGES).nullable().optional(),
  }),
  async run({ tx, actor, input }) {
    if (!(await lockAccount(tx, input.account_id)))
      throw new AppError("not_found", { account_id: "validation.unknown_account" });
    const now = new Date();
    const mark = { accountId: input.account_id, criterion: input.criterion, note: input.note, by: actor, at: now };
    const changed = input.met ? await markCriterionMet(tx, mark) : await withdrawCriterion(tx, mark);
    // Marking what is already marked (or withdrawing what is not) is a conflict, not a silent no-op.
    if (!changed)
      throw new AppError("conflict", { criterion: input.met ? "journey.errors.alreadyMet" : "journey.errors.notMet" });
    const result = await reevaluateAccount(input.account_id, {
      now,
      tx,
      withdrawn: input.met ? undefined : { criterion: input.criterion, by: actor.label },
    });
    assertConfirmedStage(input.expect_stage, result);
    return {
      result,
      ledger: {
        target: `account:${input.account_id}`,
        summary: `${input.met ? "marked" : "withdrew"} ${input.criterion}${result?.changes ? `; ${result.changes} journey change(s), now ${result.stage}` : ""}${result && result.from !== result.stage ? ` (stage ${result.from} → ${result.stage})` : ""}`,
      },
    };
  },
});

/**
 * Issue 12 item 10: a stage change lands only as confirmed. When the page's confirmation (or its absence)
 * no longer matches what the mark does — the journey moved since the page was read — the whole mark is
 * refused and rolled back, so nobody moves an account to a stage they were not shown.
 */
function assertConfirmedStage(expected: string | null | undefined, result: TReevaluation) {
  if (expected === undefined) return;
  const caused = result && result.stage !== result.from ? result.stage : null;
  if (caused !== expected) throw new AppError("conflict", { criterion: "journey.errors.stageChanged" });
}

export const completeTouchpointMutation = defineMutation({
  name: "journeys.complete_touchpoint",
  permission: "accounts:write",
  input: z.object({ touchpoint_id: z.uuid(), responded: z.boolean().default(false) }),
  async run({ tx, actor, input }) {
    const row = await completeCsmTouchpoint(tx, input.touchpoint_id, actor.label, input.responded);
    if (!row) throw new AppError("conflict", { touchpoint_id: "journey.errors.notOpenTask" });
    return {
      result: { accountId: row.accountId },
      ledger: {
        target: `account:${row.accountId}`,
        summary: `completed touchpoint ${row.key}${input.responded ? " (customer responded)" : ""}`,
      },
    };
  },
});

export const ZJourneySettingsInput = z.object({
  weekly_limit: z.coerce.number().int().min(MIN_WEEKLY_LIMIT).max(MAX_WEEKLY_LIMIT),
  weights: ZWeights,
  plan: ZPlan.optional(),
});

export const updateJourneySettingsMutation = defineMutation({
  name: "journeys.update_settings",
  permission: "settings:manage",
  input: ZJourneySettingsInput,
  async run({ tx, actor, input }) {
    const q = txQuery(tx);
    const current = await readJourneySettings(q);
    const plan = input.plan ?? current.plan;
    await writeJourneySettings(q, { weeklyLimit: input.weekly_limit, weights: input.weights, plan, by: actor.label });
    const w = input.weights;
    return {
      result: { ok: true },
      ledger: {
        target: "settings:journeys",
        summary: `journey settings: limit ${input.weekly_limit}/7 days; weights ${w.progression}/${w.engagement}/${w.milestones}/${w.risk}; plan ${plan.filter((d) => d.enabled).length} of ${plan.length} touchpoints on`,
      },
    };
  },
});
