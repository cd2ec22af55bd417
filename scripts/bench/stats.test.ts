import { describe, expect, it } from "vitest";
import { groupBy, percentile, summarize } from "./stats";

describe("percentile (nearest rank)", () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1); // 1..100

  it("returns the value at rank ceil(p/100 * n)", () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
  });

  it("gives the minimum at p = 0 and handles a single value", () => {
    expect(percentile(hundred, 0)).toBe(1);
    expect(percentile([42], 0)).toBe(42);
    expect(percentile([42], 95)).toBe(42);
  });

  it("does not depend on input order and does not mutate the input", () => {
    const values = [30, 10, 50, 20, 40];
    expect(percentile(values, 50)).toBe(30);
    expect(percentile(values, 95)).toBe(50);
    expect(percentile(values, 20)).toBe(10);
    expect(percentile(values, 21)).toBe(20);
    expect(values).toEqual([30, 10, 50, 20, 40]);
  });

  it("always returns a measured value (no interpolation)", () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(percentile([1.5, 100.25], 95)).toBe(100.25);
  });

  it("one slow outlier in 20 samples is the max but not the p95", () => {
    const values = [...Array.from({ length: 19 }, () => 10), 900];
    expect(percentile(values, 95)).toBe(10);
    expect(percentile(values, 100)).toBe(900);
  });

  it("rejects empty input, p outside 0..100 and non-finite values", () => {
    expect(() => percentile([], 50)).toThrow(RangeError);
    expect(() => percentile([1], -1)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
    expect(() => percentile([1, Number.NaN], 50)).toThrow(RangeError);
  });
});

describe("summarize", () => {
  it("reports n, p50, p95, max and mean", () => {
    expect(summarize([4, 1, 3, 2])).toEqual({ n: 4, p50: 2, p95: 4, max: 4, mean: 2.5 });
  });
});

describe("groupBy", () => {
  it("keeps first-seen key order", () => {
    const groups = groupBy(["b1", "a1", "b2"], (s) => s[0]!);
    expect([...groups.keys()]).toEqual(["b", "a"]);
    expect(groups.get("b")).toEqual(["b1", "b2"]);
  });
});
