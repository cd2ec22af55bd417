/**
 * What an agent token may see of a proposal: no personal data (schema: AccountContact), and no
 * person's e-mail. The contact (`payload.to`) is left out, and wherever the contact's name or e-mail
 * appears in the payload's text (a greeting "Dear Sara," in the body, a subject) it is replaced by
 * CONTACT_PLACEHOLDER; any other e-mail address by EMAIL_PLACEHOLDER. The stored payload and its hash
 * are untouched: `payload_hash` still covers the real payload, which is what an approver checks.
 * Pure and total: any JSON value in, a JSON value out.
 */

export const CONTACT_PLACEHOLDER = "«[contact]»";
export const EMAIL_PLACEHOLDER = "«[email]»";
/** Only founders decide (proposals:approve), so this is true of every decider an agent can see. */
export const DECIDER_FOR_AGENT = "a founder";
export const PERSON_FOR_AGENT = "a person";

// Not a full RFC 5322 parser: anything that reads as an address to a person is hidden.
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
// Name parts shorter than this are initials or particles ("Al", "J."), too common to hide safely.
const MIN_NAME_PART = 3;
const MAX_DEPTH = 8;

export type TContact = { name?: string; email?: string };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The whole name first, then each part ("Sara", "Ahmed"), so "Dear Sara," loses the name too. */
function namePatterns(contacts: readonly TContact[]): RegExp[] {
  const names = new Set<string>();
  for (const c of contacts) {
    const full = c.name?.trim().replace(/\s+/g, " ");
    if (!full) continue;
    names.add(full);
    for (const part of full.split(" ")) if (Array.from(part).length >= MIN_NAME_PART) names.add(part);
  }
  // Longest first, so the full name is replaced whole before its parts are looked for.
  return [...names]
    .sort((a, b) => b.length - a.length)
    .map((n) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(n)}(?![\\p{L}\\p{N}])`, "giu"));
}

/** `text` with the contacts' e-mails and names and any other e-mail address replaced by placeholders. */
export function redactText(text: string, contacts: readonly TContact[] = []): string {
  let out = text;
  for (const c of contacts) {
    const email = c.email?.trim();
    if (email) out = out.replace(new RegExp(escape(email), "giu"), CONTACT_PLACEHOLDER);
  }
  out = out.replace(EMAIL, EMAIL_PLACEHOLDER);
  for (const re of namePatterns(contacts)) out = out.replace(re, CONTACT_PLACEHOLDER);
  return out;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The contact a payload is addressed to (`to: { name, email }`), if any. */
export function contactOf(payload: unknown): TContact | null {
  if (!isObject(payload) || !isObject(payload.to)) return null;
  const { name, email } = payload.to;
  return { name: typeof name === "string" ? name : undefined, email: typeof email === "string" ? email : undefined };
}

function redactValue(value: unknown, contacts: readonly TContact[], depth: number): unknown {
  if (typeof value === "string") return redactText(value, contacts);
  if (value === null || typeof value !== "object") return value;
  if (depth >= MAX_DEPTH) return null;
  if (Array.isArray(value)) return value.map((v) => redactValue(v, contacts, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = redactValue(v, contacts, depth + 1);
  return out;
}

/**
 * The payload as an agent sees it: without `to`, and with the contact's name and e-mail (and any
 * e-mail address) replaced in every string it holds. `extraContacts`: other people to hide (e.g. the
 * account's contacts when the payload names none).
 */
export function redactPayloadForAgent(payload: unknown, extraContacts: readonly TContact[] = []): unknown {
  const contact = contactOf(payload);
  const contacts = contact ? [contact, ...extraContacts] : extraContacts;
  const rest =
    isObject(payload) && "to" in payload
      ? Object.fromEntries(Object.entries(payload).filter(([k]) => k !== "to"))
      : payload;
  return redactValue(rest, contacts, 0);
}

/**
 * An actor label as an agent sees it: a person's label is their e-mail and becomes `fallback` (their
 * role, or "a founder" for deciders); agent, CLI and system labels carry no personal data and stay.
 */
export function labelForAgent(label: string | null, fallback: string): string | null {
  if (label === null) return null;
  return label.includes("@") ? fallback : label;
}
