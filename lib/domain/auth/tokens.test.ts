import { describe, expect, it } from "vitest";
import type { TActor } from "./actor";
import {
  LAST_USED_THROTTLE_MS,
  ZCreateToken,
  hashToken,
  mayCreatePersonalTokenFor,
  mintToken,
  parseScopeList,
  shouldTouch,
  tokenKindOf,
  tokenCreatorId,
  tokenPrefix,
} from "./tokens";

const bytes = (n: number) => new Uint8Array(32).fill(n);

describe("API tokens", () => {
  it("format as lc_<kind letter>_<43 base64url characters> and hash with sha256", () => {
    const t = mintToken("agent", bytes(0));
    expect(t.secret).toBe(`lc_a_${"A".repeat(43)}`);
    expect(t.secret).toMatch(/^lc_a_[A-Za-z0-9_-]{43}$/);
    expect(t.prefix).toBe("lc_a_AAAAAA");
    expect(t.hash).toBe(hashToken(t.secret));
    expect(t.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("differ every time, with a kind letter per kind", () => {
    const a = mintToken("personal");
    const b = mintToken("personal");
    expect(a.secret).not.toBe(b.secret);
    expect(a.secret.startsWith("lc_p_")).toBe(true);
    expect(tokenKindOf(a.secret)).toBe("personal");
    expect(tokenKindOf(mintToken("agent").secret)).toBe("agent");
    expect(() => mintToken("agent", new Uint8Array(16))).toThrow();
  });

  it("recognise only well-formed tokens", () => {
    const good = mintToken("agent", bytes(1)).secret;
    for (const bad of [
      "",
      "lc_a_",
      `lc_x_${good.slice(5)}`,
      `${good}=`,
      good.slice(0, -1),
      ` ${good}`,
      `Bearer ${good}`,
    ])
      expect([bad, tokenKindOf(bad)]).toEqual([bad, null]);
  });

  it("display a prefix too short to use", () => {
    expect(tokenPrefix("lc_p_abcdefghijklmnop")).toBe("lc_p_abcdef");
  });

  it("validate scope lists: known scopes only, deduplicated and sorted", () => {
    expect(parseScopeList(" shadow:write,customer:read,,shadow:write ")).toEqual(["customer:read", "shadow:write"]);
    expect(() => parseScopeList("customer:read,root")).toThrow(/unknown scope\(s\): root/);
    const agent = ZCreateToken.safeParse({ kind: "agent", name: " bot ", scopes: ["shadow:write", "customer:read"] });
    expect(agent.success && agent.data).toEqual({
      kind: "agent",
      name: "bot",
      scopes: ["customer:read", "shadow:write"],
    });
    expect(ZCreateToken.safeParse({ kind: "agent", name: "bot", scopes: ["proposals:approve"] }).success).toBe(false);
  });

  it("take a user email for a personal token (else the creator's own) and need a name for every token", () => {
    expect(ZCreateToken.safeParse({ kind: "personal", name: "ci", user_email: "Rana@Example.test" })).toMatchObject({
      success: true,
      data: { user_email: "rana@example.test" },
    });
    expect(ZCreateToken.safeParse({ kind: "personal", name: "ci" }).success).toBe(true);
    expect(ZCreateToken.safeParse({ kind: "personal", name: "ci", user_email: "not-an-email" }).success).toBe(false);
    expect(ZCreateToken.safeParse({ kind: "agent", name: "  ", scopes: ["customer:read"] }).success).toBe(false);
    expect(ZCreateToken.safeParse({ kind: "root", name: "x" }).success).toBe(false);
  });

  it("are made for oneself only, except by the operator CLI", () => {
    const founder: TActor = { type: "user", id: "f-1", role: "founder", label: "f@x.test" };
    expect(mayCreatePersonalTokenFor(founder, "f-1")).toBe(true);
    expect(mayCreatePersonalTokenFor(founder, "csm-1")).toBe(false);
    const agent: TActor = { type: "token", id: "token:t", role: "analyst", label: "agent:a", scopes: [] };
    expect(mayCreatePersonalTokenFor(agent, "csm-1")).toBe(false);
    expect(mayCreatePersonalTokenFor({ type: "cli", id: "cli:op", role: "founder", label: "cli" }, "csm-1")).toBe(true);
    expect(tokenCreatorId(founder)).toBe("f-1");
    expect(tokenCreatorId({ type: "cli", id: "cli:op", role: "founder", label: "cli" })).toBeNull();
  });

  it("write last-used at most once per throttle window", () => {
    expect(shouldTouch(undefined, 0)).toBe(true);
    expect(shouldTouch(1_000, 1_000 + LAST_USED_THROTTLE_MS - 1)).toBe(false);
    expect(shouldTouch(1_000, 1_000 + LAST_USED_THROTTLE_MS)).toBe(true);
  });
});
