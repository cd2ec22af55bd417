import { z } from "zod";
import { NUDGE_EMAIL_TEMPLATES } from "../../domain/nudges/templates";
import type { TNudgeMarkSentPayload } from "../../domain/proposals/payloads";
import { nudgeDedupe } from "./nudge";
import type { TKindModule } from "./types";

/** "This nudge went out by other means": approval stamps the sent-at without sending anything. */
export const nudgeMarkSentKind: TKindModule<"nudge_mark_sent", TNudgeMarkSentPayload> = {
  kind: "nudge_mark_sent",
  payload: z.strictObject({
    account_id: z.string().min(1),
    template: z.enum(NUDGE_EMAIL_TEMPLATES),
    reason: z.string(),
  }),
  copyFields: [],
  dedupe: nudgeDedupe,
  decide: { permission: "proposals:approve", makerChecker: true },
  bulkApprovable: false,
  groupDecidable: true,
  approve: "mark_nudge_sent",
  deliver: "nothing",
};
