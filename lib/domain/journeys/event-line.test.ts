import { describe, expect, it } from "vitest";
import { stageEventLine } from "./event-line";

describe("stageEventLine (a stage event as code + parameters)", () => {
  const cause = { type: "criteria_withdrawn", criteria: ["adoption_started"], by: "Casey CSM" };
  it("reads a move back with the withdrawn criterion", () => {
    expect(
      stageEventLine("journey.stage_reverted", { kind: "stage", from: "adoption", to: "onboarding", cause }),
    ).toEqual({
      key: "stage_reverted",
      from: "adoption",
      to: "onboarding",
      criterion: "adoption_started",
    });
  });
  it("reads a move forward", () => {
    expect(
      stageEventLine("journey.stage_changed", {
        from: "onboarding",
        to: "adoption",
        cause: { criteria: ["went_live"] },
      }),
    ).toEqual({ key: "stage_changed", from: "onboarding", to: "adoption", criterion: null });
  });
  it("is null for other events and for data of another shape, so the recorded summary shows", () => {
    expect(stageEventLine("journey.criterion_met", { criterion: "went_live" })).toBeNull();
    expect(stageEventLine("journey.stage_changed", null)).toBeNull();
    expect(stageEventLine("journey.stage_changed", { from: "nowhere", to: "adoption" })).toBeNull();
    expect(stageEventLine("journey.stage_reverted", { from: "adoption", to: "onboarding", cause: {} })).toBeNull();
    expect(stageEventLine("journey.stage_reverted", "text")).toBeNull();
  });
});
