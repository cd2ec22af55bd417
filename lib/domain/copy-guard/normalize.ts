// Arabic normal form for matching, as the ticket classifier's spec defines it: alef forms → ا,
// ى → ي, ة → ه, tatweel and diacritics removed; Latin lower-cased. Applied to patterns and to the
// draft alike. Each output character remembers where it came from, so a finding can quote the
// draft's own words.
const FOLD: Record<string, string> = { أ: "ا", إ: "ا", آ: "ا", ٱ: "ا", ى: "ي", ة: "ه" };
const DROP = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/;

// Evasion (issue 10, finding 4): characters a reader does not see split a claim ("guaran\u200bteed",
// a soft hyphen, a word joiner, bidi controls, U+FEFF) and are dropped; compatibility forms
// (full-width "ｇｕａｒａｎｔｅｅｄ", ligatures, Arabic presentation forms) fold by NFKC; and letters
// of other scripts that look Latin (Cyrillic "а" in "guarаnteed", Greek "ο") map to the Latin letter.
// Only the matching form changes: the draft, and what the approver sees, stay as written.
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}]/u;
// Lower-case look-alikes only: the map applies after lower-casing. Sources: Unicode confusables
// (https://www.unicode.org/Public/security/latest/confusables.txt), the letters that pass for Latin.
const HOMOGLYPH: Record<string, string> = {
  а: "a",
  в: "b",
  е: "e",
  ё: "e",
  һ: "h",
  і: "i",
  ї: "i",
  ј: "j",
  к: "k",
  м: "m",
  н: "h",
  о: "o",
  р: "p",
  с: "c",
  т: "t",
  у: "y",
  х: "x",
  ѕ: "s",
  ԁ: "d",
  ԛ: "q",
  ԝ: "w",
  ү: "y",
  ɡ: "g",
  ı: "i",
  ȷ: "j",
  α: "a",
  β: "b",
  ε: "e",
  η: "n",
  ι: "i",
  κ: "k",
  ν: "v",
  ο: "o",
  ρ: "p",
  τ: "t",
  υ: "u",
  χ: "x",
  ϲ: "c",
  ζ: "z",
  μ: "u",
  ω: "w",
};

export type TNormalized = {
  text: string;
  /** For each character of `text`, the index in the source where its character starts. */
  origin: number[];
  /** For each character of `text`, the index in the source just after its character. */
  end: number[];
};

/** Normal form plus, for each of its characters, where its source character starts and ends. Pure. */
export function normalizeWithMap(source: string): TNormalized {
  let text = "";
  const origin: number[] = [];
  const end: number[] = [];
  for (let i = 0; i < source.length;) {
    const ch = String.fromCodePoint(source.codePointAt(i)!);
    const next = i + ch.length;
    for (const c of foldChar(ch)) {
      text += c;
      origin.push(i);
      end.push(next);
    }
    i = next;
  }
  return { text, origin, end };
}

function foldChar(ch: string): string {
  if (INVISIBLE.test(ch)) return "";
  let out = "";
  for (const c of ch.normalize("NFKC")) {
    if (DROP.test(c) || INVISIBLE.test(c)) continue;
    // Typographic apostrophes and dashes read as their plain forms ("don’t", "risk‑free").
    const plain = c === "\u2019" || c === "\u2018" ? "'" : /[\u2010-\u2014]/.test(c) ? "-" : c;
    for (const l of (FOLD[plain] ?? plain).toLowerCase()) out += HOMOGLYPH[l] ?? l;
  }
  return out;
}

export const normalizeCopy = (source: string): string => normalizeWithMap(source).text;

/** Arabic folding only (no lower-casing), for regular-expression sources written in Arabic. */
export const foldArabic = (source: string): string =>
  [...source]
    .filter((c) => !DROP.test(c))
    .map((c) => FOLD[c] ?? c)
    .join("");
