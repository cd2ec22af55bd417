import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { normalizeForSearch } from "../domain/accounts/search";
import { supportSeeder } from "./support-seed";

const seed = Math.floor(Math.random() * 1_000_000);

beforeAll(async () => {
  for (const locale of ["ar", "en"]) {
    const name = `seed ${locale} ${randomUUID().slice(0, 6)}`;
    await db().prisma.account.create({
      data: { id: randomUUID(), name, searchName: normalizeForSearch(name), tier: "pro", signupAt: new Date(), region: "riyadh", preferredLocale: locale },
    });
  }
});

describe(`support demo seeder on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("inserts tickets with events once; a second run adds nothing", async () => {
    const now = new Date();
    const first = await supportSeeder.seed(db().sql, { seed, now });
    expect(first).toBeGreaterThan(240);
    expect(await supportSeeder.seed(db().sql, { seed, now })).toBe(0);
    const [row] = await db().sql.query<{ waiting: number; breached: number; opened: number }>(
      `SELECT count(*) FILTER (WHERE status = 'waiting_on_customer')::int AS waiting,
              count(*) FILTER (WHERE first_response_breached OR resolution_breached OR (first_response_at IS NULL AND first_response_due_at < now()))::int AS breached,
              (SELECT count(*)::int FROM support_ticket_events WHERE type = 'opened') AS opened
       FROM support_tickets`,
    );
    expect(row!.waiting).toBeGreaterThan(0);
    expect(row!.breached).toBeGreaterThan(0);
    expect(row!.opened).toBeGreaterThanOrEqual(240);
  });
});
