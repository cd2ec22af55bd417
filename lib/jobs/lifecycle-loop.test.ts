import { describe, expect, it } from "vitest";
import { tickConfig } from "./lifecycle-loop";

describe("lifecycle tick configuration", () => {
  it("runs every 30 minutes by default, LIFECYCLE_TICK_MINUTES changes it, LIFECYCLE_TICK=off disables it", () => {
    expect(tickConfig({})).toEqual({ enabled: true, intervalMs: 30 * 60_000 });
    expect(tickConfig({ LIFECYCLE_TICK_MINUTES: "5" })).toEqual({ enabled: true, intervalMs: 5 * 60_000 });
    expect(tickConfig({ LIFECYCLE_TICK: "off", LIFECYCLE_TICK_MINUTES: "5" })).toEqual({ enabled: false });
    expect(tickConfig({ LIFECYCLE_TICK: "OFF" })).toEqual({ enabled: false });
  });

  it("refuses an interval that is not a positive number", () => {
    for (const bad of ["0", "-1", "abc"])
      expect(() => tickConfig({ LIFECYCLE_TICK_MINUTES: bad })).toThrow(/LIFECYCLE_TICK_MINUTES/);
  });
});
