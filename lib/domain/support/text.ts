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

const LATIN_OR_DIGIT = /[a-z0-9]/;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A matcher for one (already normalised) keyword. Latin ends match on word boundaries only
 * ("secretary" is not "secret"); Arabic ends match inside words, since Arabic attaches prefixes
 * such as ال and و to the word. Inner spaces match any run of whitespace.
 */
export function keywordPattern(keyword: string): RegExp {
  const k = normalise(keyword);
  const body = k.split(" ").map(escape).join("\\s+");
  const before = LATIN_OR_DIGIT.test(k[0] ?? "") ? "(?<![\\p{L}\\p{N}_])" : "";
  const after = LATIN_OR_DIGIT.test(k.at(-1) ?? "") ? "(?![\\p{L}\\p{N}_])" : "";
  return new RegExp(`${before}${body}${after}`, "u");
}
