import { COMPILED, type TCopyCategory } from "./categories";
import { normalizeWithMap } from "./normalize";

export type TCopyFinding = {
  category: TCopyCategory;
  /** The words as the draft has them. */
  phrase: string;
  /** Which field of the draft (e.g. "subject", "body"). */
  field: string;
  index: number;
};

// A negation this many words before a claim, within the same clause, makes it a denial ("we never
// scrape", "we do not guarantee", "لا نضمن", "لن نرسل أي رسالة بدون موافقتك").
const NEGATION_WINDOW = 5;
const NEGATIONS = new Set([
  "not",
  "never",
  "no",
  "nor",
  "don't",
  "dont",
  "doesn't",
  "doesnt",
  "won't",
  "wont",
  "can't",
  "cant",
  "cannot",
  "isn't",
  "aren't",
  "wouldn't",
  "shouldn't",
  "لا",
  "لن",
  "لم",
  "ليس",
  "ليست",
  "لسنا",
  "لسنا",
  "مش",
  "مو",
  "ابدا",
  "غير",
  "ولا",
  "ولن",
  "ولم",
  "فلا",
  "فلن",
]);
// Negation words that, followed by these, affirm ("not only", "no doubt", "لا شك", "لا بد").
const AFFIRMING_NEXT: Record<string, readonly string[]> = {
  not: ["only", "just"],
  no: ["doubt", "wonder"],
  لا: ["شك", "بد", "محاله"],
  ولا: ["شك", "بد"],
};
const CONJUNCTIONS = new Set(["and", "but", "or", "so", "plus", "لكن", "بل", "ثم", "او"]);
// Clause boundaries: a negation does not reach across them.
const CLAUSE_END = /[.!?؟،,;؛:\n]/;

function negated(text: string, start: number): boolean {
  let from = start;
  while (from > 0 && !CLAUSE_END.test(text[from - 1]!)) from--;
  const words = text
    .slice(from, start)
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}']+|[^\p{L}\p{N}']+$/gu, ""))
    .filter(Boolean);
  // "no setup fees and guaranteed results": a conjunction starts a new claim.
  const lastJoin = words.findLastIndex((w) => CONJUNCTIONS.has(w));
  const window = words.slice(lastJoin + 1).slice(-NEGATION_WINDOW);
  return window.some((w, i) => {
    if (!NEGATIONS.has(w)) return false;
    const next = window[i + 1];
    return !(next && AFFIRMING_NEXT[w]?.includes(next));
  });
}

/**
 * Prohibited claims in one piece of text: each match with its category and the draft's own words,
 * in text order, overlapping matches of one category reported once. Denials pass. Pure.
 */
export function scanText(source: string, field: string): TCopyFinding[] {
  const { text, origin, end: ends } = normalizeWithMap(source);
  const found: TCopyFinding[] = [];
  const taken: { category: TCopyCategory; start: number; end: number }[] = [];
  for (const { category, re } of COMPILED) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      const start = m.index;
      let end = start + m[0].length;
      // An Arabic stem is quoted to the end of its word ("فوري" → "فورية").
      while (end < text.length && /\p{L}/u.test(text[end]!)) end++;
      if (negated(text, start)) continue;
      if (taken.some((t) => t.category === category && t.start < end && start < t.end)) continue;
      taken.push({ category, start, end });
      const phrase = source.slice(origin[start]!, ends[end - 1]!).trim();
      found.push({ category, phrase, field, index: origin[start]! });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

export type TCopyVerdict = { ok: boolean; findings: TCopyFinding[] };

/** Checks every customer-facing field of a draft; `ok` only when none carries a prohibited claim. */
export function checkCopy(fields: Record<string, string>): TCopyVerdict {
  const findings = Object.entries(fields).flatMap(([field, text]) => scanText(text, field));
  return { ok: findings.length === 0, findings };
}

/** One line naming every finding, for the ledger: `category "phrase"` pairs. */
export const describeFindings = (findings: TCopyFinding[]): string =>
  findings.map((f) => `${f.category} "${f.phrase}" (${f.field})`).join("; ");
