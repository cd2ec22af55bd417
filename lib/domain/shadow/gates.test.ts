import { describe, expect, it } from "vitest";
import {
  cutOverGates,
  MIN_AGREEMENT_PCT,
  MIN_HEARTBEAT_SPAN_DAYS,
  MIN_SHADOW_DECISIONS,
  type TGateInput,
} from "./gates";

const DAY = 86_400_000;
const base: TGateInput = { decisions: 100, agree: 90, disagree: 10, firstHeartbeat: 0, lastHeartbeat: 8 * DAY };
const gate = (name: string, input: Partial<TGateInput>) =>
  cutOverGates({ ...base, ...input }).find((g) => g.name === name)!;

describe("cut-over gates", () => {
  it("uses the spec's thresholds", () => {
    expect([MIN_SHADOW_DECISIONS, MIN_AGREEMENT_PCT, MIN_HEARTBEAT_SPAN_DAYS]).toEqual([50, 80, 7]);
  });

  it("decisions: 49 fails, 50 passes", () => {
    expect(gate("shadow_decisions", { decisions: 49 })).toMatchObject({ pass: false, value: 49 });
    expect(gate("shadow_decisions", { decisions: 50 })).toMatchObject({ pass: true, value: 50 });
  });

  it("agreement: 79.99 % fails, exactly 80 % passes, nothing compared fails", () => {
    const below = gate("agreement_pct", { agree: 7999, disagree: 2001 });
    expect(below.pass).toBe(false);
    expect(below.value).toBeCloseTo(79.99, 10);
    expect(gate("agreement_pct", { agree: 8000, disagree: 2000 })).toMatchObject({ pass: true, value: 80 });
    expect(gate("agreement_pct", { agree: 4, disagree: 1 })).toMatchObject({ pass: true, value: 80 });
    expect(gate("agreement_pct", { agree: 0, disagree: 0 })).toMatchObject({ pass: false, value: null });
  });

  it("heartbeat span: exactly 7 days passes, a millisecond less fails, no heartbeats fails", () => {
    expect(gate("heartbeat_span_days", { lastHeartbeat: 7 * DAY })).toMatchObject({ pass: true, value: 7 });
    expect(gate("heartbeat_span_days", { lastHeartbeat: 7 * DAY - 1 }).pass).toBe(false);
    expect(gate("heartbeat_span_days", { firstHeartbeat: null, lastHeartbeat: null })).toMatchObject({
      pass: false,
      value: null,
    });
  });

  it("founder sign-off never passes here: pending when the others pass, impossible otherwise", () => {
    expect(gate("founder_sign_off", {})).toMatchObject({ pass: false, value: "pending sign-off" });
    expect(gate("founder_sign_off", { decisions: 49 })).toMatchObject({
      pass: false,
      value: "not possible until the measurable gates pass",
    });
  });

  it("lists the four gates in the spec's order", () => {
    expect(cutOverGates(base).map((g) => g.name)).toEqual([
      "shadow_decisions",
      "agreement_pct",
      "heartbeat_span_days",
      "founder_sign_off",
    ]);
  });
});
