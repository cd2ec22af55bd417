import "server-only";
import { z } from "zod";
import { txQuery } from "../data/journey-query";
import { readJourneySettings, writeJourneySettings } from "../data/journey-settings";
import { MAX_WEEKLY_LIMIT, MIN_WEEKLY_LIMIT } from "../domain/journeys/guardrails";
import { ZWeights } from "../domain/journeys/health";
import { ZPlan } from "../domain/journeys/plan";
import { CRITERIA, STAGES } from "../domain/journeys/stages";
import { AppError } from "../errors";
import { reevaluateAccount, type TReevaluation } from "../data/journey-reevaluate";
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
    const q = txQuery(tx);
    const account = await q(`SELECT 1 FROM accounts WHERE id = $1::uuid FOR UPDATE`, [input.account_id]);
    if (account.length === 0) throw new AppError("not_found", { account_id: "validation.unknown_account" });
    const now = new Date();
    const changed = input.met
      ? await q(
          `INSERT INTO journey_criteria (account_id, criterion, met_at, marked_by, marked_by_id, note)
           VALUES ($1::uuid, $2, $3::timestamptz, $4, $5, $6) ON CONFLICT (account_id, criterion) DO NOTHING RETURNING 1`,
          [input.account_id, input.criterion, now.toISOString(), actor.label, actor.id, input.note],
        )
      : await q(`DELETE FROM journey_criteria WHERE account_id = $1::uuid AND criterion = $2 RETURNING 1`, [
          input.account_id,
          input.criterion,
        ]);
    // Marking what is already marked (or withdrawing what is not) is a conflict, not a silent no-op.
    if (changed.length === 0)
      throw new AppError("conflict", { criterion: input.met ? "journey.errors.alreadyMet" : "journey.errors.notMet" });
    await tx.accountEvent.create({
      data: {
        accountId: input.account_id,
        type: input.met ? "journey.criterion_met" : "journey.criterion_withdrawn",
        occurredAt: now,
        actor: actor.label,
        summary: `${input.met ? "Exit criterion met" : "Exit criterion withdrawn"}: ${input.criterion.replace(/_/g, " ")}${input.note ? ` — ${input.note}` : ""}`,
        data: { criterion: input.criterion },
      },
    });
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
    const rows = await txQuery(tx)<{ account_id: string; key: string }>(
      `UPDATE journey_touchpoints SET status = 'done', done_at = now(), done_by = $2, responded_at = CASE WHEN $3 THEN now() END,
         updated_at = now()
       WHERE id = $1::uuid AND owner = 'csm' AND status = 'planned' RETURNING account_id::text, key`,
      [input.touchpoint_id, actor.label, input.responded],
    );
    const row = rows[0];
    if (!row) throw new AppError("conflict", { touchpoint_id: "journey.errors.notOpenTask" });
    return {
      result: { accountId: row.account_id },
      ledger: {
        target: `account:${row.account_id}`,
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
