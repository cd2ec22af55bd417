import { describe, expect, it } from "vitest";
import { DEFAULT_KEYWORDS, ZKeywordLists, classify } from "./classify";
import { normalise } from "./text";

describe("normalise", () => {
  it("folds alef forms, ya, ta marbuta, tatweel and diacritics", () => {
    expect(normalise("أإآ")).toBe("ااا");
    expect(normalise("مستشفى")).toBe("مستشفي");
    expect(normalise("خدمة")).toBe("خدمه");
    expect(normalise("تســـريب")).toBe("تسريب");
    expect(normalise("أَمَانٌ")).toBe("امان");
  });
});

describe("classify", () => {
  it("is P3 with the reason 'no text' for empty or blank text", () => {
    expect(classify("", "")).toEqual({
      priority: "P3",
      matchedKeyword: null,
      reasonEn: "no text",
      reasonAr: "لا يوجد نص",
    });
    expect(classify("  ", "\n\t").reasonEn).toBe("no text");
  });
  it("matches Latin keywords case-insensitively on word boundaries", () => {
    expect(classify("Our SECRET key", "").priority).toBe("P0");
    expect(classify("Ask the secretary", "").priority).toBe("P3");
    expect(classify("", "the secrets are out").priority).toBe("P3");
    expect(classify("", "possible data  breach!").matchedKeyword).toBe("data breach");
    expect(classify("", "xgmail").priority).toBe("P3");
    expect(classify("", "Gmail sync").priority).toBe("P2");
  });
  it("normalises Arabic on both sides (hamza, tatweel, diacritics)", () => {
    const r = classify("تم ارسال خاطئ", "");
    expect(r.priority).toBe("P0");
    expect(r.matchedKeyword).toBe("إرسال خاطئ");
    expect(classify("مشكلة في الأمــان", "").priority).toBe("P0");
    expect(classify("", "خِدْمَة مُعَطَّلَة").priority).toBe("P1");
  });
  it("checks P0 before P1 before P2", () => {
    expect(classify("gmail connector", "service down and a leak").priority).toBe("P0");
    expect(classify("gmail connector", "service down").priority).toBe("P1");
    expect(classify("gmail connector", "").priority).toBe("P2");
  });
  it("escalates the word our own P3 reply asks customers to use", () => {
    expect(classify("", "This is critical").priority).toBe("P1");
    expect(classify("", "الأمر حرج").priority).toBe("P1");
  });
  it("matches mixed Latin and Arabic keywords", () => {
    expect(classify("", "Live Charge بدون موافقه").priority).toBe("P0");
    expect(classify("", "the proof pack مفقود").priority).toBe("P1");
  });
  it("carries the matched keyword and a reason in both languages", () => {
    const r = classify("Outage", "");
    expect(r).toMatchObject({ priority: "P0", matchedKeyword: "outage" });
    expect(r.reasonEn).toContain("outage");
    expect(r.reasonAr).toContain("outage");
    expect(classify("hello", "thanks").reasonEn).toBe("no keyword matched; default priority");
  });
  it("uses edited lists", () => {
    const lists = { P0: ["fire"], P1: [], P2: [] };
    expect(classify("fire!", "", lists).priority).toBe("P0");
    expect(classify("outage", "", lists).priority).toBe("P3");
  });
  it("refuses keywords that are empty after normalisation", () => {
    expect(ZKeywordLists.safeParse(DEFAULT_KEYWORDS).success).toBe(true);
    expect(ZKeywordLists.safeParse({ P0: ["ـــ"], P1: [], P2: [] }).success).toBe(false);
    expect(ZKeywordLists.safeParse({ P0: [" "], P1: [], P2: [] }).success).toBe(false);
  });
});
