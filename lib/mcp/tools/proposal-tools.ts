import "server-only";
import { z } from "zod";
import { runMutation, type TMutation } from "../../actions/mutation";
import { proposeAutoCompleteMutation, proposeNudgeMarkSentMutation, proposeNudgeMutation } from "../../actions/nudges";
import { NUDGE_EMAIL_TEMPLATES } from "../../domain/nudges/templates";
import type { TProposal } from "../../domain/proposals/types";
import { messageOf } from "../../api/errors";
import { invalidArgs, toolError, type TTool, type TToolContext, type TToolResult } from "../types";
import { zLine } from "../../domain/text/safe-text";

/**
 * The live agent's write tools. Each only creates a proposal for a person to approve, through the one
 * mutation door with the token's actor (so it is ledgered and needs `proposals:create`).
 */

const ZOrg = zLine(100, { trim: false })
  .min(1)
  .describe("The candidate's organization_id (from list_onboarding_candidates).");
const ZTemplate = z.enum(NUDGE_EMAIL_TEMPLATES);
const ZReason = zLine(120, { trim: false })
  .optional()
  .describe("Why, in at most 120 characters (shown to the approver).");

async function propose<S extends z.ZodType>(
  mutation: TMutation<S, TProposal>,
  input: Record<string, unknown>,
  ctx: TToolContext,
): Promise<TToolResult> {
  const r = await runMutation(mutation, ctx.actor, input, ctx.requestId);
  if (!r.ok) {
    const detail = r.fields ? `${messageOf(r.code)} ${JSON.stringify(r.fields)}` : messageOf(r.code);
    return toolError(r.code, detail, r.fields);
  }
  return { ok: true, data: { proposal_id: r.data.id, state: r.data.state, kind: r.data.kind } };
}

const ZNudge = z.strictObject({ organization_id: ZOrg, template: ZTemplate, reason: ZReason });
const ZMarkSent = z.strictObject({ organization_id: ZOrg, template: ZTemplate, reason: ZReason });
const ZAutoComplete = z.strictObject({ organization_id: ZOrg, reason: ZReason });

export const sendLifecycleNudgeEmailTool: TTool = {
  name: "send_lifecycle_nudge_email",
  description:
    "Proposes sending an onboarding nudge email (in the account's language) to an org. Creates a " +
    "proposal for a person to approve; nothing is sent until then. Returns { proposal_id, state }.",
  scope: "customer:write",
  input: ZNudge,
  async run(args, ctx) {
    const parsed = ZNudge.safeParse(args ?? {});
    if (!parsed.success) return invalidArgs(parsed.error);
    const { organization_id, ...rest } = parsed.data;
    return propose(proposeNudgeMutation, { account_id: organization_id, ...rest }, ctx);
  },
};

export const markOnboardingNudgeSentTool: TTool = {
  name: "mark_onboarding_nudge_sent",
  description:
    "Proposes recording that a nudge was already sent by other means. Creates a proposal for a person " +
    "to approve. Returns { proposal_id, state }.",
  scope: "customer:write",
  input: ZMarkSent,
  async run(args, ctx) {
    const parsed = ZMarkSent.safeParse(args ?? {});
    if (!parsed.success) return invalidArgs(parsed.error);
    const { organization_id, ...rest } = parsed.data;
    return propose(proposeNudgeMarkSentMutation, { account_id: organization_id, ...rest }, ctx);
  },
};

export const autoCompleteOrgOnboardingTool: TTool = {
  name: "auto_complete_org_onboarding",
  description:
    "Proposes completing an org's onboarding (the rule at 30+ days since signup). Creates a proposal " +
    "for a person to approve. Returns { proposal_id, state }.",
  scope: "customer:write",
  input: ZAutoComplete,
  async run(args, ctx) {
    const parsed = ZAutoComplete.safeParse(args ?? {});
    if (!parsed.success) return invalidArgs(parsed.error);
    const { organization_id, ...rest } = parsed.data;
    return propose(proposeAutoCompleteMutation, { account_id: organization_id, ...rest }, ctx);
  },
};
