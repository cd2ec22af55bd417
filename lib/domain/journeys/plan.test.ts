import { describe, expect, it } from "vitest";
import { CATCH_UP_DAYS, DEFAULT_PLAN, dueTouchpoints, isMissed, upcomingTouchpoints, ZPlan } from "./plan";
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

describe("catch-up window", () => {
  const missedKeys = (c: Parameters<typeof dueTouchpoints>[1]) =>
    dueTouchpoints(DEFAULT_PLAN, c)
      .filter((t) => t.missed)
      .map((t) => t.key);
  const actionable = (c: Parameters<typeof dueTouchpoints>[1]) =>
    dueTouchpoints(DEFAULT_PLAN, c)
      .filter((t) => !t.missed)
      .map((t) => t.key);

  it("gives automated touchpoints 14 days and CSM tasks 30", () => {
    expect(CATCH_UP_DAYS).toEqual({ system: 14, csm: 30 });
    const due = new Date("2026-03-01T09:00:00.000Z");
    const at = (days: number, hour = 9) => new Date(Date.UTC(2026, 2, 1 + days, hour));
    expect(isMissed("system", due, at(14, 23))).toBe(false);
    expect(isMissed("system", due, at(15, 0))).toBe(true);
    expect(isMissed("csm", due, at(30, 23))).toBe(false);
    expect(isMissed("csm", due, at(31, 0))).toBe(true);
    // Not yet due (or due today) is never missed.
    expect(isMissed("system", due, at(0, 8))).toBe(false);
  });

  it("welcome sequence: acted on 14 days after the contract start, missed on day 15", () => {
    expect(actionable(ctx({ now: day(14) }))).toContain("welcome_sequence");
    expect(missedKeys(ctx({ now: day(14) }))).toEqual([]);
    expect(missedKeys(ctx({ now: day(15) }))).toEqual(["welcome_sequence"]);
    // The first milestone (day 14) is due on day 15 too and still on time.
    expect(actionable(ctx({ now: day(15) }))).toEqual([
      "kickoff_scheduling",
      "implementation_check",
      "first_milestone",
    ]);
  });

  it("CSM tasks get 30 days: kickoff (day 1) is a task on day 31, missed on day 32", () => {
    expect(actionable(ctx({ now: day(31) }))).toContain("kickoff_scheduling");
    expect(missedKeys(ctx({ now: day(32) }))).toEqual(["welcome_sequence", "kickoff_scheduling", "first_milestone"]);
  });

  it("an account 438 days into onboarding gets nothing actionable from its stage's day plan", () => {
    const late = dueTouchpoints(DEFAULT_PLAN, ctx({ now: day(438) }));
    expect(late.map((t) => t.key)).toEqual([
      "welcome_sequence",
      "kickoff_scheduling",
      "implementation_check",
      "first_milestone",
      "adoption_review",
    ]);
    expect(late.every((t) => t.missed)).toBe(true);
  });

  it("renewal countdown: a first plan 20 days before the end misses planning and value review, keeps the proposal", () => {
    const end = day(400);
    const renewal = ctx({ stage: "maturity", enteredAt: day(0), renewal: true, contractEnd: end, now: day(380) });
    const due = dueTouchpoints(DEFAULT_PLAN, renewal).filter((t) => t.stage === "renewal");
    expect(due.map((t) => `${t.key}:${t.missed}`)).toEqual([
      "renewal_planning:true",
      "value_review:true",
      "proposal_sent:false",
    ]);
    // The proposal (due at −30) is still a task exactly 30 days after it fell due, and missed a day later.
    const at = (n: number) =>
      dueTouchpoints(DEFAULT_PLAN, { ...renewal, now: day(n) }).find((t) => t.key === "proposal_sent");
    expect(at(400)?.missed).toBe(false);
    expect(at(401)?.missed).toBe(true);
  });

  it("signal touchpoints count from the signal: a CSAT survey 14 days after the ticket closed is sent, 15 is missed", () => {
    const adoption = ctx({ stage: "adoption", enteredAt: day(90), now: day(114) });
    const closed = (n: number) =>
      dueTouchpoints(DEFAULT_PLAN, { ...adoption, signals: new Map([["ticket_closed", day(100)]]), now: day(n) });
    expect(closed(114).map((t) => `${t.key}:${t.missed}`)).toEqual(["csat_survey:false"]);
    expect(closed(115).map((t) => `${t.key}:${t.missed}`)).toEqual(["csat_survey:true"]);
  });

  it("the quarterly review is a CSM task for 30 days into the quarter", () => {
    const growth = ctx({ stage: "growth", enteredAt: day(200) });
    const qbr = (n: number) =>
      dueTouchpoints(DEFAULT_PLAN, { ...growth, now: day(n) }).find((t) => t.key === "quarterly_business_review");
    expect(qbr(200 + 91 + 30)).toMatchObject({ cycle: "q:2026-07-20:1", missed: false });
    expect(qbr(200 + 91 + 31)).toMatchObject({ cycle: "q:2026-07-20:1", missed: true });
  });

  it("upcoming touchpoints are never flagged missed", () => {
    expect(upcomingTouchpoints(DEFAULT_PLAN, ctx({ now: day(2) })).every((t) => !t.missed)).toBe(true);
  });
});
