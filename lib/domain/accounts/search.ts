// Arabic letter variants people type interchangeably: alef forms, taa marbuta/haa, alef maqsura/yaa,
// hamza carriers. Folding them (and dropping diacritics and tatweel) lets "مؤسسة" find "موسسه".
const FOLD: Record<string, string> = {
  أ: "ا",
  إ: "ا",
  آ: "ا",
  ٱ: "ا",
  ة: "ه",
  ى: "ي",
  ئ: "ي",
  ؤ: "و",
};
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
const LATIN_MARKS = /[\u0300-\u036f]/g;

/**
 * Normal form for name search, applied both to stored names (`search_name`) and to queries, so a
 * substring match on the two is language-aware. Pure; returns "" for blank input.
 */
export function normalizeForSearch(text: string): string {
  return text
    .normalize("NFKD")
    .replace(LATIN_MARKS, "")
    .replace(ARABIC_MARKS, "")
    .replace(/[أإآٱةىئؤ]/g, (c) => FOLD[c] ?? c)
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}
