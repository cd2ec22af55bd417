import { describe, expect, it } from "vitest";
import { filtersToQuery, parseAccountFilters, signupWindow } from "./filters";

describe("account list filters", () => {
  it("defaults to newest signups, page 1", () => {
    expect(parseAccountFilters({})).toEqual({ filters: { sort: "signup_desc", page: 1 }, ignored: [] });
  });

  it("keeps valid values and names invalid ones instead of failing", () => {
    const { filters, ignored } = parseAccountFilters({
      q: "  النخبة ",
      tier: "platinum",
      csm: "none",
      region: "Riyadh; DROP",
      age: "30",
      sort: "name_asc",
      page: "0",
    });
    expect(filters).toEqual({ q: "النخبة", csm: "none", age: "30", sort: "name_asc", page: 1 });
    expect(ignored.sort()).toEqual(["page", "region", "tier"]);
  });

  it("rejects oversized searches and absurd pages", () => {
    const { ignored } = parseAccountFilters({ q: "x".repeat(101), page: "999999" });
    expect(ignored).toEqual(["q", "page"]);
  });

  it("takes the first value of repeated parameters", () => {
    expect(parseAccountFilters({ tier: ["pro", "free"] }).filters.tier).toBe("pro");
  });

  it("round-trips through the URL, leaving defaults out", () => {
    const { filters } = parseAccountFilters({ tier: "pro", q: "nova", page: "3" });
    expect(filtersToQuery(filters)).toBe("?q=nova&tier=pro&page=3");
    expect(filtersToQuery(filters, { page: 1 })).toBe("?q=nova&tier=pro");
    expect(parseAccountFilters(Object.fromEntries(new URLSearchParams("q=nova&tier=pro&page=3"))).filters).toEqual(
      filters,
    );
  });

  it("computes signup windows relative to now", () => {
    const now = new Date("2026-11-21T00:00:00Z");
    expect(signupWindow("7", now)).toEqual({ gte: new Date("2026-11-14T00:00:00Z") });
    expect(signupWindow("older", now)).toEqual({ lt: new Date("2025-11-21T00:00:00Z") });
    expect(signupWindow(undefined, now)).toEqual({});
  });
});
