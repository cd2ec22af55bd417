import { describe, expect, it } from "vitest";
import { RECOMMENDED_ACTION, SEVERITIES, capped, reasonText, scoreRisk, severityOf } from "./score";

const base = { daysInactive: 0, pendingDrafts: 0, daysSinceProofPack: 0 };
const score = (o: Partial<typeof base>) => scoreRisk({ ...base, ...o }).score;

describe("at-risk score (spec boundaries)", () => {
  it("days inactive: 6 → 0, 7 → +20, 13 → +20, 14 → +40", () => {
    expect([6, 7, 13, 14, 400].map((d) => score({ daysInactive: d }))).toEqual([0, 20, 20, 40, 40]);
  });

  it("pending drafts: 4 → 0, 5 → +10, 9 → +10, 10 → +25", () => {
    expect([4, 5, 9, 10, 999].map((n) => score({ pendingDrafts: n }))).toEqual([0, 10, 10, 25, 25]);
  });

  it("days since the last proof pack: 13 → 0, 14 → +30", () => {
    expect([0, 13, 14, 90].map((d) => score({ daysSinceProofPack: d }))).toEqual([0, 0, 30, 30]);
  });

  it("sums the signals; all three at their top step give 95", () => {
    expect(score({ daysInactive: 14, pendingDrafts: 10, daysSinceProofPack: 14 })).toBe(95);
    expect(score({ daysInactive: 7, pendingDrafts: 5 })).toBe(30);
  });

  it("severity: 29 low, 30 medium, 59 medium, 60 high", () => {
    expect([0, 29, 30, 59, 60, 100].map(severityOf)).toEqual(["low", "low", "medium", "medium", "high", "high"]);
    // Reachable sums at the band edges: 20+10 = 30 (medium), 40+10 = 50, 40+25 = 65 / 30+25 = 55, 40+30 = 70.
    expect(scoreRisk({ ...base, daysInactive: 7, pendingDrafts: 5 }).severity).toBe("medium");
    expect(scoreRisk({ ...base, daysInactive: 7 }).severity).toBe("low");
    expect(scoreRisk({ ...base, daysSinceProofPack: 14, pendingDrafts: 10 })).toMatchObject({
      score: 55,
      severity: "medium",
    });
    expect(scoreRisk({ ...base, daysInactive: 14, pendingDrafts: 10 })).toMatchObject({ score: 65, severity: "high" });
  });

  it("caps the sum at 100 and never goes below 0", () => {
    expect(capped(135)).toMatchObject({ score: 100, severity: "high" });
    expect(capped(100).score).toBe(100);
    expect(capped(-5)).toMatchObject({ score: 0, severity: "low" });
  });

  it("lists only contributing reasons, highest first, in both languages", () => {
    const r = scoreRisk({ daysInactive: 15, pendingDrafts: 6, daysSinceProofPack: 20 });
    expect(r.reasons.map((x) => [x.code, x.value, x.points])).toEqual([
      ["inactive", 15, 40],
      ["proof_pack", 20, 30],
      ["pending_drafts", 6, 10],
    ]);
    expect(r.reasons[0]).toEqual({ code: "inactive", value: 15, points: 40 });
    expect(reasonText(r.reasons[0]!, "en")).toBe("No activity for 15 days");
    expect(reasonText(r.reasons[0]!, "ar")).toBe("أيام بلا نشاط: 15");
    expect(reasonText(r.reasons[2]!, "en")).toBe("6 drafts waiting for approval");
    expect(reasonText(r.reasons[1]!, "ar")).toBe("أيام منذ آخر حزمة إثبات: 20");
    expect(scoreRisk(base).reasons).toEqual([]);
  });

  it("treats negative, fractional and non-finite inputs as whole days from 0", () => {
    expect(scoreRisk({ daysInactive: -3, pendingDrafts: 4.9, daysSinceProofPack: Number.NaN })).toMatchObject({
      score: 0,
      reasons: [],
    });
    expect(score({ daysInactive: 13.99 })).toBe(20);
  });

  it("has a recommended action per severity in both languages", () => {
    for (const s of SEVERITIES) {
      expect(RECOMMENDED_ACTION[s].en.length).toBeGreaterThan(0);
      expect(RECOMMENDED_ACTION[s].ar).toMatch(/[\u0600-\u06FF]/);
    }
    expect(RECOMMENDED_ACTION.high.en).toMatch(/founder/);
  });
});
