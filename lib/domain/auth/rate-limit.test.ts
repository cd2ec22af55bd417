import { describe, expect, it } from "vitest";
import { createRateLimiter } from "./rate-limit";

describe("sign-in rate limit (5 failures per minute)", () => {
  it("allows the fifth attempt after four failures and refuses the sixth", () => {
    const rl = createRateLimiter({ limit: 5, windowMs: 60_000 });
    for (let i = 0; i < 4; i++) rl.fail("a", 1000 + i);
    expect(rl.check("a", 2000).allowed).toBe(true);
    rl.fail("a", 2000);
    expect(rl.check("a", 2001)).toEqual({ allowed: false, retryAfterMs: 58_999 });
  });

  it("lets attempts through again once the window has passed", () => {
    const rl = createRateLimiter({ limit: 5, windowMs: 60_000 });
    for (let i = 0; i < 5; i++) rl.fail("a", 0);
    expect(rl.check("a", 59_999).allowed).toBe(false);
    expect(rl.check("a", 60_000).allowed).toBe(true);
  });

  it("counts keys separately and forgets a key on reset (successful sign-in)", () => {
    const rl = createRateLimiter({ limit: 1, windowMs: 60_000 });
    rl.fail("a", 0);
    expect(rl.check("b", 0).allowed).toBe(true);
    rl.reset("a");
    expect(rl.check("a", 1).allowed).toBe(true);
  });
});
