import { z } from "zod";
import type { TTicketReplyPayload } from "../../domain/proposals/payloads";
import { ZMessagePayload } from "./message";
import type { TKindModule } from "./types";

/** One live reply per ticket. */
export const replyDedupeKey = (ticketId: string) => `ticket_reply:${ticketId}`;

/**
 * A first response to a support ticket (lib/actions/support-replies.ts): queued like any message, and
 * approval records the ticket's first response at the approval instant.
 */
export const ticketReplyKind: TKindModule<"ticket_reply", TTicketReplyPayload> = {
  kind: "ticket_reply",
  payload: ZMessagePayload.extend({ ticket_id: z.string().min(1) }),
  copyFields: ["subject", "body"],
  dedupe: {
    key: ({ payload }) => replyDedupeKey(payload.ticket_id),
    field: "ticket_id",
    code: "support.errors.reply_already_proposed",
  },
  decide: { permission: "proposals:approve", makerChecker: true },
  bulkApprovable: true,
  groupDecidable: false,
  approve: "queue_email_and_record_first_response",
  deliver: "nothing",
};
