/**
 * Text normalisation for keyword matching (spec "Support tickets and SLA"): Unicode compatibility
 * forms folded, lower case, Arabic alef forms أ إ آ → ا, ى → ي, ة → ه, tatweel and diacritics
 * removed. Applied to keywords and ticket text alike, so both sides meet in one form.
 */
const ALEF = /[\u0622\u0623\u0625\u0671]/g;
const DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g; // incl. tatweel U+0640

export function normalise(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(DIACRITICS, "")
    .replace(ALEF, "\u0627")
    .replace(/\u0649/g, "\u064A")
    .replace(/\u0629/g, "\u0647")
    .replace(/\s+/g, " ")
    .trim();
}

/** A word of normalised text and what separates it from the word before ("" for the first). */
export type TToken = { word: string; sep: string; start: number; end: number };

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * The words of a text, normalised, with their separators and their span in the normalised text.
 * "n't" becomes " not" first, so "isn't critical" reads as "is not critical".
 */
export function tokenise(text: string): { text: string; tokens: TToken[] } {
  const norm = normalise(text).replace(/n['’]t\b/g, " not");
  const tokens: TToken[] = [];
  let last = 0;
  for (const m of norm.matchAll(WORD)) {
    const start = m.index;
    tokens.push({ word: m[0], sep: norm.slice(last, start), start, end: start + m[0].length });
    last = start + m[0].length;
  }
  return { text: norm, tokens };
}

/** Words that belong together: only blanks or a hyphen between them, no punctuation. */
export const joins = (sep: string): boolean => /^[\s\-‐-―]+$/u.test(sep);
