/**
 * The forms a keyword's word takes in a ticket (spec "Support tickets and SLA": keywords match in
 * their inflected forms, Arabic elongation and clitics are read through). Each keyword word becomes
 * one anchored pattern tested against one normalised word of the text (lib/domain/support/text.ts),
 * so word boundaries hold by construction: "secretary" is not a form of "secret".
 */

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const ARABIC = /[\u0600-\u06FF]/;

// British and American spellings of -ize/-ise and -yze/-yse with their inflections ("unauthorised").
const spelling = (s: string) => escape(s).replace(/([iy])[sz](?=e|ing|ation|$)/g, "$1[sz]");

/**
 * English inflections: plural and third person (-s, -es), past (-ed, -d), gerund (-ing), with the
 * spelling changes they bring (outage → outages, charge → charging, reply → replied, stop → stopped).
 */
function latinSource(word: string): string {
  if (/\d/.test(word)) return escape(word);
  const last = escape(word.at(-1) ?? "");
  if (last === "e") return `${spelling(word.slice(0, -1))}(?:e|es|ed|ing)`;
  if (/[^aeiou]y$/.test(word)) return `${escape(word.slice(0, -1))}(?:y|ies|ied|ying)`;
  return `${spelling(word)}(?:s|es|${last}?ed|${last}?ing)?`;
}

// Arabic clitics: a conjunction (و ف), then a preposition (ب ك ل) or the future marker (س), then the
// article (ال, or لل after ل); after the word, an inflection (feminine ة written ه, ت before a
// suffix, plurals and duals ات ون ين ان, verb endings وا تم نا) and an attached pronoun.
const PROCLITICS = "(?:[وف])?(?:لل|[بكل]?ال|[بكلس])?";
const INFLECTION = "(?:ه|ت|ات|ون|ين|ان|وا|تم|نا|ي)?";
const PRONOUN = "(?:ه|ها|هم|هما|هن|ك|كم|كن|كي|ي|نا|ني)?";

/**
 * An Arabic word: every letter may be stretched («تسرييييب»), clitics around it are read through. A
 * word ending in ة (ه once normalised) takes ت before a suffix and ات in the plural («موافقتي»).
 */
function arabicSource(word: string): string {
  const letters = [...word.replace(/(.)\1+/gu, "$1")];
  const stretched = (l: string[]) => l.map((c) => `${escape(c)}+`).join("");
  if (letters.at(-1) === "ه" && letters.length > 1)
    return `${PROCLITICS}${stretched(letters.slice(0, -1))}(?:ه+|ت|ات)${PRONOUN}`;
  return `${PROCLITICS}${stretched(letters)}${INFLECTION}${PRONOUN}`;
}

/** The anchored pattern of one normalised keyword word. */
export function wordPattern(word: string): RegExp {
  const source = ARABIC.test(word) ? arabicSource(word) : latinSource(word);
  return new RegExp(`^(?:${source})$`, "u");
}
