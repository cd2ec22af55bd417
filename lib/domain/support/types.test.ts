import { describe, expect, it } from "vitest";
import { clockView, durationParts } from "./types";

describe("durationParts", () => {
  it("keeps the two largest units", () => {
    expect(durationParts(0)).toEqual([{ unit: "m", n: 0 }]);
    expect(durationParts(45 * 60_000)).toEqual([{ unit: "m", n: 45 }]);
    expect(durationParts(26 * 3_600_000 + 5 * 60_000)).toEqual([
      { unit: "d", n: 1 },
      { unit: "h", n: 2 },
    ]);
    expect(durationParts(-90 * 60_000)).toEqual([
      { unit: "h", n: 1 },
      { unit: "m", n: 30 },
    ]);
  });
});

describe("clockView", () => {
  const now = new Date("2026-11-22T10:00:00Z");
  const base = { metAt: null, dueAt: null, nearAt: null, breached: false, paused: false, elapsedMs: 0, targetMs: 100 };
  it("reads met, breached, near and running as of now", () => {
    expect(clockView({ ...base, metAt: now }, now)).toBe("met");
    expect(clockView({ ...base, metAt: now, breached: true }, now)).toBe("met_late");
    expect(clockView({ ...base, dueAt: new Date(now.getTime() - 1) }, now)).toBe("breached");
    expect(clockView({ ...base, dueAt: now, nearAt: now }, now)).toBe("near"); // exactly due is not breached
    expect(clockView({ ...base, dueAt: new Date(now.getTime() + 1), nearAt: new Date(now.getTime() + 1) }, now)).toBe(
      "running",
    );
    expect(clockView({ ...base, paused: true, elapsedMs: 79 }, now)).toBe("paused");
    expect(clockView({ ...base, paused: true, elapsedMs: 80 }, now)).toBe("near");
  });
});
