import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "../db";
import { generateDemoData } from "../domain/seed/generate";
import { PROOF_PACK_EVENT, wholeDays } from "../domain/risk/inputs";
import { scoreRisk } from "../domain/risk/score";
import { getRisk, listAtRisk, recomputeAllRisk } from "./risk";
import { seedDemo } from "../jobs/seed-demo";

// Later than any other test's clock: other files recompute the shared PostgreSQL snapshot with an
// earlier `now`, which never overwrites a later one, so these rows stay as this file computed them.
const NOW = new Date("2099-06-15T12:00:00.000Z");
const DAY = 86_400_000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY - 3_600_000);
const engine = process.env.DATABASE_URL ? "PostgreSQL" : "PGlite";

type TSpec = { inactive: number | null; drafts: number; proof: number | null; signup?: number };

async function account(s: TSpec): Promise<string> {
  const id = randomUUID();
  const p = db().prisma;
  await p.account.create({
    data: {
      id,
      name: "Risk Test Co",
      searchName: "risk test co",
      tier: "pro",
      signupAt: ago(s.signup ?? 400),
      region: "riyadh",
      preferredLocale: "en",
      lastActivityAt: s.inactive === null ? null : ago(s.inactive),
    },
  });
  for (let i = 0; i < s.drafts; i++)
    await p.proposal.create({
      data: {
        kind: "message",
        accountId: id,
        payload: "{}",
        payloadHash: "0".repeat(64),
        proposerType: "user",
        proposerId: "t",
        proposerLabel: "t",
        expiresAt: new Date(NOW.getTime() + DAY),
      },
    });
  if (s.proof !== null) {
    // An older proof pack too: only the newest counts.
    for (const d of [s.proof, s.proof + 30])
      await p.accountEvent.create({
        data: { id: randomUUID(), accountId: id, type: PROOF_PACK_EVENT, occurredAt: ago(d), actor: "csm", summary: "pp" },
      });
  }
  return id;
}

const ids: Record<string, string> = {};
beforeAll(async () => {
  ids.zero = await account({ inactive: 6, drafts: 4, proof: 13 });
  ids.thirty = await account({ inactive: 7, drafts: 5, proof: 13 });
  ids.sixty = await account({ inactive: 13, drafts: 9, proof: 14 });
  ids.top = await account({ inactive: 14, drafts: 10, proof: 14 });
  ids.never = await account({ inactive: null, drafts: 0, proof: null, signup: 20 });
  ids.fresh = await account({ inactive: null, drafts: 0, proof: null, signup: 3 });
  ids.inactive = await account({ inactive: 14, drafts: 0, proof: 0 });
  // Expired and decided proposals are not pending drafts.
  const p = db().prisma;
  for (const state of ["pending", "rejected", "approved"])
    await p.proposal.create({
      data: {
        kind: "message",
        accountId: ids.inactive,
        payload: "{}",
        payloadHash: "0".repeat(64),
        state,
        proposerType: "user",
        proposerId: "t",
        proposerLabel: "t",
        expiresAt: state === "pending" ? new Date(NOW.getTime() - DAY) : new Date(NOW.getTime() + DAY),
      },
    });
});

describe(`at-risk snapshot on ${engine}`, () => {
  it("scores every account by the spec's rule at the boundaries, in one batch", async () => {
    const r = await recomputeAllRisk(NOW);
    expect(r.accounts).toBeGreaterThanOrEqual(7);
    const score = async (k: string) => (await getRisk(ids[k]!))!;
    expect((await score("zero")).score).toBe(0);
    expect(await score("thirty")).toMatchObject({ score: 30, severity: "medium" });
    expect(await score("sixty")).toMatchObject({ score: 60, severity: "high" });
    expect(await score("top")).toMatchObject({ score: 95, severity: "high" });
    // No activity and no proof pack ever: both count from signup (20 days).
    expect(await score("never")).toMatchObject({ score: 70, severity: "high" });
    expect(await score("fresh")).toMatchObject({ score: 0, severity: "low" });
    expect(await score("inactive")).toMatchObject({ score: 40, severity: "medium" });
    const top = await score("top");
    expect(top.reasons.map((x) => [x.code, x.value, x.points])).toEqual([
      ["inactive", 14, 40],
      ["proof_pack", 14, 30],
      ["pending_drafts", 10, 25],
    ]);
    expect(Object.keys(top.reasons[0]!).sort()).toEqual(["code", "points", "value"]);
    expect(top.computedAt.toISOString()).toBe(NOW.toISOString());
  });

  it("recomputing is idempotent and an earlier clock never overwrites a later snapshot", async () => {
    await recomputeAllRisk(NOW);
    const before = await getRisk(ids.top!);
    await recomputeAllRisk(new Date(NOW.getTime() - 30 * DAY));
    expect(await getRisk(ids.top!)).toEqual(before);
    const rows = await db().sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM account_risk WHERE account_id = ANY($1::uuid[])`,
      [Object.values(ids)],
    );
    expect(rows[0]!.n).toBe(Object.keys(ids).length);
  });

  it("the contract columns the journeys area reads are exactly there", async () => {
    const cols = await db().sql.query<{ column_name: string; data_type: string }>(
      `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'account_risk' ORDER BY ordinal_position`,
    );
    expect(cols.map((c) => [c.column_name, c.data_type])).toEqual([
      ["account_id", "uuid"],
      ["score", "integer"],
      ["severity", "text"],
      ["reasons", "jsonb"],
      ["computed_at", "timestamp with time zone"],
    ]);
  });

  it("lists by score, highest first, with severity filter and totals", async () => {
    const high = await listAtRisk({ severity: "high", page: 1 });
    expect(high.rows.every((r) => r.severity === "high")).toBe(true);
    const scores = high.rows.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(high.total).toBeGreaterThanOrEqual(3);
    const far = await listAtRisk({ severity: "high", page: 2000 });
    expect(far.rows).toEqual([]);
    expect(far.total).toBe(high.total);
  });

  it("matches the pure rule for seeded demo accounts", async () => {
    const SEED = 880_417;
    await seedDemo({ accounts: 60, seed: SEED, now: NOW });
    const seeded = [...generateDemoData({ accounts: 60, seed: SEED, now: NOW, csmIds: [] })].flatMap((b) =>
      b.accounts.map((a) => a.id),
    );
    const p = db().prisma;
    const accounts = await p.account.findMany({
      where: { id: { in: seeded } },
      select: { id: true, signupAt: true, lastActivityAt: true },
    });
    expect(accounts).toHaveLength(60);
    const severities = new Set<string>();
    let withProofPack = 0;
    for (const a of accounts) {
      const drafts = await p.proposal.count({ where: { accountId: a.id, state: "pending", expiresAt: { gt: NOW } } });
      const proof = await p.accountEvent.findFirst({
        where: { accountId: a.id, type: PROOF_PACK_EVENT },
        orderBy: { occurredAt: "desc" },
        select: { occurredAt: true },
      });
      if (proof) withProofPack++;
      const expected = scoreRisk({
        daysInactive: wholeDays(a.lastActivityAt ?? a.signupAt, NOW),
        pendingDrafts: drafts,
        daysSinceProofPack: wholeDays(proof?.occurredAt ?? a.signupAt, NOW),
      });
      const stored = await getRisk(a.id);
      expect({ id: a.id, ...stored, computedAt: undefined, accountId: undefined }).toEqual({
        id: a.id,
        ...expected,
        computedAt: undefined,
        accountId: undefined,
      });
      severities.add(expected.severity);
    }
    expect(withProofPack).toBeGreaterThan(0);
    expect(severities.size).toBeGreaterThanOrEqual(2);
    // Seeded tasks include overdue ones, and their ids pass the same validation as the task mutations.
    const tasks = await p.successTask.findMany({ where: { accountId: { in: seeded } }, select: { id: true, status: true, dueDate: true } });
    expect(tasks.some((t) => t.status === "open" && t.dueDate < NOW)).toBe(true);
    expect(tasks.some((t) => t.status === "done")).toBe(true);
    expect(tasks.every((t) => z.uuid().safeParse(t.id).success)).toBe(true);
    const plans = await p.cadencePlan.findMany({ where: { accountId: { in: seeded } }, select: { id: true } });
    expect(plans.length).toBeGreaterThan(0);
    expect(plans.every((x) => z.uuid().safeParse(x.id).success)).toBe(true);
  });
});
