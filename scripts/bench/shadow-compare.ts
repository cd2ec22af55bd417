// The agreement-report benchmark (issue 4): `compare` on 1 000 000 shadow rows and 1 000 000
// heuristic rows (~0.95 GB together) must finish in ≤ 2 s with under 400 MB of memory, far ahead of
// the straightforward script (shadow-compare-naive.ts). Each runs in its own child process so its
// peak RSS (getrusage, all threads) is its own; ours runs a few times (the machine is shared) and the
// median is reported. The answer is checked against the generator's expected figures.
//
//   npx tsx scripts/bench/shadow-compare.ts        (alone; `npm run bench` calls benchCompare())
//
// Environment: BENCH_SHADOW_RUNS (3), BENCH_NAIVE_TIMEOUT_S (120), BENCH_SKIP_NAIVE=1,
// BENCH_SHADOW_THREADS (default: compareFiles' own choice). The generated logs are cached in
// /tmp/lifecycle-shadow-bench-v1-10000x100-seed7/ and reused; delete that directory to reclaim ~1 GB.
import { spawn } from "node:child_process";
import { statSync } from "node:fs";
import { exited, onLines } from "./child";
import { heading, table } from "./report";
import { ensureShadowData, type TShadowDataMeta } from "./shadow-data";

const TARGET_SECONDS = 2;
const TARGET_RSS_MB = 400;

export type TCompareBench = { seconds: number; rssMb: number; naiveSeconds: number | null; naiveRssMb: number | null };

type TChildResult = { seconds: number; rssMb: number; [key: string]: unknown };

const print = (line: string) => console.log(line);
const fmt = (n: number, digits = 2) => n.toFixed(digits);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;

/** Runs `script` under node + tsx; resolves with its RESULT line, or null when it ran out of time. */
async function runChild(
  script: string,
  args: string[],
  o: { timeoutS?: number; nodeFlags?: string[] } = {},
): Promise<{ result: TChildResult | null; wallSeconds: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [...(o.nodeFlags ?? []), "--import", "tsx", script, ...args], {
    cwd: process.cwd(),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let result: TChildResult | null = null;
  const errors: string[] = [];
  onLines(child.stdout, (line) => {
    if (line.startsWith("RESULT ")) result = JSON.parse(line.slice(7)) as TChildResult;
  });
  onLines(child.stderr, (line) => errors.push(line));
  let timedOut = false;
  const timer = o.timeoutS
    ? setTimeout(() => {
        timedOut = true;
        child.kill("SIGKILL");
      }, o.timeoutS * 1000)
    : undefined;
  const code = await exited(child);
  clearTimeout(timer);
  const wallSeconds = (performance.now() - started) / 1000;
  if (timedOut) return { result: null, wallSeconds };
  if (code !== 0 || !result) throw new Error(`${script} exited with ${code}: ${errors.at(-1) ?? "no result"}`);
  return { result, wallSeconds };
}

function checkAnswer(result: TChildResult, meta: TShadowDataMeta): string[] {
  const got = result.counts as Record<string, unknown>;
  const want: Record<string, unknown> = { ...meta.expected };
  return Object.keys(want)
    .filter((key) => JSON.stringify(got[key]) !== JSON.stringify(want[key]))
    .map((key) => `${key}: got ${JSON.stringify(got[key])}, expected ${JSON.stringify(want[key])}`);
}

/** Generates (or reuses) the logs, times ours and the naive script, prints the table; throws on a wrong answer. */
export async function benchCompare(): Promise<TCompareBench> {
  heading("Shadow agreement report: compare 1 000 000 + 1 000 000 rows");
  const meta = ensureShadowData();
  const gb = meta.bytes / 1e9;
  print(
    meta.reused
      ? `  logs: ${meta.shadowPath} + heuristic.jsonl (${fmt(gb)} GB, reused from an earlier run)`
      : `  logs: generated ${fmt(gb)} GB in ${fmt(meta.generateSeconds, 1)} s → ${meta.shadowPath} + heuristic.jsonl`,
  );
  print(
    `  ${meta.shadowRows.toLocaleString("en-US")} shadow lines, ${meta.heuristicRows.toLocaleString("en-US")} heuristic lines (${Math.round(statSync(meta.shadowPath).size / meta.shadowRows)} / ${Math.round(statSync(meta.heuristicPath).size / meta.heuristicRows)} bytes per line)`,
  );

  const runs = Number(process.env.BENCH_SHADOW_RUNS || 3);
  const threads = process.env.BENCH_SHADOW_THREADS ? [process.env.BENCH_SHADOW_THREADS] : [];
  const ours: TChildResult[] = [];
  const walls: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { result, wallSeconds } = await runChild("scripts/bench/shadow-compare-run.ts", [
      meta.shadowPath,
      meta.heuristicPath,
      ...threads,
    ]);
    const problems = checkAnswer(result!, meta);
    if (problems.length) throw new Error(`compare gave a wrong answer: ${problems.join("; ")}`);
    const t = result!.timings as { readSeconds: number; compareSeconds: number; threads: number; workerUnits: number };
    print(
      `  run ${i + 1}: ${fmt(result!.seconds)} s (read ${fmt(t.readSeconds)} s on ${t.threads} thread${t.threads === 1 ? "" : "s"}, match + metrics ${fmt(t.compareSeconds)} s), peak RSS ${Math.round(result!.rssMb)} MB, process ${fmt(wallSeconds)} s`,
    );
    ours.push(result!);
    walls.push(wallSeconds);
  }
  const seconds = median(ours.map((r) => r.seconds));
  const rssMb = Math.max(...ours.map((r) => r.rssMb));
  print(`  answer checked against the generator: agree, disagree, known divergence, unmatched, malformed lines — OK`);

  let naiveSeconds: number | null = null;
  let naiveRssMb: number | null = null;
  const timeoutS = Number(process.env.BENCH_NAIVE_TIMEOUT_S || 120);
  if (process.env.BENCH_SKIP_NAIVE === "1") print("  naive script: skipped (BENCH_SKIP_NAIVE=1)");
  else {
    print(`  naive script (read whole, JSON.parse every line, linear scan per org; limit ${timeoutS} s)…`);
    const { result } = await runChild("scripts/bench/shadow-compare-naive.ts", [meta.shadowPath, meta.heuristicPath], {
      timeoutS,
      nodeFlags: ["--max-old-space-size=12288"],
    });
    if (result) {
      naiveSeconds = result.seconds;
      naiveRssMb = result.rssMb;
    }
  }

  const naiveTime =
    naiveSeconds === null ? (process.env.BENCH_SKIP_NAIVE === "1" ? "—" : `> ${timeoutS} s`) : `${fmt(naiveSeconds)} s`;
  const ratio =
    naiveSeconds === null
      ? naiveTime.startsWith(">")
        ? `> ${fmt(timeoutS / seconds, 0)}×`
        : "—"
      : `${fmt(naiveSeconds / seconds, 1)}×`;
  print("");
  print(
    table(
      ["figure", "ours", "naive", "ratio", "target", "result"],
      [
        [
          `compare time (median of ${runs})`,
          `${fmt(seconds)} s`,
          naiveTime,
          ratio,
          `≤ ${TARGET_SECONDS} s`,
          seconds <= TARGET_SECONDS ? "PASS" : "FAIL",
        ],
        [
          "peak RSS",
          `${Math.round(rssMb)} MB`,
          naiveRssMb === null ? "—" : `${Math.round(naiveRssMb)} MB`,
          naiveRssMb === null ? "—" : `${fmt(naiveRssMb / rssMb, 1)}×`,
          `< ${TARGET_RSS_MB} MB`,
          rssMb < TARGET_RSS_MB ? "PASS" : "FAIL",
        ],
        ["whole process incl. node + tsx start (median)", `${fmt(median(walls))} s`, "—", "—", "—", "—"],
      ],
    ),
  );
  print(`\n  Time is compareFiles from call to finished report, inside the child; RSS is the child's peak.`);
  return { seconds, rssMb, naiveSeconds, naiveRssMb };
}

if (process.argv[1] && /shadow-compare\.ts$/.test(process.argv[1])) {
  benchCompare().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(`error: ${(error as Error).message}`);
      process.exit(1);
    },
  );
}
