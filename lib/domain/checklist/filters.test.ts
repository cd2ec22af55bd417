import { describe, expect, it } from "vitest";
import { overviewQuery, parseOverviewFilters } from "./filters";

describe("onboarding overview filters", () => {
  it("defaults to a 3-day threshold on page 1", () => {
    expect(parseOverviewFilters({})).toEqual({ filters: { days: 3, page: 1 }, ignored: [] });
  });

  it("keeps good values and names the bad ones", () => {
    const { filters, ignored } = parseOverviewFilters({ step: "risk_review", days: "0", csm: "none", page: "x" });
    expect(filters).toEqual({ step: "risk_review", days: 0, csm: "none", page: 1 });
    expect(ignored).toEqual(["page"]);
    expect(parseOverviewFilters({ step: "nope", days: "366" }).ignored).toEqual(["step", "days"]);
    expect(parseOverviewFilters({ days: "365" }).filters.days).toBe(365);
    expect(parseOverviewFilters({ days: "-1" }).ignored).toEqual(["days"]);
  });

  it("writes a short query without defaults", () => {
    expect(overviewQuery({ days: 3, page: 1 })).toBe("");
    expect(overviewQuery({ days: 7, page: 1, step: "select_goal" }, { page: 2 })).toBe(
      "?step=select_goal&days=7&page=2",
    );
  });
});

describe("connectors page filters", async () => {
  const { connectorQuery, parseConnectorFilters } = await import("../connectors/filters");
  it("reads the CSM and page, drops bad values", () => {
    expect(parseConnectorFilters({})).toEqual({ filters: { page: 1 }, ignored: [] });
    expect(parseConnectorFilters({ csm: "bob", page: "0" })).toEqual({
      filters: { page: 1 },
      ignored: ["csm", "page"],
    });
    expect(connectorQuery({ page: 1, csm: "none" }, { page: 3 })).toBe("?csm=none&page=3");
  });
});
