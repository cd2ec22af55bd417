import canonicalize from "canonicalize";
import { z } from "zod";
import { sha256Hex } from "../ledger/chain";
import type { TNudgeEmailTemplate } from "../nudges/templates";
import { zLine, zMultiline } from "../text/safe-text";

// Kinds of this release; later capabilities add theirs here (replies, check-ins, …).
// `nudge` is an onboarding email (sent through the outbox); `nudge_mark_sent` records a nudge sent by
// other means; `auto_complete` ends an org's onboarding (both internal).
export const PROPOSAL_KINDS = [
  "message",
  "freeze",
  "unfreeze",
  "nudge",
  "nudge_mark_sent",
  "auto_complete",
  "cutover_signoff",
  // Onboarding: an approval-gated checklist step, and a connector moving to approved-execute.
  "checklist_step",
  "connector_execute",
  // Support: a first response to a ticket (a message that also records the ticket's first response).
  "ticket_reply",
] as const;
export type TProposalKind = (typeof PROPOSAL_KINDS)[number];
export const isProposalKind = (value: string): value is TProposalKind =>
  (PROPOSAL_KINDS as readonly string[]).includes(value);

// A long email is a few thousand characters; 20 000 leaves room and keeps a pasted document out.
export const MAX_BODY = 20_000;
export const MAX_SUBJECT = 200;
export const MAX_REASON = 1_000;

/** What a proposer writes for a message; the recipient is resolved from the account on the server. */
export const ZMessageDraft = z.object({
  subject: zLine(MAX_SUBJECT, { customer: true }).min(1),
  body: zMultiline(MAX_BODY, { customer: true }).min(1),
});

export const ZCreateProposal = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("message"),
    account_id: z.uuid(),
    reason: zMultiline(MAX_REASON).default(""),
    message: ZMessageDraft,
  }),
  z.object({ kind: z.literal("freeze"), reason: zMultiline(MAX_REASON).min(1) }),
  z.object({ kind: z.literal("unfreeze"), reason: zMultiline(MAX_REASON).min(1) }),
]);
export type TCreateProposal = z.infer<typeof ZCreateProposal>;

/**
 * Exactly what will be sent: rendered, addressed and in the recipient's language. Its direction is no
 * field: each paragraph's comes from its own text (lib/domain/text/direction.ts).
 */
export type TMessagePayload = {
  channel: "email";
  to: { name: string; email: string };
  locale: "en" | "ar";
  /** Only in payloads sealed before issue 12, from the recipient's language; ignored everywhere. */
  dir?: "ltr" | "rtl";
  subject: string;
  body: string;
};
export type TSwitchPayload = { reason: string };
/** A first response to a support ticket: a message plus the ticket it answers (lib/actions/support-replies.ts). */
export type TTicketReplyPayload = TMessagePayload & { ticket_id: string };
/** A nudge is a message plus the template it was rendered from (the dispatcher records it as sent). */
export type TNudgePayload = TMessagePayload & { template: TNudgeEmailTemplate };
/** Internal lifecycle effects; the account is in the payload so the approved hash names it. */
export type TNudgeMarkSentPayload = { account_id: string; template: TNudgeEmailTemplate; reason: string };
export type TAutoCompletePayload = { account_id: string; reason: string };
/** An approval-gated checklist step; approval marks it complete with this note. */
export type TChecklistStepPayload = { account_id: string; step_id: string; note: string; reason: string };
/** A connector allowed to act on its own; approval moves it to connected_approved_execute. */
export type TConnectorExecutePayload = { account_id: string; connector: string; reason: string };
/** The figures a cut-over sign-off is about (lib/actions/cutover.ts), frozen so the approver sees what was measured. */
export type TCutoverSignoffPayload = {
  reason: string;
  decisions: number;
  agreement_pct: number | null;
  kappa: number | null;
  heartbeat_span_days: number | null;
  gates: { name: string; pass: boolean }[];
};
/** Each kind's payload; a kind without its line here does not type-check (lib/proposals/kinds/registry.ts). */
export type TPayloadByKind = {
  message: TMessagePayload;
  freeze: TSwitchPayload;
  unfreeze: TSwitchPayload;
  nudge: TNudgePayload;
  nudge_mark_sent: TNudgeMarkSentPayload;
  auto_complete: TAutoCompletePayload;
  cutover_signoff: TCutoverSignoffPayload;
  checklist_step: TChecklistStepPayload;
  connector_execute: TConnectorExecutePayload;
  ticket_reply: TTicketReplyPayload;
};
export type TProposalPayload =
  | TCutoverSignoffPayload
  | TMessagePayload
  | TSwitchPayload
  | TNudgePayload
  | TNudgeMarkSentPayload
  | TAutoCompletePayload
  | TChecklistStepPayload
  | TConnectorExecutePayload
  | TTicketReplyPayload;

export function renderMessage(
  draft: z.infer<typeof ZMessageDraft>,
  to: { name: string; email: string },
  locale: "en" | "ar",
): TMessagePayload {
  return {
    channel: "email",
    to,
    locale,
    subject: draft.subject,
    body: draft.body,
  };
}

/** Canonical text (sorted keys) and its sha256: the approval binds to this hash. */
export function sealPayload(payload: TProposalPayload): { text: string; hash: string } {
  const text = canonicalize(payload);
  if (text === undefined) throw new Error("payload cannot be canonicalised");
  return { text, hash: sha256Hex(text) };
}

export const ZDecision = z.object({ payload_hash: z.string().regex(/^[0-9a-f]{64}$/) });
export const ZReject = z.object({ reason: zMultiline(MAX_REASON).min(1) });
