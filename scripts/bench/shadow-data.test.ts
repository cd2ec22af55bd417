import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compareFiles } from "../../lib/shadow/read";
import { ensureShadowData, generateShadowData } from "./shadow-data";

const dir = mkdtempSync(join(tmpdir(), "shadow-data-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("shadow benchmark data", () => {
  const params = { orgs: 1000, ticksPerOrg: 4, seed: 3 };
  const meta = generateShadowData(join(dir, "a"), params);

  it("is deterministic", () => {
    const again = generateShadowData(join(dir, "b"), params);
    expect(readFileSync(again.shadowPath).equals(readFileSync(meta.shadowPath))).toBe(true);
    expect(readFileSync(again.heuristicPath).equals(readFileSync(meta.heuristicPath))).toBe(true);
  });

  it("has the mix the benchmark needs: ~85 % agreement, known divergences, unmatched, heartbeats, damage", () => {
    const e = meta.expected;
    expect(e.decisions).toBe(4000);
    expect(e.agree / (e.agree + e.disagree)).toBeGreaterThan(0.8);
    expect(e.agree / (e.agree + e.disagree)).toBeLessThan(0.9);
    expect(e.known_divergence).toBeGreaterThan(0);
    expect(e.unmatched).toBe(4); // org 999 never reached the heuristic log
    expect(e.heartbeats).toBe(16);
    expect(e.malformed_lines.length).toBe(3 * 4 + 1); // three damaged groups and the partial last line
    expect(e.heuristic_malformed_lines.length).toBeGreaterThan(0);
  });

  it("compareFiles reproduces the generator's own figures", async () => {
    const { report } = await compareFiles(meta.shadowPath, meta.heuristicPath, { threads: 1, unitBytes: 100_000 });
    expect({
      decisions: report.decisions,
      agree: report.agree,
      disagree: report.disagree,
      known_divergence: report.known_divergence,
      unmatched: report.unmatched,
      heartbeats: report.heartbeats,
      malformed_lines: report.malformed_lines,
      heuristic_malformed_lines: report.inputs.heuristic.malformed_lines,
    }).toEqual(meta.expected);
    expect(report.firing_rate_per_hour).toBeCloseTo(2, 10);
  });

  it("reuses files made with the same parameters, regenerates otherwise", () => {
    expect(ensureShadowData(params, join(dir, "a")).reused).toBe(true);
    expect(ensureShadowData({ ...params, seed: 4 }, join(dir, "a")).reused).toBe(false);
  });
});
