import { z } from "zod";
import { STEP_IDS, type TStepId } from "../../domain/checklist/steps";
import type { TChecklistStepPayload } from "../../domain/proposals/payloads";
import type { TKindModule } from "./types";

export const checklistDedupeKey = (accountId: string, stepId: TStepId) => `checklist:${accountId}:${stepId}`;

/**
 * An approval-gated onboarding checklist step (lib/actions/checklist.ts): approval marks it complete
 * with the proposer's note. One live proposal per (account, step); the key is freed once the step row
 * records it.
 */
export const checklistStepKind: TKindModule<"checklist_step", TChecklistStepPayload> = {
  kind: "checklist_step",
  payload: z.strictObject({
    account_id: z.string().min(1),
    step_id: z.enum(STEP_IDS),
    note: z.string(),
    reason: z.string(),
  }),
  copyFields: [],
  dedupe: {
    key: ({ accountId, payload }) => (accountId ? checklistDedupeKey(accountId, payload.step_id as TStepId) : null),
    field: "step_id",
    code: "checklist.errors.already_proposed",
    detail: "already_proposed",
  },
  decide: { permission: "proposals:approve", makerChecker: true },
  bulkApprovable: false,
  groupDecidable: false,
  approve: "complete_checklist_step",
  deliver: "nothing",
};
