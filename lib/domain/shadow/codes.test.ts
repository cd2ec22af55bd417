import { describe, expect, it } from "vitest";
import { TIERS as ACCOUNT_TIERS } from "../accounts/tiers";
import { NUDGE_TEMPLATES } from "../nudges/heuristic";
import {
  dayWindow,
  DAY_WINDOWS,
  sentBitFor,
  SENT_DAY1,
  SENT_DAY3,
  SENT_DAY7,
  TEMPLATES,
  tierCode,
  TIERS,
} from "./codes";

describe("codes", () => {
  it("keeps the tiers and templates of the modules that own them, in their order", () => {
    expect(TIERS).toEqual(ACCOUNT_TIERS);
    expect(TEMPLATES).toEqual(NUDGE_TEMPLATES);
  });

  it("reads an unknown tier as free (spec)", () => {
    expect(TIERS[tierCode("platinum")]).toBe("free");
    expect(TIERS[tierCode("enterprise")]).toBe("enterprise");
  });

  it("puts each day in the window of the heuristic's table", () => {
    const windows = [-1, 0, 1, 2, 3, 4, 5, 6, 7, 10, 11, 29, 30, 31].map((d) => DAY_WINDOWS[dayWindow(d)]);
    expect(windows).toEqual([
      "unknown",
      "day 0",
      "days 1–2",
      "days 1–2",
      "days 3–4",
      "days 3–4",
      "days 5–6",
      "days 5–6",
      "days 7–10",
      "days 7–10",
      "days 11–29",
      "days 11–29",
      "days 30+",
      "days 30+",
    ]);
  });

  it("maps each nudge to the sent flag that makes a shadow none a known divergence", () => {
    expect(TEMPLATES.map((t, code) => [t, sentBitFor(code)])).toEqual([
      ["day1-pair-screen", SENT_DAY1],
      ["day3-upload-content", SENT_DAY3],
      ["day7-create-schedule", SENT_DAY7],
      ["none", 0],
    ]);
  });
});
