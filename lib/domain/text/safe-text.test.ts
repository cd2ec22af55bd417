import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldErrors } from "../validation";
import { hasBidiControls, hasControlCharacters, zLine, zMultiline } from "./safe-text";

const Z = z.object({
  subject: zLine(40, { customer: true }).min(1),
  body: zMultiline(50, { customer: true }).min(1),
  note: zMultiline(50).default(""),
  name: zLine(10).optional(),
});
const errorsFor = (input: Record<string, unknown>) => {
  const r = Z.safeParse({ subject: "Hi", body: "Hello", ...input });
  return r.success ? {} : fieldErrors(r.error, { subject: "Hi", body: "Hello", ...input });
};

describe("hasControlCharacters", () => {
  it("refuses NUL, C0, DEL and C1 everywhere", () => {
    for (const c of ["\u0000", "\u0001", "\u001b", "\u007f", "\u0085", "\u009f"]) {
      expect(hasControlCharacters(`a${c}b`, "line")).toBe(true);
      expect(hasControlCharacters(`a${c}b`, "multiline")).toBe(true);
    }
  });
  it("allows tab and line breaks only in multi-line text", () => {
    for (const c of ["\t", "\n", "\r", "\r\n", "\u2028"]) expect(hasControlCharacters(`a${c}b`, "line")).toBe(true);
    for (const c of ["\t", "\n", "\r\n"]) expect(hasControlCharacters(`a${c}b`, "multiline")).toBe(false);
  });
  it("passes ordinary English and Arabic text, with its marks and joiners", () => {
    for (const s of ["We’re glad — really!", "مرحبًا بكم في المنصة ١٢٣", "سلام\u200cعليكم", "\u200fرقم 12\u200e", ""])
      expect(hasControlCharacters(s, "line")).toBe(false);
  });
});

describe("hasBidiControls", () => {
  it("finds embeddings, overrides and isolates, not the direction marks", () => {
    for (const c of ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"])
      expect(hasBidiControls(`IBAN ${c}SA03`)).toBe(true);
    for (const c of ["\u200e", "\u200f", "\u061c"]) expect(hasBidiControls(`IBAN ${c}SA03`)).toBe(false);
  });
});

describe("zLine / zMultiline through fieldErrors", () => {
  it("names the field that holds a control character", () => {
    expect(errorsFor({ subject: "Hi\u0000" })).toEqual({ subject: "validation.control_characters" });
    expect(errorsFor({ subject: "Hi\r\nBcc: x@y.z" })).toEqual({ subject: "validation.control_characters" });
    expect(errorsFor({ name: "a\tb" })).toEqual({ name: "validation.control_characters" });
    expect(errorsFor({ body: "line\0two" })).toEqual({ body: "validation.control_characters" });
    expect(errorsFor({ note: "\u0007bell" })).toEqual({ note: "validation.control_characters" });
  });
  it("keeps line breaks and tabs in multi-line text", () => {
    expect(errorsFor({ body: "Hello,\r\n\tworld\n", note: "a\nb" })).toEqual({});
  });
  it("refuses bidi controls in customer text only", () => {
    expect(errorsFor({ body: "IBAN \u202eSA03 8000" })).toEqual({ body: "validation.bidi_controls" });
    expect(errorsFor({ subject: "\u2067x\u2069" })).toEqual({ subject: "validation.bidi_controls" });
    expect(errorsFor({ note: "IBAN \u202eSA03 8000" })).toEqual({});
  });
  it("says empty, oversized and malformed input as before", () => {
    expect(errorsFor({ subject: "  " })).toEqual({ subject: "validation.required" });
    expect(errorsFor({ subject: "x".repeat(41) })).toEqual({ subject: "validation.too_long" });
    expect(errorsFor({ subject: 42 })).toEqual({ subject: "validation.invalid" });
  });
  it("trims a line (unless told not to) and leaves the text otherwise as written", () => {
    expect(zLine(20).parse("  مرحبا  ")).toBe("مرحبا");
    expect(zMultiline(20, { trim: false }).parse(" a\n")).toBe(" a\n");
  });
});
