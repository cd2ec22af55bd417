import { describe, expect, it } from "vitest";
import { applyGuardrails, releasedInWindow } from "./guardrails";

const NOW = new Date("2026-03-10T12:00:00.000Z");
const ago = (days: number) => new Date(NOW.getTime() - days * 86_400_000);
const ctx = (over: Partial<Parameters<typeof applyGuardrails>[1]> = {}) => ({
  releasedAt: [] as Date[],
  escalationOpen: false,
  health: 70,
  weeklyLimit: 3,
  now: NOW,
  ...over,
});

describe("guardrails", () => {
  it("releases the third automated touchpoint in 7 days and holds the fourth on the weekly limit", () => {
    expect(applyGuardrails(2, ctx({ releasedAt: [ago(1), ago(6)] }))).toEqual([
      { release: true },
      { release: false, guardrail: "weekly_limit" },
    ]);
  });

  it("counts a rolling window: a release exactly 7 days ago has aged out, one 6.9 days ago has not", () => {
    expect(releasedInWindow([ago(7), ago(6.9), ago(0)], NOW)).toBe(2);
    expect(applyGuardrails(1, ctx({ releasedAt: [ago(7), ago(2), ago(3)] }))).toEqual([{ release: true }]);
    expect(applyGuardrails(1, ctx({ releasedAt: [ago(6.9), ago(2), ago(3)] }))).toEqual([
      { release: false, guardrail: "weekly_limit" },
    ]);
  });

  it("honours a configured limit of 2 and refuses limits outside 2–3", () => {
    expect(applyGuardrails(2, ctx({ weeklyLimit: 2, releasedAt: [ago(1)] }))).toEqual([
      { release: true },
      { release: false, guardrail: "weekly_limit" },
    ]);
    expect(() => applyGuardrails(1, ctx({ weeklyLimit: 1 }))).toThrow(RangeError);
    expect(() => applyGuardrails(1, ctx({ weeklyLimit: 4 }))).toThrow(RangeError);
  });

  it("pauses everything while an escalation is open and resumes when it closes", () => {
    expect(applyGuardrails(2, ctx({ escalationOpen: true }))).toEqual([
      { release: false, guardrail: "escalation_open" },
      { release: false, guardrail: "escalation_open" },
    ]);
    expect(applyGuardrails(2, ctx({ escalationOpen: false }))).toEqual([{ release: true }, { release: true }]);
  });

  it("needs human review at health 39 and not at 40", () => {
    expect(applyGuardrails(1, ctx({ health: 39 }))).toEqual([{ release: false, guardrail: "human_review" }]);
    expect(applyGuardrails(1, ctx({ health: 40 }))).toEqual([{ release: true }]);
  });

  it("names the escalation first when several guardrails apply", () => {
    expect(applyGuardrails(1, ctx({ escalationOpen: true, health: 10, releasedAt: [ago(1), ago(1), ago(1)] }))).toEqual(
      [{ release: false, guardrail: "escalation_open" }],
    );
    expect(applyGuardrails(1, ctx({ health: 10, releasedAt: [ago(1), ago(1), ago(1)] }))).toEqual([
      { release: false, guardrail: "human_review" },
    ]);
  });

  it("decides nothing for nothing", () => {
    expect(applyGuardrails(0, ctx())).toEqual([]);
  });
});
