import { foldArabic } from "./normalize";

/**
 * Prohibited claims in outbound copy (spec: customer-ops.md "Outbound copy guard"), in English and
 * Arabic. Patterns are regular-expression sources over the normal form (normalize.ts): Latin ones
 * match whole words, Arabic ones may carry the proclitics و ف ب ل ك ال and, unless they end in
 * `END`, any suffix (pronouns, plurals). Keep them narrow: a false alarm blocks a real reply.
 */
export const COPY_CATEGORIES = [
  "guaranteed_results",
  "scraping",
  "full_automation",
  "bypassing_approvals",
  "competitor_attacks",
  "legal_financial_promises",
  "medical_language",
  "exaggerated_speed",
] as const;
export type TCopyCategory = (typeof COPY_CATEGORIES)[number];

/** Arabic end of word: the stem may not continue. */
export const END = "(?![\\p{L}\\p{N}])";

type TPatterns = { en: readonly string[]; ar: readonly string[] };

export const PATTERNS: Record<TCopyCategory, TPatterns> = {
  guaranteed_results: {
    en: [
      "guarantee[sd]?",
      "guaranteeing",
      "100 ?% (?:success|results?|guaranteed)",
      "risk-? ?free",
      "(?:double|triple) your (?:sales|revenue|leads|income|customers)",
      "sure-? ?fire",
    ],
    ar: [
      "نضمن",
      "سنضمن",
      "يضمن",
      "مضمون",
      "ضمان (?:النتائج|نتائج|النجاح|الارباح)",
      "نتائج مؤكده",
      "نجاح مؤكد",
      "100 ?% نجاح",
    ],
  },
  scraping: {
    en: [
      "scrap(?:e|es|ed|ing|er|ers)",
      "web-? ?scraping",
      "crawl(?:s|ed|ing)? (?:linkedin|websites?|profiles|the web)",
      "harvest(?:s|ed|ing)? (?:emails?|contacts|data|profiles)",
    ],
    ar: [
      "(?:سن|سي|[نيت])?كشط",
      "سكراب",
      "سكرابينج",
      "سحب (?:البيانات|بيانات) من (?:المواقع|مواقع|لينكدان|لينكد ان)",
      "جمع (?:الايميلات|ايميلات|الايميل) من",
    ],
  },
  full_automation: {
    en: [
      "fully automat(?:ed|ic|es)",
      "full automation",
      "completely automat(?:ed|ic)",
      "100 ?% automat(?:ed|ic)",
      "no humans? (?:needed|required|involved|in the loop)",
      "without (?:any )?human (?:review|intervention|oversight|input)",
      "runs (?:itself|on its own)",
      "hands-? ?free",
    ],
    ar: [
      "اتمته كامل",
      "اتمته (?:بالكامل|شامل)",
      "(?:مؤتمت|موتمت|تلقائي|اوتوماتيكي|اوتوماتيك)\\p{L}* (?:بالكامل|بشكل كامل|كليا|100 ?%)",
      "(?:بدون|دون|بلا) (?:اي )?تدخل بشري",
    ],
  },
  bypassing_approvals: {
    en: [
      "bypass(?:es|ed|ing)? (?:the |your |any |all )?(?:approvals?|review|sign-?off)",
      "skip(?:s|ped|ping)? (?:the |your |any |all )?(?:approvals?|review|sign-?off)",
      "without (?:your |any |an |prior )?(?:approvals?|sign-?off|review|permission|consent)",
      "no approvals? (?:needed|required|necessary)",
      "auto-? ?approv(?:e|es|ed|al)",
    ],
    ar: [
      "(?:بدون|دون|بلا|من غير) (?:اي |ادني )?(?:موافق|اذن|مراجع|اعتماد)",
      "(?:تجاوز|نتجاوز|يتجاوز|تخطي|نتخطي|يتخطي) (?:ال)?(?:موافق|مراجع|اعتماد)",
      "موافقه تلقائيه",
    ],
  },
  competitor_attacks: {
    en: [
      "competitors?'?s? (?:are|is) (?:a |an |just |all )?(?:scams?|frauds?|liars?|useless|garbage|worthless|incompetent|thieves|crooks|amateurs)",
      "(?:our|other|rival) competitors? (?:lie|lies|cheat|cheats|steal|steals)",
      "(?:other|rival) (?:tools|vendors|providers|agencies|companies) (?:are|is) (?:a |all |just )?(?:scams?|frauds?|useless|garbage|worthless|liars)",
    ],
    ar: [
      "(?:المنافس|منافس)[\\p{L}]* (?:[\\p{L}]+ )?(?:نصاب|محتال|فاشل|كذاب|كذابين|لصوص|حراميه|غشاش)",
      "(?:الشركات|الادوات) الاخري (?:[\\p{L}]+ )?(?:نصاب|محتال|فاشل|كذاب|غشاش)",
    ],
  },
  legal_financial_promises: {
    en: [
      "money-? ?back",
      "full refund",
      "refund guaranteed",
      "we(?: will|'ll) (?:pay|compensate|reimburse)",
      "compensat(?:e|ion) (?:you )?for any (?:loss|losses|damage)",
      "(?:take|takes|accept) (?:full |all )?legal (?:responsibility|liability)",
      "no legal risk",
      "(?:legally|fully) compliant with (?:all|every) (?:laws?|regulations?)",
      "tax-? ?free",
      "(?:guaranteed|assured) (?:returns?|profits?|income|roi)",
    ],
    ar: [
      "استرداد (?:كامل|المبلغ كامل)",
      "(?:نعوض|سنعوض|تعويض كامل)",
      "نتحمل (?:كامل |كل )?(?:ال)?مسؤوليه القانوني",
      "(?:عائد|ارباح|ربح|دخل) (?:مضمون|مؤكد)",
      "(?:متوافق|مطابق) (?:قانونيا |تماما )?(?:مع|ل)(?:كل|جميع) (?:القوانين|الانظمه)",
      "(?:بدون|بلا) (?:اي )?مخاطر قانوني",
      "معفي من الضرائب",
    ],
  },
  medical_language: {
    en: [
      "cur(?:e|es|ed|ing)",
      "diagnos(?:e|es|ed|is|ing)",
      "clinically (?:proven|tested)",
      "medical(?:ly)? (?:advice|grade|proven)",
      "heal(?:s|ed|ing)?",
      "treat(?:s|ed|ing|ment)? (?:for )?(?:your )?(?:disease|illness|depression|anxiety|symptoms)",
      "prescription",
      "therap(?:y|eutic)",
    ],
    ar: [
      "علاج" + END,
      "شفاء",
      "يشفي",
      "تشخيص",
      "دواء",
      "ادويه",
      "مثبت طبيا",
      "وصفه طبيه",
      "(?:يعالج|نعالج|تعالج) (?:ال)?(?:امراض|مرض|اعراض|اكتئاب|قلق)",
    ],
  },
  exaggerated_speed: {
    en: [
      "instant(?:ly)?",
      "overnight",
      "in (?:just |mere )?(?:seconds|a second|a split second)",
      "within seconds",
      "lightning-? ?(?:fast|speed|quick)",
      "blazing(?:ly)? fast",
      "\\d+ ?x faster",
      "zero (?:setup|waiting) time",
    ],
    ar: [
      "نتائج فوري",
      "(?:خلال|في|بـ?) (?:ثواني|ثوان|ثانيه)" + END,
      "بين ليله وضحاها",
      "بسرعه البرق",
      "لحظي" + END,
      "فوريا",
    ],
  },
};

export type TCompiledPattern = { category: TCopyCategory; re: RegExp };

const LETTER_BEFORE = "(?<![\\p{L}\\p{N}])";
const LETTER_AFTER = "(?![\\p{L}\\p{N}])";
// Proclitics glued to an Arabic word: and/so, with/for/like, the.
const PROCLITICS = "(?:[وف])?(?:[بلك])?(?:ال)?";

/** Compiled once: patterns pass through the same normal form as drafts (so أ/إ in a pattern still match). */
export const COMPILED: readonly TCompiledPattern[] = COPY_CATEGORIES.flatMap((category) => [
  ...PATTERNS[category].en.map((src) => ({
    category,
    re: new RegExp(`${LETTER_BEFORE}(?:${src})${LETTER_AFTER}`, "gu"),
  })),
  ...PATTERNS[category].ar.map((src) => ({
    category,
    re: new RegExp(`${LETTER_BEFORE}${PROCLITICS}(?:${foldArabic(src)})`, "gu"),
  })),
]);
