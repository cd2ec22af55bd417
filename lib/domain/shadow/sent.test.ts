import { describe, expect, it } from "vitest";
import { compareWithSent, latestSent, latestSuggestions, sentOutcome, type TSentState } from "./sent";
import { heartbeatRow, readShadow, shadowRow } from "../../shadow/scan/test-fixtures";

const nothing: TSentState = { day1: null, day3: null, day7: null };
const sent = (s: Partial<TSentState>): TSentState => ({ ...nothing, ...s });

describe("latestSent", () => {
  it("is none when nothing went out", () => {
    expect(latestSent(nothing)).toEqual({ template: "none", at: null });
  });

  it("takes the nudge with the latest sent-at time, not the latest in the sequence", () => {
    expect(latestSent(sent({ day1: 300, day3: 200 })).template).toBe("day1-pair-screen");
    expect(latestSent(sent({ day1: 100, day3: 200, day7: 150 }))).toEqual({ template: "day3-upload-content", at: 200 });
  });

  it("breaks a tie at the same instant towards the later nudge of the sequence", () => {
    expect(latestSent(sent({ day1: 100, day7: 100 })).template).toBe("day7-create-schedule");
  });
});

describe("sentOutcome", () => {
  it("agrees when the shadow suggests exactly what went out last, or nothing when nothing did", () => {
    expect(sentOutcome("none", nothing)).toBe("agree");
    expect(sentOutcome("day3-upload-content", sent({ day1: 1, day3: 2 }))).toBe("agree");
  });

  it("is pending when the shadow suggests a nudge nothing was sent for yet", () => {
    expect(sentOutcome("day1-pair-screen", nothing)).toBe("pending");
    // day3 suggested, only day1 sent so far: day3 is still to go out.
    expect(sentOutcome("day3-upload-content", sent({ day1: 1 }))).toBe("pending");
  });

  it("disagrees when something went out the shadow did not suggest, or its nudge was overtaken", () => {
    expect(sentOutcome("none", sent({ day1: 1 }))).toBe("disagree");
    expect(sentOutcome("day1-pair-screen", sent({ day1: 1, day3: 2 }))).toBe("disagree");
  });

  it("is unmatched for an organization the console does not know", () => {
    expect(sentOutcome("none", null)).toBe("unmatched");
    expect(sentOutcome("day7-create-schedule", null)).toBe("unmatched");
  });
});

describe("compareWithSent", () => {
  it("is all zeros with no agreement figure for no input", () => {
    const r = compareWithSent([]);
    expect(r).toMatchObject({ orgs: 0, agree: 0, pending: 0, disagree: 0, unmatched: 0, agreement_pct: null });
    expect(r.disagreement_samples).toEqual([]);
    expect(Object.values(r.confusion["none"]!)).toEqual([0, 0, 0, 0]);
  });

  it("counts each outcome, fills the shadow × sent matrix and keeps disagreement samples", () => {
    const r = compareWithSent([
      { organization_id: "a", shadow_template: "none", sent: nothing },
      { organization_id: "b", shadow_template: "day1-pair-screen", sent: sent({ day1: Date.UTC(2026, 0, 2) }) },
      { organization_id: "c", shadow_template: "day3-upload-content", sent: nothing },
      { organization_id: "d", shadow_template: "none", sent: sent({ day7: Date.UTC(2026, 0, 3) }) },
      { organization_id: "e", shadow_template: "day1-pair-screen", sent: null },
    ]);
    expect(r).toMatchObject({ orgs: 5, agree: 2, pending: 1, disagree: 1, unmatched: 1 });
    expect(r.agreement_pct).toBeCloseTo((100 * 2) / 3);
    expect(r.confusion["none"]!["none"]).toBe(1);
    expect(r.confusion["day1-pair-screen"]!["day1-pair-screen"]).toBe(1);
    expect(r.confusion["day3-upload-content"]!["none"]).toBe(1);
    expect(r.confusion["none"]!["day7-create-schedule"]).toBe(1);
    const total = Object.values(r.confusion).reduce((n, row) => n + Object.values(row).reduce((a, b) => a + b, 0), 0);
    expect(total).toBe(4); // the unmatched org is in no cell
    expect(r.disagreement_samples).toEqual([
      {
        organization_id: "d",
        shadow_template: "none",
        sent_template: "day7-create-schedule",
        sent_at: "2026-01-03T00:00:00.000Z",
      },
    ]);
  });

  it("caps the samples", () => {
    const inputs = Array.from({ length: 50 }, (_, i) => ({
      organization_id: `o${i}`,
      shadow_template: "none" as const,
      sent: sent({ day1: i }),
    }));
    const r = compareWithSent(inputs, { sampleLimit: 5 });
    expect(r.disagree).toBe(50);
    expect(r.disagreement_samples.map((s) => s.organization_id)).toEqual(["o0", "o1", "o2", "o3", "o4"]);
    expect(compareWithSent(inputs).disagreement_samples).toHaveLength(30);
  });

  it("refuses an organization listed twice rather than counting it twice", () => {
    const row = { organization_id: "a", shadow_template: "none" as const, sent: nothing };
    expect(() => compareWithSent([row, row])).toThrow(/listed twice/);
  });
});

describe("latestSuggestions", () => {
  it("takes each org's latest nudge decision, ignoring later `none`s; `none` when it never suggested one", () => {
    const log = readShadow(
      [
        shadowRow({ org: "a", minute: 0, template: "day1-pair-screen" }),
        shadowRow({ org: "b", minute: 0, template: "none" }),
        heartbeatRow(5),
        shadowRow({ org: "a", minute: 30, template: "day3-upload-content" }),
        shadowRow({ org: "a", minute: 60, template: "none" }),
        // Out of time order: an older suggestion logged later does not win.
        shadowRow({ org: "a", minute: 10, template: "day7-create-schedule" }),
        shadowRow({ org: "b", minute: 30, template: null }),
        "",
      ].join("\n"),
    ).log();
    expect([...latestSuggestions(log.rows, log.orgNames)]).toEqual([
      ["a", "day3-upload-content"],
      ["b", "none"],
    ]);
  });

  it("at the same instant, the later line wins", () => {
    const log = readShadow(
      `${shadowRow({ org: "a", minute: 0, template: "day1-pair-screen" })}\n${shadowRow({ org: "a", minute: 0, template: "day3-upload-content" })}\n`,
    ).log();
    expect(latestSuggestions(log.rows, log.orgNames).get("a")).toBe("day3-upload-content");
  });

  it("is empty for an empty log", () => {
    const log = readShadow("").log();
    expect(latestSuggestions(log.rows, log.orgNames).size).toBe(0);
  });
});
