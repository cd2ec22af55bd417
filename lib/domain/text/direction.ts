/**
 * The direction of a message follows its text, never the recipient's language (house style; issue 12
 * item 5: English to an Arabic contact read ",Hello Sara"). Each paragraph takes the direction of its
 * first strong character, as the Unicode bidi algorithm's rules P2/P3 say, so a message mixing an
 * English greeting and an Arabic paragraph shows each the right way round. Pure.
 */

export type TDir = "ltr" | "rtl";
export type TParagraph = {
  text: string;
  dir: TDir;
  /** The language the paragraph's script identifies among the console's two; null when it says none. */
  lang: "ar" | "en" | null;
};

// Paragraph separators (bidi class B): CRLF counts as one, then CR, LF, FS/GS/RS, NEL and U+2029.
const PARAGRAPH_SEPARATOR = /\r\n|[\r\n\u001C-\u001E\u0085\u2029]/;

// Letters of the right-to-left scripts are bidi class R or AL; the marks RLM and ALM are strong too.
// JavaScript has no Bidi_Class property, so the scripts stand for it: every letter of these scripts is
// R/AL, and every other letter (Latin, Cyrillic, CJK, …) plus LRM is L. Digits, punctuation, symbols
// and emoji are weak or neutral and never decide.
const RTL_LETTER =
  /[\u200F\u061C]|(?=\p{L})[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\p{Script=Mende_Kikakui}\p{Script=Imperial_Aramaic}\p{Script=Phoenician}\p{Script=Kharoshthi}\p{Script=Avestan}\p{Script=Old_South_Arabian}\p{Script=Old_North_Arabian}\p{Script=Nabataean}\p{Script=Palmyrene}\p{Script=Manichaean}\p{Script=Psalter_Pahlavi}\p{Script=Inscriptional_Pahlavi}\p{Script=Inscriptional_Parthian}\p{Script=Old_Turkic}\p{Script=Old_Hungarian}\p{Script=Sogdian}\p{Script=Old_Sogdian}\p{Script=Elymaic}\p{Script=Chorasmian}\p{Script=Yezidi}\p{Script=Hatran}\p{Script=Lydian}\p{Script=Meroitic_Cursive}\p{Script=Meroitic_Hieroglyphs}\p{Script=Cypriot}]/u;
const LTR_LETTER = /[\p{L}\u200E]/u;
const ARABIC = /\p{Script=Arabic}/u;
const LATIN = /\p{Script=Latin}/u;

// Isolate initiators and their terminator: P2 skips what an isolate encloses. (Customer text refuses
// these controls, but the rule must not depend on that.)
const ISOLATE_OPEN = new Set(["\u2066", "\u2067", "\u2068"]);
const ISOLATE_CLOSE = "\u2069";

// A link or an address leading an Arabic sentence would make the whole paragraph left-to-right
// ("https://… هو الرابط"). Its direction is its own business: it is skipped like an isolate, which is
// what a writer means and what the e-mail then shows.
const LINK = /(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S+|[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}/giu;

/** The first strong character outside isolates and links, or null when there is none. */
function firstStrong(text: string): string | null {
  const plain = text.replace(LINK, " ");
  let depth = 0;
  for (const ch of plain) {
    if (ISOLATE_OPEN.has(ch)) depth += 1;
    else if (ch === ISOLATE_CLOSE) depth = Math.max(0, depth - 1);
    else if (depth === 0 && (RTL_LETTER.test(ch) || LTR_LETTER.test(ch))) return ch;
  }
  return null;
}

/** P2/P3: a paragraph's direction from its first strong character; null when it has none (digits, emoji, …). */
export function directionOf(text: string): TDir | null {
  const ch = firstStrong(text);
  if (ch === null) return null;
  return RTL_LETTER.test(ch) ? "rtl" : "ltr";
}

/** The paragraphs of a text (P1), separators removed; an empty text is one empty paragraph. */
export const splitParagraphs = (text: string): string[] => text.split(PARAGRAPH_SEPARATOR);

/**
 * Every paragraph with its direction and language. A paragraph with no strong character (a date, a
 * number, an emoji, a lone link, a blank line) takes the direction of the paragraph before it, else of
 * the first one after it that has one, so it lines up with its neighbours; a text with none at all is
 * left-to-right (P3's default level 0).
 */
export function paragraphsOf(text: string): TParagraph[] {
  const found = splitParagraphs(text).map((p) => ({ text: p, ch: firstStrong(p) }));
  const dirs = found.map((f) => (f.ch === null ? null : RTL_LETTER.test(f.ch) ? "rtl" : "ltr"));
  const fallback: TDir = dirs.find((d) => d !== null) ?? "ltr";
  let previous: TDir | null = null;
  return found.map((f, i) => {
    const dir: TDir = dirs[i] ?? previous ?? fallback;
    if (dirs[i]) previous = dirs[i];
    return {
      text: f.text,
      dir,
      lang: f.ch === null ? null : ARABIC.test(f.ch) ? "ar" : LATIN.test(f.ch) ? "en" : null,
    };
  });
}

/** One line's direction (a subject, a name), left-to-right when it has no strong character. */
export const lineDirection = (text: string): TDir => directionOf(text) ?? "ltr";
