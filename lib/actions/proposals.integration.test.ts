import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { getFreeze } from "../data/system-state";
import type { TActor } from "../domain/auth/actor";
import { normalizeForSearch } from "../domain/accounts/search";
import { runMutation } from "./mutation";
import { approveProposalMutation, createProposalMutation, rejectProposalMutation } from "./proposals";

const csm: TActor = { type: "user", id: randomUUID(), role: "csm", label: "csm@test" };
const founder: TActor = { type: "user", id: randomUUID(), role: "founder", label: "founder@test" };
const founder2: TActor = { type: "user", id: randomUUID(), role: "founder", label: "founder2@test" };
const agent: TActor = {
  type: "token",
  id: `token:${randomUUID()}`,
  role: "analyst",
  label: "agent",
  scopes: ["customer:read", "customer:write"],
};
let accountId = "";

beforeAll(async () => {
  accountId = randomUUID();
  await db().prisma.account.create({
    data: {
      id: accountId,
      name: "مؤسسة الاختبار",
      searchName: normalizeForSearch("مؤسسة الاختبار"),
      tier: "pro",
      signupAt: new Date(),
      region: "riyadh",
      preferredLocale: "ar",
      contacts: { create: [{ id: randomUUID(), name: "ريم", email: "reem@example.test" }] },
    },
  });
});

const propose = (actor: TActor, body = "أهلا بكم") =>
  runMutation(createProposalMutation, actor, {
    kind: "message",
    account_id: accountId,
    reason: "welcome",
    message: { subject: "مرحبا", body },
  });

describe(`proposals on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("renders a message to the account's contact in its language, and a founder's approval queues exactly one outbox row", async () => {
    const created = await propose(csm);
    if (!created.ok) throw new Error(created.code);
    expect(created.data.payload).toMatchObject({ to: { email: "reem@example.test" }, locale: "ar" });
    // Direction follows each paragraph's text when shown and sent; the payload carries none.
    expect(created.data.payload).not.toHaveProperty("dir");
    const approved = await runMutation(approveProposalMutation, founder, {
      id: created.data.id,
      payload_hash: created.data.payloadHash,
    });
    expect(approved).toMatchObject({ ok: true, data: { state: "approved" } });
    expect(await db().prisma.outbox.count({ where: { proposalId: created.data.id } })).toBe(1);
    const again = await runMutation(approveProposalMutation, founder2, {
      id: created.data.id,
      payload_hash: created.data.payloadHash,
    });
    expect(again).toEqual({ ok: false, code: "already_decided" });
    expect(await db().prisma.outbox.count({ where: { proposalId: created.data.id } })).toBe(1);
  });

  it("refuses and ledgers a proposer approving their own proposal, whatever the role", async () => {
    const created = await propose(founder);
    if (!created.ok) throw new Error(created.code);
    const r = await runMutation(approveProposalMutation, founder, {
      id: created.data.id,
      payload_hash: created.data.payloadHash,
    });
    expect(r).toEqual({ ok: false, code: "own_proposal" });
    const denied = await db().prisma.ledgerEntry.findFirst({
      where: { action: "proposals.approve.denied", target: `proposal:${created.data.id}` },
    });
    expect(denied?.actorId).toBe(founder.id);
  });

  it("lets an agent propose but never approve", async () => {
    const created = await propose(agent);
    if (!created.ok) throw new Error(created.code);
    expect(
      await runMutation(approveProposalMutation, agent, {
        id: created.data.id,
        payload_hash: created.data.payloadHash,
      }),
    ).toEqual({ ok: false, code: "forbidden" });
  });

  it("refuses a stale payload hash, an unknown id, and approving a rejected proposal — without change", async () => {
    const created = await propose(csm);
    if (!created.ok) throw new Error(created.code);
    expect(
      await runMutation(approveProposalMutation, founder, { id: created.data.id, payload_hash: "0".repeat(64) }),
    ).toEqual({ ok: false, code: "stale_payload" });
    expect(
      await runMutation(approveProposalMutation, founder, { id: randomUUID(), payload_hash: "0".repeat(64) }),
    ).toEqual({ ok: false, code: "not_found" });
    expect(await runMutation(rejectProposalMutation, founder, { id: created.data.id, reason: "" })).toMatchObject({
      ok: false,
      code: "invalid_input",
    });
    expect(await runMutation(rejectProposalMutation, founder, { id: created.data.id, reason: "tone" })).toMatchObject({
      ok: true,
      data: { state: "rejected" },
    });
    expect(
      await runMutation(approveProposalMutation, founder, {
        id: created.data.id,
        payload_hash: created.data.payloadHash,
      }),
    ).toEqual({ ok: false, code: "already_decided" });
    expect(await db().prisma.outbox.count({ where: { proposalId: created.data.id } })).toBe(0);
  });

  it("refuses an oversized body and an account without contact", async () => {
    expect(await propose(csm, "x".repeat(20_001))).toMatchObject({
      ok: false,
      code: "invalid_input",
      fields: { "message.body": "validation.too_long" },
    });
    const bare = randomUUID();
    await db().prisma.account.create({
      data: {
        id: bare,
        name: "Bare",
        searchName: "bare",
        tier: "free",
        signupAt: new Date(),
        region: "riyadh",
        preferredLocale: "en",
      },
    });
    expect(
      await runMutation(createProposalMutation, csm, {
        kind: "message",
        account_id: bare,
        message: { subject: "s", body: "b" },
      }),
    ).toMatchObject({ ok: false, code: "invalid_input", fields: { account_id: "validation.no_contact" } });
  });

  it("freeze and unfreeze are proposals that take effect on approval", async () => {
    const f = await runMutation(createProposalMutation, csm, { kind: "freeze", reason: "incident" });
    if (!f.ok) throw new Error(f.code);
    expect(
      await runMutation(approveProposalMutation, founder, { id: f.data.id, payload_hash: f.data.payloadHash }),
    ).toMatchObject({ ok: true, data: { state: "delivered" } });
    expect((await getFreeze()).frozen).toBe(true);
    const u = await runMutation(createProposalMutation, csm, { kind: "unfreeze", reason: "resolved" });
    if (!u.ok) throw new Error(u.code);
    await runMutation(approveProposalMutation, founder, { id: u.data.id, payload_hash: u.data.payloadHash });
    expect((await getFreeze()).frozen).toBe(false);
  });
});
