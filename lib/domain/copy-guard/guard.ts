import { COPY_CATEGORIES, type TCopyCategory } from "./categories";
import { DEFAULT_LISTS, type TGuardLists } from "./default-lists";
import { isNegated } from "./negation";
import { normalizeWithMap } from "./normalize";
import { numberClaims } from "./numbers";
import { firstKeys, matchAt, parsePhrase, tokenKeys, type TPhrase } from "./phrase";
import { tokenize, type TToken } from "./tokens";

export type TCopyFinding = {
  category: TCopyCategory;
  /** The words as the draft has them. */
  phrase: string;
  /** Which field of the draft (e.g. "subject", "body"). */
  field: string;
  /** Offsets of `phrase` in the field's text (UTF-16, end exclusive). */
  index: number;
  end: number;
  /** What matched: `<category>:<phrase as listed>` for a list phrase, `number.*` for a number rule. */
  rule: string;
};

type TCompiledRule = { id: string; category: TCopyCategory; phrase: TPhrase };
/** The lists, parsed once: what scanText runs. */
export type TCompiledGuard = {
  /** Block rules by the keys their first word answers to (phrase.ts firstKeys)… */
  byKey: Map<string, TCompiledRule[]>;
  /** …and those that must be tried at every token. */
  everywhere: TCompiledRule[];
  allow: Record<TCopyCategory, TPhrase[]>;
  competitors: TPhrase[];
};

const parsed = (sources: readonly string[]): TPhrase[] =>
  sources.flatMap((s) => {
    const r = parsePhrase(s);
    return r.ok ? [r.phrase] : []; // the lists are validated on save (lists.ts); a bad line matches nothing
  });

const compiledCache = new Map<string, TCompiledGuard>();

/** Parses a set of lists (cached by content, so the page, the action and the approval share one). Pure. */
export function compileGuard(lists: TGuardLists): TCompiledGuard {
  const key = JSON.stringify(lists);
  const hit = compiledCache.get(key);
  if (hit) return hit;
  const byKey = new Map<string, TCompiledRule[]>();
  const everywhere: TCompiledRule[] = [];
  const allow = {} as TCompiledGuard["allow"];
  for (const category of COPY_CATEGORIES) {
    for (const phrase of parsed(lists.categories[category].block)) {
      const rule = { id: `${category}:${phrase.source}`, category, phrase };
      const keys = firstKeys(phrase);
      if (!keys) everywhere.push(rule);
      for (const k of new Set(keys ?? [])) byKey.set(k, [...(byKey.get(k) ?? []), rule]);
    }
    allow[category] = parsed(lists.categories[category].allow);
  }
  const guard = { byKey, everywhere, allow, competitors: parsed(lists.competitors) };
  if (compiledCache.size > 20) compiledCache.clear();
  compiledCache.set(key, guard);
  return guard;
}

export const DEFAULT_GUARD: TCompiledGuard = compileGuard(DEFAULT_LISTS);

type THit = { category: TCopyCategory; rule: string; from: number; to: number; gaps?: number[] };

function rangeOf(tokens: readonly TToken[], i: number, unit: "clause" | "sentence"): [number, number] {
  let a = i;
  let b = i;
  while (a > 0 && tokens[a - 1]![unit] === tokens[i]![unit]) a--;
  while (b < tokens.length && tokens[b]![unit] === tokens[i]![unit]) b++;
  return [a, b];
}

/**
 * Prohibited claims in one piece of text: each with its category, the draft's own words and their
 * offsets, and the rule that matched, in text order; overlapping matches of one category reported
 * once. A negated claim passes ("we never scrape"), and so does one whose sentence holds an allow
 * phrase of its category (a reply promise, an incident described). Pure.
 */
export function scanText(source: string, field: string, guard: TCompiledGuard = DEFAULT_GUARD): TCopyFinding[] {
  const norm = normalizeWithMap(source);
  const tokens = tokenize(norm.text);
  const hits: THit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const keyed = new Set<TCompiledRule>();
    for (const k of tokenKeys(tokens[i]!)) for (const r of guard.byKey.get(k) ?? []) keyed.add(r);
    for (const rules of [keyed, guard.everywhere])
      for (const { id, category, phrase } of rules) {
        const m = matchAt(phrase, tokens, i, guard.competitors);
        if (m && m.end > i) hits.push({ category, rule: id, from: i, to: m.end, gaps: m.gaps });
      }
  }
  for (let i = 0; i < tokens.length;) {
    const [a, b] = rangeOf(tokens, i, "clause");
    hits.push(...numberClaims(tokens, a, b));
    i = b;
  }
  const allowed = new Map<string, boolean>();
  const isAllowed = (h: THit) => {
    const key = `${h.category}:${tokens[h.from]!.sentence}`;
    let v = allowed.get(key);
    if (v === undefined) {
      const [a, b] = rangeOf(tokens, h.from, "sentence");
      v = guard.allow[h.category].some((p) => {
        for (let j = a; j < b; j++) if (matchAt(p, tokens, j, guard.competitors)) return true;
        return false;
      });
      allowed.set(key, v);
    }
    return v;
  };
  const kept: THit[] = [];
  // Longest first, so a phrase swallows the shorter ones inside it.
  for (const h of hits.sort((x, y) => y.to - y.from - (x.to - x.from) || x.from - y.from)) {
    if (kept.some((k) => k.category === h.category && k.from < h.to && h.from < k.to)) continue;
    if (isNegated(tokens, h.from, h.to, h.gaps) || isAllowed(h)) continue;
    kept.push(h);
  }
  return kept
    .map((h) => {
      const index = norm.origin[tokens[h.from]!.start]!;
      const end = norm.end[tokens[h.to - 1]!.end - 1]!;
      return { category: h.category, phrase: source.slice(index, end), field, index, end, rule: h.rule };
    })
    .sort((a, b) => a.index - b.index || COPY_CATEGORIES.indexOf(a.category) - COPY_CATEGORIES.indexOf(b.category));
}

export type TCopyVerdict = { ok: boolean; findings: TCopyFinding[] };

/** Checks every customer-facing field of a draft; `ok` only when none carries a prohibited claim. */
export function checkCopy(fields: Record<string, string>, guard: TCompiledGuard = DEFAULT_GUARD): TCopyVerdict {
  const findings = Object.entries(fields).flatMap(([field, text]) => scanText(text, field, guard));
  return { ok: findings.length === 0, findings };
}

/** One line naming every finding, for the ledger: `category "phrase"` pairs. */
export const describeFindings = (findings: TCopyFinding[]): string =>
  findings.map((f) => `${f.category} "${f.phrase}" (${f.field})`).join("; ");
