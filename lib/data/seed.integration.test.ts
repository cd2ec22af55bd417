import { describe, expect, it } from "vitest";
import { db } from "../db";
import { DEMO_USERS } from "../domain/seed/demo-users";
import { PROOF_PACK_EVENT } from "../domain/risk/inputs";
import { generateDemoData } from "../domain/seed/generate";
import { seedDemo } from "../jobs/seed-demo";
import { isDatabaseEmpty } from "./seed";

// A seed no other test file uses: the PostgreSQL database is shared by every file in a run, so
// counts are taken over this seed's accounts only (account ids do not depend on the CSM list).
const SEED = 917_331;
const NOW = new Date("2026-11-21T09:00:00.000Z");
const ids = [...generateDemoData({ accounts: 50, seed: SEED, now: NOW, csmIds: [] })].flatMap((b) =>
  b.accounts.map((a) => a.id),
);
// Area seeders (seed-areas.ts) add their own events, e.g. delivered proof packs and journey stage
// changes; these tests check the core generator's rows only.
const AREA_EVENT_TYPES = [PROOF_PACK_EVENT];
const countOwn = async (table: string, column: string) =>
  Number(
    (
      await db().sql.query<{ n: string | number }>(`SELECT count(*) AS n FROM "${table}" WHERE "${column}" = ANY($1::uuid[])${table === "account_events" ? ` AND "type" <> ALL($2::text[]) AND "type" NOT LIKE 'journey.%'` : ""}`,
        table === "account_events" ? [ids, AREA_EVENT_TYPES] : [ids],
      )
    )[0]?.n ?? 0,
  );
const counts = async () => ({
  accounts: await countOwn("accounts", "id"),
  contacts: await countOwn("account_contacts", "account_id"),
  events: await countOwn("account_events", "account_id"),
});

describe("seedDemo", () => {
  it("creates the demo users once and inserts accounts with contacts and events", async () => {
    expect(await counts()).toEqual({ accounts: 0, contacts: 0, events: 0 });
    const first = await seedDemo({ accounts: 50, seed: SEED, now: NOW });
    expect(await isDatabaseEmpty()).toBe(false);
    expect(first.accounts).toBe(50);
    expect(first.contacts).toBe(50);
    expect(first.events).toBeGreaterThanOrEqual(150);
    expect(await counts()).toEqual({ accounts: 50, contacts: 50, events: first.events });

    const users = await db().prisma.user.findMany({
      where: { email: { in: DEMO_USERS.map((u) => u.email) } },
      select: { email: true, name: true, role: true, locale: true, timeZone: true, active: true, createdAt: true, updatedAt: true },
    });
    // Another test file may have created one of these e-mails first; seeding leaves it as it is.
    expect(users.map((u) => [u.email, u.role]).sort()).toEqual(DEMO_USERS.map((u) => [u.email, u.role]).sort());
    const mine = users.filter((u) => DEMO_USERS.some((d) => d.email === u.email && d.name === u.name));
    expect(mine.length).toBeGreaterThanOrEqual(first.usersCreated);
    expect(mine.every((u) => u.timeZone === "Asia/Riyadh" && u.createdAt instanceof Date)).toBe(true);

    // Same seed again: users and accounts already exist, nothing is added.
    const again = await seedDemo({ accounts: 50, seed: SEED, now: NOW });
    expect(again).toEqual({ usersCreated: 0, accounts: 0, contacts: 0, events: 0 });
    expect(await counts()).toEqual({ accounts: 50, contacts: 50, events: first.events });
    const demoUsers = await db().prisma.user.count({ where: { email: { in: DEMO_USERS.map((u) => u.email) } } });
    expect(demoUsers).toBe(DEMO_USERS.length);
  });

  it("stores exactly what the generator produced, readable through Prisma", async () => {
    const csms = await db().prisma.user.findMany({
      where: { email: { in: DEMO_USERS.filter((u) => u.role === "csm").map((u) => u.email) }, role: "csm" },
      select: { id: true, email: true },
    });
    // Seeded with the same inputs as seedDemo (CSMs in DEMO_USERS order), so ids and values match.
    const order = DEMO_USERS.map((u) => u.email);
    csms.sort((a, b) => order.indexOf(a.email) - order.indexOf(b.email));
    const [expected] = [
      ...generateDemoData({
        accounts: 50,
        seed: SEED,
        now: NOW,
        csmIds: csms.map((c) => c.id),
        csmEmails: Object.fromEntries(csms.map((c) => [c.id, c.email])),
        batchSize: 50,
      }),
    ];
    if (!expected) throw new Error("generator yielded nothing");

    const accounts = await db().prisma.account.findMany({
      where: { id: { in: expected.accounts.map((a) => a.id) } },
      include: { contacts: true, events: { where: { type: { notIn: AREA_EVENT_TYPES }, NOT: { type: { startsWith: "journey." } } }, orderBy: [{ occurredAt: "asc" }] }, csm: { select: { email: true } } },
    });
    expect(accounts).toHaveLength(50);
    const dateOnly = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

    for (const want of expected.accounts) {
      const got = accounts.find((a) => a.id === want.id);
      if (!got) throw new Error(`account ${want.id} missing`);
      const { contacts, events, csm, contractStart, contractEnd, ...row } = got;
      expect({ ...row, contractStart: dateOnly(contractStart), contractEnd: dateOnly(contractEnd) }).toEqual(want);
      if (want.csmId) expect(csm?.email).toBe(csms.find((c) => c.id === want.csmId)?.email);
      expect(contacts).toEqual(expected.contacts.filter((c) => c.accountId === want.id));
      const wantEvents = expected.events.filter((e) => e.accountId === want.id);
      expect(events.map((e) => e.id).sort()).toEqual(wantEvents.map((e) => e.id).sort());
      for (const e of events) expect(e).toEqual(wantEvents.find((w) => w.id === e.id));
    }
  });

  it("adds accounts for another seed without touching users", async () => {
    const result = await seedDemo({ accounts: 5, seed: SEED + 1, now: NOW });
    expect(result.usersCreated).toBe(0);
    expect(result.accounts).toBe(5);
    expect(await counts()).toMatchObject({ accounts: 50, contacts: 50 });
  });
});
