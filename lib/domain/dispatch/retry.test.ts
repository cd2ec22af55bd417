import { describe, expect, it } from "vitest";
import { BASE_DELAY_MS, LEASE_MS, MAX_ATTEMPTS, afterFailure, leaseUntil, retryDelayMs } from "./retry";

const now = new Date("2026-11-21T12:00:00Z");
const at = (ms: number) => new Date(now.getTime() + ms);

describe("retry schedule", () => {
  it("doubles the delay from 30 s after each failed attempt", () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(BASE_DELAY_MS).toBe(30_000);
  });

  it("queues again with backoff until the fifth attempt, then fails", () => {
    expect(afterFailure(1, now)).toEqual({ state: "queued", nextAttemptAt: at(30_000) });
    expect(afterFailure(4, now)).toEqual({ state: "queued", nextAttemptAt: at(240_000) });
    expect(afterFailure(MAX_ATTEMPTS, now)).toEqual({ state: "failed" });
    expect(afterFailure(MAX_ATTEMPTS + 3, now)).toEqual({ state: "failed" });
  });

  it("fails a permanent refusal at once", () => {
    expect(afterFailure(1, now, true)).toEqual({ state: "failed" });
  });

  it("refuses nonsense attempt counts", () => {
    expect(() => retryDelayMs(0)).toThrow(RangeError);
    expect(() => retryDelayMs(1.5)).toThrow(RangeError);
  });

  it("leases a claimed row for ten minutes, far beyond one SMTP exchange", () => {
    expect(leaseUntil(now)).toEqual(at(LEASE_MS));
    expect(LEASE_MS).toBeGreaterThan(60_000);
  });
});
