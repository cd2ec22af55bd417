// Arabic normal form for matching, as the ticket classifier's spec defines it: alef forms → ا,
// ى → ي, ة → ه, tatweel and diacritics removed; Latin lower-cased. Applied to patterns and to the
// draft alike. Each output character remembers where it came from, so a finding can quote the
// draft's own words.
const FOLD: Record<string, string> = { أ: "ا", إ: "ا", آ: "ا", ٱ: "ا", ى: "ي", ة: "ه" };
const DROP = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/;

export type TNormalized = { text: string; origin: number[] };

/** Normal form plus, for each of its characters, the index of the source character. Pure. */
export function normalizeWithMap(source: string): TNormalized {
  let text = "";
  const origin: number[] = [];
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (DROP.test(ch)) continue;
    // Typographic apostrophes and dashes read as their plain forms ("don’t", "risk‑free").
    const plain = ch === "\u2019" || ch === "\u2018" ? "'" : /[\u2010-\u2014]/.test(ch) ? "-" : ch;
    const out = (FOLD[plain] ?? plain).toLowerCase();
    for (const c of out) {
      text += c;
      origin.push(i);
    }
  }
  return { text, origin };
}

export const normalizeCopy = (source: string): string => normalizeWithMap(source).text;

/** Arabic folding only (no lower-casing), for regular-expression sources written in Arabic. */
export const foldArabic = (source: string): string =>
  [...source]
    .filter((c) => !DROP.test(c))
    .map((c) => FOLD[c] ?? c)
    .join("");
