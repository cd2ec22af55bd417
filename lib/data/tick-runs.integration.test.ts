import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { insertDecisions, recentTickRuns } from "./nudges";

describe(`recent tick runs on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("aggregates decisions per run and template, newest run first", async () => {
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    for (const id of ids) {
      await db().prisma.account.create({ data: { id, name: id, searchName: id, tier: "free", signupAt: new Date(), region: "riyadh", preferredLocale: "en" } });
    }
    // Far-future run ids so rows from other test files cannot come first.
    const run = 4_000_000_000 + Math.floor(Math.random() * 1_000_000);
    const at = new Date();
    await insertDecisions([
      { runId: run, accountId: ids[0]!, template: "day1-pair-screen", action: "send_nudge", reason: "r", decidedAt: at },
      { runId: run, accountId: ids[1]!, template: "none", action: "none", reason: "r", decidedAt: at },
      { runId: run, accountId: ids[2]!, template: "none", action: "auto_complete", reason: "r", decidedAt: at },
      { runId: run + 1, accountId: ids[0]!, template: "none", action: "none", reason: "r", decidedAt: at },
    ]);
    const [latest, previous] = await recentTickRuns(2);
    expect(latest).toMatchObject({ runId: run + 1, decisions: 1, byTemplate: { none: 1 }, autoComplete: 0 });
    expect(previous).toMatchObject({ runId: run, decisions: 3, byTemplate: { "day1-pair-screen": 1, none: 1 }, autoComplete: 1 });
  });
});
