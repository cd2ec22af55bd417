import { describe, expect, it } from "vitest";
import { isWellFormedCandidate, parseCandidatesDocument, ZNudgeCandidate, type TNudgeCandidate } from "./candidate";
import { DECISIONS, decideNudge, decideNudgeSendAware } from "./heuristic";

type TFlags = TNudgeCandidate["milestone_flags"];
type TSent = TNudgeCandidate["nudges_sent"];

const NO_FLAGS: TFlags = {
  welcomed: false,
  screen_paired: false,
  content_uploaded: false,
  playlist_created: false,
  schedule_created: false,
};
const NOTHING_SENT: TSent = { day1: false, day3: false, day7: false };

function candidate(days: number, flags: Partial<TFlags> = {}, sent: Partial<TSent> = {}): TNudgeCandidate {
  return {
    organization_id: "org_1",
    tier: "starter",
    days_since_signup: days,
    milestone_flags: { ...NO_FLAGS, ...flags },
    nudges_sent: { ...NOTHING_SENT, ...sent },
  };
}

const templateAt = (days: number, flags: Partial<TFlags> = {}) => decideNudge(candidate(days, flags)).template;

describe("decideNudge (reference heuristic)", () => {
  it.each([
    [0, "none", "none"],
    [1, "day1-pair-screen", "send_nudge"],
    [2, "day1-pair-screen", "send_nudge"],
    [3, "day3-upload-content", "send_nudge"],
    [4, "day3-upload-content", "send_nudge"],
    [5, "none", "none"],
    [6, "none", "none"],
    [7, "day7-create-schedule", "send_nudge"],
    [10, "day7-create-schedule", "send_nudge"],
    [11, "none", "none"],
    [29, "none", "none"],
    [30, "none", "auto_complete"],
    [31, "none", "auto_complete"],
  ])("day %i with no milestones → %s (%s)", (days, template, action) => {
    const d = decideNudge(candidate(days));
    expect(d.template).toBe(template);
    expect(d.action).toBe(action);
  });

  it("gives the spec's reasons and confidences", () => {
    expect(decideNudge(candidate(1))).toEqual({
      template: "day1-pair-screen",
      action: "send_nudge",
      reason: "no screen paired after day 1",
      confidence: 0.9,
    });
    expect(decideNudge(candidate(3))).toMatchObject({ reason: "no content uploaded after day 3", confidence: 0.85 });
    expect(decideNudge(candidate(7))).toMatchObject({ reason: "no schedule after week 1", confidence: 0.8 });
    expect(decideNudge(candidate(5))).toEqual({
      template: "none",
      action: "none",
      reason: "no nudge window matched",
      confidence: 1,
    });
    expect(decideNudge(candidate(30))).toEqual({
      template: "none",
      action: "auto_complete",
      reason: "onboarding window over (30+ days)",
      confidence: 1,
    });
  });

  it("lets each window's own flag suppress only that window", () => {
    expect(templateAt(1, { screen_paired: true })).toBe("none");
    expect(templateAt(3, { screen_paired: true })).toBe("day3-upload-content");
    expect(templateAt(7, { screen_paired: true })).toBe("day7-create-schedule");

    expect(templateAt(4, { content_uploaded: true })).toBe("none");
    expect(templateAt(2, { content_uploaded: true })).toBe("day1-pair-screen");
    expect(templateAt(10, { content_uploaded: true })).toBe("day7-create-schedule");

    expect(templateAt(7, { schedule_created: true })).toBe("none");
    expect(templateAt(10, { schedule_created: true })).toBe("none");
    expect(templateAt(1, { schedule_created: true })).toBe("day1-pair-screen");
    expect(templateAt(3, { schedule_created: true })).toBe("day3-upload-content");
  });

  it("never makes up a missed window (day 3, content uploaded, no screen → none)", () => {
    expect(templateAt(3, { content_uploaded: true })).toBe("none");
    expect(templateAt(7, { schedule_created: true })).toBe("none");
  });

  it("is not swayed by welcomed, playlist_created or tier", () => {
    for (const days of [0, 1, 3, 5, 7, 11, 30]) {
      const plain = decideNudge(candidate(days));
      expect(decideNudge(candidate(days, { welcomed: true, playlist_created: true }))).toBe(plain);
      for (const tier of ["free", "pro", "enterprise"] as const) {
        const withTier: TNudgeCandidate = { ...candidate(days), tier };
        expect(decideNudge(withTier)).toBe(plain);
      }
    }
  });

  it("still auto-completes at 30+ days with every milestone done", () => {
    const all = { screen_paired: true, content_uploaded: true, schedule_created: true };
    expect(decideNudge(candidate(30, all)).action).toBe("auto_complete");
    expect(decideNudge(candidate(1, all))).toBe(DECISIONS.none);
  });

  it("ignores nudges already sent", () => {
    const allSent = { day1: true, day3: true, day7: true };
    expect(decideNudge(candidate(1, {}, allSent)).template).toBe("day1-pair-screen");
    expect(decideNudge(candidate(3, {}, allSent)).template).toBe("day3-upload-content");
    expect(decideNudge(candidate(7, {}, allSent)).template).toBe("day7-create-schedule");
  });

  it("returns frozen shared outcomes", () => {
    const d = decideNudge(candidate(1));
    expect(d).toBe(decideNudge(candidate(2)));
    expect(Object.isFrozen(d)).toBe(true);
  });
});

describe("decideNudgeSendAware", () => {
  it.each([
    [1, "day1", "day1 nudge already sent"],
    [3, "day3", "day3 nudge already sent"],
    [7, "day7", "day7 nudge already sent"],
  ] as const)("day %i with %s sent → none, saying so", (days, key, reason) => {
    const d = decideNudgeSendAware(candidate(days, {}, { [key]: true }));
    expect(d).toEqual({ template: "none", action: "none", reason, confidence: 1 });
  });

  it("sends what the reference sends when that nudge was not sent yet", () => {
    // Another window's nudge having gone out does not suppress this one.
    expect(decideNudgeSendAware(candidate(3, {}, { day1: true, day7: true }))).toBe(DECISIONS.day3);
    expect(decideNudgeSendAware(candidate(10, {}, { day1: true, day3: true }))).toBe(DECISIONS.day7);
    expect(decideNudgeSendAware(candidate(2))).toBe(DECISIONS.day1);
  });

  it("agrees with the reference where no nudge is due", () => {
    const allSent = { day1: true, day3: true, day7: true };
    for (const days of [0, 5, 6, 11, 29, 30, 31]) {
      expect(decideNudgeSendAware(candidate(days, {}, allSent))).toBe(decideNudge(candidate(days)));
    }
    expect(decideNudgeSendAware(candidate(1, { screen_paired: true }, allSent))).toBe(DECISIONS.none);
  });
});

describe("candidate schema", () => {
  const wire = (over: Record<string, unknown> = {}) => ({ ...candidate(3), ...over });
  const doc = (...candidates: unknown[]) => ({ candidates, total: candidates.length });
  const errorOf = (input: unknown) => {
    const r = parseCandidatesDocument(input);
    return r.ok ? undefined : r.error;
  };

  it("accepts the wire shape and an empty listing", () => {
    expect(parseCandidatesDocument(doc(wire()))).toEqual({ ok: true, document: doc(wire()) });
    expect(parseCandidatesDocument({ candidates: [], total: 0 })).toEqual({
      ok: true,
      document: { candidates: [], total: 0 },
    });
  });

  it("reads an unknown tier as free, and refuses a tier that is not a string", () => {
    expect(ZNudgeCandidate.parse(wire({ tier: "platinum" })).tier).toBe("free");
    expect(ZNudgeCandidate.parse(wire({ tier: "enterprise" })).tier).toBe("enterprise");
    expect(errorOf(doc(wire({ tier: 3 })))).toBe("candidates[0].tier: expected string, got number");
    expect(decideNudge(ZNudgeCandidate.parse(wire({ tier: "platinum" })))).toBe(DECISIONS.day3);
  });

  it("names the candidate index and field path of a mistyped flag", () => {
    const bad = wire({ milestone_flags: { ...NO_FLAGS, screen_paired: "yes" } });
    expect(errorOf(doc(wire(), wire(), wire(), bad))).toBe(
      "candidates[3].milestone_flags.screen_paired: expected boolean, got string",
    );
  });

  it("names a missing field", () => {
    const { nudges_sent: _, ...withoutSent } = wire();
    expect(errorOf(doc(withoutSent))).toBe("candidates[0].nudges_sent: missing (expected an object)");
    expect(errorOf(doc(wire({ nudges_sent: { day1: false, day3: false } })))).toBe(
      "candidates[0].nudges_sent.day7: missing (expected boolean)",
    );
    expect(errorOf({ candidates: [] })).toBe("total: missing (expected number)");
    expect(errorOf({ total: 0 })).toBe("candidates: missing (expected an array)");
  });

  it("refuses negative, fractional and non-numeric days", () => {
    expect(errorOf(doc(wire({ days_since_signup: -1 })))).toBe("candidates[0].days_since_signup: must be ≥ 0, got -1");
    expect(errorOf(doc(wire({ days_since_signup: 2.5 })))).toBe(
      "candidates[0].days_since_signup: expected a whole number, got 2.5",
    );
    expect(errorOf(doc(wire({ days_since_signup: "3" })))).toBe(
      "candidates[0].days_since_signup: expected number, got string",
    );
  });

  it("refuses an empty organization id and a document that is not an object", () => {
    expect(errorOf(doc(wire({ organization_id: "" })))).toBe("candidates[0].organization_id: must not be empty");
    expect(errorOf([])).toBe("document: expected an object, got an array");
    expect(errorOf(null)).toBe("document: expected an object, got null");
  });

  it("counts further problems after the first", () => {
    expect(errorOf(doc(wire({ tier: null }), wire({ days_since_signup: -2 })))).toBe(
      "candidates[0].tier: expected string, got null (and 1 more problem)",
    );
  });

  it("tolerates and drops extra keys, at every level", () => {
    const extra = wire({ name: "Acme", milestone_flags: { ...NO_FLAGS, trial: true } });
    const r = parseCandidatesDocument({ ...doc(extra), next_cursor: "x" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.document).toEqual(doc(wire()));
    expect(r.document.candidates[0]).not.toHaveProperty("name");
  });

  it("has a fast check that only ever says yes where the schema accepts the candidate unchanged", () => {
    expect(isWellFormedCandidate(wire())).toBe(true);
    expect(isWellFormedCandidate(wire({ extra: 1 }))).toBe(true);
    const odd = [undefined, null, "", "x", "platinum", "pro", 0, -1, 1.5, 3, 2 ** 53, true, false, [], {}];
    const variants: unknown[] = [null, [], "candidate", 7];
    for (const value of odd) {
      for (const key of ["organization_id", "tier", "days_since_signup", "milestone_flags", "nudges_sent"]) {
        variants.push(wire({ [key]: value }));
      }
      for (const flag of Object.keys(NO_FLAGS))
        variants.push(wire({ milestone_flags: { ...NO_FLAGS, [flag]: value } }));
      for (const key of ["day1", "day3", "day7"])
        variants.push(wire({ nudges_sent: { ...NOTHING_SENT, [key]: value } }));
    }
    for (const v of variants) {
      if (!isWellFormedCandidate(v)) continue;
      const parsed = ZNudgeCandidate.safeParse(v);
      expect(parsed.success, JSON.stringify(v)).toBe(true);
      expect(parsed.data).toEqual(v);
    }
    expect(variants.filter((v) => !isWellFormedCandidate(v)).length).toBeGreaterThan(100);
  });

  it("does not check total against the number of candidates (paged listings)", () => {
    expect(parseCandidatesDocument({ candidates: [wire()], total: 250 }).ok).toBe(true);
  });
});
