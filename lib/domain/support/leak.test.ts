import { describe, expect, it } from "vitest";
import { DEFAULT_KEYWORDS, classify } from "./classify";
import { leakKind } from "./leak";

const p0 = (matchedKeyword: string | null) => ({ priority: "P0", matchedKeyword });

describe("leakKind", () => {
  it("names the spec's leak and unauthorized-send keywords, in Arabic and English", () => {
    for (const k of ["leak", "data breach", "secret", "تسريب"]) expect(leakKind(p0(k)), k).toBe("data_leak");
    for (const k of ["unauthorized", "إرسال خاطئ", "إرسال بدون موافقة", "بدون موافقتي", "أرسل رسالة بدون", "أرسل بدون"])
      expect(leakKind(p0(k)), k).toBe("unauthorized_send");
  });

  it("does not offer an incident for the other P0 keywords", () => {
    for (const k of ["أمان", "outage", "completely down", "live charge", "charge بدون موافقة"])
      expect(leakKind(p0(k)), k).toBeNull();
    // Every default P0 keyword is decided one way or the other, none by accident.
    const kinds = DEFAULT_KEYWORDS.P0.map((k) => leakKind(p0(k)));
    // secret, leak, data breach, تسريب and its family تسرب, مسرب.
    expect(kinds.filter((k) => k === "data_leak")).toHaveLength(6);
    expect(kinds.filter((k) => k === "unauthorized_send")).toHaveLength(6);
  });

  it("reads inflected, British, differently written and founder-added keywords", () => {
    expect(leakKind(p0("Leaked"))).toBe("data_leak");
    expect(leakKind(p0("API key leak"))).toBe("data_leak");
    expect(leakKind(p0("secrets exposed"))).toBe("data_leak");
    expect(leakKind(p0("unauthorised"))).toBe("unauthorized_send");
    // Alef with hamza, tatweel and diacritics fold as in classification.
    expect(leakKind(p0("ارسل بدون"))).toBe("unauthorized_send");
    expect(leakKind(p0("إرســال خَاطئ"))).toBe("unauthorized_send");
    // A Latin term must start a word: "bleak" is not "leak".
    expect(leakKind(p0("bleak outlook"))).toBeNull();
  });

  it("needs a P0 with a matched keyword", () => {
    expect(leakKind({ priority: "P1", matchedKeyword: "leak" })).toBeNull();
    expect(leakKind({ priority: "P3", matchedKeyword: null })).toBeNull();
    expect(leakKind(p0(null))).toBeNull();
    expect(leakKind(p0(""))).toBeNull();
  });

  it("agrees with the classifier on real ticket text", () => {
    const of = (subject: string, body: string) => leakKind(classify(subject, body));
    expect(of("تسريب بيانات العملاء", "ظهرت بيانات عملائنا في ملف عام")).toBe("data_leak");
    expect(of("Urgent", "A message was sent to all our customers without approval — unauthorized!")).toBe(
      "unauthorized_send",
    );
    expect(of("الخدمة متوقفة", "outage since 9am")).toBeNull();
    expect(of("Invoice address", "Please update our invoice address")).toBeNull();
  });
});
