import { randomUUID } from "node:crypto";
import { appendFileSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { ingestLogFile, readIngestedLog, sentStates } from "../data/shadow-logs";
import { heartbeatRow, heuristicRow, shadowRow } from "./scan/test-fixtures";
import { createAccountAt } from "../../test/lifecycle-accounts";
import { ingestedReport, type TReportLogs } from "./ingest";
import { compareFiles } from "./read";

const engine = process.env.DATABASE_URL ? "PostgreSQL" : "PGlite";
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "shadow-ingest-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Log names are unique per test: on PostgreSQL every test file shares one database.
const fresh = () => {
  const name = `test-${randomUUID()}`;
  return { name, path: join(dir, `${name}.jsonl`) };
};
const row = (org: string, minute: number, template = "none") => shadowRow({ org, minute, template });

async function stored(name: string) {
  const rows = await db().sql.query<{ line: number; organization_id: string }>(
    `SELECT "line", "organization_id" FROM "shadow_log_rows" WHERE "log_name" = $1 ORDER BY "line"`,
    [name],
  );
  return rows.map((r) => `${r.line}:${r.organization_id}`);
}

describe(`shadow log ingestion on ${engine}`, () => {
  it("ingests appended lines once, skips a partial last line until complete, and is a no-op when nothing changed", async () => {
    const { name, path } = fresh();
    writeFileSync(path, `${row("a", 0)}\n${heartbeatRow(1)}\n`);
    expect(await ingestLogFile(name, path, "shadow")).toMatchObject({ rows: 1, malformed: 0, reset: false });
    expect(await ingestLogFile(name, path, "shadow")).toMatchObject({ rows: 0, malformed: 0 });
    const partial = row("b", 30);
    appendFileSync(path, `${row("c", 30)}\n${partial.slice(0, 25)}`);
    expect(await ingestLogFile(name, path, "shadow")).toMatchObject({ rows: 1, pending_bytes: 25 });
    expect(await ingestLogFile(name, path, "shadow")).toMatchObject({ rows: 0, pending_bytes: 25 });
    appendFileSync(path, `${partial.slice(25)}\n`);
    expect(await ingestLogFile(name, path, "shadow")).toMatchObject({ rows: 1, pending_bytes: 0 });
    expect(await stored(name)).toEqual(["1:a", "3:c", "4:b"]);
    const log = await readIngestedLog(name);
    expect(log).toMatchObject({ lines: 4, decisions: 3, heartbeats: 1, malformed: 0, pendingBytes: 0 });
  });

  it("keeps malformed lines with their reason and sample, and counts them", async () => {
    const { name, path } = fresh();
    writeFileSync(path, `${row("a", 0)}\n{broken\n\n{"timestamp":1}\n`);
    expect(await ingestLogFile(name, path, "shadow")).toMatchObject({ rows: 1, malformed: 2 });
    const log = await readIngestedLog(name);
    expect(log).toMatchObject({ malformed: 2, blank: 1, lines: 4 });
    expect(log!.malformedLines.map((m) => [m.line, m.sample])).toEqual([
      [2, "{broken"],
      [4, '{"timestamp":1}'],
    ]);
    expect(log!.malformedLines[1]!.reason).toMatch(/^timestamp/);
  });

  it("drops what came from a truncated file and reads the new contents from the start", async () => {
    const { name, path } = fresh();
    writeFileSync(path, `${row("a", 0)}\n{bad\n${row("b", 0)}\n`);
    await ingestLogFile(name, path, "shadow");
    truncateSync(path, 0);
    appendFileSync(path, `${row("z", 0)}\n`);
    expect(await ingestLogFile(name, path, "shadow")).toMatchObject({ rows: 1, reset: true });
    expect(await stored(name)).toEqual(["1:z"]);
    expect(await readIngestedLog(name)).toMatchObject({ lines: 1, malformed: 0, decisions: 1, malformedLines: [] });
  });

  it("forgets a log whose file is gone", async () => {
    const { name, path } = fresh();
    writeFileSync(path, `${row("a", 0)}\n`);
    await ingestLogFile(name, path, "shadow");
    rmSync(path);
    expect(await ingestLogFile(name, path, "shadow")).toMatchObject({ missing: true, reset: true });
    expect(await readIngestedLog(name)).toBeNull();
    expect(await stored(name)).toEqual([]);
  });

  it("concurrent ingests read every line exactly once", async () => {
    const { name, path } = fresh();
    const lines = Array.from({ length: 600 }, (_, i) => row(`o${i % 37}`, i));
    writeFileSync(path, `${lines.join("\n")}\n`);
    // Small steps, so the ingests interleave step by step rather than one finishing first.
    const results = await Promise.all(
      Array.from({ length: 6 }, () => ingestLogFile(name, path, "shadow", { maxBytes: 8 << 10 })),
    );
    expect(results.reduce((n, r) => n + r.rows, 0)).toBe(600);
    const keys = await stored(name);
    expect(keys).toHaveLength(600);
    expect(new Set(keys).size).toBe(600);
    expect(await readIngestedLog(name)).toMatchObject({ lines: 600, decisions: 600 });
  });

  it("gives the same agreement report as reading the files, plus the comparison with what was sent", async () => {
    const shadowName = `shadow-${randomUUID()}`;
    const heuristicName = `heuristic-${randomUUID()}`;
    const logs: TReportLogs = { dir, shadowName, heuristicName };
    const now = new Date(Date.UTC(2031, 5, 1));
    const sentEarlier = new Date(now.getTime() - 86_400_000);
    const agreeing = await createAccountAt(now, {
      days: 3,
      sent: { nudgeDay1SentAt: sentEarlier, nudgeDay3SentAt: now },
    });
    const waiting = await createAccountAt(now, { days: 1 });
    const shadowLines = [
      heartbeatRow(0),
      shadowRow({ org: agreeing, minute: 1, template: "day3-upload-content", reasoning: "no content yet" }),
      shadowRow({ org: waiting, minute: 1, template: "day1-pair-screen" }),
      shadowRow({ org: "not-an-account", minute: 1, template: "none", reasoning: "r" }),
      "{nope",
      heartbeatRow(60 * 24 * 8),
    ];
    const heuristicLines = [
      heuristicRow({ org: agreeing, minute: 0, template: "day3-upload-content" }),
      heuristicRow({ org: waiting, minute: 0, template: "none" }),
      heuristicRow({ org: "not-an-account", minute: 2, template: "day1-pair-screen" }),
    ];
    writeFileSync(join(dir, `${shadowName}.jsonl`), `${shadowLines.join("\n")}\n`);
    writeFileSync(join(dir, `${heuristicName}.jsonl`), `${heuristicLines.join("\n")}\n`);
    const fromDb = await ingestedReport(logs);
    const fromFiles = (await compareFiles(join(dir, `${shadowName}.jsonl`), join(dir, `${heuristicName}.jsonl`)))
      .report;
    expect(fromDb!.report).toEqual(fromFiles);
    expect(fromDb!.report).toMatchObject({ decisions: 3, agree: 1, disagree: 2, malformed: 1, heartbeats: 2 });
    expect(fromDb!.report.disagreement_samples.map((s) => s.hermes_reasoning)).toEqual(["looks fine", "r"]);
    expect(fromDb!.sent).toMatchObject({ orgs: 3, agree: 1, pending: 1, disagree: 0, unmatched: 1 });
    // The CLI's lookup (compare --sent): ids in any case, non-accounts left out.
    const states = await sentStates([agreeing.toUpperCase(), waiting, "not-an-account"]);
    expect([...states.keys()].sort()).toEqual([agreeing, waiting].sort());
    expect(states.get(agreeing)).toEqual({ day1: sentEarlier.getTime(), day3: now.getTime(), day7: null });

    // Appending: only the new line is read, and the figures follow.
    appendFileSync(
      join(dir, `${heuristicName}.jsonl`),
      `${heuristicRow({ org: waiting, minute: 1, template: "day1-pair-screen" })}\n`,
    );
    const after = await ingestedReport(logs);
    expect(after!.report).toMatchObject({ agree: 2, disagree: 1 });
  });

  it("reuses comparison 1 while nothing changed, and recomputes it when a file is rewritten", async () => {
    const logs: TReportLogs = { dir, shadowName: `s-${randomUUID()}`, heuristicName: `h-${randomUUID()}` };
    const shadowPath = join(dir, `${logs.shadowName}.jsonl`);
    writeFileSync(shadowPath, `${row("a", 0, "day1-pair-screen")}\n`);
    writeFileSync(
      join(dir, `${logs.heuristicName}.jsonl`),
      `${heuristicRow({ org: "a", minute: 0, template: "none" })}\n`,
    );
    const first = await ingestedReport(logs);
    expect(first!.report).toMatchObject({ agree: 0, disagree: 1 });
    expect((await ingestedReport(logs))!.report).toEqual(first!.report);
    // Same length, same line count, other content: the cursor's generation moves, so does the report.
    writeFileSync(
      shadowPath,
      `${row("a", 0, "none")}\n`.padEnd(readFileSync(shadowPath, "utf8").length - 1, " ") + "\n",
    );
    expect((await ingestedReport(logs))!.report).toMatchObject({ agree: 1, disagree: 0 });
  });

  it("is null while a log file does not exist", async () => {
    expect(
      await ingestedReport({ dir, shadowName: `none-${randomUUID()}`, heuristicName: `none-${randomUUID()}` }),
    ).toBeNull();
  });
});
