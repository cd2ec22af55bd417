/**
 * Tool arguments as the audit stores them: ids, enums, numbers and booleans kept; anything that may be
 * personal data (free text, names, emails, phone numbers) replaced by a marker saying only its length.
 * Pure and total: any JSON value in, a small JSON value out (depth and size bounded).
 */

// Keys whose values are free text or contact details, whatever they look like.
const SENSITIVE_KEY = /name|email|mail|phone|address|reason|note|message|text|body|subject|comment|contact/i;
// Enum-valued keys that the pattern above would catch by accident.
const ENUM_KEYS = new Set(["log_name"]);
// What an id or enum looks like: short, no spaces, no "@".
const ID_LIKE = /^[A-Za-z0-9_.:-]{1,64}$/;
const EMAIL_LIKE = /\S+@\S+/;
const PHONE_LIKE = /^\+?[\d\s().-]{7,}$/;
const MAX_DEPTH = 4;
const MAX_KEYS = 30;

const mask = (s: string) => `[redacted: ${Array.from(s).length} chars]`;

export function redactParams(value: unknown, key = "", depth = 0): unknown {
  if (value === null || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string") {
    if (
      (SENSITIVE_KEY.test(key) && !ENUM_KEYS.has(key)) ||
      EMAIL_LIKE.test(value) ||
      PHONE_LIKE.test(value) ||
      !ID_LIKE.test(value)
    )
      return mask(value);
    return value;
  }
  if (depth >= MAX_DEPTH) return "[redacted: too deep]";
  if (Array.isArray(value)) return value.slice(0, MAX_KEYS).map((v) => redactParams(v, key, depth + 1));
  if (typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value).slice(0, MAX_KEYS)) {
      const safeKey = ID_LIKE.test(k) && !EMAIL_LIKE.test(k) ? k : "[redacted key]";
      out[safeKey] = redactParams(v, k, depth + 1);
    }
    return out;
  }
  return null;
}
