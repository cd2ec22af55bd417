import { describe, expect, it } from "vitest";
import { COPY_CATEGORIES } from "./categories";
import { DEFAULT_LISTS } from "./default-lists";
import { checkCopy, compileGuard, describeFindings, scanText } from "./guard";
import { normalizeCopy } from "./normalize";
import { NUDGE_TEXTS } from "../nudges/templates";

const cats = (text: string) => scanText(text, "body").map((f) => f.category);

describe("each category is caught in English and Arabic", () => {
  const cases: [string, string, string][] = [
    ["guaranteed_results", "We guarantee results within a month.", "نضمن لك النتائج خلال شهر"],
    ["scraping", "Our tool scrapes LinkedIn for leads.", "نقوم بكشط بيانات العملاء"],
    ["full_automation", "The service is fully automated.", "الخدمة مؤتمتة بالكامل"],
    ["bypassing_approvals", "We send without your approval.", "نرسل الرسائل بدون موافقتك"],
    ["competitor_attacks", "Our competitors are scams.", "المنافسين نصابين"],
    ["legal_financial_promises", "Your money back if anything goes wrong.", "استرداد كامل للمبلغ"],
    ["medical_language", "This will cure your stress.", "هذا علاج للقلق"],
    ["exaggerated_speed", "See results overnight.", "نتائج فورية لعملك"],
  ];
  it("covers every category", () => {
    expect(new Set(cases.map((c) => c[0]))).toEqual(new Set(COPY_CATEGORIES));
  });
  it.each(cases)("%s", (category, en, ar) => {
    expect(cats(en)).toContain(category);
    expect(cats(ar)).toContain(category);
  });
});

describe("negated mentions pass", () => {
  it.each([
    "We never scrape websites.",
    "We do not guarantee results.",
    "We don't guarantee specific numbers.",
    "There is no guarantee of revenue.",
    "We will never send without your approval.",
    "Nothing is sent without approval? No: we never send without your approval.",
    "لا نضمن نتائج محددة",
    "لن نرسل أي رسالة بدون موافقتك",
    "نحن لا نقوم بكشط البيانات",
    "الخدمة ليست مؤتمتة بالكامل",
    "ولا نرسل بدون موافقة",
  ])("%s", (text) => {
    expect(text.includes("Nothing is sent") ? cats(text.split("?")[1]!) : cats(text)).toEqual([]);
  });

  it("affirming idioms are not negations", () => {
    expect(cats("Not only do we guarantee results, we double them.")).toContain("guaranteed_results");
    expect(cats("No doubt we guarantee it")).toContain("guaranteed_results");
    expect(cats("لا شك أننا نضمن النتائج")).toContain("guaranteed_results");
  });

  it("a negation does not reach across a clause or a conjunction", () => {
    expect(cats("No setup fees. Guaranteed results.")).toEqual(["guaranteed_results"]);
    expect(cats("No setup fees, guaranteed results")).toEqual(["guaranteed_results"]);
    expect(cats("No setup fees and guaranteed results")).toEqual(["guaranteed_results"]);
    expect(cats("لا رسوم، نتائج مضمونة")).toEqual(["guaranteed_results"]);
  });

  it("a negation too far back does not count", () => {
    expect(cats("not that it matters much to anyone here we guarantee results")).toEqual(["guaranteed_results"]);
  });
});

describe("false friends pass", () => {
  it.each([
    "Please scrap the old plan and use the new one.",
    "The skyscraper photo is attached.",
    "Your data is secure and encrypted.",
    "A healthy pipeline needs weekly reviews.",
    "Thank you for your patience; treat this as a draft.",
    "We replied within 30 minutes as promised.",
    "Your approval is needed before we send anything.",
    "We review every message with a human before it goes out.",
    "تتم معالجة البيانات بأمان",
    "نرسل بعد موافقتك فقط",
    "الرد خلال ثلاثين دقيقة",
    "Our competitors offer similar features.",
  ])("%s", (text) => {
    expect(cats(text)).toEqual([]);
  });
});

describe("findings", () => {
  it("quote the draft's own words, with diacritics and tatweel, in text order", () => {
    const f = scanText("نـَضمن لكم نتائج فورية. We guarantee it.", "body");
    expect(f.map((x) => [x.category, x.phrase])).toEqual([
      ["guaranteed_results", "نـَضمن"],
      ["exaggerated_speed", "نتائج فورية"],
      ["guaranteed_results", "guarantee"],
    ]);
  });
  it("Latin matching is case-insensitive on word boundaries", () => {
    expect(cats("GUARANTEED!")).toEqual(["guaranteed_results"]);
    expect(cats("unguaranteed")).toEqual([]);
    expect(cats("Fully-Automated")).toEqual(["full_automation"]); // a hyphen joins like a space ("auto-DM")
    expect(cats("FULLY AUTOMATED")).toEqual(["full_automation"]);
  });
  it("Arabic proclitics attach (وبدون، ونضمن) and the future سنضمن is a claim too", () => {
    expect(cats("وبدون موافقتك")).toEqual(["bypassing_approvals"]);
    expect(cats("ونضمن النتائج")).toEqual(["guaranteed_results"]);
    expect(cats("سنضمن النتائج")).toEqual(["guaranteed_results"]);
    expect(cats("نكشط بيانات المنافسين")).toEqual(["scraping"]);
    expect(cats("ولا نكشط أي بيانات")).toEqual([]);
    expect(cats("المحتوى يتضمن النتائج")).toEqual([]);
  });
  it("checks every field and names it; empty text passes", () => {
    const v = checkCopy({ subject: "Guaranteed growth", body: "We never scrape." });
    expect(v.ok).toBe(false);
    expect(v.findings.map((f) => [f.field, f.category])).toEqual([["subject", "guaranteed_results"]]);
    expect(describeFindings(v.findings)).toBe('guaranteed_results "Guaranteed" (subject)');
    expect(checkCopy({ subject: "", body: "" })).toEqual({ ok: true, findings: [] });
  });
  it("stays fast on a long draft", () => {
    const text = "Hello there, we are happy to help with your onboarding. ".repeat(400);
    const started = performance.now();
    expect(scanText(text, "body")).toEqual([]);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe("our own templates", () => {
  it("every onboarding nudge passes the guard in both languages (a template nobody can approve is a bug)", () => {
    const texts: string[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === "string") texts.push(v);
      else if (v && typeof v === "object") Object.values(v).forEach(walk);
    };
    walk(NUDGE_TEXTS);
    expect(texts.length).toBeGreaterThanOrEqual(6);
    expect(texts.flatMap((t) => scanText(t, "body"))).toEqual([]);
  });
});

describe("evasion is folded before the guard (issue 10, finding 4)", () => {
  it.each([
    ["zero-width space", "We guaran\u200bteed results."],
    ["zero-width non-joiner and joiner", "We g\u200cuarant\u200dee results."],
    ["word joiner", "guaran\u2060teed"],
    ["byte-order mark", "guar\ufeffanteed"],
    ["soft hyphen", "guaran\u00adteed"],
    ["bidi override", "guaran\u202eteed\u202c"],
    ["full-width letters", "ｇｕａｒａｎｔｅｅｄ results"],
    ["Cyrillic а", "guar\u0430nteed"],
    ["Cyrillic е and о", "w\u0435 guarant\u0435\u0435 results, n\u043e questions asked"],
    ["Greek α and ο", "Our tool scr\u03b1pes LinkedIn, guar\u03b1nteed, n\u03bf doubt"],
    ["mathematical bold", "\u{1d420}\u{1d42e}\u{1d41a}\u{1d42b}\u{1d41a}\u{1d427}\u{1d42d}\u{1d41e}\u{1d41e}\u{1d41d}"],
  ])("%s", (_name, text) => {
    expect(cats(text).length).toBeGreaterThan(0);
  });

  it("quotes the draft's own characters, invisible ones included", () => {
    expect(scanText("We guaran\u200bteed it", "body")[0]).toMatchObject({ phrase: "guaran\u200bteed", index: 3 });
    expect(
      scanText("\u{1d420}\u{1d42e}\u{1d41a}\u{1d42b}\u{1d41a}\u{1d427}\u{1d42d}\u{1d41e}\u{1d41e}", "s")[0],
    ).toMatchObject({
      phrase: "\u{1d420}\u{1d42e}\u{1d41a}\u{1d42b}\u{1d41a}\u{1d427}\u{1d42d}\u{1d41e}\u{1d41e}",
      index: 0,
    });
  });

  it("keeps Arabic matching: presentation forms fold, joiners and marks do not split a claim", () => {
    expect(cats("ن\u200cضمن لك النتائج")).toContain("guaranteed_results");
    expect(cats("نضمن\u061c لك النتائج")).toContain("guaranteed_results");
    expect(normalizeCopy("\ufefb")).toBe("لا"); // the lam-alef ligature reads as لا
    expect(cats("\ufefb نضمن نتائج محددة")).toEqual([]); // so its negation still counts
  });

  it("leaves ordinary Arabic, English and a mixed draft alone", () => {
    for (const text of [
      "أهلا بكم في المنصة، نرسل بعد موافقتك فقط.",
      "مرحبًا ريم، هذا ملخص الأسبوع: ٣ شاشات متصلة.",
      "Welcome aboard! Your screens are paired — see you soon.",
      "Привет, this is a friendly hello.",
    ])
      expect(cats(text)).toEqual([]);
    expect(normalizeCopy("مرحبًا ريم")).toBe("مرحبا ريم");
  });
});

describe("the spec's examples (customer-ops.md, Outbound copy guard)", () => {
  it.each([
    ["«نضمن لك عملاء»", "نضمن لك عملاء", "guaranteed_results"],
    ["«نتائج مضمونة»", "نتائج مضمونة", "guaranteed_results"],
    ["guaranteed ROI", "guaranteed ROI", "guaranteed_results"],
    ["«نسحب بيانات LinkedIn»", "نسحب بيانات LinkedIn", "scraping"],
    ["«نستخرج الأرقام من Google»", "نستخرج الأرقام من Google", "scraping"],
    ["we scrape profiles", "we scrape profiles", "scraping"],
    ["«نرسل تلقائياً للجميع»", "نرسل تلقائياً للجميع", "full_automation"],
    ["auto-DM on LinkedIn", "auto-DM on LinkedIn", "full_automation"],
    ["cold WhatsApp campaigns", "cold WhatsApp campaigns", "full_automation"],
    ["«بدون موافقتك»", "بدون موافقتك", "bypassing_approvals"],
    ["no approval needed", "no approval needed", "bypassing_approvals"],
    ["«أرخص من Salesforce»", "أرخص من Salesforce", "competitor_attacks"],
    ["«نقتل CRM»", "نقتل CRM", "competitor_attacks"],
    ["better than Gong", "better than Gong", "competitor_attacks"],
    ["«نتجاوز PDPL»", "نتجاوز PDPL", "legal_financial_promises"],
    ["tax-deductible automatically", "tax-deductible automatically", "legal_financial_promises"],
    ["«يعالج»", "يعالج", "medical_language"],
    ["«تشخيص مرضك»", "تشخيص مرضك", "medical_language"],
    ["«١٠ عملاء خلال ٢٤ ساعة»", "١٠ عملاء خلال ٢٤ ساعة", "exaggerated_speed"],
    ["«نمو ١٠٠٠٪ أسبوعياً»", "نمو ١٠٠٠٪ أسبوعياً", "guaranteed_results"],
    ["1M SAR in a month", "1M SAR in a month", "exaggerated_speed"],
    ["«ضمان ١٠٠٪»", "ضمان ١٠٠٪", "guaranteed_results"],
  ])("blocks %s", (_name, text, category) => {
    expect(cats(text)).toContain(category);
  });

  it.each([
    "بدون scraping",
    "دون cold WhatsApp",
    "we never scrape",
    "لا نضمن نتائج",
    "تشخيص مجاني لقمع المبيعات",
    "free diagnostic",
    "ابدأ الآن",
    "سنرد عليك فوراً",
    "we will reply within 30 minutes",
    "أوقفنا الإرسال فورياً وأبلغنا الجهات المختصة خلال ساعة.",
  ])("lets %s through", (text) => {
    expect(cats(text)).toEqual([]);
  });
});

describe("negation scope: a negation covers its own clause, not the whole sentence", () => {
  it("blocks a claim joined after a negated one", () => {
    expect(cats("no setup needed and we guarantee 10 clients")).toEqual(["guaranteed_results"]);
    expect(cats("لا رسوم إعداد ونضمن لك ١٠ عملاء")).toContain("guaranteed_results");
    expect(cats("We don't scrape, but we guarantee results")).toEqual(["guaranteed_results"]);
  });
  it("a leading «ابدأ» (start) is no «أبدا» (never)", () => {
    expect(cats("ابدأ نضمن لك عملاء")).toEqual(["guaranteed_results"]);
    expect(cats("ابدأ الآن ونضمن لك النتائج")).toEqual(["guaranteed_results"]);
    expect(cats("لن نكشط بياناتك أبداً")).toEqual([]);
  });
  it("keeps a negation over a list joined by or / «ولا» / «و» + a definite noun", () => {
    expect(cats("We never scrape or harvest emails from LinkedIn.")).toEqual([]);
    expect(cats("لا نكشط البيانات ولا نسحبها من لينكدإن")).toEqual([]);
    expect(cats("لا نقوم بالكشط والسحب من المواقع")).toEqual([]);
  });
  it("reads negations inside a phrase and after it", () => {
    expect(cats("النتائج غير مضمونة")).toEqual([]);
    expect(cats("Scraping is not something we do.")).toEqual([]);
    expect(cats("Guaranteed results are not just a slogan for us.")).toEqual(["guaranteed_results"]);
  });
  it("dialect negation «ما» reaches over a helper verb", () => {
    expect(cats("ما نقدر نضمن عدد العملاء")).toEqual([]);
    expect(cats("ما نكشط أي بيانات")).toEqual([]);
  });
  it("does not take an imperative for a denial", () => {
    expect(cats("Don't miss our guaranteed leads offer")).toEqual(["guaranteed_results"]);
    expect(cats("لا تفوّت العرض، نتائج مضمونة")).toEqual(["guaranteed_results"]);
  });
});

describe("service promises and crisis replies are not claims", () => {
  it.each([
    "We will reply within 30 minutes with an update on the investigation.",
    "We'll get back to you instantly if anything else changes.",
    "نعتذر منك: وصلتك رسالة أُرسلت دون موافقتنا، وأوقفنا الإرسال فوراً حتى ننتهي من التحقيق.",
    "تم الوصول إلى بعض البيانات دون إذن بين الساعة التاسعة والعاشرة صباحاً.",
    "نعالج الخلل حالياً وسنعود إليك خلال ساعتين.",
    "We guarantee a reply within one business day.",
    "We apologise for the duplicate charge; a full refund will reach your card within 5 business days.",
  ])("%s", (text) => {
    expect(cats(text)).toEqual([]);
  });
  it("but a reply promise does not excuse a claim in another sentence", () => {
    expect(cats("We will reply within 30 minutes. Results overnight, guaranteed.")).toEqual([
      "exaggerated_speed",
      "guaranteed_results",
    ]);
  });
});

describe("a finding names its rule and the draft's exact span", () => {
  it("list phrases and number rules", () => {
    const text = "مرحباً، نضمـــن لكم ١٠ عملاء خلال ٢٤ ساعة.";
    const f = scanText(text, "body");
    expect(f.map((x) => [x.category, x.rule, x.phrase])).toEqual([
      ["guaranteed_results", "guaranteed_results:+ضمن", "نضمـــن"],
      ["exaggerated_speed", "number.results_in_time", "١٠ عملاء خلال ٢٤ ساعة"],
    ]);
    for (const x of f) expect(text.slice(x.index, x.end)).toBe(x.phrase);
  });
});

describe("edited lists", () => {
  const lists = structuredClone(DEFAULT_LISTS);
  lists.categories.medical_language.block.push("detox");
  lists.categories.scraping.block = lists.categories.scraping.block.filter((p) => p !== "scrape");
  lists.competitors.push("acme crm");
  const guard = compileGuard(lists);
  const with_ = (text: string) => scanText(text, "body", guard).map((f) => f.category);
  it("a founder's added phrase blocks, a removed one no longer does, the defaults stay as they were", () => {
    expect(with_("A seven-day detox for your team")).toEqual(["medical_language"]);
    expect(cats("A seven-day detox for your team")).toEqual([]);
    expect(with_("we scrape profiles")).toEqual([]);
    expect(cats("we scrape profiles")).toEqual(["scraping"]);
  });
  it("an added competitor joins every @ phrase", () => {
    expect(with_("We are cheaper than Acme CRM")).toEqual(["competitor_attacks"]);
  });
  it("a line that does not parse matches nothing instead of failing the scan", () => {
    const broken = structuredClone(DEFAULT_LISTS);
    broken.categories.guaranteed_results.block = ["...", "x"];
    expect(scanText("We guarantee it", "body", compileGuard(broken))).toEqual([]);
  });
});
