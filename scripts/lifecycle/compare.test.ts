import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { heartbeatRow, heuristicRow, shadowRow } from "../../lib/shadow/scan/test-fixtures";
import { UsageError } from "../cli";
import { parseCompareArgs, run } from "./compare";

const dir = mkdtempSync(join(tmpdir(), "lifecycle-compare-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

const shadowPath = join(dir, "shadow.jsonl");
const heuristicPath = join(dir, "heuristic.jsonl");
writeFileSync(
  shadowPath,
  [
    heartbeatRow(0),
    shadowRow({ org: "A", minute: 1, template: "day1-pair-screen" }),
    shadowRow({ org: "A", minute: 31, template: "none" }),
    "not json",
    "",
  ].join("\n"),
);
writeFileSync(
  heuristicPath,
  [
    heuristicRow({ org: "A", minute: 0, template: "day1-pair-screen" }),
    heuristicRow({ org: "A", minute: 30, template: "day1-pair-screen" }),
    "",
  ].join("\n"),
);

function captureStdout(): () => string {
  const chunks: string[] = [];
  vi.spyOn(process.stdout, "write").mockImplementation(((chunk: string, cb?: (e?: Error) => void) => {
    chunks.push(String(chunk));
    cb?.();
    return true;
  }) as typeof process.stdout.write);
  return () => chunks.join("");
}

describe("parseCompareArgs", () => {
  it("reads --shadow, --heuristic and --json in any order", () => {
    expect(parseCompareArgs(["--json", "--heuristic", "h.jsonl", "--shadow=s.jsonl"])).toEqual({
      shadow: "s.jsonl",
      heuristic: "h.jsonl",
      sent: false,
      json: true,
    });
    expect(parseCompareArgs(["--shadow", "s", "--sent"])).toEqual({
      shadow: "s",
      heuristic: null,
      sent: true,
      json: false,
    });
    expect(parseCompareArgs(["--shadow", "s", "--heuristic", "h"]).json).toBe(false);
  });

  it.each([
    [[], /missing --shadow FILE and --heuristic FILE/],
    [["--shadow", "s"], /missing --heuristic FILE \(or --sent\)/],
    [["--sent"], /missing --shadow FILE\n/],
    [["--shadow", "s", "--heuristic", "h", "--sent"], /pick one/],
    [["--shadow", "s", "--heuristic", "h", "extra"], /Unexpected argument/i],
    [["--shadow", "s", "--heuristic", "h", "--csv"], /Unknown option/i],
    [["--shadow"], /argument missing/i],
    [["--help"], /^usage: npm run lifecycle -- compare/],
  ])("%j → usage error", (argv, message) => {
    expect(() => parseCompareArgs(argv as string[])).toThrow(UsageError);
    expect(() => parseCompareArgs(argv as string[])).toThrow(message);
  });
});

describe("run", () => {
  it("--json prints one JSON object with the agreed keys", async () => {
    const output = captureStdout();
    expect(await run(["--shadow", shadowPath, "--heuristic", heuristicPath, "--json"])).toBe(0);
    const text = output();
    expect(text.trim().split("\n")).toHaveLength(1);
    const report = JSON.parse(text) as Record<string, unknown>;
    for (const key of [
      "decisions",
      "matched",
      "agree",
      "disagree",
      "known_divergence",
      "unmatched",
      "malformed",
      "malformed_lines",
      "agreement_pct",
      "kappa",
      "confusion",
      "heartbeats",
      "firing_rate_per_hour",
      "gates",
    ]) {
      expect(report).toHaveProperty(key);
    }
    expect(report).toMatchObject({
      decisions: 2,
      agree: 1,
      disagree: 1,
      malformed: 1,
      malformed_lines: [4],
      heartbeats: 1,
    });
    expect(report.gates).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: "founder_sign_off", pass: false })]),
    );
  });

  it("prints a text report without --json", async () => {
    const output = captureStdout();
    expect(await run(["--shadow", shadowPath, "--heuristic", heuristicPath])).toBe(0);
    expect(output()).toMatch(/^Shadow agreement report\n/);
  });

  it("a missing file is a usage error naming it", async () => {
    const missing = join(dir, "missing.jsonl");
    await expect(run(["--shadow", missing, "--heuristic", heuristicPath])).rejects.toThrow(
      new UsageError(`cannot read ${missing}: no such file`),
    );
    await expect(run(["--shadow", shadowPath, "--heuristic", dir])).rejects.toThrow(UsageError);
  });

  it("--sent compares the shadow's latest suggestion per org with what was sent, as one JSON object", async () => {
    const asked: string[][] = [];
    const lookup = async (ids: string[]) => {
      asked.push(ids);
      return new Map([["a", { day1: Date.UTC(2026, 0, 1), day3: null, day7: null }]]);
    };
    const output = captureStdout();
    expect(await run(["--shadow", shadowPath, "--sent", "--json"], lookup)).toBe(0);
    const report = JSON.parse(output()) as Record<string, unknown>;
    // Org "A" (looked up as "a") was last suggested day1 (its later `none` does not replace it) and was sent day1.
    expect(asked).toEqual([["A"]]);
    expect(report).toMatchObject({ orgs: 1, agree: 1, pending: 0, disagree: 0, unmatched: 0, agreement_pct: 100 });
    expect(report.shadow).toEqual({
      lines: 4,
      decisions: 2,
      malformed: 1,
      malformed_lines: [4],
      partial_last_line: false,
    });
  });

  it("--sent prints text without --json and names a missing file", async () => {
    const output = captureStdout();
    expect(await run(["--shadow", shadowPath, "--sent"], async () => new Map())).toBe(0);
    expect(output()).toMatch(/^Shadow against what was sent\n[\s\S]*unmatched 1/);
    const missing = join(dir, "missing.jsonl");
    await expect(run(["--shadow", missing, "--sent"], async () => new Map())).rejects.toThrow(
      new UsageError(`cannot read ${missing}: no such file`),
    );
    await expect(run(["--shadow", dir, "--sent"], async () => new Map())).rejects.toThrow(/is a directory/);
  });
});
