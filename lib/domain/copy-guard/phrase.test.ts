import { describe, expect, it } from "vitest";
import { normalizeCopy } from "./normalize";
import { matchAt, parsePhrase, type TPhrase } from "./phrase";
import { tokenize } from "./tokens";

const phrase = (s: string): TPhrase => {
  const r = parsePhrase(s);
  if (!r.ok) throw new Error(r.error);
  return r.phrase;
};
/** The words a phrase matches in a text, or null. */
function find(p: string, text: string, competitors: string[] = []): string | null {
  const tokens = tokenize(normalizeCopy(text));
  const comp = competitors.map(phrase);
  for (let i = 0; i < tokens.length; i++) {
    const m = matchAt(phrase(p), tokens, i, comp);
    if (m)
      return tokens
        .slice(i, m.end)
        .map((t) => t.text)
        .join(" ");
  }
  return null;
}

describe("phrase syntax", () => {
  it("refuses what cannot match sensibly, with a code", () => {
    expect(parsePhrase("")).toEqual({ ok: false, error: "empty" });
    expect(parsePhrase("   ")).toEqual({ ok: false, error: "empty" });
    expect(parsePhrase("... guarantee")).toEqual({ ok: false, error: "gap_at_edge" });
    expect(parsePhrase("...")).toEqual({ ok: false, error: "only_gap" });
    expect(parsePhrase("a b c d e f g h i j k")).toEqual({ ok: false, error: "too_long" });
    expect(parsePhrase("ب")).toEqual({ ok: false, error: "bad_word" });
    expect(parsePhrase("guarantee|")).toEqual({ ok: false, error: "bad_word" });
    expect(parsePhrase("gu(ar)antee")).toEqual({ ok: false, error: "bad_word" });
  });

  it("an English word matches its inflections, not a longer or look-alike word", () => {
    for (const w of ["guarantee", "guarantees", "guaranteed", "guaranteeing"]) expect(find("guarantee", w)).toBe(w);
    for (const w of ["scrape", "scrapes", "scraped", "scraping", "scraper", "scrapers"])
      expect(find("scrape", w)).toBe(w);
    expect(find("scrape", "scrap the plan")).toBeNull();
    expect(find("scrape", "skyscraper")).toBeNull();
    expect(find("cure", "secure")).toBeNull();
    expect(find("heal", "healthy")).toBeNull();
  });

  it("an Arabic word takes clitics and endings, never a verb prefix unless marked +", () => {
    for (const w of ["مضمون", "مضمونة", "والمضمونة", "بالمضمون", "مضمونين"]) expect(find("مضمون", w)).not.toBeNull();
    expect(find("موافقه", "بدون موافقتك")).toBe("موافقتك");
    expect(find("موافقه", "للموافقة")).toBe("للموافقه");
    expect(find("ضمن", "نضمن")).toBeNull();
    for (const w of ["نضمن", "يضمن", "تضمن", "سنضمن", "أضمن", "ونضمن", "لنضمن", "نضمنها"])
      expect(find("+ضمن", w)).not.toBeNull();
    // «ضمن» alone is "within", and «يتضمن» is "includes": neither is the verb "guarantee".
    expect(find("+ضمن", "ضمن الباقة")).toBeNull();
    expect(find("+ضمن", "يتضمن التقرير")).toBeNull();
  });

  it("alternatives, any ending (*), gaps (...) within the clause", () => {
    expect(find("double|triple your sales", "triple your sales")).toBe("triple your sales");
    expect(find("سكراب*", "السكرابينج")).toBe("السكرابينج");
    expect(find("pull ... from linkedin", "we pull all the numbers from LinkedIn")).toBe(
      "pull all the numbers from linkedin",
    );
    // At most four words in a gap, and never across a comma.
    expect(find("pull ... linkedin", "pull a b c d e linkedin")).toBeNull();
    expect(find("pull ... linkedin", "pull data, then LinkedIn")).toBeNull();
  });

  it("# is a number in either digit system or spelled out; % a percent sign; @ a competitor", () => {
    expect(find("ضمان # %", "ضمان ١٠٠٪")).toBe("ضمان 100 %");
    expect(find("# clients", "ten clients")).toBe("ten clients");
    expect(find("# عملاء", "عشرة عملاء")).toBe("عشره عملاء");
    expect(find("cheaper than @", "cheaper than Hub Spot", ["hub spot"])).toBe("cheaper than hub spot");
    expect(find("cheaper than @", "cheaper than before", ["hub spot"])).toBeNull();
    // An article written apart does not stop a match («الـ CRM»).
    expect(find("+قتل @", "نقتل الـCRM", ["crm"])).toBe("نقتل ال crm");
  });
});
