import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { proxy } from "../../proxy";
import { stampHolder } from "./peer";

// proxy.ts forwards request headers to the app as `x-middleware-request-<name>` on its response.
const forwarded = (r: Response, name: string) => r.headers.get(`x-middleware-request-${name}`);
const req = (headers: Record<string, string>, method = "GET") =>
  new NextRequest("http://console.test/accounts", { method, headers: { host: "console.test", ...headers } });

afterEach(() => {
  delete stampHolder.__lifecyclePeerStamp;
  delete process.env.TRUSTED_PROXIES;
});

describe("proxy.ts header hygiene", () => {
  it("answers a server action from a foreign, null or missing Origin with 403, not 500", () => {
    for (const origin of ["https://evil.example", "null", undefined]) {
      const headers: Record<string, string> = { "next-action": "abc123", ...(origin ? { origin } : {}) };
      expect(proxy(req(headers, "POST")).status).toBe(403);
    }
    expect(proxy(req({ "next-action": "abc123", origin: "http://console.test" }, "POST")).status).toBe(200);
  });

  it("does not let an untrusted client choose X-Forwarded-Host to pass the Origin check", () => {
    const r = proxy(
      req({ "next-action": "a", origin: "https://evil.example", "x-forwarded-host": "evil.example" }, "POST"),
    );
    expect(r.status).toBe(403);
    const page = proxy(req({ "x-forwarded-host": "evil.example" }));
    expect(forwarded(page, "x-forwarded-host")).toBe("console.test");
  });

  it("believes X-Forwarded-Host from a stamped TRUSTED_PROXIES peer", () => {
    stampHolder.__lifecyclePeerStamp = true;
    process.env.TRUSTED_PROXIES = "10.0.0.0/8";
    const r = proxy(
      req(
        {
          "next-action": "a",
          origin: "https://console.example",
          "x-forwarded-host": "console.example",
          "x-lifecycle-peer": "10.1.2.3",
        },
        "POST",
      ),
    );
    expect(r.status).toBe(200);
    expect(forwarded(r, "x-forwarded-host")).toBe("console.example");
  });

  it("drops a client-sent peer header when the server's stamp is not installed", () => {
    const r = proxy(req({ "x-lifecycle-peer": "10.0.0.1" }));
    expect(forwarded(r, "x-lifecycle-peer")).toBeNull();
  });

  it("replaces an unsafe x-request-id and keeps a plain one", () => {
    const bad = proxy(req({ "x-request-id": "<img src=x>" }));
    expect(bad.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(forwarded(bad, "x-request-id")).toBe(bad.headers.get("x-request-id"));
    expect(proxy(req({ "x-request-id": "req-42" })).headers.get("x-request-id")).toBe("req-42");
  });
});
