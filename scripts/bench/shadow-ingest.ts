// Shadow log ingestion (issue 4: the page reads the ingested logs instead of parsing the files on
// every view). Measured in a child process on an in-memory PGlite database (the engine is fixed once
// per process): the first ingest of two logs, a view when nothing is new, an ingest after one more
// tick's lines, and the page's report from the database beside re-reading both files per view.
//   npx tsx --conditions=react-server scripts/bench/shadow-ingest.ts [run]
import { spawn } from "node:child_process";
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { exited, isNpmNoise, onLines } from "./child";
import { heading, ms, table } from "./report";

const PARAMS = { orgs: Number(process.env.BENCH_INGEST_ORGS || 2_000), ticksPerOrg: 50, seed: 11 };
// The last share of each log arrives after the first ingest, as a tick's worth of new lines would.
const LATE_SHARE = 0.02;
const NOOP_RUNS = 20;

type TIngestResult = {
  rows: number;
  megabytes: number;
  firstIngestMs: number;
  noopIngestMs: number;
  appendedRows: number;
  appendIngestMs: number;
  reportFromDbMs: number;
  reportChangedMs: number;
  sentMs: number;
  reportFromFilesMs: number;
};

const fmtInt = (n: number) => Math.round(n).toLocaleString("en-US").replace(/,/g, " ");

/** Runs the measurement in a child process and prints its table; throws if it cannot run. */
export async function benchIngest(o: { step?: string } = {}): Promise<TIngestResult> {
  heading(`${o.step ?? "8"}. Shadow log ingestion (embedded database)`);
  const args = ["tsx", "--conditions=react-server", "scripts/bench/shadow-ingest.ts", "run"];
  const env = { ...process.env, DATABASE_URL: "", PGLITE_DIR: "memory://", LOG_LEVEL: "error" };
  const child = spawn("npx", args, { cwd: process.cwd(), env, stdio: ["ignore", "pipe", "pipe"] });
  let result: TIngestResult | undefined;
  const errors: string[] = [];
  onLines(child.stdout, (line) => {
    if (line.startsWith("RESULT ")) result = JSON.parse(line.slice(7)) as TIngestResult;
  });
  onLines(child.stderr, (line) => {
    if (!isNpmNoise(line)) errors.push(line);
  });
  const code = await exited(child);
  if (code !== 0 || !result) throw new Error(`ingest bench exited with ${code}: ${errors.at(-1) ?? "no result"}`);
  const r = result;
  console.log(
    table(
      ["figure", "value", "note"],
      [
        [
          `first ingest (${fmtInt(r.rows)} rows, ${r.megabytes.toFixed(0)} MB)`,
          ms(r.firstIngestMs),
          `${fmtInt(r.rows / (r.firstIngestMs / 1000))} rows/s`,
        ],
        ["ingest with nothing new (median)", ms(r.noopIngestMs), "what every page view pays"],
        [`ingest after ${fmtInt(r.appendedRows)} new lines`, ms(r.appendIngestMs), "only the new lines are read"],
        ["page report, nothing new (ingest + both comparisons)", ms(r.reportFromDbMs), "what most views pay"],
        ["  of which comparison 2 (SQL over the ingested rows)", ms(r.sentMs), ""],
        ["page report after new lines (read back + compare)", ms(r.reportChangedMs), "the first view after a tick"],
        ["straightforward: parse both files per view", ms(r.reportFromFilesMs), "what the page did"],
        ["ratio (straightforward / nothing new)", `${(r.reportFromFilesMs / r.reportFromDbMs).toFixed(1)}×`, ""],
      ],
    ),
  );
  return r;
}

// Splits `text` at the newline nearest to `share` of its length from the end.
function splitLate(text: string, share: number): [string, string] {
  const cut = text.lastIndexOf("\n", Math.floor(text.length * (1 - share))) + 1;
  return [text.slice(0, cut), text.slice(cut)];
}

async function run(): Promise<void> {
  const { migrate } = await import("../../lib/db/migrate");
  const { closeDb, db } = await import("../../lib/db");
  const { ingestedReport, ingestReportLogs } = await import("../../lib/shadow/ingest");
  const { ingestedSentInputs } = await import("../../lib/data/shadow-logs");
  const { compareFiles } = await import("../../lib/shadow/read");
  const { generateShadowData } = await import("./shadow-data");
  await migrate(db().sql);
  const source = mkdtempSync(join(tmpdir(), "shadow-ingest-src-"));
  const dir = mkdtempSync(join(tmpdir(), "shadow-ingest-bench-"));
  try {
    const meta = generateShadowData(source, PARAMS);
    const logs = { dir, shadowName: "shadow", heuristicName: "heuristic" };
    const late: string[] = [];
    for (const name of ["shadow", "heuristic"]) {
      const [early, rest] = splitLate(readFileSync(join(source, `${name}.jsonl`), "utf8"), LATE_SHARE);
      writeFileSync(join(dir, `${name}.jsonl`), early);
      late.push(rest);
    }
    const time = async (work: () => Promise<unknown>) => {
      const start = performance.now();
      await work();
      return performance.now() - start;
    };
    const firstIngestMs = await time(() => ingestReportLogs(logs));
    const noop: number[] = [];
    for (let i = 0; i < NOOP_RUNS; i++) noop.push(await time(() => ingestReportLogs(logs)));
    noop.sort((a, b) => a - b);
    appendFileSync(join(dir, "shadow.jsonl"), late[0]!);
    appendFileSync(join(dir, "heuristic.jsonl"), late[1]!);
    let appended = 0;
    const appendIngestMs = await time(async () => {
      appended = (await ingestReportLogs(logs)).reduce((n, s) => n + s.rows, 0);
    });
    const reportChangedMs = await time(() => ingestedReport(logs));
    const reportFromDbMs = await time(() => ingestedReport(logs));
    const sentMs = await time(() => ingestedSentInputs("shadow"));
    await compareFiles(join(dir, "shadow.jsonl"), join(dir, "heuristic.jsonl"), { threads: 1 });
    const reportFromFilesMs = await time(() =>
      compareFiles(join(dir, "shadow.jsonl"), join(dir, "heuristic.jsonl"), { threads: 1 }),
    );
    const result: TIngestResult = {
      rows: meta.shadowRows + meta.heuristicRows,
      megabytes: meta.bytes / 1e6,
      firstIngestMs,
      noopIngestMs: noop[Math.floor(noop.length / 2)]!,
      appendedRows: appended,
      appendIngestMs,
      reportFromDbMs,
      reportChangedMs,
      sentMs,
      reportFromFilesMs,
    };
    console.log(`RESULT ${JSON.stringify(result)}`);
  } finally {
    rmSync(source, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
    await closeDb();
  }
}

if (process.argv[1] && /shadow-ingest\.ts$/.test(process.argv[1])) {
  const work = process.argv[2] === "run" ? run() : benchIngest({ step: "1" });
  work.then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(`error: ${(error as Error).message}`);
      process.exit(1);
    },
  );
}
