import { z } from "zod";
import { keywordPattern, normalise } from "./text";
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
  .refine((l) => l.every((k) => normalise(k) !== ""), "validation.keyword_empty");
export const ZKeywordLists = z.object({ P0: ZList, P1: ZList, P2: ZList });

export type TClassification = {
  priority: TPriority;
  matchedKeyword: string | null;
  reasonEn: string;
  reasonAr: string;
};

const ORDER = ["P0", "P1", "P2"] as const;

// Compiling a keyword's pattern costs more than testing it; an import classifies thousands of tickets
// against the same lists, so each lists object's patterns are built once (lists are never changed in
// place: settings are read fresh and validated). Keywords that normalise to nothing never match.
type TPatterns = Record<(typeof ORDER)[number], [string, RegExp][]>;
const compiled = new WeakMap<TKeywordLists, TPatterns>();
function patternsOf(lists: TKeywordLists): TPatterns {
  let p = compiled.get(lists);
  if (!p) {
    const of = (l: string[]) =>
      l.filter((k) => normalise(k) !== "").map((k): [string, RegExp] => [k, keywordPattern(k)]);
    p = { P0: of(lists.P0), P1: of(lists.P1), P2: of(lists.P2) };
    compiled.set(lists, p);
  }
  return p;
}

/**
 * Classifies a ticket from its subject and body. Both sides are normalised (lib/domain/support/text);
 * the first keyword of the highest priority that matches wins. Never throws: empty text is P3 with the
 * reason "no text".
 */
export function classify(subject: string, body: string, lists: TKeywordLists = DEFAULT_KEYWORDS): TClassification {
  const text = normalise(`${subject}\n${body}`);
  if (text === "") return { priority: "P3", matchedKeyword: null, reasonEn: "no text", reasonAr: "لا يوجد نص" };
  for (const priority of ORDER) {
    for (const [keyword, pattern] of patternsOf(lists)[priority]) {
      if (pattern.test(text)) {
        return {
          priority,
          matchedKeyword: keyword,
          reasonEn: `matched the ${priority} keyword "${keyword}"`,
          reasonAr: `طابق الكلمة المفتاحية "${keyword}" من ${priority}`,
        };
      }
    }
  }
  return {
    priority: "P3",
    matchedKeyword: null,
    reasonEn: "no keyword matched; default priority",
    reasonAr: "لم تطابق أي كلمة مفتاحية؛ الأولوية الافتراضية",
  };
}
