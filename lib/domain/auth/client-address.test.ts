import { describe, expect, it } from "vitest";
import { ipInList, normaliseIp, parseTrustedProxies, selectClientAddress } from "./client-address";

describe("IP parsing and CIDR matching", () => {
  it("normalises IPv4, IPv6, bracketed, zoned and IPv4-mapped forms", () => {
    expect(normaliseIp(" 10.0.0.1 ")).toBe("10.0.0.1");
    expect(normaliseIp("::ffff:10.0.0.1")).toBe("10.0.0.1");
    expect(normaliseIp("::FFFF:0a00:0001")).toBe("10.0.0.1");
    expect(normaliseIp("2001:DB8::1")).toBe("2001:db8:0:0:0:0:0:1");
    expect(normaliseIp("[::1]")).toBe("0:0:0:0:0:0:0:1");
    expect(normaliseIp("fe80::1%eth0")).toBe("fe80:0:0:0:0:0:0:1");
    for (const bad of ["", "1.2.3", "1.2.3.256", "evil", "1::2::3", "12345::", "1.2.3.4.5", "0x7f.0.0.1"])
      expect(normaliseIp(bad)).toBeNull();
  });

  it("matches IPv4 and IPv6 CIDRs and single addresses", () => {
    const list = parseTrustedProxies("10.0.0.0/8, 192.168.1.7 2001:db8::/32 ::1");
    expect(ipInList("10.255.1.2", list)).toBe(true);
    expect(ipInList("::ffff:10.1.1.1", list)).toBe(true);
    expect(ipInList("11.0.0.1", list)).toBe(false);
    expect(ipInList("192.168.1.7", list)).toBe(true);
    expect(ipInList("192.168.1.8", list)).toBe(false);
    expect(ipInList("2001:db8:ffff::9", list)).toBe(true);
    expect(ipInList("2001:db9::9", list)).toBe(false);
    expect(ipInList("::1", list)).toBe(true);
    expect(ipInList("::2", list)).toBe(false);
    expect(ipInList("not-an-ip", list)).toBe(false);
    expect(ipInList("1.2.3.4", parseTrustedProxies("0.0.0.0/0"))).toBe(true);
    expect(ipInList("::1", parseTrustedProxies("0.0.0.0/0"))).toBe(false);
  });

  it("refuses an unreadable TRUSTED_PROXIES entry instead of guessing; empty means none", () => {
    expect(parseTrustedProxies(undefined)).toEqual([]);
    expect(parseTrustedProxies("  ")).toEqual([]);
    for (const bad of ["10.0.0.0/33", "proxy.internal", "::/129", "10.0.0.0/x"])
      expect(() => parseTrustedProxies(bad)).toThrow(/TRUSTED_PROXIES/);
  });
});

describe("client address selection", () => {
  const trusted = parseTrustedProxies("10.0.0.0/8");

  it("ignores X-Forwarded-For from an untrusted peer: rotating it changes nothing", () => {
    for (const xff of ["1.1.1.1", "2.2.2.2, 3.3.3.3", null, "garbage"])
      expect(selectClientAddress({ peer: "203.0.113.9", forwardedFor: xff, trusted })).toBe("203.0.113.9");
    expect(selectClientAddress({ peer: "203.0.113.9", forwardedFor: "1.1.1.1", trusted: [] })).toBe("203.0.113.9");
  });

  it("behind a trusted proxy takes the right-most untrusted address, not the client-written left end", () => {
    const pick = (xff: string) => selectClientAddress({ peer: "10.0.0.2", forwardedFor: xff, trusted });
    expect(pick("198.51.100.7")).toBe("198.51.100.7");
    expect(pick("6.6.6.6, 198.51.100.7")).toBe("198.51.100.7");
    expect(pick("6.6.6.6, 198.51.100.7, 10.0.0.5")).toBe("198.51.100.7");
    expect(pick("10.0.0.9, 10.0.0.5")).toBe("10.0.0.9");
    expect(pick("")).toBe("10.0.0.2");
    expect(pick("6.6.6.6, nonsense")).toBe("10.0.0.2");
  });

  it("an unknown peer yields no address (never the forwarded one)", () => {
    expect(selectClientAddress({ peer: null, forwardedFor: "1.1.1.1", trusted })).toBeNull();
    expect(selectClientAddress({ peer: "nope", forwardedFor: "1.1.1.1", trusted })).toBeNull();
  });
});
