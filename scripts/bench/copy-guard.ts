// The outbound copy guard against its labelled corpus (lib/domain/copy-guard/corpus.jsonl): precision,
// recall and false-block rate per language and overall, against the targets (recall ≥ 95 %,
// false blocks ≤ 1 %), and how many sentences a second it checks. Pure CPU, no database.
//   npx tsx scripts/bench/copy-guard.ts     (or from npm run bench, via benchCopyGuard)
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { CORPUS_TARGETS, parseCorpus, scoreCorpus, type TScore } from "../../lib/domain/copy-guard/corpus";
import { scanText } from "../../lib/domain/copy-guard/guard";
import { heading, table } from "./report";

const CORPUS = join(process.cwd(), "lib/domain/copy-guard/corpus.jsonl");
const RUNS = 3;

const pct = (v: number) => `${(v * 100).toFixed(1)} %`;

export type TCopyGuardBench = { overall: TScore; sentencesPerSecond: number };

/** Scores the guard on the corpus and prints one table; lists what it missed and what it blocked wrongly. */
export async function benchCopyGuard(o: { step?: string } = {}): Promise<TCopyGuardBench> {
  heading(`${o.step ?? "8"}. Outbound copy guard against the labelled corpus`);
  const entries = parseCorpus(readFileSync(CORPUS, "utf8"));
  const scan = (text: string) => scanText(text, "body").map((f) => f.category);
  const rows: string[][] = [];
  let overall: TScore | undefined;
  for (const lang of ["en", "ar", "all"] as const) {
    const s = scoreCorpus(
      entries.filter((e) => lang === "all" || e.lang === lang),
      scan,
    );
    if (lang === "all") overall = s;
    const label = lang === "all" ? "overall" : lang === "en" ? "English" : "Arabic";
    rows.push([
      `${label} (${s.claims} claims, ${s.clean} clean)`,
      pct(s.precision),
      pct(s.recall),
      pct(s.falseBlockRate),
      pct(s.categoryAccuracy),
      s.recall >= CORPUS_TARGETS.recall && s.falseBlockRate <= CORPUS_TARGETS.falseBlockRate ? "PASS" : "FAIL",
    ]);
  }
  console.log(
    table(
      [
        "sentences",
        "precision",
        `recall (≥ ${pct(CORPUS_TARGETS.recall)})`,
        `false blocks (≤ ${pct(CORPUS_TARGETS.falseBlockRate)})`,
        "right category",
        "result",
      ],
      rows,
    ),
  );
  const s = overall!;
  for (const e of s.missed) console.log(`  missed (${e.expect}, ${e.lang}): ${e.text}`);
  for (const e of s.falseBlocks) console.log(`  blocked wrongly as ${e.found.join(", ")} (${e.lang}): ${e.text}`);
  for (const e of s.wrongCategory)
    console.log(`  blocked as ${e.found.join(", ")} instead of ${e.expect} (${e.lang}): ${e.text}`);

  // Throughput: the corpus scanned RUNS times after a warm-up (a live check runs this per keystroke pause).
  let best = Infinity;
  for (let run = 0; run <= RUNS; run++) {
    const start = performance.now();
    for (const e of entries) scanText(e.text, "body");
    if (run > 0) best = Math.min(best, performance.now() - start);
  }
  const sentencesPerSecond = (entries.length / best) * 1000;
  console.log(
    `\n  ${entries.length} sentences from ${CORPUS.slice(process.cwd().length + 1)}; ` +
      `${Math.round(sentencesPerSecond)} sentences/s (best of ${RUNS})`,
  );
  return { overall: s, sentencesPerSecond };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchCopyGuard({ step: "1" }).then(
    () => process.exit(0), // a report, not a test (as npm run bench): only a failure to run exits non-zero
    (error: unknown) => {
      console.error(`error: ${(error as Error).message}`);
      process.exit(1);
    },
  );
}
