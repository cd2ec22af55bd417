import { describe, expect, it } from "vitest";
import { DEFAULT_WEIGHTS, journeyHealth, trendOf, ZWeights, type THealthInput } from "./health";

const input = (over: Partial<THealthInput> = {}): THealthInput => ({
  stage: "adoption",
  daysSinceStart: 90,
  daysInStage: 0,
  daysSinceActivity: 1,
  touchpointsDone: 4,
  touchpointsResponded: 2,
  criteriaMet: 0,
  criteriaTotal: 1,
  tasksDue: 1,
  tasksDone: 1,
  escalationOpen: false,
  behindSchedule: false,
  atRiskScore: null,
  ...over,
});

describe("journey health", () => {
  it("weights the four factors (defaults 30/30/25/15)", () => {
    const h = journeyHealth(input());
    expect(h.factors.progression.score).toBe(100);
    expect(h.factors.engagement.score).toBe(75); // activity 100, response 50 %
    expect(h.factors.milestones.score).toBe(50); // 1 of 2
    expect(h.factors.risk.score).toBe(100);
    expect(h.score).toBe(Math.round(0.3 * 100 + 0.3 * 75 + 0.25 * 50 + 0.15 * 100));
  });

  it("follows the configured weights", () => {
    const onlyMilestones = { progression: 0, engagement: 0, milestones: 100, risk: 0 };
    expect(journeyHealth(input(), onlyMilestones).score).toBe(50);
    expect(journeyHealth(input(), { progression: 100, engagement: 0, milestones: 0, risk: 0 }).score).toBe(100);
    expect(() => journeyHealth(input(), { ...DEFAULT_WEIGHTS, risk: 16 })).toThrow(RangeError);
    expect(ZWeights.safeParse({ ...DEFAULT_WEIGHTS, risk: 16 }).success).toBe(false);
    expect(ZWeights.safeParse(DEFAULT_WEIGHTS).success).toBe(true);
  });

  it("lowers risk for an open escalation, behind schedule and the at-risk score when present", () => {
    expect(journeyHealth(input({ escalationOpen: true })).factors.risk).toMatchObject({
      score: 50,
      note: "escalation",
    });
    expect(journeyHealth(input({ escalationOpen: true, behindSchedule: true })).factors.risk.score).toBe(20);
    expect(journeyHealth(input({ atRiskScore: 50 })).factors.risk).toMatchObject({ score: 80, note: "at_risk" });
    expect(journeyHealth(input()).factors.risk.note).toBe("none_no_score");
  });

  it("scores progression down from the window end when behind", () => {
    const late = journeyHealth(input({ stage: "onboarding", daysSinceStart: 135 })).factors.progression;
    expect(late).toMatchObject({ score: 40, note: "behind", values: { days: 45 } });
    expect(journeyHealth(input({ stage: "onboarding", daysSinceStart: 89 })).factors.progression.score).toBe(80);
  });

  it("uses activity alone when no touchpoint was completed, and nothing when never active", () => {
    expect(journeyHealth(input({ touchpointsDone: 0, daysSinceActivity: 30 })).factors.engagement.score).toBe(0);
    expect(journeyHealth(input({ touchpointsDone: 0, daysSinceActivity: null })).factors.engagement.note).toBe(
      "no_activity",
    );
  });

  it("gives trends only against a value 30 days ago", () => {
    expect(trendOf(50, 47)).toBe("up");
    expect(trendOf(50, 48)).toBe("flat");
    expect(trendOf(50, 53)).toBe("down");
    expect(trendOf(50, null)).toBeNull();
  });
});
