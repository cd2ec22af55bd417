import { describe, expect, it } from "vitest";
import { isUuid } from "./ids";

describe("isUuid", () => {
  it("accepts the 8-4-4-4-12 hex shape in either case, whatever the version", () => {
    expect(isUuid("0b0c5a5e-1d2f-4a3b-9c4d-5e6f7a8b9c0d")).toBe(true);
    expect(isUuid("0B0C5A5E-1D2F-4A3B-9C4D-5E6F7A8B9C0D")).toBe(true);
    expect(isUuid("12345678-1234-1234-1234-123456789abc")).toBe(true);
  });

  it("refuses anything else: empty, short, padded, non-hex, extra text", () => {
    for (const bad of [
      "",
      "x",
      "0b0c5a5e1d2f4a3b9c4d5e6f7a8b9c0d",
      " 0b0c5a5e-1d2f-4a3b-9c4d-5e6f7a8b9c0d",
      "0b0c5a5e-1d2f-4a3b-9c4d-5e6f7a8b9c0g",
      "0b0c5a5e-1d2f-4a3b-9c4d-5e6f7a8b9c0d\n",
    ])
      expect(isUuid(bad)).toBe(false);
  });
});
