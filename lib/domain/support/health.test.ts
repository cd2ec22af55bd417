import { describe, expect, it } from "vitest";
import { breachRate, healthRow, metShare, verdictOf } from "./health";

describe("verdict", () => {
  it("rounds the rate to 3 decimals before the thresholds", () => {
    expect(breachRate(1, 3)).toBe(0.333);
    expect(breachRate(0, 0)).toBeNull();
    // 0.0996 rounds to 0.1: watch, not healthy.
    expect(verdictOf(breachRate(996, 10_000))).toBe("watch");
    expect(verdictOf(breachRate(994, 10_000))).toBe("healthy");
  });
  it.each([
    [0, "healthy"],
    [0.099, "healthy"],
    [0.1, "watch"],
    [0.249, "watch"],
    [0.25, "critical"],
    [1, "critical"],
  ] as const)("%d → %s", (rate, verdict) => {
    expect(verdictOf(rate)).toBe(verdict);
  });
  it("has no verdict without tickets", () => {
    expect(verdictOf(null)).toBeNull();
    expect(metShare(0, 0)).toBeNull();
    expect(
      healthRow({
        key: "all",
        label: "",
        count: 4,
        breaches: 1,
        firstResponseMeanMs: 1,
        firstResponseP90Ms: 1,
        resolutionMeanMs: null,
        resolutionP90Ms: null,
      }),
    ).toMatchObject({
      rate: 0.25,
      met: 0.75,
      verdict: "critical",
    });
  });
});
