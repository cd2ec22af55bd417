import { z } from "zod";
import { sealPayload, type TMessagePayload } from "../proposals/payloads";
import { PAYLOAD_CHANGED_ERROR } from "./retry";
import { lineDirection, paragraphsOf, type TDir, type TParagraph } from "../text/direction";
import { hasControlCharacters } from "../text/safe-text";

export const DEFAULT_FROM = "Lifecycle Console <no-reply@lifecycle.invalid>";

/** The shape a message payload must have to be sent; anything else is refused, never guessed at. */
export const ZMessagePayload = z.object({
  channel: z.literal("email"),
  to: z.object({ name: z.string(), email: z.email() }),
  locale: z.enum(["en", "ar"]),
  // Stored by payloads sealed before issue 12; ignored, since direction follows the text.
  dir: z.enum(["ltr", "rtl"]).optional(),
  subject: z.string().min(1),
  body: z.string().min(1),
});

/**
 * Checks the row about to be sent is exactly what was approved: its text must hash (canonically) to
 * the hash sealed in the outbox and to the hash the approver saw. Returns the payload, or the error
 * to fail the row with.
 */
export function checkSealed(
  payloadText: string,
  outboxHash: string,
  approvedHash: string | null,
): { ok: true; payload: TMessagePayload } | { ok: false; error: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payloadText);
  } catch {
    return { ok: false, error: PAYLOAD_CHANGED_ERROR };
  }
  const message = ZMessagePayload.safeParse(parsed);
  if (!message.success) return { ok: false, error: `${PAYLOAD_CHANGED_ERROR} (not a message)` };
  const hash = sealPayload(parsed as TMessagePayload).hash;
  if (hash !== outboxHash || hash !== approvedHash) return { ok: false, error: PAYLOAD_CHANGED_ERROR };
  return { ok: true, payload: message.data };
}

export type TEmail = {
  /** `<outbox-id@lifecycle-console>`: the idempotency key, visible to every mail system on the way. */
  messageId: string;
  from: string;
  to: { name: string; address: string };
  subject: string;
  language: "en" | "ar";
  text: string;
  /**
   * An HTML part when any paragraph (or the subject) is right-to-left: plain text carries no direction
   * and mail programs show it left-to-right. Null for an all left-to-right message, whatever its language.
   */
  html: string | null;
};

export const messageIdFor = (outboxId: string) => `<${outboxId}@lifecycle-console>`;

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

// Alignment follows each paragraph's logical start; the physical value first is for the mail
// programs that do not know `start` (they skip the second declaration).
const ALIGN: Record<TDir, string> = {
  ltr: "text-align:left;text-align:start",
  rtl: "text-align:right;text-align:start",
};

/**
 * The HTML part: each paragraph its own block with its own direction, language (when its script says
 * it) and alignment, so English to an Arabic contact reads "Hello Sara," and an Arabic paragraph below
 * it reads right-to-left. A blank line stays a blank line.
 */
function htmlPart(subject: string, locale: string, paragraphs: TParagraph[]): string {
  const blocks = paragraphs.map((p) => {
    const lang = p.lang ? ` lang="${p.lang}"` : "";
    return `<div dir="${p.dir}"${lang} style="${ALIGN[p.dir]}">${p.text === "" ? "<br>" : escapeHtml(p.text)}</div>`;
  });
  return (
    `<!doctype html><html lang="${locale}" dir="${paragraphs[0]?.dir ?? "ltr"}"><head><meta charset="utf-8">` +
    `<title dir="${lineDirection(subject)}">${escapeHtml(subject)}</title></head><body>\n${blocks.join("\n")}\n</body></html>`
  );
}

/** The email exactly as a transport hands it over (the preview stores its text form). */
export function renderEmail(payload: TMessagePayload, outboxId: string, from = DEFAULT_FROM): TEmail {
  const paragraphs = paragraphsOf(payload.body);
  const rtl = lineDirection(payload.subject) === "rtl" || paragraphs.some((p) => p.dir === "rtl");
  return {
    messageId: messageIdFor(outboxId),
    from,
    to: { name: payload.to.name, address: payload.to.email },
    subject: payload.subject,
    language: payload.locale,
    text: payload.body,
    html: rtl ? htmlPart(payload.subject, payload.locale, paragraphs) : null,
  };
}

/** Header lines and body as a person reads them: what the preview stores as "would have been sent". */
export function previewText(email: TEmail): string {
  return [
    `From: ${email.from}`,
    `To: ${email.to.name} <${email.to.address}>`,
    `Subject: ${email.subject}`,
    `Message-ID: ${email.messageId}`,
    `Content-Language: ${email.language}`,
    "",
    email.text,
  ].join("\n");
}

/** The first control character of `text` its kind refuses, as "U+000D"; null when there is none. Pure. */
function firstControl(text: string, kind: "line" | "multiline"): string | null {
  for (const ch of text)
    if (hasControlCharacters(ch, kind)) return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
  return null;
}

/**
 * Why this email cannot leave, or null when it can. A header (from, to, subject, Message-ID) takes no
 * control character at all (CR/LF would inject a header line; NUL is refused by the database and by
 * mail systems); the text and HTML parts take tab and line breaks only. The door refuses these since
 * issue 10; this catches rows stored before it. The error names the field and the code point, never
 * the character itself, so it can be stored and ledgered.
 */
export function unsendableReason(email: TEmail): string | null {
  const headers: [string, string][] = [
    ["from", email.from],
    ["to.name", email.to.name],
    ["to.address", email.to.address],
    ["subject", email.subject],
    ["message-id", email.messageId],
  ];
  const parts: [string, string][] = [
    ["text", email.text],
    ["html", email.html ?? ""],
  ];
  for (const [field, value] of headers) {
    const c = firstControl(value, "line");
    if (c) return `${UNSENDABLE_ERROR}: ${field} contains control character ${c}`;
  }
  for (const [field, value] of parts) {
    const c = firstControl(value, "multiline");
    if (c) return `${UNSENDABLE_ERROR}: ${field} contains control character ${c}`;
  }
  return null;
}

export const UNSENDABLE_ERROR = "unsendable";
