import { z } from "zod";
import { NUDGE_EMAIL_TEMPLATES } from "../../domain/nudges/templates";
import { nudgeDedupeKey } from "../../domain/nudges/tick-plan";
import type { TNudgePayload } from "../../domain/proposals/payloads";
import { ZMessagePayload } from "./message";
import type { TKindModule, TDedupe } from "./types";

/**
 * One live action per (account, template): a nudge email and a "mark as sent" share this key, so the
 * two can never both be approved (lib/actions/nudges.ts).
 */
export const nudgeDedupe = {
  key: ({ accountId, payload }) => (accountId ? nudgeDedupeKey(accountId, payload.template) : null),
  field: "template",
  code: "validation.nudge_already_proposed",
  detail: "nudge_already_proposed",
} satisfies TDedupe<{ template: TNudgePayload["template"] }>;

/** An onboarding nudge email; its sent-at is stamped when the dispatcher delivers (or previews) it. */
export const nudgeKind: TKindModule<"nudge", TNudgePayload> = {
  kind: "nudge",
  payload: ZMessagePayload.extend({ template: z.enum(NUDGE_EMAIL_TEMPLATES) }),
  copyFields: ["subject", "body"],
  dedupe: nudgeDedupe,
  decide: { permission: "proposals:approve", makerChecker: true },
  bulkApprovable: true,
  groupDecidable: false,
  approve: "queue_email",
  deliver: "stamp_nudge_sent",
};
