import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { getFreeze } from "../data/system-state";
import type { TActor } from "../domain/auth/actor";
import { normalizeForSearch } from "../domain/accounts/search";
import { runMutation } from "./mutation";
import { createProposalMutation } from "./proposals";
import { bulkApprove } from "./proposals-bulk";

const csm: TActor = { type: "user", id: randomUUID(), role: "csm", label: "csm@bulk" };
const founder: TActor = { type: "user", id: randomUUID(), role: "founder", label: "founder@bulk" };
let accountId = "";

beforeAll(async () => {
  accountId = randomUUID();
  await db().prisma.account.create({
    data: {
      id: accountId,
      name: "Bulk Co",
      searchName: normalizeForSearch("Bulk Co"),
      tier: "pro",
      signupAt: new Date(),
      region: "riyadh",
      preferredLocale: "en",
      contacts: { create: [{ id: randomUUID(), name: "Sara", email: "sara@example.test" }] },
    },
  });
});

async function propose(input: Record<string, unknown>) {
  const r = await runMutation(createProposalMutation, csm, input);
  if (!r.ok) throw new Error(r.code);
  return { id: r.data.id, payload_hash: r.data.payloadHash };
}
const message = (body: string) =>
  propose({ kind: "message", account_id: accountId, reason: "r", message: { subject: "Hi", body } });
const states = async (ids: string[]) =>
  (await db().prisma.proposal.findMany({ where: { id: { in: ids } }, select: { state: true } })).map((p) => p.state);

describe(`bulk approval on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("refuses a set holding a freeze, approves nothing in it, and ledgers the refusal", async () => {
    const set = [await message("First."), await propose({ kind: "freeze", reason: "SLA" }), await message("Second.")];
    const r = await bulkApprove(founder, set);
    expect(r).toMatchObject({ ok: false, code: "bulk_not_allowed" });
    expect(await states(set.map((s) => s.id))).toEqual(["pending", "pending", "pending"]);
    expect((await getFreeze()).frozen).toBe(false);
    expect(await db().prisma.outbox.count({ where: { proposalId: { in: set.map((s) => s.id) } } })).toBe(0);
    const denied = await db().prisma.ledgerEntry.findFirst({
      where: { action: "proposals.bulk_approve.denied", actorId: founder.id },
    });
    expect(denied?.summary).toContain("freeze is decided one by one");
  });

  it("approves a set of customer messages, one ledger entry each", async () => {
    const set = [await message("Third."), await message("Fourth.")];
    expect(await bulkApprove(founder, set)).toEqual({ ok: true, data: { approved: 2, failed: [] } });
    expect(await states(set.map((s) => s.id))).toEqual(["approved", "approved"]);
    for (const s of set)
      expect(
        await db().prisma.ledgerEntry.count({ where: { action: "proposals.approve", target: `proposal:${s.id}` } }),
      ).toBe(1);
  });

  it("refuses a CSM and malformed sets", async () => {
    const set = [await message("Fifth.")];
    expect(await bulkApprove(csm, set)).toEqual({ ok: false, code: "forbidden" });
    expect(await bulkApprove(null, set)).toEqual({ ok: false, code: "unauthenticated" });
    expect(await bulkApprove(founder, [])).toEqual({ ok: false, code: "invalid_input" });
    expect(await bulkApprove(founder, [{ id: "x" }])).toEqual({ ok: false, code: "invalid_input" });
    expect(await states(set.map((s) => s.id))).toEqual(["pending"]);
  });
});
