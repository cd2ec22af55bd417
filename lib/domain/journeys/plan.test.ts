import { describe, expect, it } from "vitest";
import { DEFAULT_PLAN, dueTouchpoints, upcomingTouchpoints, ZPlan } from "./plan";
import { meetsTarget } from "./metrics";

const START = new Date("2026-01-01T00:00:00.000Z");
const day = (n: number) => new Date(START.getTime() + n * 86_400_000 + 3_600_000);
const ctx = (over: Partial<Parameters<typeof dueTouchpoints>[1]> = {}) => ({
  stage: "onboarding" as const,
  enteredAt: START,
  renewal: false,
  contractEnd: null,
  signals: new Map(),
  now: day(0),
  ...over,
});

describe("touchpoint plan", () => {
  it("has the spec's defaults and validates edits", () => {
    expect(DEFAULT_PLAN).toHaveLength(18);
    expect(ZPlan.safeParse(DEFAULT_PLAN).success).toBe(true);
    expect(ZPlan.safeParse([...DEFAULT_PLAN, DEFAULT_PLAN[0]]).success).toBe(false);
    expect(ZPlan.safeParse([]).success).toBe(false);
  });

  it("makes day touchpoints due on their day of the stage", () => {
    expect(dueTouchpoints(DEFAULT_PLAN, ctx({ now: day(6) })).map((t) => t.key)).toEqual([
      "welcome_sequence",
      "kickoff_scheduling",
    ]);
    expect(dueTouchpoints(DEFAULT_PLAN, ctx({ now: day(7) })).map((t) => t.key)).toContain("implementation_check");
  });

  it("fires signal touchpoints only on an observed signal in the stage", () => {
    const adoption = ctx({ stage: "adoption", enteredAt: day(90), now: day(100) });
    expect(dueTouchpoints(DEFAULT_PLAN, adoption)).toEqual([]);
    const closed = dueTouchpoints(DEFAULT_PLAN, { ...adoption, signals: new Map([["ticket_closed", day(95)]]) });
    expect(closed.map((t) => t.key)).toEqual(["csat_survey"]);
  });

  it("plans renewal touchpoints counting down to the end only in the overlay", () => {
    const end = day(400);
    const renewal = ctx({ stage: "growth", enteredAt: day(200), renewal: true, contractEnd: end, now: day(341) });
    expect(dueTouchpoints(DEFAULT_PLAN, renewal).map((t) => t.key)).toEqual([
      "quarterly_business_review",
      "renewal_planning",
      "value_review",
    ]);
    expect(dueTouchpoints(DEFAULT_PLAN, { ...renewal, renewal: false }).map((t) => t.key)).toEqual([
      "quarterly_business_review",
    ]);
    expect(upcomingTouchpoints(DEFAULT_PLAN, renewal).map((t) => t.key)).toContain("proposal_sent");
  });

  it("compares portfolio metrics strictly with their targets", () => {
    expect(meetsTarget("progression_rate", 75)).toBe(false);
    expect(meetsTarget("progression_rate", 75.1)).toBe(true);
    expect(meetsTarget("time_to_value", 89)).toBe(true);
    expect(meetsTarget("drop_off", 15)).toBe(false);
    expect(meetsTarget("engagement", null)).toBeNull();
  });
});
