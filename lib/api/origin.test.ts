import { describe, expect, it } from "vitest";
import { originAllowed, originMatchesHost } from "./origin";

describe("Origin check for cookie-authenticated mutations", () => {
  it("accepts the site's own origin, with or without a proxy's forwarded host", () => {
    expect(originMatchesHost({ origin: "http://localhost:3000", host: "localhost:3000" })).toBe(true);
    expect(originMatchesHost({ origin: "https://Console.Example.com", host: "console.example.com" })).toBe(true);
    expect(
      originMatchesHost({
        origin: "https://console.example.com",
        host: "10.0.0.5:3000",
        forwardedHost: "console.example.com, proxy",
      }),
    ).toBe(true);
  });

  it("refuses other sites, a missing or null origin, and non-web schemes", () => {
    expect(originMatchesHost({ origin: "https://evil.example", host: "console.example.com" })).toBe(false);
    expect(originMatchesHost({ origin: "http://localhost:3001", host: "localhost:3000" })).toBe(false);
    expect(originMatchesHost({ origin: "https://console.example.com.evil.example", host: "console.example.com" })).toBe(
      false,
    );
    expect(originMatchesHost({ origin: null, host: "localhost:3000" })).toBe(false);
    expect(originMatchesHost({ origin: "null", host: "localhost:3000" })).toBe(false);
    expect(originMatchesHost({ origin: "file:///etc/passwd", host: "" })).toBe(false);
    expect(originMatchesHost({ origin: "not a url", host: "localhost:3000" })).toBe(false);
    expect(originMatchesHost({ origin: "http://localhost:3000", host: null })).toBe(false);
  });

  it("reads the request's headers", () => {
    expect(originAllowed(new Headers({ origin: "http://a.test", host: "a.test" }))).toBe(true);
    expect(originAllowed(new Headers({ origin: "http://b.test", host: "a.test" }))).toBe(false);
  });

  it("believes X-Forwarded-Host only from a TRUSTED_PROXIES peer", () => {
    const saved = process.env.TRUSTED_PROXIES;
    process.env.TRUSTED_PROXIES = "10.0.0.0/8";
    try {
      const h = (peer: string) =>
        new Headers({
          origin: "https://evil.example",
          host: "a.test",
          "x-forwarded-host": "evil.example",
          "x-lifecycle-peer": peer,
        });
      expect(originAllowed(h("203.0.113.5"))).toBe(false);
      expect(originAllowed(h("10.0.0.2"))).toBe(true);
      expect(
        originAllowed(
          new Headers({ origin: "https://evil.example", host: "a.test", "x-forwarded-host": "evil.example" }),
        ),
      ).toBe(false);
    } finally {
      if (saved === undefined) delete process.env.TRUSTED_PROXIES;
      else process.env.TRUSTED_PROXIES = saved;
    }
  });
});
