import { describe, expect, it } from "vitest";
import { agreementPct, cohensKappa } from "./kappa";

describe("cohensKappa", () => {
  it("is 1 for perfect agreement over several categories", () => {
    expect(cohensKappa([5, 0, 0, 0, 7, 0, 0, 0, 9], 3)).toBe(1);
  });

  it("matches a textbook 2×2 case: pₒ = 0.7, pₑ = 0.5 → 0.4", () => {
    // rater A yes/no in rows, rater B in columns
    expect(cohensKappa([20, 5, 10, 15], 2)).toBeCloseTo(0.4, 12);
  });

  it("is 0 when agreement is exactly what chance predicts", () => {
    expect(cohensKappa([25, 25, 25, 25], 2)).toBeCloseTo(0, 12);
  });

  it("is negative when raters agree less than chance", () => {
    expect(cohensKappa([0, 10, 10, 0], 2)).toBeCloseTo(-1, 12);
  });

  it("computes a 4×4 case by the formula", () => {
    const m = [50, 2, 3, 5, 4, 40, 1, 5, 2, 3, 30, 5, 10, 5, 5, 30];
    const n = m.reduce((a, b) => a + b, 0);
    const row = (r: number) => m.slice(r * 4, r * 4 + 4).reduce((a, b) => a + b, 0);
    const col = (c: number) => [0, 1, 2, 3].reduce((a, r) => a + m[r * 4 + c]!, 0);
    const po = (m[0]! + m[5]! + m[10]! + m[15]!) / n;
    const pe = [0, 1, 2, 3].reduce((a, i) => a + (row(i) / n) * (col(i) / n), 0);
    expect(cohensKappa(m, 4)).toBeCloseTo((po - pe) / (1 - pe), 12);
  });

  it("is null with nothing to rate, or when both raters always give the same single answer", () => {
    expect(cohensKappa([0, 0, 0, 0], 2)).toBeNull();
    expect(cohensKappa([0, 0, 0, 12], 2)).toBeNull();
  });
});

describe("agreementPct", () => {
  it("is 100·agree/(agree + disagree), null when both are 0", () => {
    expect(agreementPct(4, 1)).toBe(80);
    expect(agreementPct(0, 3)).toBe(0);
    expect(agreementPct(0, 0)).toBeNull();
  });
});
