import { describe, expect, it } from "vitest";
import { onboardedVerdict } from "./onboarded";
import { isStuck, percentOf, progressOf } from "./progress";
import { ESTIMATED_MINUTES, MAX_NOTE, STEPS, UnknownStepError, ZStepId, ZStepNote, stepNumber, stepOf } from "./steps";

describe("checklist steps table", () => {
  it("holds the spec's eight steps in order, with minutes and approval gates", () => {
    expect(STEPS.map((s) => [s.id, s.minutes, s.needsApproval])).toEqual([
      ["select_goal", 2, false],
      ["select_bundle", 3, true],
      ["company_intake", 5, false],
      ["connect_channels", 8, true],
      ["upload_or_source", 5, true],
      ["risk_review", 4, true],
      ["first_service_run", null, true],
      ["first_proof_pack", null, false],
    ]);
    expect(ESTIMATED_MINUTES).toBe(27);
    expect(stepNumber("select_goal")).toBe(1);
    expect(stepNumber("first_proof_pack")).toBe(8);
  });

  it("rejects unknown step ids", () => {
    expect(() => stepOf("select_goals")).toThrow(UnknownStepError);
    expect(() => stepOf("")).toThrow('unknown checklist step ""');
    expect(stepOf("risk_review").needsApproval).toBe(true);
    expect(ZStepId.safeParse("SELECT_GOAL").success).toBe(false);
  });

  it("accepts notes of exactly 200 characters after trimming and refuses 201", () => {
    expect(MAX_NOTE).toBe(200);
    expect(ZStepNote.safeParse("a".repeat(200)).success).toBe(true);
    expect(ZStepNote.safeParse(`  ${"ب".repeat(200)}  `).success).toBe(true);
    expect(ZStepNote.safeParse("a".repeat(201)).success).toBe(false);
    expect(ZStepNote.parse("")).toBe("");
  });
});

describe("progress", () => {
  it("is completed / 8 to one decimal", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8].map(percentOf)).toEqual([0, 12.5, 25, 37.5, 50, 62.5, 75, 87.5, 100]);
    expect(() => percentOf(9)).toThrow(RangeError);
    expect(() => percentOf(-1)).toThrow(RangeError);
    expect(() => percentOf(1.5)).toThrow(RangeError);
  });

  it("names the first incomplete step as current, even when later steps are done", () => {
    expect(progressOf([])).toEqual({ completed: 0, total: 8, percent: 0, current: "select_goal" });
    expect(progressOf(["select_goal", "company_intake"])).toMatchObject({
      completed: 2,
      percent: 25,
      current: "select_bundle",
    });
    expect(progressOf(STEPS.map((s) => s.id))).toMatchObject({ completed: 8, percent: 100, current: "done" });
    expect(progressOf(STEPS.slice(0, 7).map((s) => s.id)).current).toBe("first_proof_pack");
  });

  it("counts duplicates once and throws on unknown ids", () => {
    expect(progressOf(["select_goal", "select_goal"]).completed).toBe(1);
    expect(() => progressOf(["select_goal", "nope"])).toThrow(UnknownStepError);
  });

  it("is stuck only strictly beyond the threshold, and never when done", () => {
    const since = new Date("2026-01-01T00:00:00Z");
    const exact = new Date("2026-01-04T00:00:00Z");
    expect(isStuck("select_goal", since, exact, 3)).toBe(false);
    expect(isStuck("select_goal", since, new Date(exact.getTime() + 1), 3)).toBe(true);
    expect(isStuck("done", since, new Date("2027-01-01T00:00:00Z"), 3)).toBe(false);
  });
});

describe("onboarded", () => {
  it("needs all three conditions", () => {
    const all = { allStepsComplete: true, readyForFirstService: true };
    expect(onboardedVerdict({ ...all, cadenceActive: true })).toBe("onboarded");
    expect(onboardedVerdict({ ...all, cadenceActive: false })).toBe("not_onboarded");
    expect(onboardedVerdict({ ...all, allStepsComplete: false, cadenceActive: true })).toBe("not_onboarded");
    expect(onboardedVerdict({ ...all, readyForFirstService: false, cadenceActive: true })).toBe("not_onboarded");
  });
});
