import { joins, normalise, tokenise, type TToken } from "./text";
import { wordPattern } from "./word-forms";

/**
 * Finding a keyword in a ticket's words (spec "Support tickets and SLA"). A keyword of several words
 * matches consecutive words joined by blanks or a hyphen, each in one of its forms
 * (lib/domain/support/word-forms.ts). Two things stop a match:
 * - a negation right before it, with at most two filler words and no punctuation in between:
 *   «لا حرج», «ما في حرج», "not critical", "nothing critical", "non-critical" are not escalations.
 *   Punctuation ends the negation's reach: «لا، الأمر حرج» still escalates.
 * - a look-alike: a word that reads like a form of the keyword but is another word, «أمانة»
 *   ("please, as a favour") is not «أمان» (security).
 * Both rules apply to every keyword, the founders' edited lists included.
 */

// Normalised (lib/domain/support/text.ts) negating words; a conjunction (و ف) may be attached.
// prettier-ignore
const NEGATORS = new Set([
  "no", "not", "non", "nothing", "never", "without", "hardly", "none",
  "لا", "ما", "مافي", "مافيه", "مافيش", "ماكو", "مو", "مش", "مب", "ليس", "ليست", "لست", "غير", "لم", "لن", "بلا",
]);
// Words that may stand between a negation and what it negates ("not that critical", «ما في حرج»).
// prettier-ignore
const FILLERS = new Set([
  "a", "an", "the", "that", "too", "very", "so", "really", "at", "all", "any", "anything", "is", "it", "super",
  "yet", "much", "remotely", "particularly", "urgent", "or",
  "في", "فيه", "فيش", "يوجد", "هناك", "هنالك", "اي", "شي", "شيء", "عندي", "عندنا", "من", "اطلاقا", "ابدا",
]);
const MAX_FILLERS = 2;

// Words that read like a keyword's form but are other words. Matched with the same forms (clitics,
// elongation), so «الأمانة», «أمانتك» and «أمانات» are look-alikes too. «أمانه» is one as well: after
// normalisation it is «أمانة» (ة → ه) and far more often that word than "his security".
const LOOK_ALIKES = ["أمانة", "أماني", "بأمان"];

const isNegator = (word: string) => NEGATORS.has(word) || (/^[وف]/.test(word) && NEGATORS.has(word.slice(1)));

type TWordMatcher = { pattern: RegExp; letters: string[] };
export type TCompiledKeyword = { keyword: string; words: TWordMatcher[] };

// Testing a pattern against every word of every ticket is most of an import's classifying time. A
// form keeps every letter of its word but the last (which inflection may change: reply → replies)
// and s/z (spelling), so a word missing one of those letters is refused before the pattern runs.
const matcher = (word: string): TWordMatcher => ({
  pattern: wordPattern(word),
  letters: [...new Set(word.slice(0, -1).replace(/[sz]/g, ""))],
});
const matches = (m: TWordMatcher, word: string) => m.letters.every((l) => word.includes(l)) && m.pattern.test(word);

/** Compiles a keyword; null when it has no word to match (only punctuation, say). */
export function compileKeyword(keyword: string): TCompiledKeyword | null {
  const words = tokenise(keyword).tokens.map((t) => matcher(t.word));
  return words.length > 0 ? { keyword, words } : null;
}

const lookAlikes = LOOK_ALIKES.map((w) => wordPattern(normalise(w)));

/** The index of the word that negates what starts at `start`, or -1. */
function negatorBefore(tokens: readonly TToken[], start: number): number {
  let i = start;
  for (let fillers = 0; i > 0 && fillers <= MAX_FILLERS; fillers++) {
    if (!joins(tokens[i]!.sep)) return -1;
    const before = tokens[i - 1]!.word;
    if (isNegator(before)) return i - 1;
    if (!FILLERS.has(before)) return -1;
    i -= 1;
  }
  return -1;
}

/** One occurrence: the matching words (normalised) and, when negated, the negating phrase. */
export type TKeywordHit = { text: string; negatedBy: string | null };

/** A ticket's words, ready for matching many keywords (look-alikes marked once). */
export type TTicketWords = { text: string; tokens: TToken[]; lookAlike: boolean[]; letters: Set<string> };

export function ticketWords(text: string): TTicketWords {
  const { text: norm, tokens } = tokenise(text);
  const lookAlike = tokens.map((t) => lookAlikes.some((p) => p.test(t.word)));
  return { text: norm, tokens, lookAlike, letters: new Set(norm) };
}

/**
 * Every place the keyword occurs in the ticket's words, each with the words as written (normalised)
 * and the negation that cancels it, if any. A look-alike word never takes part in a match.
 */
export function findKeyword(t: TTicketWords, k: TCompiledKeyword): TKeywordHit[] {
  const hits: TKeywordHit[] = [];
  // Most keywords need a letter the whole ticket lacks: refused before looking at any word.
  if (!k.words.every((w) => w.letters.every((l) => t.letters.has(l)))) return hits;
  const n = k.words.length;
  for (let i = 0; i + n <= t.tokens.length; i++) {
    let ok = true;
    for (let j = 0; j < n && ok; j++) {
      const token = t.tokens[i + j]!;
      ok = !t.lookAlike[i + j] && (j === 0 || joins(token.sep)) && matches(k.words[j]!, token.word);
    }
    if (!ok) continue;
    const end = t.tokens[i + n - 1]!.end;
    const negator = negatorBefore(t.tokens, i);
    hits.push({
      text: t.text.slice(t.tokens[i]!.start, end),
      negatedBy: negator < 0 ? null : t.text.slice(t.tokens[negator]!.start, end),
    });
  }
  return hits;
}
