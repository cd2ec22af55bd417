import { describe, expect, it } from "vitest";
import { METRICS } from "../domain/journeys/metrics";
import { drillDown, listHeldTouchpoints, readPortfolio } from "./journey-portfolio";

describe(`journey portfolio reads on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("answers every metric's drill-down and the overview without error, counts consistent", async () => {
    const p = await readPortfolio();
    expect(p.total).toBe(Object.values(p.byStage).reduce((a, b) => a + b, 0));
    for (const m of METRICS) {
      const d = await drillDown(m);
      expect(d.rows.length).toBeLessThanOrEqual(d.total);
    }
    const held = await listHeldTouchpoints();
    expect(held.rows.length).toBeLessThanOrEqual(held.total);
  });
});
