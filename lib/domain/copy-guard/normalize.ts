// Arabic normal form for matching: alef forms → ا, ى → ي, ة → ه, tatweel and diacritics removed,
// Arabic-Indic digits → 0-9 and ٪ → %; Latin lower-cased. Applied to patterns and to the draft alike.
// Each output character remembers where it came from, so a finding can quote the draft's own words.
// Two folds must not turn one word into another: a word-final hamza on alef stays (so «ابدأ»
// "start" never reads as «أبدا» "never"), and only runs of three or more of a letter (or two of a
// long vowel) collapse, so elongation («فووووري», "guaranteeeed") folds but real doubled letters stay.
const FOLD: Record<string, string> = { أ: "ا", إ: "ا", آ: "ا", ٱ: "ا", ى: "ي", ة: "ه", "٪": "%", "٫": ".", "٬": "," };
const DROP = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/;
const ARABIC_LETTER = /[\u0621-\u064A]/;
const LONG_VOWEL = /[اوي]/;
const LETTER = /[\p{L}\p{N}]/u;

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

// Arabic-Indic and Extended Arabic-Indic (Persian) digits, in order: ٠…٩ then ۰…۹.
const ARABIC_DIGIT = "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹";

export type TNormalized = {
  text: string;
  /** For each character of `text`, the index in the source where its character starts. */
  origin: number[];
  /** For each character of `text`, the index in the source just after its character. */
  end: number[];
};

/** Normal form plus, for each of its characters, where its source character starts and ends. Pure. */
export function normalizeWithMap(source: string): TNormalized {
  const chars: string[] = [];
  const origin: number[] = [];
  const end: number[] = [];
  const raw: string[] = []; // the source character each folded one came from (for the final-hamza rule)
  for (let i = 0; i < source.length;) {
    const ch = String.fromCodePoint(source.codePointAt(i)!);
    const next = i + ch.length;
    for (const c of foldChar(ch)) {
      chars.push(c);
      raw.push(ch);
      origin.push(i);
      end.push(next);
    }
    i = next;
  }
  // A hamza on alef ending a word keeps its hamza: «ابدأ» stays distinct from «ابدا».
  for (let k = 0; k < chars.length; k++)
    if (
      chars[k] === "ا" &&
      raw[k] === "أ" &&
      k > 0 &&
      ARABIC_LETTER.test(chars[k - 1]!) &&
      !LETTER.test(chars[k + 1] ?? "")
    )
      chars[k] = "أ";
  return collapseElongation(chars, origin, end);
}

// Drops the repeats of an elongated letter; the kept character's source span grows to cover them.
function collapseElongation(chars: string[], origin: number[], end: number[]): TNormalized {
  const out: TNormalized = { text: "", origin: [], end: [] };
  for (let k = 0; k < chars.length;) {
    const c = chars[k]!;
    let run = 1;
    while (chars[k + run] === c) run++;
    const arabic = ARABIC_LETTER.test(c);
    const elongated = /\p{L}/u.test(c) && (run >= 3 || (run === 2 && arabic && LONG_VOWEL.test(c)));
    // Arabic elongation keeps one letter; Latin keeps two ("guaranteeeed" → "guaranteed").
    const keep = !elongated ? run : arabic ? 1 : 2;
    for (let j = 0; j < keep; j++) {
      out.text += c;
      out.origin.push(origin[k + j]!);
      out.end.push(j === keep - 1 ? end[k + run - 1]! : end[k + j]!);
    }
    k += run;
  }
  return out;
}

function foldChar(ch: string): string {
  if (INVISIBLE.test(ch)) return "";
  let out = "";
  for (const c of ch.normalize("NFKC")) {
    if (DROP.test(c) || INVISIBLE.test(c)) continue;
    // Typographic apostrophes and dashes read as their plain forms ("don’t", "risk‑free").
    const plain = c === "\u2019" || c === "\u2018" ? "'" : /[\u2010-\u2014]/.test(c) ? "-" : c;
    const digit = ARABIC_DIGIT.indexOf(plain);
    if (digit >= 0) {
      out += String(digit % 10);
      continue;
    }
    for (const l of (FOLD[plain] ?? plain).toLowerCase()) out += HOMOGLYPH[l] ?? l;
  }
  return out;
}

export const normalizeCopy = (source: string): string => normalizeWithMap(source).text;
