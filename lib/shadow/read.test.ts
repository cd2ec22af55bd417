import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compareChunks } from "./scan/compare-chunks";
import { heartbeatRow, heuristicRow, shadowRow } from "./scan/test-fixtures";
import { compareFiles, ShadowFileError } from "./read";

const dir = mkdtempSync(join(tmpdir(), "shadow-read-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TEMPLATES = ["day1-pair-screen", "day3-upload-content", "day7-create-schedule", "none"];
const shadowLines: string[] = [];
const heuristicLines: string[] = [];
for (let tick = 0; tick < 40; tick++) {
  shadowLines.push(heartbeatRow(tick * 30 + 1));
  for (let org = 0; org < 12; org++) {
    const reference = TEMPLATES[(org + tick) % 4]!;
    heuristicLines.push(heuristicRow({ org: `org-${org}`, minute: tick * 30, template: reference }));
    if (org === 11) continue; // org-11 only in the heuristic log
    const mine = (org * 7 + tick) % 5 === 0 ? TEMPLATES[(org + tick + 1) % 4]! : reference;
    shadowLines.push(shadowRow({ org: `org-${org === 10 ? "x" : org}`, minute: tick * 30 + 3, template: mine }));
  }
  if (tick === 17) shadowLines.push('{"timestamp":"broken');
}
const shadowText = `${shadowLines.join("\n")}\n{"partial":`;
const heuristicText = `${heuristicLines.join("\n")}\n`;
const shadowPath = join(dir, "shadow.jsonl");
const heuristicPath = join(dir, "heuristic.jsonl");
writeFileSync(shadowPath, shadowText);
writeFileSync(heuristicPath, heuristicText);

describe("compareFiles", () => {
  it("gives the same report as the single-threaded chunk reader, however the files are cut", async () => {
    const expected = await compareChunks([Buffer.from(shadowText)], [Buffer.from(heuristicText)]);
    for (const options of [
      { threads: 1 },
      { threads: 1, unitBytes: 1000, bufferBytes: 512 },
      { threads: 2, unitBytes: 3000 },
    ]) {
      const { report } = await compareFiles(shadowPath, heuristicPath, options);
      // The file reader adds each sample's reasoning, read again from the file.
      const samples = report.disagreement_samples.map(({ hermes_reasoning, ...rest }) => {
        expect(hermes_reasoning).toBe("looks fine");
        return rest;
      });
      expect({ ...report, disagreement_samples: samples }).toEqual(expected);
    }
  });

  it("reads the fixture as expected", async () => {
    const { report } = await compareFiles(shadowPath, heuristicPath, { threads: 1, unitBytes: 4096 });
    expect(report.decisions).toBe(40 * 11);
    expect(report.unmatched).toBe(40); // org-x
    expect(report.heartbeats).toBe(40);
    expect(report.malformed_lines).toEqual([17 * 12 + 12 + 1, shadowLines.length + 1]);
    expect(report.inputs.shadow.partial_last_line).toBe(true);
  });

  it("names a missing file or a directory", async () => {
    await expect(compareFiles(join(dir, "nope.jsonl"), heuristicPath)).rejects.toThrow(
      new ShadowFileError(join(dir, "nope.jsonl"), "no such file"),
    );
    await expect(compareFiles(shadowPath, dir)).rejects.toThrow(`cannot read ${dir}: is a directory`);
  });
});
