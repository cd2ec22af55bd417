import { describe, expect, it } from "vitest";
import { safeRequestId } from "./request-id";

describe("client request ids", () => {
  it("keeps a short plain id and replaces anything else", () => {
    const gen = () => "generated";
    expect(safeRequestId("req-1.a:B_2", gen)).toBe("req-1.a:B_2");
    expect(safeRequestId("x".repeat(128), gen)).toBe("x".repeat(128));
    for (const bad of [null, undefined, "", "x".repeat(129), "a b", "id\u0000", "<script>", "id\r\nX-Evil: 1", "ريم"])
      expect(safeRequestId(bad, gen)).toBe("generated");
  });
});
