import { describe, expect, it } from "vitest";
import { NOT_AN_EMAIL, SIGN_IN_RULES, admitAttempt, attemptDelayMs, normaliseSignInEmail } from "./sign-in-limits";

const rule = SIGN_IN_RULES.accountAddress;

describe("sign-in delay schedule", () => {
  it("no delay under the limit, then 1, 2, 4 … s, capped at the maximum", () => {
    expect([0, 4].map((c) => attemptDelayMs(c, rule))).toEqual([0, 0]);
    expect([5, 6, 7, 8].map((c) => attemptDelayMs(c, rule))).toEqual([1000, 2000, 4000, 8000]);
    expect(attemptDelayMs(13, rule)).toBe(256_000);
    expect(attemptDelayMs(14, rule)).toBe(rule.maxDelayMs);
    expect(attemptDelayMs(10_000, rule)).toBe(rule.maxDelayMs);
  });

  it("admits the limit at once, then only after the growing delay; a quiet window forgets", () => {
    let state = null as ReturnType<typeof admitAttempt>["next"];
    const t0 = 1_000_000;
    for (let i = 0; i < rule.limit; i++) {
      const r = admitAttempt(state, t0, rule);
      expect(r.admitted).toBe(true);
      state = r.next;
    }
    expect(admitAttempt(state, t0 + 999, rule)).toMatchObject({ admitted: false, retryAfterMs: 1 });
    const sixth = admitAttempt(state, t0 + 1000, rule);
    expect(sixth.admitted).toBe(true);
    expect(admitAttempt(sixth.next, t0 + 2999, rule).admitted).toBe(false);
    expect(admitAttempt(sixth.next, t0 + 3000, rule).admitted).toBe(true);
    expect(admitAttempt(sixth.next, t0 + 1000 + rule.quietMs, rule).next).toEqual({
      count: 1,
      lastAt: t0 + 1000 + rule.quietMs,
    });
  });

  it("the owner's own counter is separate from the attacker's and looser per account", () => {
    expect(SIGN_IN_RULES.account.limit).toBeGreaterThan(SIGN_IN_RULES.accountAddress.limit);
    expect(SIGN_IN_RULES.address.limit).toBeGreaterThan(SIGN_IN_RULES.account.limit);
  });
});

describe("typed e-mail normalisation", () => {
  it("keeps a plausible address, trimmed and lower-cased", () => {
    expect(normaliseSignInEmail("  Reem@Demo.TEST ")).toBe("reem@demo.test");
  });

  it("replaces anything else with one fixed marker", () => {
    for (const bad of [
      "",
      null,
      "no-at-sign",
      "a@b",
      "x".repeat(250) + "@a.io",
      "evil\u0000@x.io",
      "admin@x.io signed in as founder",
      "a\u202e@x.io",
      "<script>@x.io",
    ])
      expect(normaliseSignInEmail(bad)).toBe(NOT_AN_EMAIL);
  });
});
