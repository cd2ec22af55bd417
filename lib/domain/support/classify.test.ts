import { describe, expect, it } from "vitest";
import { DEFAULT_KEYWORDS, ZKeywordLists, ZStoredKeywordLists, classify } from "./classify";
import { normalise } from "./text";

const priority = (text: string, lists = DEFAULT_KEYWORDS) => classify(text, "", lists).priority;

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
    expect(classify("…", "!!").reasonEn).toBe("no text");
  });

  it("gets the issue's examples right", () => {
    expect(classify("Our API keys leaked", "")).toMatchObject({ priority: "P0", matchedKeyword: "leak" });
    expect(classify("", "outages since 9am")).toMatchObject({ priority: "P0", matchedKeyword: "outage" });
    expect(classify("secrets exposed", "")).toMatchObject({ priority: "P0", matchedKeyword: "secret" });
    expect(classify("unauthorised send", "")).toMatchObject({ priority: "P0", matchedKeyword: "unauthorized" });
    expect(classify("لا حرج، خذوا وقتكم", "").priority).toBe("P3");
    expect(classify("أمانة عليك ساعدني", "").priority).toBe("P3");
  });

  it("matches Latin keywords case-insensitively on word boundaries", () => {
    expect(priority("Our SECRET key")).toBe("P0");
    expect(priority("Ask the secretary")).toBe("P3");
    expect(priority("possible data  breach!")).toBe("P0");
    expect(classify("", "possible data  breach!").matchedKeyword).toBe("data breach");
    expect(priority("xgmail")).toBe("P3");
    expect(priority("Gmail sync")).toBe("P2");
    expect(priority("leakproof")).toBe("P3");
  });

  it("reads English inflections and British spelling as the keyword", () => {
    for (const text of [
      "the secrets are out",
      "it keeps leaking",
      "two leaks",
      "Outages again",
      "Unauthorized",
      "an unauthorised charge",
      "data breaches",
    ])
      expect(priority(text), text).toBe("P0");
    expect(priority("they charged us live")).toBe("P3"); // "live charge" is two words in that order
    expect(priority("Live charges without approval")).toBe("P0");
    expect(priority("the calendars are empty")).toBe("P2");
    expect(priority("our connectors")).toBe("P2");
  });

  it("normalises Arabic on both sides (hamza, tatweel, diacritics)", () => {
    const r = classify("تم ارسال خاطئ", "");
    expect(r.priority).toBe("P0");
    expect(r.matchedKeyword).toBe("إرسال خاطئ");
    expect(priority("مشكلة في الأمــان")).toBe("P0");
    expect(classify("", "خِدْمَة مُعَطَّلَة").priority).toBe("P1");
  });

  it("reads Arabic letter elongation", () => {
    expect(classify("تسرييييب بيانات", "")).toMatchObject({ priority: "P0", matchedKeyword: "تسريب" });
    expect(priority("الوضع حررررج")).toBe("P1");
  });

  it("reads Arabic clitics, plurals and the feminine ending through", () => {
    for (const text of ["بالتسريب", "وتسريبات كثيرة", "للأمان", "أمانك أولاً", "تسربت البيانات", "الملف مسرب"])
      expect(priority(text), text).toBe("P0");
    expect(classify("أرسلتم رسالة بدون موافقتنا", "").matchedKeyword).toBe("أرسل رسالة بدون"); // أرسل + تم
    expect(priority("إرسال بدون موافقتنا")).toBe("P0"); // موافقة → موافقت + نا
    expect(priority("الخدمات معطلة")).toBe("P1");
    expect(priority("حالة حرجة")).toBe("P1");
    expect(priority("موقف محرج")).toBe("P3"); // embarrassing, not critical
    expect(priority("أحرجتنا")).toBe("P3");
  });

  it("does not read a look-alike word as the keyword: «أمانة» is not «أمان»", () => {
    for (const text of ["أمانة عليك ساعدني", "امانه عليكم", "الأمانة", "أمانتك", "يعمل بأمان", "أماني"])
      expect(priority(text), text).toBe("P3");
    expect(priority("أمانة عليك، في تسريب")).toBe("P0");
  });

  it("does not count a negated keyword, within the negation's reach only", () => {
    for (const text of [
      "لا حرج، خذوا وقتكم",
      "ما في حرج",
      "مافي حرج أبداً",
      "ولا حرج",
      "It's not critical",
      "nothing critical, no rush",
      "non-critical question",
      "isn't that critical",
    ])
      expect(priority(text), text).toBe("P3");
    // Punctuation ends the negation; a second, plain occurrence counts.
    expect(priority("لا، الأمر حرج")).toBe("P1");
    expect(priority("No, this is critical")).toBe("P1");
    expect(priority("not critical yesterday; today it is critical")).toBe("P1");
    // Three fillers are too far for a negation to reach.
    expect(priority("not at all that critical")).toBe("P1");
  });

  it("says which negated keyword it did not count", () => {
    const r = classify("لا حرج، خذوا وقتكم", "");
    expect(r.matchedKeyword).toBeNull();
    expect(r.reasonEn).toContain('"حرج" is negated: "لا حرج"');
    expect(r.reasonAr).toContain('"حرج" منفية: "لا حرج"');
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

  it("matches mixed Latin and Arabic keywords, words joined by blanks or a hyphen only", () => {
    expect(classify("", "Live Charge بدون موافقه").priority).toBe("P0");
    expect(classify("", "the proof pack مفقود").priority).toBe("P1");
    expect(priority("service-down")).toBe("P1");
    expect(priority("service, down the road")).toBe("P3");
  });

  it("carries the matched keyword, the words that matched and a reason in both languages", () => {
    const r = classify("Outage", "");
    expect(r).toMatchObject({ priority: "P0", matchedKeyword: "outage" });
    expect(r.reasonEn).toBe('matched the P0 keyword "outage"');
    expect(r.reasonAr).toBe('طابق الكلمة المفتاحية "outage" من P0');
    const leaked = classify("Our API keys leaked", "");
    expect(leaked.reasonEn).toBe('matched the P0 keyword "leak" ("leaked")');
    expect(leaked.reasonAr).toBe('طابق الكلمة المفتاحية "leak" ("leaked") من P0');
    expect(classify("hello", "thanks").reasonEn).toBe("no keyword matched; default priority");
  });

  it("applies every rule to edited lists", () => {
    const lists = { P0: ["fire", "حريق"], P1: ["urgent"], P2: [] };
    expect(priority("fire!", lists)).toBe("P0");
    expect(priority("Fires in two sites", lists)).toBe("P0");
    expect(priority("the fireworks", lists)).toBe("P3");
    expect(priority("بالحرييييق", lists)).toBe("P0");
    expect(priority("not urgent", lists)).toBe("P3");
    expect(priority("outage", lists)).toBe("P3");
  });

  it("refuses keywords with no word in them", () => {
    expect(ZKeywordLists.safeParse(DEFAULT_KEYWORDS).success).toBe(true);
    expect(ZKeywordLists.safeParse({ P0: ["ـــ"], P1: [], P2: [] }).success).toBe(false);
    expect(ZKeywordLists.safeParse({ P0: [" "], P1: [], P2: [] }).success).toBe(false);
    expect(ZKeywordLists.safeParse({ P0: ["!!!"], P1: [], P2: [] }).success).toBe(false);
  });

  it("reads lists saved before keywords needed a word, dropping only the wordless ones", () => {
    expect(ZStoredKeywordLists.parse({ P0: ["!!!", "fire"], P1: [], P2: ["gmail"] })).toEqual({
      P0: ["fire"],
      P1: [],
      P2: ["gmail"],
    });
    expect(ZStoredKeywordLists.safeParse({ P0: ["x".repeat(81)], P1: [], P2: [] }).success).toBe(false);
  });
});
