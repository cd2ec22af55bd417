import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { CHECKLIST_SEEDER } from "./checklist-seed";
import { blockedAccounts } from "./connectors";
import { onboardingOverview } from "./checklist";

const NOW = new Date("2026-11-21T09:00:00.000Z");

/** A demo-domain CSM of this test alone, with `n` accounts, so counts are this test's own. */
async function demoCsmWithAccounts(n: number): Promise<string> {
  const csmId = randomUUID();
  await db().prisma.user.create({
    data: { id: csmId, email: `seed-${csmId.slice(0, 8)}@demo.test`, name: "Seed CSM", role: "csm", passwordHash: "x" },
  });
  await db().prisma.account.createMany({
    data: Array.from({ length: n }, (_, i) => ({
      id: randomUUID(),
      name: `Seeded ${i}`,
      searchName: `seeded ${i}`,
      tier: "pro",
      signupAt: new Date(NOW.getTime() - 40 * 86_400_000),
      region: "riyadh",
      preferredLocale: i % 2 ? "ar" : "en",
      csmId,
    })),
  });
  return csmId;
}

describe(`checklist seeder on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("puts checklists at every step and connectors in every state, blocked ones included, once", async () => {
    const csm = await demoCsmWithAccounts(90);
    const outsider = randomUUID();
    await db().prisma.account.create({
      data: { id: outsider, name: "Not demo", searchName: "not demo", tier: "free", signupAt: NOW, region: "riyadh", preferredLocale: "en" },
    });
    const own = async () =>
      (
        await db().sql.query<{ n: number }>(
          `SELECT (SELECT count(*) FROM checklist_steps s JOIN accounts a ON a.id = s.account_id WHERE a.csm_id = $1)
             + (SELECT count(*) FROM account_connectors c JOIN accounts a ON a.id = c.account_id WHERE a.csm_id = $1) AS n`,
          [csm],
        )
      ).map((r) => Number(r.n))[0];
    expect(await CHECKLIST_SEEDER.seed(db().sql, { seed: 7, now: NOW })).toBeGreaterThan(0);
    const afterFirst = await own();
    expect(afterFirst).toBeGreaterThan(0);
    // Idempotent: the same seed again adds nothing to these accounts.
    await CHECKLIST_SEEDER.seed(db().sql, { seed: 7, now: NOW });
    expect(await own()).toBe(afterFirst);

    const o = await onboardingOverview({ csm, days: 3, page: 1 }, NOW);
    expect(o.accounts).toBe(90);
    expect(o.distribution.every((n) => n > 0)).toBe(true);
    expect(o.stuck.total).toBeGreaterThan(0);

    const states = await db().sql.query<{ state: string }>(
      `SELECT DISTINCT c.state FROM account_connectors c JOIN accounts a ON a.id = c.account_id WHERE a.csm_id = $1`,
      [csm],
    );
    expect(states.map((s) => s.state).sort()).toEqual(
      ["configuring", "connected_approved_execute", "connected_draft_only", "failed", "skipped"].sort(),
    );
    const blocked = await blockedAccounts({ csm, page: 1 });
    expect(blocked.total).toBeGreaterThan(0);
    // Every page: the order (failed first, then name, then the random test ids) decides which page a
    // skipped-WhatsApp account lands on.
    const pages = Math.ceil(blocked.total / blocked.pageSize);
    const all = [blocked.rows];
    for (let page = 2; page <= pages; page++) all.push((await blockedAccounts({ csm, page })).rows);
    expect(all.flat().some((r) => r.missing.some((m) => m.state === "skipped"))).toBe(true);
    expect(await db().prisma.checklistStep.count({ where: { accountId: outsider } })).toBe(0);
    expect(await db().prisma.accountConnector.count({ where: { accountId: outsider } })).toBe(0);
  });
});
