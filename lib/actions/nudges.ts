import "server-only";
import { z } from "zod";
import { nudgeAccountState, type TNudgeAccountState } from "../data/nudges";
import { primaryContact } from "../data/proposals";
import type { Tx } from "../data/tx";
import { DECISIONS } from "../domain/nudges/heuristic";
import {
  NUDGE_EMAIL_TEMPLATES,
  NUDGE_SENT_KEY,
  renderNudgeEmail,
  type TNudgeEmailTemplate,
} from "../domain/nudges/templates";
import { nudgeDedupeKey } from "../domain/nudges/tick-plan";
import {
  renderMessage,
  type TAutoCompletePayload,
  type TNudgeMarkSentPayload,
  type TNudgePayload,
} from "../domain/proposals/payloads";
import { AppError } from "../errors";
import { propose, refuseIfLive } from "../proposals/propose";
import { defineMutation } from "./mutation";
import { zMultiline } from "../domain/text/safe-text";

/**
 * Proposals the lifecycle tick and the agents' write tools make: a nudge email, "this nudge was sent
 * by other means", and auto-completion of onboarding. Each is idempotent per (account, template) or
 * per account: while a proposal for it is live (pending … delivered), or the effect already happened,
 * another is refused with `conflict` and a field code saying why. A partial unique index on the
 * proposal's dedupe key makes that hold under concurrent ticks on PostgreSQL too.
 */

// Spec: `hermes_reasoning` is ≤ 120 characters; a reason given by an agent follows the same bound.
const MAX_NUDGE_REASON = 120;
const ZReason = zMultiline(MAX_NUDGE_REASON).optional();
const ZTemplate = z.enum(NUDGE_EMAIL_TEMPLATES);

const DEFAULT_REASON: Record<TNudgeEmailTemplate, string> = {
  "day1-pair-screen": DECISIONS.day1.reason,
  "day3-upload-content": DECISIONS.day3.reason,
  "day7-create-schedule": DECISIONS.day7.reason,
};

const refuse = (field: string, code: string): never => {
  throw new AppError("conflict", { [field]: `validation.${code}` }, code);
};

async function accountState(tx: Tx, accountId: string): Promise<TNudgeAccountState> {
  const state = await nudgeAccountState(tx, accountId);
  if (!state) throw new AppError("not_found", { account_id: "validation.unknown_account" });
  return state;
}

/** A nudge email for one account and template, rendered in the account's language to its primary contact. */
export const proposeNudgeMutation = defineMutation({
  name: "nudges.propose",
  permission: "proposals:create",
  input: z.object({ account_id: z.uuid(), template: ZTemplate, reason: ZReason }),
  async run({ tx, actor, input }) {
    const state = await accountState(tx, input.account_id);
    if (state.completed) refuse("account_id", "onboarding_already_complete");
    if (state.sent[NUDGE_SENT_KEY[input.template]]) refuse("template", "nudge_already_sent");
    // Refused before addressing (a missing contact must not hide the conflict); `propose` re-checks, then claims.
    await refuseIfLive(tx, "nudge", nudgeDedupeKey(input.account_id, input.template));
    const { contact, locale } = await primaryContact(tx, input.account_id);
    const email = renderNudgeEmail(input.template, locale, contact.name);
    const payload: TNudgePayload = { ...renderMessage(email, contact, locale), template: input.template };
    const reason = input.reason || DEFAULT_REASON[input.template];
    const proposal = await propose(tx, "nudge", { accountId: input.account_id, payload, reason, proposer: actor });
    return {
      result: proposal,
      ledger: {
        target: `proposal:${proposal.id}`,
        summary: `proposed nudge ${input.template} for account:${input.account_id}`,
        payloadHash: proposal.payloadHash,
      },
    };
  },
});

/** "This nudge went out by other means": approval stamps the sent-at without sending anything. */
export const proposeNudgeMarkSentMutation = defineMutation({
  name: "nudges.propose_mark_sent",
  permission: "proposals:create",
  input: z.object({ account_id: z.uuid(), template: ZTemplate, reason: ZReason }),
  async run({ tx, actor, input }) {
    const state = await accountState(tx, input.account_id);
    if (state.sent[NUDGE_SENT_KEY[input.template]]) refuse("template", "nudge_already_sent");
    // Same key as the nudge itself (lib/proposals/kinds/nudge.ts): a nudge email and a "mark as
    // sent" can never both be approved.
    const reason = input.reason || `mark ${input.template} as sent`;
    const payload: TNudgeMarkSentPayload = { account_id: input.account_id, template: input.template, reason };
    const proposal = await propose(tx, "nudge_mark_sent", {
      accountId: input.account_id,
      payload,
      reason,
      proposer: actor,
    });
    return {
      result: proposal,
      ledger: {
        target: `proposal:${proposal.id}`,
        summary: `proposed marking ${input.template} sent for account:${input.account_id}`,
        payloadHash: proposal.payloadHash,
      },
    };
  },
});

/** Ends an account's onboarding (the cron's rule at 30+ days); approval sets onboarding_completed_at. */
export const proposeAutoCompleteMutation = defineMutation({
  name: "nudges.propose_auto_complete",
  permission: "proposals:create",
  input: z.object({ account_id: z.uuid(), reason: ZReason }),
  async run({ tx, actor, input }) {
    const state = await accountState(tx, input.account_id);
    if (state.completed) refuse("account_id", "onboarding_already_complete");
    const reason = input.reason || DECISIONS.autoComplete.reason;
    const payload: TAutoCompletePayload = { account_id: input.account_id, reason };
    const proposal = await propose(tx, "auto_complete", {
      accountId: input.account_id,
      payload,
      reason,
      proposer: actor,
    });
    return {
      result: proposal,
      ledger: {
        target: `proposal:${proposal.id}`,
        summary: `proposed auto-complete of onboarding for account:${input.account_id}`,
        payloadHash: proposal.payloadHash,
      },
    };
  },
});
