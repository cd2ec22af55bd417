import { describe, expect, it } from "vitest";
import { evaluateJourney, inRenewal, type TJourneyInput } from "./engine";
import type { TCriterion } from "./stages";

const START = new Date("2026-01-01T00:00:00.000Z");
const day = (n: number) => new Date(START.getTime() + n * 86_400_000 + 10 * 3_600_000);
const met = (...cs: [TCriterion, number][]) => new Map(cs.map(([c, d]) => [c, { at: day(d), by: "Sam CSM" }]));
const base = (over: Partial<TJourneyInput>): TJourneyInput => ({
  contractStart: START,
  contractEnd: null,
  current: null,
  met: new Map(),
  now: day(0),
  ...over,
});

describe("stage engine", () => {
  it.each([
    ["onboarding", 89, false],
    ["onboarding", 90, true],
    ["adoption", 179, false],
    ["adoption", 180, true],
    ["growth", 364, false],
    ["growth", 365, true],
    ["maturity", 365, false],
    ["maturity", 2000, false],
  ] as const)("%s on day %i: behind schedule = %s, and time alone never moves it", (stage, d, behind) => {
    const r = evaluateJourney(
      base({ current: { stage, enteredAt: START, renewal: false, advocacy: false }, now: day(d) }),
    );
    expect(r.stage).toBe(stage);
    expect(r.behindSchedule).toBe(behind);
    expect(r.changes).toEqual([]);
  });

  it("starts a new account in Onboarding at contract start", () => {
    const r = evaluateJourney(base({ now: day(10) }));
    expect(r).toMatchObject({
      stage: "onboarding",
      enteredAt: START,
      daysInStage: 10,
      daysSinceStart: 10,
      behindSchedule: false,
    });
  });

  it("does not move with only some of the exit criteria met", () => {
    const r = evaluateJourney(base({ met: met(["went_live", 20]), now: day(120) }));
    expect(r.stage).toBe("onboarding");
    expect(r.behindSchedule).toBe(true);
    expect(r.changes).toEqual([]);
  });

  it("moves when every exit criterion is met, dated at the last one and caused by who marked it", () => {
    const r = evaluateJourney(base({ met: met(["went_live", 20], ["adoption_started", 40]), now: day(50) }));
    expect(r.stage).toBe("adoption");
    expect(r.enteredAt).toEqual(day(40));
    expect(r.daysInStage).toBe(10);
    expect(r.changes).toEqual([
      {
        kind: "stage",
        from: "onboarding",
        to: "adoption",
        at: day(40),
        cause: { type: "criteria", criteria: ["went_live", "adoption_started"], by: "Sam CSM" },
      },
    ]);
  });

  it("never skips a stage: meeting later criteria first waits for the current stage's", () => {
    const r = evaluateJourney(base({ met: met(["daily_use", 10], ["multiple_use_cases", 11]), now: day(60) }));
    expect(r.stage).toBe("onboarding");
  });

  it("passes through each stage in order, one change each, when several stages' criteria are met", () => {
    const r = evaluateJourney(
      base({
        met: met(["went_live", 5], ["adoption_started", 6], ["daily_use", 100], ["multiple_use_cases", 200]),
        now: day(300),
      }),
    );
    expect(r.stage).toBe("maturity");
    expect(r.changes.map((c) => (c.kind === "stage" ? `${c.from}>${c.to}` : c.kind))).toEqual([
      "onboarding>adoption",
      "adoption>growth",
      "growth>maturity",
    ]);
    // A criterion met before the stage was entered moves it at entry, never earlier.
    const early = evaluateJourney(
      base({ met: met(["went_live", 5], ["adoption_started", 6], ["daily_use", 1]), now: day(30) }),
    );
    expect(early.changes[1]).toMatchObject({ from: "adoption", to: "growth", at: day(6) });
  });

  it("is idempotent: evaluating its own result again changes nothing", () => {
    const input = base({ met: met(["went_live", 5], ["adoption_started", 6]), now: day(30) });
    const first = evaluateJourney(input);
    const again = evaluateJourney({ ...input, current: first });
    expect(again.changes).toEqual([]);
    expect(again.stage).toBe(first.stage);
    expect(again.enteredAt).toEqual(first.enteredAt);
  });
});

describe("renewal overlay", () => {
  const END = new Date("2026-12-31T00:00:00.000Z");
  const before = (n: number) => new Date(END.getTime() - n * 86_400_000 + 3_600_000);
  it.each([
    [91, false],
    [90, true],
    [89, true],
    [0, true],
    [-1, false],
  ])("%i days before contract end: renewal = %s", (n, expected) => {
    expect(inRenewal(END, new Map(), before(n))).toBe(expected);
  });

  it("enters at −90 days on top of the lifecycle stage, caused by the calendar", () => {
    const current = { stage: "growth" as const, enteredAt: START, renewal: false, advocacy: false };
    const r = evaluateJourney(base({ contractEnd: END, current, now: before(90) }));
    expect(r).toMatchObject({ stage: "growth", renewal: true, daysToEnd: 90 });
    expect(r.changes).toEqual([
      {
        kind: "renewal",
        entered: true,
        at: before(90),
        cause: { type: "calendar", rule: "contract_end_within_90_days" },
      },
    ]);
    const next = evaluateJourney(base({ contractEnd: END, current: { ...current, renewal: true }, now: before(89) }));
    expect(next.changes).toEqual([]);
  });

  it("leaves when the contract is renewed in this term, not for a renewal of the previous term", () => {
    const current = { stage: "maturity" as const, enteredAt: START, renewal: true, advocacy: false };
    const renewedNow = new Map([["contract_renewed" as const, { at: before(30), by: "Ali" }]]);
    const r = evaluateJourney(base({ contractEnd: END, current, met: renewedNow, now: before(20) }));
    expect(r.renewal).toBe(false);
    expect(r.changes[0]).toMatchObject({ kind: "renewal", entered: false, cause: { type: "criteria", by: "Ali" } });
    const renewedLastTerm = new Map([["contract_renewed" as const, { at: before(400), by: "Ali" }]]);
    expect(inRenewal(END, renewedLastTerm, before(20))).toBe(true);
  });
});

describe("advocacy flag", () => {
  const current = { stage: "maturity" as const, enteredAt: START, renewal: false, advocacy: false };
  it("is earned by an active promoter and kept while it holds", () => {
    const promoter = met(["active_promoter", 400]);
    const r = evaluateJourney(base({ current, met: promoter, now: day(410) }));
    expect(r.advocacy).toBe(true);
    expect(r.changes).toEqual([
      {
        kind: "advocacy",
        gained: true,
        at: day(400),
        cause: { type: "criteria", criteria: ["active_promoter"], by: "Sam CSM" },
      },
    ]);
    const kept = evaluateJourney(base({ current: { ...current, advocacy: true }, met: promoter, now: day(600) }));
    expect(kept.advocacy).toBe(true);
    expect(kept.changes).toEqual([]);
  });

  it("is lost when the promoter mark is withdrawn", () => {
    const r = evaluateJourney(base({ current: { ...current, advocacy: true }, now: day(600) }));
    expect(r.advocacy).toBe(false);
    expect(r.changes[0]).toMatchObject({ kind: "advocacy", gained: false, cause: { type: "criteria_withdrawn" } });
  });

  it("does not move the lifecycle stage", () => {
    const r = evaluateJourney(base({ met: met(["active_promoter", 3]), now: day(10) }));
    expect(r).toMatchObject({ stage: "onboarding", advocacy: true });
  });
});
