import { describe, expect, it } from "vitest";
import { directionOf, lineDirection, paragraphsOf, splitParagraphs } from "./direction";

const dirs = (text: string) => paragraphsOf(text).map((p) => p.dir);

describe("directionOf (P2/P3: the first strong character decides)", () => {
  it("reads English as left-to-right and Arabic as right-to-left, whoever the recipient is", () => {
    expect(directionOf("Hello Sara, could we book a call?")).toBe("ltr");
    expect(directionOf("مرحباً سارة، هل نحجز مكالمة؟")).toBe("rtl");
    expect(directionOf("שלום")).toBe("rtl");
    expect(directionOf("Привет")).toBe("ltr");
  });

  it("skips leading digits, punctuation and emoji to the first letter", () => {
    expect(directionOf("3 أيام متبقية")).toBe("rtl");
    expect(directionOf("٣ أيام متبقية")).toBe("rtl"); // Arabic-Indic digits are weak (AN), not strong
    expect(directionOf("2026: the plan")).toBe("ltr");
    expect(directionOf("«مرحباً»")).toBe("rtl");
    expect(directionOf("— Hello")).toBe("ltr");
    expect(directionOf("🎉 مبروك")).toBe("rtl");
    expect(directionOf("👋 Hi")).toBe("ltr");
  });

  it("lets the first letter decide a mixed paragraph, as the bidi algorithm does", () => {
    expect(directionOf("Acme تعمل الآن")).toBe("ltr");
    expect(directionOf("شركة Acme تعمل الآن")).toBe("rtl");
  });

  it("skips a leading link or e-mail address, so an Arabic sentence that starts with one stays right-to-left", () => {
    expect(directionOf("https://example.test/guide هو رابط الدليل")).toBe("rtl");
    expect(directionOf("www.example.test هو الموقع")).toBe("rtl");
    expect(directionOf("sara@example.test للتواصل")).toBe("rtl");
    expect(directionOf("https://example.test/guide is the guide")).toBe("ltr");
  });

  it("skips what an isolate encloses (P2), and counts the marks LRM/RLM/ALM as strong", () => {
    expect(directionOf("\u2066Acme\u2069 تعمل")).toBe("rtl");
    expect(directionOf("\u200F123")).toBe("rtl");
    expect(directionOf("\u061C123")).toBe("rtl");
    expect(directionOf("\u200E١٢٣")).toBe("ltr");
  });

  it("has no direction for text without a strong character", () => {
    expect(directionOf("")).toBeNull();
    expect(directionOf("  ")).toBeNull();
    expect(directionOf("123-456 🎉 !?")).toBeNull();
    expect(directionOf("https://example.test/a")).toBeNull();
    expect(lineDirection("2026")).toBe("ltr");
    expect(lineDirection("تحديث 2026")).toBe("rtl");
  });
});

describe("paragraphsOf (each paragraph its own direction)", () => {
  it("English to an Arabic contact stays left-to-right in every paragraph", () => {
    const ps = paragraphsOf("Hello Sara,\n\nCould we book a call on Tuesday?\nThanks");
    expect(ps.map((p) => p.dir)).toEqual(["ltr", "ltr", "ltr", "ltr"]);
    expect(ps[0]).toEqual({ text: "Hello Sara,", dir: "ltr", lang: "en" });
  });

  it("Arabic is right-to-left, its blank lines too", () => {
    expect(dirs("مرحباً سارة،\n\nشكراً لكم")).toEqual(["rtl", "rtl", "rtl"]);
    expect(paragraphsOf("مرحباً")[0]).toEqual({ text: "مرحباً", dir: "rtl", lang: "ar" });
  });

  it("mixed paragraphs each take their own direction and language", () => {
    const ps = paragraphsOf("Hello Sara,\r\nمرحباً سارة،\rThanks\u2029شكراً");
    expect(ps.map((p) => [p.text, p.dir, p.lang])).toEqual([
      ["Hello Sara,", "ltr", "en"],
      ["مرحباً سارة،", "rtl", "ar"],
      ["Thanks", "ltr", "en"],
      ["شكراً", "rtl", "ar"],
    ]);
  });

  it("a paragraph without strong characters follows the one before it, else the first one after it", () => {
    expect(dirs("مرحباً\n10:30\n🎉")).toEqual(["rtl", "rtl", "rtl"]);
    expect(dirs("123\nمرحباً\nHello\n456")).toEqual(["rtl", "rtl", "ltr", "ltr"]);
    expect(paragraphsOf("10:30\nمرحباً")[0]).toMatchObject({ dir: "rtl", lang: null });
    expect(dirs("https://example.test\nشكراً")).toEqual(["rtl", "rtl"]);
  });

  it("a text with no strong character at all, or an empty one, is left-to-right", () => {
    expect(paragraphsOf("")).toEqual([{ text: "", dir: "ltr", lang: null }]);
    expect(dirs("123\n😀")).toEqual(["ltr", "ltr"]);
  });

  it("splits on every paragraph separator and keeps the text otherwise exact", () => {
    const text = "a\r\nb\nc\rd\u2029e\u0085f\u001Cg";
    expect(splitParagraphs(text)).toEqual(["a", "b", "c", "d", "e", "f", "g"]);
    // U+2028 is a line separator inside a paragraph, not a paragraph separator (bidi class WS).
    expect(splitParagraphs("a\u2028b")).toEqual(["a\u2028b"]);
    expect(splitParagraphs("a\n\n")).toEqual(["a", "", ""]);
  });

  it("marks a Hebrew paragraph right-to-left with no language of ours", () => {
    expect(paragraphsOf("שלום")[0]).toEqual({ text: "שלום", dir: "rtl", lang: null });
  });
});
