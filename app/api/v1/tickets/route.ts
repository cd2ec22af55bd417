import { runMutation } from "@/lib/actions/mutation";
import { createTicketMutation } from "@/lib/actions/support";
import { apiError, fromResult } from "@/lib/api/errors";
import { apiRoute } from "@/lib/api/route";
import { MAX_TICKET_BODY, MAX_TICKET_SUBJECT, TOO_LONG_MESSAGE } from "@/lib/domain/support/input";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/tickets {account_id, subject, body, channel, received_at?} → 201 with the ticket's
 * priority, matched keyword, reasons in both languages and due times. Needs `tickets:write`.
 */
export const POST = apiRoute({
  permission: "tickets:write",
  mutation: true,
  async handler({ actor, body, requestId }) {
    // Say exactly what is wrong with an oversized text, not just "see fields".
    if (typeof body.body === "string" && body.body.length > MAX_TICKET_BODY)
      return apiError("invalid_input", { message: TOO_LONG_MESSAGE.body, fields: { body: "validation.too_long" } });
    if (typeof body.subject === "string" && body.subject.trim().length > MAX_TICKET_SUBJECT)
      return apiError("invalid_input", {
        message: TOO_LONG_MESSAGE.subject,
        fields: { subject: "validation.too_long" },
      });
    const result = await runMutation(createTicketMutation, actor, body, requestId);
    return fromResult(result, (t) => t, 201);
  },
});
