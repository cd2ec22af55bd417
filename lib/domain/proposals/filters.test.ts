import { describe, expect, it } from "vitest";
import { parseInboxFilters } from "./filters";

describe("inbox filters", () => {
  it("defaults the state per role and keeps valid values", () => {
    expect(parseInboxFilters({}, "pending")).toEqual({ filters: { state: "pending" }, ignored: [] });
    expect(parseInboxFilters({ state: "all", kind: "message", age: "24", proposer: "me" }, "pending").filters).toEqual({
      state: "all",
      kind: "message",
      age: "24",
      proposer: "me",
    });
  });

  it("drops and names malformed values", () => {
    const r = parseInboxFilters({ state: "approved;drop", account: "42", kind: ["freeze", "x"] }, "all");
    expect(r.filters).toEqual({ state: "all", kind: "freeze" });
    expect(r.ignored).toEqual(["state", "account"]);
  });
});
