import { describe, expect, it } from "vitest";
import { HEURISTIC, planUnits, SHADOW } from "./units";

describe("planUnits", () => {
  it("tiles each file without gaps, large units first, small ones for the last eighth", () => {
    const units = planUnits([1000, 640], 100);
    for (const kind of [SHADOW, HEURISTIC]) {
      const mine = units.filter((u) => u.kind === kind).sort((a, b) => a.index - b.index);
      expect(mine[0]!.from).toBe(0);
      mine.slice(1).forEach((u, i) => expect(u.from).toBe(mine[i]!.to));
      expect(mine.at(-1)!.to).toBe(kind === SHADOW ? 1000 : 640);
      expect(mine.map((u) => u.last)).toEqual(mine.map((_, i) => i === mine.length - 1));
      expect(mine.map((u) => u.index)).toEqual(mine.map((_, i) => i));
    }
    const sizes = units.map((u) => u.to - u.from);
    expect(Math.max(...sizes.slice(-4))).toBeLessThanOrEqual(25);
    expect(sizes[0]).toBeGreaterThan(80);
  });

  it("gives an empty file one empty unit", () => {
    const units = planUnits([0, 10], 100);
    expect(units.filter((u) => u.kind === SHADOW)).toEqual([{ kind: SHADOW, index: 0, from: 0, to: 0, last: true }]);
  });
});
