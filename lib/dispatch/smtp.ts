import "server-only";
import nodemailer from "nodemailer";
import { PermanentSendError, refuseUnsendable, type TTransport } from "./transport";

// Each SMTP phase gives up well inside the dispatcher's lease (LEASE_MS), so a slow relay shows up as
// a retryable error rather than as an interrupted send.
const TIMEOUT_MS = 30_000;

type TSmtpError = Error & { responseCode?: number; code?: string };

/**
 * Live delivery through SMTP (nodemailer). The outbox id becomes the Message-ID, so a relay or a
 * mailbox that sees the same message twice can tell. A 5xx answer is permanent; anything else retries.
 */
export function smtpTransport(url: string): TTransport {
  const transporter = nodemailer.createTransport({
    url,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    name: "smtp",
    mode: "live",
    effect: "external",
    async send(email) {
      refuseUnsendable(email); // nodemailer would fold CR/LF into the header; fail the row instead
      try {
        const info = await transporter.sendMail({
          messageId: email.messageId,
          from: email.from,
          to: { name: email.to.name, address: email.to.address },
          subject: email.subject,
          text: email.text,
          ...(email.html ? { html: email.html } : {}),
          headers: { "Content-Language": email.language },
        });
        if (info.accepted.length === 0) throw new PermanentSendError(`recipient refused: ${info.response}`);
        return { ref: info.messageId || email.messageId };
      } catch (error) {
        const e = error as TSmtpError;
        if (e instanceof PermanentSendError) throw e;
        if (e.responseCode && e.responseCode >= 500 && e.responseCode < 600) {
          throw new PermanentSendError(`SMTP ${e.responseCode}: ${e.message}`);
        }
        throw error;
      }
    },
    async close() {
      transporter.close();
    },
  };
}
