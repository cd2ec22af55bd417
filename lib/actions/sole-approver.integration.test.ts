import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { ownPostgresDatabase } from "../../test/own-postgres-database";
import { db } from "../db";
import { getFreeze } from "../data/system-state";
import type { TActor } from "../domain/auth/actor";
import { normalizeForSearch } from "../domain/accounts/search";
import { saveCoolingOffMutation } from "./approval-settings";
import { runMutation } from "./mutation";
import {
  approveAsSoleApproverMutation,
  approveProposalMutation,
  createProposalMutation,
  freezeNowMutation,
  soleApproverMutationAt,
} from "./proposals";

// This file counts who may decide: other files' founders must not be in its database.
await ownPostgresDatabase();

const person = (role: "founder" | "csm", label: string): TActor => ({ type: "user", id: randomUUID(), role, label });
const founder = person("founder", "only-founder@test");
const csm = person("csm", "csm@test");
const second = person("founder", "second-founder@test");
const agent: TActor = {
  type: "token",
  id: `token:${randomUUID()}`,
  role: "analyst",
  label: "agent",
  scopes: ["customer:read", "customer:write"],
  token: { id: randomUUID(), createdBy: founder.id },
};
const minutesFromNow = (m: number) => soleApproverMutationAt(() => new Date(Date.now() + m * 60_000));
let accountId = "";

const addUser = (a: TActor, active = true) =>
  db().prisma.user.create({
    data: { id: a.id, email: a.label, name: a.label, role: a.role, active, passwordHash: "unused" },
  });

beforeAll(async () => {
  await addUser(founder);
  await addUser(csm);
  accountId = randomUUID();
  await db().prisma.account.create({
    data: {
      id: accountId,
      name: "Sole Co",
      searchName: normalizeForSearch("Sole Co"),
      tier: "pro",
      signupAt: new Date(),
      region: "riyadh",
      preferredLocale: "en",
      contacts: { create: [{ id: randomUUID(), name: "Sara", email: "sara@example.test" }] },
    },
  });
});

async function proposeUnfreeze(by: TActor) {
  const r = await runMutation(createProposalMutation, by, { kind: "unfreeze", reason: "leak contained" });
  if (!r.ok) throw new Error(r.code);
  return r.data;
}

const ledgerOf = (id: string) =>
  db().prisma.ledgerEntry.findMany({ where: { target: `proposal:${id}` }, orderBy: { seq: "asc" } });

describe(`sole approver on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("a sole founder lifts their own freeze after the cooling-off, with a reason, and not before", async () => {
    expect((await runMutation(freezeNowMutation, founder, { reason: "SEV1" })).ok).toBe(true);
    const p = await proposeUnfreeze(founder);
    const seen = { id: p.id, payload_hash: p.payloadHash };
    // The normal rule still refuses the maker.
    expect(await runMutation(approveProposalMutation, founder, seen)).toEqual({ ok: false, code: "own_proposal" });
    // Before the 15 minutes: refused and ledgered, still frozen.
    for (const m of [0, 14.9])
      expect(await runMutation(minutesFromNow(m), founder, { ...seen, reason: "resume" })).toEqual({
        ok: false,
        code: "sole_approver_waiting",
      });
    expect((await getFreeze()).frozen).toBe(true);
    // A reason must be typed.
    expect(await runMutation(minutesFromNow(16), founder, { ...seen, reason: "   " })).toMatchObject({
      ok: false,
      code: "invalid_input",
    });
    const r = await runMutation(minutesFromNow(16), founder, { ...seen, reason: "Leak contained; keys rotated" });
    expect(r).toMatchObject({ ok: true, data: { state: "delivered", decisionReason: "Leak contained; keys rotated" } });
    expect((await getFreeze()).frozen).toBe(false);
    const entries = await ledgerOf(p.id);
    expect(entries.filter((e) => e.action === "proposals.sole_approver.denied")).toHaveLength(2);
    const decision = entries.find((e) => e.action === "proposals.sole_approver");
    expect(decision?.actorId).toBe(founder.id);
    expect(decision?.summary).toContain("Leak contained; keys rotated");
    expect(decision?.summary).toContain("cooling-off 15 min");
  });

  it("refuses someone who made nothing of the proposal: they use the normal approval", async () => {
    const p = await runMutation(createProposalMutation, csm, { kind: "freeze", reason: "SLA breach" });
    if (!p.ok) throw new Error(p.code);
    const r = await runMutation(minutesFromNow(120), founder, {
      id: p.data.id,
      payload_hash: p.data.payloadHash,
      reason: "because",
    });
    expect(r).toEqual({ ok: false, code: "sole_approver_not_allowed" });
    expect(await db().prisma.proposal.findUniqueOrThrow({ where: { id: p.data.id } })).toMatchObject({
      state: "pending",
    });
  });

  it("lets the founder whose agent drafted a message approve it alone after 60 minutes; the agent never", async () => {
    const created = await runMutation(createProposalMutation, agent, {
      kind: "message",
      account_id: accountId,
      reason: "check-in",
      message: { subject: "Hello", body: "Could we book a call this week?" },
    });
    if (!created.ok) throw new Error(created.code);
    const seen = { id: created.data.id, payload_hash: created.data.payloadHash, reason: "I read it; no one else can" };
    expect(await runMutation(approveAsSoleApproverMutation, agent, seen)).toEqual({ ok: false, code: "forbidden" });
    expect(await runMutation(minutesFromNow(59), founder, seen)).toEqual({ ok: false, code: "sole_approver_waiting" });
    expect(await runMutation(minutesFromNow(61), founder, seen)).toMatchObject({
      ok: true,
      data: { state: "approved" },
    });
    expect(await db().prisma.outbox.count({ where: { proposalId: created.data.id } })).toBe(1);
  });

  it("uses the founders' cooling-off setting, 0 included", async () => {
    expect((await runMutation(saveCoolingOffMutation, csm, { unfreeze_minutes: 0, other_minutes: 0 })).ok).toBe(false);
    expect(
      await runMutation(saveCoolingOffMutation, founder, { unfreeze_minutes: -1, other_minutes: 0 }),
    ).toMatchObject({ ok: false, code: "invalid_input" });
    expect((await runMutation(saveCoolingOffMutation, founder, { unfreeze_minutes: 0, other_minutes: 5 })).ok).toBe(
      true,
    );
    await runMutation(freezeNowMutation, founder, { reason: "again" });
    const p = await proposeUnfreeze(founder);
    const r = await runMutation(approveAsSoleApproverMutation, founder, {
      id: p.id,
      payload_hash: p.payloadHash,
      reason: "fixed",
    });
    expect(r).toMatchObject({ ok: true, data: { state: "delivered" } });
    expect((await getFreeze()).frozen).toBe(false);
  });

  it("disappears as soon as a second founder exists, and the second founder decides", async () => {
    await runMutation(freezeNowMutation, founder, { reason: "third time" });
    const p = await proposeUnfreeze(founder);
    const seen = { id: p.id, payload_hash: p.payloadHash };
    await addUser(second);
    expect(await runMutation(minutesFromNow(600), founder, { ...seen, reason: "resume" })).toEqual({
      ok: false,
      code: "sole_approver_not_allowed",
    });
    expect((await getFreeze()).frozen).toBe(true);
    expect(await runMutation(approveProposalMutation, second, seen)).toMatchObject({
      ok: true,
      data: { state: "delivered" },
    });
    expect((await getFreeze()).frozen).toBe(false);
  });
});
