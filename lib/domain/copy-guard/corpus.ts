import { z } from "zod";
import { COPY_CATEGORIES, type TCopyCategory } from "./categories";

/**
 * The labelled corpus (corpus.jsonl beside this file): one sentence a line with its language, the
 * category it must be blocked for or "allow", and a note saying what it tests. The unit test and
 * `npm run bench` read it and score the guard with `scoreCorpus`.
 */
export const ZCorpusEntry = z.object({
  lang: z.enum(["en", "ar"]),
  expect: z.enum([...COPY_CATEGORIES, "allow"]),
  text: z.string().min(1),
  note: z.string().min(1),
});
export type TCorpusEntry = z.infer<typeof ZCorpusEntry>;

/** The targets the issue sets: catch ≥ 95 % of claims, block ≤ 1 % of clean sentences. */
export const CORPUS_TARGETS = { recall: 0.95, falseBlockRate: 0.01 } as const;

/** Parses the JSONL text; throws naming the first bad line (a broken corpus must not score 100 %). */
export function parseCorpus(jsonl: string): TCorpusEntry[] {
  return jsonl
    .split("\n")
    .map((line, i) => [line.trim(), i + 1] as const)
    .filter(([line]) => line)
    .map(([line, n]) => {
      const r = ZCorpusEntry.safeParse(JSON.parse(line));
      if (!r.success) throw new Error(`corpus line ${n}: ${r.error.issues[0]?.message}`);
      return r.data;
    });
}

export type TScore = {
  sentences: number;
  claims: number;
  clean: number;
  /** Claims blocked / claims. */
  recall: number;
  /** Blocked sentences that were claims / blocked sentences. */
  precision: number;
  /** Clean sentences blocked / clean sentences. */
  falseBlockRate: number;
  /** Blocked claims whose findings include the labelled category / blocked claims. */
  categoryAccuracy: number;
  missed: TCorpusEntry[];
  falseBlocks: (TCorpusEntry & { found: TCopyCategory[] })[];
  wrongCategory: (TCorpusEntry & { found: TCopyCategory[] })[];
};

/** Scores a scan function (the categories it finds in a sentence) against labelled entries. Pure. */
export function scoreCorpus(entries: readonly TCorpusEntry[], scan: (text: string) => TCopyCategory[]): TScore {
  let blockedClaims = 0;
  let blockedClean = 0;
  let rightCategory = 0;
  const missed: TScore["missed"] = [];
  const falseBlocks: TScore["falseBlocks"] = [];
  const wrongCategory: TScore["wrongCategory"] = [];
  for (const e of entries) {
    const found = scan(e.text);
    if (e.expect === "allow") {
      if (found.length > 0) {
        blockedClean++;
        falseBlocks.push({ ...e, found });
      }
      continue;
    }
    if (found.length === 0) {
      missed.push(e);
      continue;
    }
    blockedClaims++;
    if (found.includes(e.expect)) rightCategory++;
    else wrongCategory.push({ ...e, found });
  }
  const claims = entries.filter((e) => e.expect !== "allow").length;
  const clean = entries.length - claims;
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    sentences: entries.length,
    claims,
    clean,
    recall: ratio(blockedClaims, claims),
    precision: ratio(blockedClaims, blockedClaims + blockedClean),
    falseBlockRate: ratio(blockedClean, clean),
    categoryAccuracy: ratio(rightCategory, blockedClaims),
    missed,
    falseBlocks,
    wrongCategory,
  };
}
