import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseParams } from "./url-params";

const FIELDS = { q: z.string().trim().max(20), state: z.enum(["a", "b"]) };

describe("parseParams", () => {
  it("ignores a value with a control character, whatever its schema accepts (issue 10: ?q=%00 gave 500)", () => {
    for (const bad of ["\u0000", "acme\u0000", "a\r\nb", "\u001b[31m", "\u0085"]) {
      expect(parseParams(FIELDS, { q: bad, state: "a" })).toEqual({ values: { state: "a" }, ignored: ["q"] });
    }
  });
  it("keeps good values, drops empty ones, names oversized and malformed ones", () => {
    expect(parseParams(FIELDS, { q: " مرحبا ", state: "" })).toEqual({ values: { q: "مرحبا" }, ignored: [] });
    expect(parseParams(FIELDS, { q: "x".repeat(21), state: "c" })).toEqual({ values: {}, ignored: ["q", "state"] });
    expect(parseParams(FIELDS, { q: ["first", "second"] })).toEqual({ values: { q: "first" }, ignored: [] });
  });
});
