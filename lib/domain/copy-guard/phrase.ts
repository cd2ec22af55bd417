import { normalizeCopy } from "./normalize";
import { isNumberWord, tokenize, type TToken } from "./tokens";
import { isBareClitic, wordForms } from "./words";

/**
 * The phrase syntax founders write in the lists (one phrase a line):
 *   words separated by spaces   each word matches its inflections (clitics and endings in Arabic,
 *                               -s/-ed/-ing in English)
 *   a|b|c                       any one of these words
 *   +word                       an Arabic verb in any person and tense: +ضمن → نضمن، يضمن، سنضمن، أضمن
 *                               (not the bare word: «ضمن» is also "within"; list a noun on its own)
 *   word*                       the word with any ending
 *   ...                         up to four other words in between (same clause)
 *   #                           a number, in either digit system or spelled out ("ten", «عشرة»)
 *   %                           a percent sign (% or ٪)
 *   @                           any name on the competitors list
 */
export type TAlt =
  { kind: "word"; stem: string; verb: boolean; any: boolean } | { kind: "number" } | { kind: "percent" };
export type TSlot = { kind: "alts"; alts: TAlt[] } | { kind: "gap" } | { kind: "competitor" };
export type TPhrase = { source: string; slots: TSlot[] };

const GAP_WORDS = 4;
const MAX_SLOTS = 10;

export type TPhraseError = "empty" | "too_long" | "bad_word" | "gap_at_edge" | "only_gap";

/** Parses one phrase of a list; an error code when it cannot match anything sensible. Pure. */
export function parsePhrase(source: string): { ok: true; phrase: TPhrase } | { ok: false; error: TPhraseError } {
  // Hyphens join words the way the tokenizer splits them ("risk-free" = "risk free").
  const parts = normalizeCopy(source)
    .replace(/(?<=\p{L})-(?=\p{L})/gu, " ")
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  if (parts.length === 0) return { ok: false, error: "empty" };
  if (parts.length > MAX_SLOTS) return { ok: false, error: "too_long" };
  const slots: TSlot[] = [];
  for (const part of parts) {
    if (part === "..." || part === "…") {
      slots.push({ kind: "gap" });
      continue;
    }
    if (part === "@") {
      slots.push({ kind: "competitor" });
      continue;
    }
    const alts: TAlt[] = [];
    for (const a of part.split("|")) {
      if (a === "#") alts.push({ kind: "number" });
      else if (a === "%") alts.push({ kind: "percent" });
      else {
        const m = /^(\+?)([^+*|]+?)(\*?)$/u.exec(a);
        const stem = m?.[2] ?? "";
        const tokens = tokenize(stem);
        // An Arabic word needs two letters (a lone letter is a clitic); "a" and "x" are English words.
        if (!m || tokens.length !== 1 || tokens[0]!.text !== stem || stem.length < (tokens[0]!.script === "ar" ? 2 : 1))
          return { ok: false, error: "bad_word" };
        alts.push({ kind: "word", stem, verb: m[1] === "+", any: m[3] === "*" });
      }
    }
    slots.push({ kind: "alts", alts });
  }
  if (slots.every((s) => s.kind === "gap")) return { ok: false, error: "only_gap" };
  if (slots[0]!.kind === "gap" || slots.at(-1)!.kind === "gap") return { ok: false, error: "gap_at_edge" };
  return { ok: true, phrase: { source, slots } };
}

function altMatches(alt: TAlt, t: TToken): boolean {
  if (alt.kind === "number") return t.kind === "number" || [...wordForms(t.text).stems].some(isNumberWord);
  if (alt.kind === "percent") return t.kind === "percent";
  if (t.kind !== "word") return t.text === alt.stem;
  const f = wordForms(t.text);
  if (alt.verb) return f.verbStems.has(alt.stem) || (alt.any && [...f.verbStems].some((s) => s.startsWith(alt.stem)));
  return f.stems.has(alt.stem) || (alt.any && f.cores.some((c) => c.startsWith(alt.stem)));
}

/** Where a phrase matched: the end token (exclusive) and the tokens its gaps (`...`) passed over. */
export type TMatch = { end: number; gaps: number[] };

/**
 * Matches a phrase starting at token `i`, inside that token's clause; the longest match wins, null
 * when none. `competitors` are the parsed competitor names (for `@`). Pure.
 */
export function matchAt(
  phrase: TPhrase,
  tokens: readonly TToken[],
  i: number,
  competitors: readonly TPhrase[],
): TMatch | null {
  const clause = tokens[i]?.clause;
  if (clause === undefined || isBareClitic(tokens[i]!.text)) return null;
  return matchFrom(phrase, tokens, clause, competitors, 0, i);
}

const longer = (a: TMatch | null, b: TMatch | null) => (!a || (b && b.end > a.end) ? b : a);

// Slots k… of the phrase from token j on (a plain recursive function: this runs for every token of
// every draft, so no closures are made per call).
function matchFrom(
  phrase: TPhrase,
  tokens: readonly TToken[],
  clause: number,
  competitors: readonly TPhrase[],
  k: number,
  j: number,
): TMatch | null {
  if (k === phrase.slots.length) return { end: j, gaps: [] };
  // Articles written apart («الـ CRM») do not count as words.
  while (j < tokens.length && tokens[j]!.clause === clause && isBareClitic(tokens[j]!.text)) j++;
  if (j >= tokens.length || tokens[j]!.clause !== clause) return null;
  const slot = phrase.slots[k]!;
  if (slot.kind === "alts")
    return slot.alts.some((a) => altMatches(a, tokens[j]!))
      ? matchFrom(phrase, tokens, clause, competitors, k + 1, j + 1)
      : null;
  let best: TMatch | null = null;
  if (slot.kind === "gap") {
    for (let skip = 0; skip <= GAP_WORDS && j + skip < tokens.length; skip++) {
      if (tokens[j + skip]!.clause !== clause) break;
      const rest = matchFrom(phrase, tokens, clause, competitors, k + 1, j + skip);
      if (rest) for (let n = skip - 1; n >= 0; n--) rest.gaps.unshift(j + n);
      best = longer(best, rest);
    }
    return best;
  }
  for (const c of competitors) {
    const name = matchAt(c, tokens, j, []);
    const rest = name && matchFrom(phrase, tokens, clause, competitors, k + 1, name.end);
    if (rest) rest.gaps.unshift(...name!.gaps);
    best = longer(best, rest);
  }
  return best;
}

/**
 * What a phrase's first word can be found under (see `tokenKeys`): null when the first slot takes a
 * number, any ending or a competitor, so the phrase must be tried at every token.
 */
export function firstKeys(phrase: TPhrase): string[] | null {
  const first = phrase.slots[0]!;
  if (first.kind !== "alts" || first.alts.some((a) => a.kind !== "word" || a.any)) return null;
  return first.alts.map((a) => (a.kind === "word" && a.verb ? `v:${a.stem}` : `n:${(a as { stem: string }).stem}`));
}

/** The keys a token answers to: its stems (n:) and verb stems (v:). */
export function tokenKeys(t: TToken): string[] {
  if (t.kind !== "word") return [`n:${t.text}`];
  const f = wordForms(t.text);
  return [...[...f.stems].map((s) => `n:${s}`), ...[...f.verbStems].map((s) => `v:${s}`)];
}
