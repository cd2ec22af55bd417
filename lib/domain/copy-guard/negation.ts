import type { TToken } from "./tokens";
import { wordForms } from "./words";

// Negation scope. A negation covers the claim that follows it in its own clause ("we never scrape",
// «لا نضمن نتائج», «بدون scraping»), not a later claim joined by a comma, "and", «لكن» or a «و» glued
// to a new verb ("no setup needed and we guarantee 10 clients", «لا رسوم ونضمن لك عملاء»).

// How many words a negation may stand before the claim: a verb negation covers its verb phrase
// ("we do not use any tool that scrapes"), "without"/«بدون» only the noun phrase right after it
// («بدون أي scraping»), and «ما» (also "what") only the next word or two («ما نضمن», «ما نقدر نضمن»).
const WIDE = 6;
const NARROW = 2;
const ADJACENT = 2;

const NEGATORS = new Map<string, number>([
  ...[
    "not",
    "never",
    "no",
    "nor",
    "none",
    "nothing",
    "nobody",
    "neither",
    "cannot",
    "dont",
    "doesnt",
    "didnt",
    "wont",
    "cant",
    "isnt",
    "arent",
    "refuse",
    "refuses",
    "avoid",
    "avoids",
    "against",
    // Reported claims of others: "some agencies claim to guarantee results".
    "claim",
    "claims",
    "لا",
    "لن",
    "لم",
    "ليس",
    "ليست",
    "لسنا",
    "لست",
    "ليسوا",
    "غير",
    "مش",
    "مو",
    "مب",
    "نرفض",
    "نمتنع",
    "نتجنب",
    "يمنع",
    "ممنوع",
    "يدعي",
    "يدعون",
    "تدعي",
    "يزعم",
    "يزعمون",
  ].map((w) => [w, WIDE] as const),
  ...["without", "instead", "rather", "بدون", "دون", "بلا", "بدلا", "عوضا", "بعيدا"].map((w) => [w, NARROW] as const),
  // «ما نقدر نضمن», «ما راح نكشط»: the dialect negation takes a helper verb before the claim.
  ["ما", ADJACENT],
]);

// Words after a negation that make it no negation of the claim: "not only", "no doubt", "don't miss",
// «لا شك», «لا بد», «لا تفوّت».
const AFFIRMING_NEXT: Record<string, readonly string[]> = {
  not: ["only", "just", "merely", "miss", "wait", "hesitate", "forget", "lose"],
  dont: ["miss", "wait", "hesitate", "forget", "lose", "just"],
  no: ["doubt", "wonder", "question", "matter", "less", "more"],
  never: ["before", "again"],
  nothing: ["but", "less", "short"],
  without: ["doubt", "question", "fail", "exception"],
  لا: ["شك", "بد", "محاله", "يقتصر", "تفوت", "تفوتك", "يفوتك", "تتردد", "تنتظر", "تضيع", "تقلق", "داعي"],
  ليس: ["فقط"],
  غير: ["مسبوق", "مسبوقه", "محدود", "محدوده"],
  بدون: ["شك", "منازع"],
  دون: ["شك", "منازع"],
};

// After the claim: "scraping is not part of what we do", «الكشط ممنوع عندنا».
const CONTRACTED = new Set(["wasnt", "werent", "wouldnt", "shouldnt", "couldnt", "havent", "hasnt", "aint"]);

const POST_NEGATORS = new Set([
  "not",
  "never",
  "isnt",
  "arent",
  "wasnt",
  "ليس",
  "ليست",
  "ليسوا",
  "ممنوع",
  "مرفوض",
  "محظور",
]);
const POST_AFFIRMING = new Set(["only", "just", "merely", "فقط"]);
const POST_WINDOW = 2;

/** A token as a negation word: apostrophes dropped (don't → dont) and a glued «و»/«ف» removed (ولا → لا). */
function negationKey(t: TToken): string {
  const w = t.text.replace(/'/g, "");
  if (t.script === "ar" && /^[وف]/.test(w) && NEGATORS.has(w.slice(1))) return w.slice(1);
  // Every "n't" form (wouldn't, shouldn't, haven't…) negates like "don't".
  return NEGATORS.has(w) || !(t.text.endsWith("n't") || CONTRACTED.has(w)) ? w : "dont";
}

function affirms(key: string, next: TToken | undefined): boolean {
  if (!next) return false;
  const list = AFFIRMING_NEXT[key === "cant" || key === "wont" || key === "doesnt" ? "dont" : key];
  if (!list) return false;
  const forms = wordForms(next.text);
  return list.some((w) => next.text === w || forms.stems.has(w));
}

/**
 * Whether the claim at tokens [from, to) is negated: a negation before it in its scope, close
 * enough, not affirming ("not only"), with no new claim joined between them; a negation in the
 * words a phrase's gap passed over («النتائج غير مضمونة»); or a negation right after it ("scraping
 * is not…"). Pure.
 */
export function isNegated(tokens: readonly TToken[], from: number, to: number, gaps: readonly number[] = []): boolean {
  for (const g of gaps) {
    const key = negationKey(tokens[g]!);
    if (NEGATORS.has(key) && !affirms(key, tokens[g + 1])) return true;
  }
  const claim = tokens[from]!;
  // «ونضمن»: a glued «و» starts a new claim; a negation before it does not reach it.
  if (!(claim.script === "ar" && wordForms(claim.text).conjunction)) {
    for (let j = from - 1, distance = 1; j >= 0 && tokens[j]!.scope === claim.scope; j--, distance++) {
      const key = negationKey(tokens[j]!);
      const window = NEGATORS.get(key);
      if (window !== undefined && distance <= window && !affirms(key, tokens[j + 1])) return true;
      // A new claim joined by «و» between the negation and this one ends the negation's reach.
      if (tokens[j]!.script === "ar" && wordForms(tokens[j]!.text).conjunction && !NEGATORS.has(key)) break;
    }
  }
  const last = tokens[to - 1]!;
  for (let j = to; j < tokens.length && j < to + POST_WINDOW && tokens[j]!.scope === last.scope; j++) {
    const key = negationKey(tokens[j]!);
    if (POST_NEGATORS.has(key) && !POST_AFFIRMING.has(tokens[j + 1]?.text ?? "")) return true;
  }
  return false;
}
