// Splits the normal form (normalize.ts) into words, numbers and clause boundaries. A clause is what
// a negation can cover: it ends at sentence and clause punctuation, a dash, a line break, or a
// conjunction that starts a new claim ("no setup needed and we guarantee…").

export type TToken = {
  /** The normal form of the token (lower-case Latin, folded Arabic, ASCII digits). */
  text: string;
  kind: "word" | "number" | "percent";
  /** Offsets into the normal form. */
  start: number;
  end: number;
  /** Tokens between two punctuation boundaries share this number: a phrase never spans two. */
  clause: number;
  /** Tokens of one sentence (up to . ! ? or a line break): where an allow phrase counts. */
  sentence: number;
  /** Like `clause`, but a conjunction that starts a new claim also starts a new scope (negation). */
  scope: number;
  script: "ar" | "latin" | "other";
};

// One token: a number (with separators and a k/m/x suffix), a run of Arabic letters, a run of other
// letters and digits (with inner apostrophes), or a percent sign. Hyphens split words, so "auto-DM"
// and "auto DM" read alike; a change of script splits too («الـCRM» → «ال» + "crm").
const AR = "\\u0621-\\u064A\\u0671-\\u06D3";
const TOKEN = new RegExp(
  `\\d+(?:[.,]\\d+)*(?:k|m|mn|bn|b|x)?(?![\\p{L}\\p{N}])|[${AR}]+|(?:(?![${AR}])[\\p{L}\\p{N}])+(?:'\\p{L}+)*|%|[.!?؟،,;؛:\\n—–]|\\s-\\s`,
  "gu",
);
const BOUNDARY = /^(?:[.!?؟،,;؛:\n—–]|\s-\s)$/;
// Conjunctions that start a new claim. "or"/"nor"/«أو» keep a negation going ("we never scrape or
// crawl"), so they are not here; the Arabic «و» glued to a word is judged in negation.ts.
export const CLAUSE_CONJUNCTIONS = new Set([
  "and",
  "but",
  "so",
  "plus",
  "then",
  "while",
  "whereas",
  "however",
  "لكن",
  "ولكن",
  "بل",
  "ثم",
  "بينما",
  "لكننا",
  "ولكننا",
  "اما",
]);

// Number words count as numbers in promises ("ten clients a week", «عشرة عملاء»).
const NUMBER_WORDS = new Set(
  (
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty hundred " +
    "hundreds thousand thousands million millions billion double triple " +
    "واحد اثنين اثنان ثلاث ثلاثه اربع اربعه خمس خمسه ست سته سبع سبعه ثمان ثماني ثمانيه تسع تسعه عشر عشره " +
    "عشرين عشرون ثلاثين خمسين مئه مائه مئات الف الاف الوف مليون ملايين مليار"
  ).split(" "),
);

export const isNumberWord = (w: string): boolean => NUMBER_WORDS.has(w);

/** The tokens of a normal-form text, in order, each with its clause number. Pure. */
export function tokenize(text: string): TToken[] {
  const out: TToken[] = [];
  let clause = 0;
  let scope = 0;
  let sentence = 0;
  for (const m of text.matchAll(TOKEN)) {
    const t = m[0];
    if (BOUNDARY.test(t)) {
      clause++;
      scope++;
      if (/[.!?؟\n]/.test(t)) sentence++;
      continue;
    }
    const kind = t === "%" ? "percent" : /^\d/.test(t) ? "number" : "word";
    const script = /[\u0621-\u064A\u0671-\u06D3]/.test(t) ? "ar" : /\p{Script=Latin}/u.test(t) ? "latin" : "other";
    if (CLAUSE_CONJUNCTIONS.has(t)) scope++;
    out.push({ text: t, kind, start: m.index, end: m.index + t.length, clause, scope, sentence, script });
  }
  return out;
}
