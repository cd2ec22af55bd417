import { normalise } from "./text";

/**
 * Whether a ticket reports a data leak or an unauthorized send (spec "Support tickets and SLA": such a
 * P0 offers to open an incident; spec "Incidents": either one is SEV1 whatever the count).
 *
 * Decided from the classification alone (its priority and matched keyword), so the ticket page, the
 * incident form and the server agree without re-reading the text. The matched keyword is an entry of
 * the (editable) P0 list; a founder's own entry such as "api key leak" counts when it contains one of
 * the terms below.
 */
export type TLeakKind = "data_leak" | "unauthorized_send";

// Terms per kind, as they appear in the spec's P0 list and its inflected/British forms. "أمان"
// (security), "outage" and "live charge" are P0 too but are neither a leak nor a send, and
// "charge بدون موافقة" is an unauthorized charge, not a send: none of them opens an incident here.
export const LEAK_TERMS: Record<TLeakKind, readonly string[]> = {
  data_leak: ["leak", "breach", "secret", "exposed", "تسريب", "تسرب", "مسرب"],
  unauthorized_send: [
    "unauthorized",
    "unauthorised",
    "إرسال خاطئ",
    "إرسال بدون",
    "أرسل بدون",
    "أرسل رسالة بدون",
    "بدون موافقتي",
  ],
};

const LATIN = /[a-z]/;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
// A Latin term must start a word ("leaked" has "leak", "unleaded" has no "lead"); its end may
// inflect. Arabic terms match anywhere, as Arabic attaches prefixes (و، ال) to the word.
const patterns = Object.fromEntries(
  Object.entries(LEAK_TERMS).map(([kind, terms]) => [
    kind,
    terms.map((term) => {
      const t = normalise(term);
      return new RegExp(
        `${LATIN.test(t[0] ?? "") ? "(?<![\\p{L}\\p{N}_])" : ""}${t.split(" ").map(escape).join("\\s+")}`,
        "u",
      );
    }),
  ]),
) as Record<TLeakKind, RegExp[]>;

/**
 * The leak kind of a ticket, or null. Only a P0 (the priority it has now, after any override) with a
 * matched keyword qualifies: a P0 set by hand without a keyword, or a leak word that was overridden
 * down to P1, is a person's judgement, and they can still open an incident from /incidents/new.
 * A keyword naming both (none in the defaults) is a data leak first; the triage makes it SEV1 either way.
 */
export function leakKind(t: { priority: string; matchedKeyword: string | null }): TLeakKind | null {
  if (t.priority !== "P0" || !t.matchedKeyword) return null;
  const keyword = normalise(t.matchedKeyword);
  for (const kind of ["data_leak", "unauthorized_send"] as const)
    if (patterns[kind].some((p) => p.test(keyword))) return kind;
  return null;
}
