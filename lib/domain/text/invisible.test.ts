import { describe, expect, it } from "vitest";
import { codePointLabel, countInvisible, splitInvisible } from "./invisible";

const join = (text: string) =>
  splitInvisible(text)
    .map((s) => (s.kind === "text" ? s.text : s.char))
    .join("");

describe("splitInvisible", () => {
  it("marks zero-width, soft hyphen, word joiner, BOM and bidi controls with their code points", () => {
    expect(splitInvisible("guaran\u200bteed")).toEqual([
      { kind: "text", text: "guaran" },
      { kind: "invisible", char: "\u200b", code: "U+200B" },
      { kind: "text", text: "teed" },
    ]);
    const codes = (t: string) => splitInvisible(t).flatMap((s) => (s.kind === "invisible" ? [s.code] : []));
    expect(codes("a\u00adb\u2060c\ufeffd\u202eIBAN\u202c\u2066x\u2069")).toEqual([
      "U+00AD",
      "U+2060",
      "U+FEFF",
      "U+202E",
      "U+202C",
      "U+2066",
      "U+2069",
    ]);
    expect(codes("\u0000\u0085\u3164\u{E0041}")).toEqual(["U+0000", "U+0085", "U+3164", "U+E0041"]);
  });
  it("leaves visible text, layout and emoji presentation as they are, and gives the input back exactly", () => {
    for (const text of ["", "Hello,\n\tworld", "مرحبًا بكم ١٢٣", "❤️ thanks", "ｇｕａｒａｎｔｅｅｄ", "guar\u0430nteed"])
      expect(splitInvisible(text).every((s) => s.kind === "text")).toBe(true);
    for (const text of ["a\u200bb\u200c", "\u202eNABI", "سلام\u200cعليكم"]) expect(join(text)).toBe(text);
  });
});

describe("countInvisible", () => {
  it("counts across texts; none in ordinary copy", () => {
    expect(countInvisible("Hi", "a\u200bb\u200d", "\u202e")).toBe(3);
    expect(countInvisible("أهلا بكم\nفي المنصة", "")).toBe(0);
    expect(codePointLabel("\u{1F600}")).toBe("U+1F600");
  });
});
