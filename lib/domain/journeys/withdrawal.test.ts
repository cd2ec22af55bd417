import { describe, expect, it } from "vitest";
import {
  evaluateJourney,
  reachedStage,
  stageAfterWithdrawal,
  stageChangeOfMark,
  type TJourneyInput,
  type TJourneyPosition,
} from "./engine";
import type { TCriterion, TStage } from "./stages";

// Issue 12 item 10: a stage-changing mark is confirmed (naming the stage it causes), and withdrawing
// the criterion that caused a move reverts it.
const START = new Date("2026-01-01T00:00:00.000Z");
const day = (n: number) => new Date(START.getTime() + n * 86_400_000 + 10 * 3_600_000);
const met = (...cs: [TCriterion, number][]) => new Map(cs.map(([c, d]) => [c, { at: day(d), by: "Sam CSM" }]));
const at = (stage: TStage, d: number): TJourneyPosition => ({
  stage,
  enteredAt: day(d),
  renewal: false,
  advocacy: false,
});
const input = (over: Partial<TJourneyInput>): TJourneyInput => ({
  contractStart: START,
  contractEnd: null,
  current: null,
  met: new Map(),
  now: day(3),
  ...over,
});

describe("stageChangeOfMark (what the journey tab asks to confirm)", () => {
  it("names Adoption for the mark that completes Onboarding's exit criteria on day 3", () => {
    const i = input({ current: at("onboarding", 0), met: met(["went_live", 2]) });
    expect(stageChangeOfMark(i, "adoption_started", true)).toEqual({ from: "onboarding", to: "adoption" });
  });

  it("needs no confirmation for marks that change no stage", () => {
    const i = input({ current: at("onboarding", 0), met: met(["went_live", 2]) });
    expect(stageChangeOfMark(input({ current: at("onboarding", 0) }), "went_live", true)).toBeNull();
    expect(stageChangeOfMark(i, "daily_use", true)).toBeNull(); // a later stage's criterion never skips
    expect(stageChangeOfMark(i, "active_promoter", true)).toBeNull(); // a flag, not a stage
    expect(stageChangeOfMark(i, "went_live", false)).toBeNull(); // withdrawing inside the current stage
    expect(stageChangeOfMark(i, "went_live", true)).toBeNull(); // already marked: the server refuses it
  });

  it("names the stage a withdrawal goes back to", () => {
    const i = input({ current: at("adoption", 3), met: met(["went_live", 2], ["adoption_started", 3]), now: day(5) });
    expect(stageChangeOfMark(i, "adoption_started", false)).toEqual({ from: "adoption", to: "onboarding" });
  });

  it("names the last stage when a mark passes through several", () => {
    const i = input({
      current: at("onboarding", 0),
      met: met(["went_live", 1], ["daily_use", 2], ["multiple_use_cases", 2]),
    });
    expect(stageChangeOfMark(i, "adoption_started", true)).toEqual({ from: "onboarding", to: "maturity" });
  });
});

describe("withdrawing a criterion", () => {
  it("reverts the move it caused: back to the earlier stage, its entry date restored, caused by who withdrew", () => {
    const r = evaluateJourney(
      input({
        current: at("adoption", 3),
        met: met(["went_live", 2]),
        now: day(5),
        withdrawn: { criterion: "adoption_started", by: "Casey CSM" },
      }),
    );
    expect(r).toMatchObject({ stage: "onboarding", enteredAt: START, daysInStage: 5 });
    expect(r.changes).toEqual([
      {
        kind: "stage",
        from: "adoption",
        to: "onboarding",
        at: day(5),
        cause: { type: "criteria_withdrawn", criteria: ["adoption_started"], by: "Casey CSM" },
      },
    ]);
  });

  it("with later moves since, goes back to the furthest stage the remaining criteria reach, restoring its entry", () => {
    const all = met(["went_live", 2], ["adoption_started", 3], ["daily_use", 100], ["multiple_use_cases", 200]);
    const entries = [
      { stage: "adoption" as const, at: day(3) },
      { stage: "growth" as const, at: day(100) },
      { stage: "maturity" as const, at: day(200) },
    ];
    // The criterion that caused Growth: back to Adoption, entered on day 3.
    const noDaily = new Map(all);
    noDaily.delete("daily_use");
    const a = evaluateJourney(
      input({
        current: at("maturity", 200),
        met: noDaily,
        now: day(210),
        entries,
        withdrawn: { criterion: "daily_use", by: "Casey CSM" },
      }),
    );
    expect(a).toMatchObject({ stage: "adoption", enteredAt: day(3) });
    expect(a.changes).toMatchObject([{ kind: "stage", from: "maturity", to: "adoption" }]);
    // Onboarding's criterion, under three later moves: one move back to Onboarding.
    const noLive = new Map(all);
    noLive.delete("went_live");
    const b = evaluateJourney(
      input({
        current: at("maturity", 200),
        met: noLive,
        now: day(210),
        entries,
        withdrawn: { criterion: "went_live", by: "x" },
      }),
    );
    expect(b).toMatchObject({ stage: "onboarding", enteredAt: START });
    expect(b.changes).toHaveLength(1);
  });

  it("re-marking after a revert moves forward again, dated at the new mark", () => {
    const reverted = evaluateJourney(
      input({
        current: at("adoption", 3),
        met: met(["went_live", 2]),
        now: day(5),
        withdrawn: { criterion: "adoption_started", by: "x" },
      }),
    );
    const again = evaluateJourney(
      input({ current: reverted, met: met(["went_live", 2], ["adoption_started", 6]), now: day(6) }),
    );
    expect(again).toMatchObject({ stage: "adoption", enteredAt: day(6) });
    expect(again.changes).toMatchObject([{ from: "onboarding", to: "adoption", cause: { type: "criteria" } }]);
  });

  it("leaves the stage alone for a criterion of the current or a later stage, a flag, or the renewal mark", () => {
    expect(stageAfterWithdrawal("adoption", "daily_use", met(["went_live", 1], ["adoption_started", 2]))).toBeNull();
    expect(stageAfterWithdrawal("adoption", "multiple_use_cases", met(["went_live", 1]))).toBeNull();
    expect(stageAfterWithdrawal("growth", "active_promoter", met())).toBeNull();
    expect(stageAfterWithdrawal("growth", "contract_renewed", met())).toBeNull();
    expect(stageAfterWithdrawal("onboarding", "went_live", met())).toBeNull();
  });

  it("moves nothing without a withdrawal: time and unrelated evaluations never move back", () => {
    const r = evaluateJourney(input({ current: at("growth", 100), met: met(), now: day(400) }));
    expect(r.stage).toBe("growth");
    expect(r.changes).toEqual([]);
  });

  it("restores the stage's window start for an account placed without a recorded entry (older data)", () => {
    const r = evaluateJourney(
      input({
        current: at("growth", 190),
        met: met(["went_live", 1], ["adoption_started", 2]),
        now: day(200),
        withdrawn: { criterion: "daily_use", by: "x" },
      }),
    );
    expect(r).toMatchObject({ stage: "adoption", enteredAt: new Date(START.getTime() + 90 * 86_400_000) });
  });

  it("reachedStage follows the chain of exit criteria from Onboarding", () => {
    expect(reachedStage(met())).toBe("onboarding");
    expect(reachedStage(met(["went_live", 1], ["adoption_started", 1]))).toBe("adoption");
    expect(reachedStage(met(["went_live", 1], ["daily_use", 1], ["multiple_use_cases", 1]))).toBe("onboarding");
    expect(
      reachedStage(met(["went_live", 1], ["adoption_started", 1], ["daily_use", 1], ["multiple_use_cases", 1])),
    ).toBe("maturity");
  });
});
