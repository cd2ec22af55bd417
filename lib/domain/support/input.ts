import { z } from "zod";
import { zLine, zMultiline } from "../text/safe-text";

/** Where a ticket came from. */
export const CHANNELS = ["email", "whatsapp", "phone", "chat", "web", "api"] as const;
export type TChannel = (typeof CHANNELS)[number];

// Spec/issue: text over 20 000 characters is rejected with a message; a subject is one line.
export const MAX_TICKET_BODY = 20_000;
export const MAX_TICKET_SUBJECT = 200;
// A clock a few minutes fast at the sender must not refuse a ticket; more than that is a mistake.
export const FUTURE_SKEW_MS = 5 * 60_000;
// No ticket of this product predates 2000; an earlier instant (year 0, 1900) is a typo or a probe, and
// the database cannot store some of them (issue 10: it gave 500). The future is bounded by `receivedAt`.
export const EARLIEST_RECEIVED_AT = Date.UTC(2000, 0, 1);
export const RECEIVED_AT_RANGE_CODE = "validation.date_out_of_range";

export const TOO_LONG_MESSAGE = {
  body: `The body is longer than ${MAX_TICKET_BODY.toLocaleString("en")} characters; send a shorter text or attach the rest elsewhere.`,
  subject: `The subject is longer than ${MAX_TICKET_SUBJECT} characters.`,
} as const;

/** Ticket input for the form, the API and each import row. Empty text is allowed (it becomes P3 "no text"). */
export const ZTicketInput = z.object({
  account_id: z.uuid(),
  subject: zLine(MAX_TICKET_SUBJECT).default(""),
  body: zMultiline(MAX_TICKET_BODY, { trim: false }).default(""),
  channel: z.enum(CHANNELS),
  received_at: z.iso
    .datetime({ offset: true })
    .refine((s) => !(Date.parse(s) < EARLIEST_RECEIVED_AT), { message: RECEIVED_AT_RANGE_CODE })
    .optional(),
});
export type TTicketInput = z.infer<typeof ZTicketInput>;

/** The received-at instant: given (not in the future beyond skew) or now. Null when it is in the future. */
export function receivedAt(input: { received_at?: string }, now: Date): Date | null {
  if (!input.received_at) return now;
  const at = new Date(input.received_at);
  return at.getTime() > now.getTime() + FUTURE_SKEW_MS ? null : at;
}
