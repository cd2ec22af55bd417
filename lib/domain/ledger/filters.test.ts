import { describe, expect, it } from "vitest";
import { parseLedgerFilters } from "./filters";

describe("ledger filters", () => {
  it("parses actor, action, target and an inclusive day range", () => {
    const { filters, ignored } = parseLedgerFilters({
      actor: "u1",
      action: "proposals.approve",
      target: "proposal:x",
      from: "2026-11-01",
      to: "2026-11-21",
    });
    expect(ignored).toEqual([]);
    expect(filters).toEqual({
      actor: "u1",
      action: "proposals.approve",
      target: "proposal:x",
      from: new Date("2026-11-01T00:00:00Z"),
      to: new Date("2026-11-22T00:00:00Z"),
    });
  });

  it("names malformed dates, actions and cursors", () => {
    expect(parseLedgerFilters({ from: "21/11/2026", action: "DROP TABLE", before: "-3" }).ignored).toEqual([
      "action",
      "from",
      "before",
    ]);
    expect(parseLedgerFilters({ to: "2026-02-31" }).ignored).toEqual(["to"]);
  });

  it("accepts exact UTC moments for an incident's window, both ends inclusive", () => {
    const { filters, ignored } = parseLedgerFilters({
      from: "2026-11-21T09:59:00.000Z",
      to: "2026-11-21T12:30:00.000Z",
    });
    expect(ignored).toEqual([]);
    expect(filters).toEqual({ from: new Date("2026-11-21T09:59:00.000Z"), to: new Date("2026-11-21T12:30:00.001Z") });
    expect(parseLedgerFilters({ from: "2026-11-21T25:00:00Z" }).ignored).toEqual(["from"]);
  });
});
