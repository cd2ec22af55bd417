import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { parseAccountFilters } from "../domain/accounts/filters";
import { normalizeForSearch } from "../domain/accounts/search";
import { getAccount, listAccounts, listRegions } from "./accounts";

const now = new Date("2026-11-21T12:00:00Z");
const tag = `t${Math.random().toString(36).slice(2, 7)}`;
const names = [`مؤسسة النخبة ${tag}`, `Nova 100% Retail ${tag}`, `Nova_Labs ${tag}`, `شركة الأفق ${tag}`];

beforeAll(async () => {
  for (const [i, name] of names.entries()) {
    await db().prisma.account.create({
      data: {
        id: randomUUID(),
        name,
        searchName: normalizeForSearch(name),
        tier: i % 2 ? "pro" : "free",
        signupAt: new Date(now.getTime() - (i * 20 + 1) * 86_400_000),
        region: "riyadh",
        preferredLocale: i % 2 ? "en" : "ar",
        events: { create: [{ id: randomUUID(), type: "signup", occurredAt: now, actor: "customer", summary: "Signed up", data: { plan: "x" } }] },
        contacts: { create: [{ id: randomUUID(), name: "Admin", email: "admin@example.test" }] },
      },
    });
  }
});

const list = (query: Record<string, string>) => listAccounts(parseAccountFilters({ ...query }).filters, now);

describe(`accounts list on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("finds Arabic names whatever letter variant was typed", async () => {
    const r = await list({ q: `موسسه النخبه ${tag}` });
    expect(r.rows.map((a) => a.name)).toEqual([names[0]]);
  });

  it("treats % and _ in a search as text, not wildcards", async () => {
    expect((await list({ q: `100% retail ${tag}` })).rows.map((a) => a.name)).toEqual([names[1]]);
    expect((await list({ q: `nova_labs ${tag}` })).rows.map((a) => a.name)).toEqual([names[2]]);
    expect((await list({ q: `nova%labs ${tag}` })).total).toBe(0);
  });

  it("combines filters, counts and sorts", async () => {
    const r = await list({ q: tag, tier: "pro", sort: "signup_asc" });
    expect(r.total).toBe(2);
    // names[3] signed up earliest, names[1] later; both are pro.
    expect(r.rows.map((a) => a.name)).toEqual([names[3], names[1]]);
    expect((await list({ q: tag, age: "30" })).total).toBe(2);
  });

  it("reads an account with its timeline and contacts, and null for an unknown id", async () => {
    const [first] = (await list({ q: tag, sort: "signup_desc" })).rows;
    const detail = await getAccount(first!.id);
    expect(detail).toMatchObject({ name: names[0], eventCount: 1, contacts: [{ email: "admin@example.test" }] });
    expect(await getAccount(randomUUID())).toBeNull();
  });

  it("lists each region once, sorted", async () => {
    const regions = await listRegions();
    expect(regions).toContain("riyadh");
    expect(regions).toEqual([...new Set(regions)].sort());
  });
});
