import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { normalizeForSearch } from "../domain/accounts/search";
import { supportSeeder } from "./support-seed";
import { slaHealthReport } from "./support-health";

const seed = Math.floor(Math.random() * 1_000_000);
// Tickets land in the quarter before this instant, a year no other test file (sharing the PostgreSQL
// database) uses: lib/actions/support takes 2031. So the health report below sees the demo's alone.
const now = new Date("2033-03-04T08:00:00Z");

beforeAll(async () => {
  for (const locale of ["ar", "en"]) {
    const name = `seed ${locale} ${randomUUID().slice(0, 6)}`;
    await db().prisma.account.create({
      data: {
        id: randomUUID(),
        name,
        searchName: normalizeForSearch(name),
        tier: "pro",
        signupAt: new Date(),
        region: "riyadh",
        preferredLocale: locale,
      },
    });
  }
});

describe(`support demo seeder on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("writes tickets through the event door once; a second run adds nothing", async () => {
    const first = await supportSeeder.seed(db().sql, { seed, now });
    expect(first).toBeGreaterThan(240);
    expect(await supportSeeder.seed(db().sql, { seed, now })).toBe(0);
    const [row] = await db().sql.query<{ tickets: number; waiting: number; resolved: number; events: number }>(
      `SELECT count(DISTINCT t.id)::int AS tickets,
              count(DISTINCT t.id) FILTER (WHERE t.status = 'waiting_on_customer')::int AS waiting,
              count(DISTINCT t.id) FILTER (WHERE t.status = 'resolved')::int AS resolved,
              count(e.id)::int AS events
       FROM support_tickets t JOIN support_ticket_events e ON e.ticket_id = t.id
       WHERE t.received_at > $1::timestamptz - interval '400 days' AND t.received_at <= $1::timestamptz`,
      [now.toISOString()],
    );
    expect(row!.tickets).toBe(240);
    expect(row!.events).toBe(first); // every ticket's `opened` plus the events appended
    expect(row!.waiting).toBeGreaterThan(0);
    // Resolved tickets carry the event that resolved them (status follows the history).
    expect(row!.resolved).toBeGreaterThan(190);
  });

  it("gives a realistic SLA record: a few breaches, healthy in every period", async () => {
    for (const period of ["7d", "30d", "quarter"] as const) {
      const report = await slaHealthReport(period, now);
      expect(report.overall.count, period).toBeGreaterThan(10);
      expect(report.overall.verdict, period).toBe("healthy");
    }
    const quarter = await slaHealthReport("quarter", now);
    expect(quarter.overall.breaches).toBeGreaterThan(0);
    expect(quarter.byPriority.map((r) => r.key)).toEqual(["P0", "P1", "P2", "P3"]);
  });
});
