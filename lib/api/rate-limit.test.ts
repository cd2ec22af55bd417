import { describe, expect, it } from "vitest";
import { TOKEN_RATE_LIMIT, takeRequest } from "./rate-limit";

describe("per-token rate limit", () => {
  it("allows the limit within a window, then says how many seconds to wait", () => {
    const key = `t-${Math.random()}`;
    for (let i = 0; i < TOKEN_RATE_LIMIT.limit; i++) expect(takeRequest(key, 1_000 + i).allowed).toBe(true);
    expect(takeRequest(key, 2_000)).toEqual({ allowed: false, retryAfterS: 59 });
    expect(takeRequest(`${key}-other`, 2_000).allowed).toBe(true);
    expect(takeRequest(key, 1_000 + TOKEN_RATE_LIMIT.windowMs).allowed).toBe(true);
  });
});
