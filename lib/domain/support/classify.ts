import { z } from "zod";
import { compileKeyword, findKeyword, ticketWords, type TCompiledKeyword } from "./keyword-match";
import { normalise, tokenise } from "./text";
import type { TPriority } from "./targets";
import { zLine } from "../text/safe-text";

/** Keyword lists per priority, checked P0 first, then P1, then P2; no match → P3. Editable in Settings. */
export type TKeywordLists = { P0: string[]; P1: string[]; P2: string[] };

// The spec's lists. P1 includes the escalation word the P3 reply tells customers to use (حرج /
// critical): a customer who follows our own instruction must be escalated.
export const ESCALATION_WORD = { ar: "حرج", en: "critical" } as const;

export const DEFAULT_KEYWORDS: TKeywordLists = {
  P0: [
    "أمان",
    "تسريب",
    // The same word family as تسريب (to leak, leaked): the spec's "leaked"/"leaking", in Arabic.
    "تسرب",
    "مسرب",
    "إرسال خاطئ",
    "إرسال بدون موافقة",
    "بدون موافقتي",
    "أرسل رسالة بدون",
    "أرسل بدون",
    "secret",
    "leak",
    "data breach",
    "outage",
    "completely down",
    "live charge",
    "charge بدون موافقة",
    "unauthorized",
  ],
  P1: [
    "service down",
    "خدمة معطلة",
    "service failed",
    "pilot stopped",
    "proof pack مفقود",
    ESCALATION_WORD.ar,
    ESCALATION_WORD.en,
  ],
  P2: ["connector", "gmail", "calendar", "sheets", "whatsapp setup", "moyasar invoice"],
};

export const MAX_KEYWORD = 80;
export const MAX_KEYWORDS_PER_PRIORITY = 200;
const ZList = z
  .array(zLine(MAX_KEYWORD).min(1))
  .max(MAX_KEYWORDS_PER_PRIORITY)
  .refine((l) => l.every(hasWord), "validation.keyword_empty");
export const ZKeywordLists = z.object({ P0: ZList, P1: ZList, P2: ZList });

/** Whether a keyword has a word to match; one made of punctuation alone never could. */
export function hasWord(keyword: string): boolean {
  return tokenise(keyword).tokens.length > 0;
}

/**
 * Lists as stored: ones saved before keywords had to hold a word ("!!!" was accepted then) drop
 * such keywords instead of failing the whole read, which would put the defaults in their place.
 */
const ZStoredList = z.array(z.string()).transform((l) => l.filter(hasWord));
export const ZStoredKeywordLists = z.object({ P0: ZStoredList, P1: ZStoredList, P2: ZStoredList }).pipe(ZKeywordLists);

export type TClassification = {
  priority: TPriority;
  matchedKeyword: string | null;
  reasonEn: string;
  reasonAr: string;
};

const ORDER = ["P0", "P1", "P2"] as const;

// Compiling a keyword costs more than testing it; an import classifies thousands of tickets against
// the same lists, so each lists object's keywords are compiled once (lists are never changed in
// place: settings are read fresh and validated). Keywords with no word in them never match.
type TCompiled = Record<(typeof ORDER)[number], TCompiledKeyword[]>;
const compiled = new WeakMap<TKeywordLists, TCompiled>();
function compiledOf(lists: TKeywordLists): TCompiled {
  let c = compiled.get(lists);
  if (!c) {
    const of = (l: string[]) => l.flatMap((k) => compileKeyword(k) ?? []);
    c = { P0: of(lists.P0), P1: of(lists.P1), P2: of(lists.P2) };
    compiled.set(lists, c);
  }
  return c;
}

/**
 * Classifies a ticket from its subject and body (spec "Support tickets and SLA"): the first keyword
 * of the highest priority found in the text, in any of its forms and not negated
 * (lib/domain/support/keyword-match.ts). Never throws: empty text is P3 with the reason "no text". The
 * reason names the keyword and the words that matched it, or a negated keyword that was not counted.
 */
export function classify(subject: string, body: string, lists: TKeywordLists = DEFAULT_KEYWORDS): TClassification {
  const words = ticketWords(`${subject}\n${body}`);
  if (words.tokens.length === 0)
    return { priority: "P3", matchedKeyword: null, reasonEn: "no text", reasonAr: "لا يوجد نص" };
  let firstNegated: { keyword: string; text: string } | null = null;
  for (const priority of ORDER) {
    for (const k of compiledOf(lists)[priority]) {
      const hits = findKeyword(words, k);
      const hit = hits.find((h) => h.negatedBy === null);
      if (hit) {
        const quoted = hit.text === normalise(k.keyword) ? "" : ` ("${hit.text}")`;
        return {
          priority,
          matchedKeyword: k.keyword,
          reasonEn: `matched the ${priority} keyword "${k.keyword}"${quoted}`,
          reasonAr: `طابق الكلمة المفتاحية "${k.keyword}"${quoted} من ${priority}`,
        };
      }
      if (hits[0]?.negatedBy && !firstNegated) firstNegated = { keyword: k.keyword, text: hits[0].negatedBy };
    }
  }
  if (firstNegated) {
    const { keyword, text } = firstNegated;
    return {
      priority: "P3",
      matchedKeyword: null,
      reasonEn: `no keyword matched ("${keyword}" is negated: "${text}"); default priority`,
      reasonAr: `لم تطابق أي كلمة مفتاحية ("${keyword}" منفية: "${text}")؛ الأولوية الافتراضية`,
    };
  }
  return {
    priority: "P3",
    matchedKeyword: null,
    reasonEn: "no keyword matched; default priority",
    reasonAr: "لم تطابق أي كلمة مفتاحية؛ الأولوية الافتراضية",
  };
}
