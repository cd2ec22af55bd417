import { describe, expect, it } from "vitest";
import { safeNextPath } from "./redirect";

describe("safeNextPath", () => {
  it("keeps same-site paths with their query", () => {
    expect(safeNextPath("/accounts?tier=pro")).toBe("/accounts?tier=pro");
  });
  it("refuses other sites, protocol-relative URLs, loops and junk", () => {
    for (const bad of [
      "https://evil.test",
      "//evil.test",
      "/\\evil.test",
      "/login",
      "/api/auth/signout",
      "",
      undefined,
      42,
      "/a\nb",
      `/${"x".repeat(600)}`,
    ]) {
      expect(safeNextPath(bad)).toBe("/accounts");
    }
  });
});
