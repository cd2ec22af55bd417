import { describe, expect, it } from "vitest";
import { closestRow, indexHeuristic } from "./match";
import { HeuristicRows } from "./store";

function index(rows: [org: number, ts: number, template: number][], orgs = 3) {
  const h = new HeuristicRows();
  for (const [org, ts, template] of rows) h.push(org, ts, template);
  return indexHeuristic(h, orgs);
}

describe("closestRow", () => {
  const idx = index([
    [0, 100, 0],
    [0, 200, 1],
    [0, 400, 2],
    [1, 50, 3],
  ]);
  const templateAt = (org: number, ts: number) => {
    const at = closestRow(idx, org, ts);
    return at < 0 ? null : idx.template[at];
  };

  it("takes the row closest in time, before or after", () => {
    expect(templateAt(0, 90)).toBe(0);
    expect(templateAt(0, 160)).toBe(1);
    expect(templateAt(0, 390)).toBe(2);
    expect(templateAt(0, 10_000)).toBe(2);
    expect(templateAt(1, 0)).toBe(3);
  });

  it("on a tie takes the earlier row", () => {
    expect(templateAt(0, 150)).toBe(0);
    expect(templateAt(0, 300)).toBe(1);
  });

  it("an exact hit is the row itself", () => {
    expect(templateAt(0, 200)).toBe(1);
  });

  it("is -1 for an organization without heuristic rows", () => {
    expect(closestRow(idx, 2, 100)).toBe(-1);
  });
});

describe("indexHeuristic", () => {
  it("sorts an organization's rows by time, keeping file order among equal times", () => {
    const idx = index([
      [0, 300, 2],
      [1, 10, 0],
      [0, 100, 0],
      [0, 300, 3],
      [0, 200, 1],
    ]);
    expect(Array.from(idx.start)).toEqual([0, 4, 5, 5]);
    expect(Array.from(idx.ts.subarray(0, 4))).toEqual([100, 200, 300, 300]);
    expect(Array.from(idx.template.subarray(0, 4))).toEqual([0, 1, 2, 3]);
  });

  it("among rows at the very same instant, the first logged wins, from either side", () => {
    const idx = index([
      [0, 100, 0],
      [0, 100, 1],
      [0, 300, 2],
      [0, 300, 3],
    ]);
    expect(idx.template[closestRow(idx, 0, 100)]).toBe(0);
    expect(idx.template[closestRow(idx, 0, 120)]).toBe(0);
    expect(idx.template[closestRow(idx, 0, 200)]).toBe(0); // tie between 100 and 300 → earlier
    expect(idx.template[closestRow(idx, 0, 290)]).toBe(2);
    expect(idx.template[closestRow(idx, 0, 900)]).toBe(2);
  });
});

describe("closestRow with a hint", () => {
  it("finds the same row as without one, from any starting position", () => {
    let seed = 42;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const rows: [number, number, number][] = [];
    for (let org = 0; org < 5; org++) {
      for (let i = 0; i < 3 + org * 9; i++) rows.push([org, Math.floor(random() * 60) * 10, i % 4]);
    }
    const idx = index(rows, 6);
    for (let trial = 0; trial < 5000; trial++) {
      const org = Math.floor(random() * 6);
      const at = Math.floor(random() * 700) - 50;
      const hint = idx.start[org]! + Math.floor(random() * (idx.start[org + 1]! - idx.start[org]! + 2)) - 1;
      expect(closestRow(idx, org, at, hint)).toBe(closestRow(idx, org, at));
    }
  });
});
