// Child process of the agreement benchmark (scripts/bench/shadow-compare.ts): runs compareFiles once
// on the given logs and prints one `RESULT {…}` line — time, peak RSS of the whole process (all
// threads, from getrusage), and the counts the benchmark checks against the generator's.
//
//   node --import tsx scripts/bench/shadow-compare-run.ts SHADOW HEURISTIC [THREADS]
import { compareFiles } from "../../lib/shadow/read";

async function main(): Promise<void> {
  const [shadow, heuristic, threads] = process.argv.slice(2);
  if (!shadow || !heuristic) throw new Error("usage: shadow-compare-run.ts SHADOW HEURISTIC [THREADS]");
  const started = performance.now();
  const { report, timings } = await compareFiles(shadow, heuristic, threads ? { threads: Number(threads) } : {});
  const seconds = (performance.now() - started) / 1000;
  const result = {
    seconds,
    rssMb: process.resourceUsage().maxRSS / 1024,
    timings,
    counts: {
      decisions: report.decisions,
      agree: report.agree,
      disagree: report.disagree,
      known_divergence: report.known_divergence,
      unmatched: report.unmatched,
      heartbeats: report.heartbeats,
      malformed_lines: report.malformed_lines,
      heuristic_malformed_lines: report.inputs.heuristic.malformed_lines,
    },
  };
  console.log(`RESULT ${JSON.stringify(result)}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error((error as Error).message);
    process.exit(1);
  },
);
