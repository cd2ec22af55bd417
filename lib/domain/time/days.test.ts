import { describe, expect, it } from "vitest";
import { addWholeDays, calendarDaysBetween, subWholeDays } from "./days";

describe("whole days", () => {
  it("moves by 24-hour days and returns a plain Date", () => {
    const at = new Date("2026-03-29T00:30:00.000Z");
    const later = addWholeDays(at, 3);
    expect(later.toISOString()).toBe("2026-04-01T00:30:00.000Z");
    expect(Object.getPrototypeOf(later)).toBe(Date.prototype);
    expect(subWholeDays(at, 30).getTime()).toBe(at.getTime() - 30 * 24 * 3_600_000);
  });

  it("counts UTC calendar days, ignoring the time of day, negative backwards", () => {
    const a = new Date("2026-01-01T23:59:00.000Z");
    expect(calendarDaysBetween(a, new Date("2026-01-02T00:01:00.000Z"))).toBe(1);
    expect(calendarDaysBetween(a, new Date("2026-01-01T00:00:00.000Z"))).toBe(0);
    expect(calendarDaysBetween(a, new Date("2025-12-31T12:00:00.000Z"))).toBe(-1);
  });
});
