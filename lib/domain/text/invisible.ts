// Characters a reader does not see (issue 10, finding 4): format characters (zero-width space and
// joiners, word joiner, BOM, soft hyphen, bidi controls and marks), other default-ignorable code
// points (Hangul fillers, combining grapheme joiner, variation selectors) and control characters.
// Tab and line breaks show as layout and are not counted; nor are the emoji presentation selectors
// U+FE0E/U+FE0F, which only pick how an emoji is drawn.
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}\p{Cc}]/u;
const LAYOUT = new Set(["\t", "\n", "\r", "\uFE0E", "\uFE0F"]);

export type TTextSegment = { kind: "text"; text: string } | { kind: "invisible"; char: string; code: string };

/** "U+200B" for a character (astral ones with five or six digits). */
export const codePointLabel = (ch: string): string =>
  `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

const isInvisible = (ch: string) => INVISIBLE.test(ch) && !LAYOUT.has(ch);

/**
 * Splits text into visible runs and single invisible characters, in order; joining the segments'
 * text and chars gives the input back exactly. Pure.
 */
export function splitInvisible(text: string): TTextSegment[] {
  const out: TTextSegment[] = [];
  let run = "";
  for (const ch of text) {
    if (!isInvisible(ch)) {
      run += ch;
      continue;
    }
    if (run) out.push({ kind: "text", text: run });
    run = "";
    out.push({ kind: "invisible", char: ch, code: codePointLabel(ch) });
  }
  if (run) out.push({ kind: "text", text: run });
  return out;
}

/** How many invisible characters the texts hold together. Pure. */
export const countInvisible = (...texts: string[]): number =>
  texts.reduce((n, t) => n + [...t].filter(isInvisible).length, 0);
