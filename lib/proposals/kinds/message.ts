import { z } from "zod";
import type { TMessagePayload } from "../../domain/proposals/payloads";
import type { TKindModule } from "./types";

/** An addressed, rendered email (the shape `renderMessage` builds); the text was validated as a draft. */
export const ZMessagePayload = z.strictObject({
  channel: z.literal("email"),
  to: z.strictObject({ name: z.string(), email: z.string() }),
  locale: z.enum(["en", "ar"]),
  // Only in payloads sealed before issue 12 (the recipient's language decided it); ignored since
  // direction follows the text. Kept optional so those still approve and send.
  dir: z.enum(["ltr", "rtl"]).optional(),
  subject: z.string(),
  body: z.string(),
}) satisfies z.ZodType<TMessagePayload>;

/** A message to an account's primary contact: proposed by hand, by the API, as a check-in or a journey touchpoint. */
export const messageKind: TKindModule<"message", TMessagePayload> = {
  kind: "message",
  payload: ZMessagePayload,
  copyFields: ["subject", "body"],
  dedupe: null,
  decide: { permission: "proposals:approve", makerChecker: true },
  bulkApprovable: true,
  groupDecidable: false,
  approve: "queue_email",
  deliver: "nothing",
};
