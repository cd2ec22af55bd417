import { z } from "zod";

// What may never enter as text (issue 10, finding 1): NUL breaks PostgreSQL text columns ("invalid
// byte sequence for encoding UTF8: 0x00") and C0/C1 controls have no business in typed text. A
// single line (subject, name, title, filter) takes no line break or tab either: CR/LF in a subject
// becomes a header line in an email. Multi-line text keeps tab, LF and CR (textareas send CRLF).
const LINE_CONTROLS = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;
const MULTILINE_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// Bidi embedding, override and isolate controls (finding 4): they make an approver read something
// other than what is stored (a reversed IBAN). Arabic never needs them; the marks LRM/RLM/ALM
// (U+200E, U+200F, U+061C), which only nudge neutral characters, stay allowed.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;

export const CONTROL_CHARACTERS_CODE = "validation.control_characters";
export const BIDI_CONTROLS_CODE = "validation.bidi_controls";

export type TTextKind = "line" | "multiline";

/** Whether `text` holds a control character its kind refuses. Pure. */
export const hasControlCharacters = (text: string, kind: TTextKind = "line"): boolean =>
  (kind === "line" ? LINE_CONTROLS : MULTILINE_CONTROLS).test(text);

/** Whether `text` holds a bidi embedding/override/isolate control. Pure. */
export const hasBidiControls = (text: string): boolean => BIDI_CONTROLS.test(text);

type TOptions = {
  /** Customer-facing text (what leaves the house): bidi controls are refused too. */
  customer?: boolean;
  /** Trim surrounding white space (default true). */
  trim?: boolean;
};

/**
 * Adds the refusals to any string schema: the message is the `validation.*` code that
 * fieldErrors turns into the field's error, so the client names the field and says why.
 */
export function safeText<S extends z.ZodString>(schema: S, kind: TTextKind, o: TOptions = {}): S {
  const checked = schema.refine((s) => !hasControlCharacters(s, kind), { message: CONTROL_CHARACTERS_CODE });
  return (o.customer ? checked.refine((s) => !hasBidiControls(s), { message: BIDI_CONTROLS_CODE }) : checked) as S;
}

/** One line of text (subject, name, title, filter), at most `max` characters after trimming. */
export const zLine = (max: number, o: TOptions = {}) =>
  safeText((o.trim === false ? z.string() : z.string().trim()).max(max), "line", o);

/** Multi-line text (body, note, reason): tab and line breaks allowed, other controls refused. */
export const zMultiline = (max: number, o: TOptions = {}) =>
  safeText((o.trim === false ? z.string() : z.string().trim()).max(max), "multiline", o);
