import { unsendableReason, type TEmail } from "../domain/dispatch/email";

/**
 * Something that delivers an email. `effect` decides how the dispatcher keeps it exactly-once:
 * - "database": the transport does nothing outside the transaction that marks the row (the preview),
 *   so claim, send and mark commit together or not at all — exactly once by construction.
 * - "external": the message leaves the database (SMTP). The claim is committed before the hand-off,
 *   and a row found still `sending` after its lease is failed, never sent again.
 * `mode` decides the result state: a preview is `previewed` ("would have been sent"), live is `sent`.
 */
export type TTransport = {
  name: string;
  mode: "preview" | "live";
  effect: "database" | "external";
  /** `idempotencyKey` is the outbox id; resolves with the transport's own reference, if any. */
  send(email: TEmail, idempotencyKey: string): Promise<{ ref: string | null }>;
  close?(): Promise<void>;
};

/** A transport error the dispatcher should not retry (the receiving side refused the message). */
export class PermanentSendError extends Error {}

/**
 * Defence in depth for every transport: a header with CR/LF (an injected header line) or any text
 * with NUL never leaves, even if such a row reached a transport without the dispatcher's check.
 */
export function refuseUnsendable(email: TEmail): void {
  const why = unsendableReason(email);
  if (why) throw new PermanentSendError(why);
}

/** Live sending is off by default: the rendered message is stored and shown as "would have been sent". */
export const previewTransport: TTransport = {
  name: "preview",
  mode: "preview",
  effect: "database",
  async send(email) {
    refuseUnsendable(email);
    return { ref: null };
  },
};
